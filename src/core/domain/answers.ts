import type { AnswerDetail, AnswerEntry, Criterion, Evidence, Exemption } from '../format/types';
import type { CriterionAgreement } from './consensus';
import { evidenceFreshness, NO_EVIDENCE_POLICY, type EvidenceFreshness, type EvidencePolicy } from './evidence';
import type { RubricIndex } from './rubricIndex';

/**
 * What an answer means: its credit, whether it counts, whether its exemption still applies and
 * whether the evidence a criterion asks for is there. Scoring and the rules read these facts;
 * neither works them out again.
 */

export interface ExemptionState extends Exemption {
  /** Past its expiry on the assessment's date: the item counts again. */
  readonly expired: boolean;
}

/** Whether an item is in the score: not applicable and active exemptions leave it out; an expired exemption does not. */
export type ItemStatus = 'counted' | 'not-applicable' | 'exempt';

export function exemptionState(exemption: Exemption | undefined, onDate: string): ExemptionState | undefined {
  if (!exemption) return undefined;
  return { ...exemption, expired: exemption.expires < onDate };
}

export function itemStatus(notApplicable: unknown, exemption: ExemptionState | undefined): ItemStatus {
  if (notApplicable) return 'not-applicable';
  return exemption && !exemption.expired ? 'exempt' : 'counted';
}

/** An answer written either as a bare value or as a map with `answer`, `evidence` and the rest. */
export function answerDetail(entry: AnswerEntry | undefined): AnswerDetail | undefined {
  if (entry === undefined) return undefined;
  if (typeof entry === 'string' || typeof entry === 'boolean') return { answer: entry };
  return entry;
}

/** The answer as people read it: booleans as yes and no. */
export function answerText(answer: string | boolean | undefined): string | undefined {
  if (answer === undefined) return undefined;
  return typeof answer === 'boolean' ? (answer ? 'yes' : 'no') : answer;
}

/** Everything known about one criterion of an assessed dimension, answered or not. */
export interface CriterionFact {
  readonly id: string;
  readonly text: string;
  readonly level: number;
  readonly weight: number;
  readonly status: ItemStatus;
  /** The answer as written (booleans shown as yes/no), if any. */
  readonly answer?: string;
  readonly answered: boolean;
  /** Whether the answer is one of the criterion's scale (undefined without an answer). */
  readonly inScale?: boolean;
  /** Credit from 0 to 1; an unanswered criterion, or an answer off the scale, earns 0. */
  readonly credit: number;
  /** Whether the criterion counts as met (credit at or above the rubric's pass credit). */
  readonly met: boolean;
  readonly evidenceRequired: boolean;
  readonly evidence: readonly Evidence[];
  /** A positive answer that counts, to a criterion that requires evidence, without evidence. */
  readonly evidenceMissing: boolean;
  /** Under an evidence validity, where its evidence stands (domain/evidence.ts); absent without a validity or without evidence. */
  readonly evidenceFreshness?: EvidenceFreshness;
  /**
   * The credit the answer would earn, withdrawn because the rubric lets stale evidence earn none
   * (`scoring.staleEvidence: noCredit`) and this answer to a criterion that requires evidence
   * rests on stale evidence only. `credit` is then 0.
   */
  readonly withdrawnCredit?: number;
  readonly note?: string;
  readonly notApplicable?: string;
  readonly exemption?: ExemptionState;
  /** The answer is not the assessment's own: it comes from the assessment it inherits from (domain/inheritance.ts), written in this file (a URI). */
  readonly inheritedFrom?: string;
  /**
   * With several assessors (`responses`): each one's answer, how far apart they are and what the
   * consensus rule gives (domain/consensus.ts).
   */
  readonly agreement?: CriterionAgreement;
  /** With several assessors: the assessment's own answer (under `dimensions`) is the one scored, whatever the consensus gives. */
  readonly settled?: boolean;
}

/** What several assessors said about a criterion, for its fact. */
export interface AssessorsOfCriterion {
  readonly agreement: CriterionAgreement;
  readonly settled: boolean;
}

/**
 * The facts of a criterion from its entry. With several assessors, `entry` is the one to score
 * (assessmentFacts.ts merges the assessment's own entry with the consensus) and `assessors` says
 * what each of them answered.
 */
export function criterionFact(index: RubricIndex, criterion: Criterion, entry: AnswerEntry | undefined, date: string, policy: EvidencePolicy = NO_EVIDENCE_POLICY, assessors?: AssessorsOfCriterion): CriterionFact {
  const detail = answerDetail(entry);
  const exemption = exemptionState(detail?.exemption, date);
  const status = itemStatus(detail?.notApplicable, exemption);
  const answer = answerText(detail?.answer);
  const credit = detail?.answer === undefined ? undefined : index.credit(criterion, detail.answer);
  const evidence = detail?.evidence ?? NO_EVIDENCE;
  const evidenceRequired = criterion.evidenceRequired ?? false;
  // Only under a validity, and only for an answer with evidence: most answers skip this.
  const freshness = policy.duration && evidence.length > 0 ? evidenceFreshness(evidence, date, policy) : undefined;
  const withdrawn = policy.staleLosesCredit && freshness === 'stale' && evidenceRequired && status === 'counted' && (credit ?? 0) > 0;
  const earned = withdrawn ? 0 : (credit ?? 0);
  // Built field by field (no spreads): an assessment has thousands of these.
  const fact: { -readonly [K in keyof CriterionFact]: CriterionFact[K] } = {
    id: criterion.id,
    text: criterion.text,
    level: criterion.level,
    weight: criterion.weight ?? 1,
    status,
    answered: answer !== undefined,
    credit: earned,
    met: index.meets(earned),
    evidenceRequired,
    evidence,
    evidenceMissing: status === 'counted' && evidenceRequired && earned > 0 && evidence.length === 0,
  };
  if (freshness !== undefined) fact.evidenceFreshness = freshness;
  if (withdrawn) fact.withdrawnCredit = credit;
  if (answer !== undefined) {
    fact.answer = answer;
    fact.inScale = credit !== undefined;
  }
  if (detail?.note) fact.note = detail.note;
  if (detail?.notApplicable) fact.notApplicable = detail.notApplicable.reason;
  if (exemption) fact.exemption = exemption;
  if (assessors) {
    fact.agreement = assessors.agreement;
    fact.settled = assessors.settled;
  }
  return fact;
}

const NO_EVIDENCE: readonly Evidence[] = [];
