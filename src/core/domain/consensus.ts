/**
 * Several assessors: what their answers to one criterion come to. Each assessor's answer has a
 * credit on the criterion's scale; the assessment's `consensus` rule picks the answer that is
 * scored, and the spread (in steps of the scale) says how far apart they are. Scoring, the rules
 * and the reports read these facts; none of them works them out again.
 */

export type ConsensusRule = 'median' | 'minimum' | 'adjudicator';

/**
 * The rules an assessment can start with when its first assessor is added (by the questionnaire
 * or `rubrics import answers --assessor-name`): `adjudicator` needs an adjudicator named too,
 * which is the team's decision to write in the file.
 */
export const STARTING_CONSENSUS_RULES = ['median', 'minimum'] as const satisfies readonly ConsensusRule[];
export type StartingConsensusRule = (typeof STARTING_CONSENSUS_RULES)[number];

/** The rule an assessment chose, and for `adjudicator` whose answer settles. */
export interface ConsensusChoice {
  readonly rule: ConsensusRule;
  /** The adjudicator's assessor id (a key of `responses`), for the adjudicator rule. */
  readonly adjudicator?: string;
}

/** One assessor's answer to one criterion. */
export interface AssessorAnswer {
  /** The assessor's id: the key of their response. */
  readonly assessor: string;
  /** Their name, as their response gives it. */
  readonly name?: string;
  /** The answer as people read it (booleans as yes and no). */
  readonly answer: string;
  /** Its credit on the criterion's scale; absent for an answer off the scale, which the consensus leaves out. */
  readonly credit?: number;
  /** The assessor's rationale. */
  readonly note?: string;
}

/** How several assessors' answers to one criterion agree, and the answer the consensus rule gives. */
export interface CriterionAgreement {
  /** Every assessor's answer, in the order the responses are written. */
  readonly answers: readonly AssessorAnswer[];
  /** The answer the rule gives; absent when it gives none (no answer on the scale, or an adjudicator who has not answered while the others differ). */
  readonly consensus?: AssessorAnswer;
  /** How many answers are on the scale: the ones compared and read by the rule. */
  readonly compared: number;
  /** Whether every answer on the scale earns the same credit (true with fewer than two). */
  readonly agree: boolean;
  /** Steps on the criterion's scale between the lowest and the highest answer: 0 when they agree, 1 for yes against no. */
  readonly spread: number;
  /** The lowest and the highest answer on the scale (the first written of equals), when there is one. */
  readonly lowest?: AssessorAnswer;
  readonly highest?: AssessorAnswer;
  /** Under the adjudicator rule: the adjudicator has given no answer on the scale. */
  readonly adjudicatorMissing?: boolean;
}

/**
 * The agreement over assessors' answers to one criterion. `steps(low, high)` counts the steps of
 * the criterion's scale between two credits (RubricIndex.scaleSteps).
 */
export function criterionAgreement(answers: readonly AssessorAnswer[], choice: ConsensusChoice, steps: (low: number, high: number) => number): CriterionAgreement {
  const ranked = answers.filter((a) => a.credit !== undefined);
  // Stable: of equal credits, the first written stays first.
  const sorted = [...ranked].sort((a, b) => (a.credit as number) - (b.credit as number));
  const lowest = sorted[0];
  const highest = sorted.length > 0 ? highestOf(sorted) : undefined;
  const agree = !lowest || !highest || lowest.credit === highest.credit;
  const spread = lowest && highest ? steps(lowest.credit as number, highest.credit as number) : 0;
  const agreement: { -readonly [K in keyof CriterionAgreement]: CriterionAgreement[K] } = { answers, compared: ranked.length, agree, spread };
  if (lowest && highest) {
    agreement.lowest = lowest;
    agreement.highest = highest;
  }
  const consensus = consensusOf(sorted, ranked, agree, choice);
  if (consensus) agreement.consensus = consensus;
  if (choice.rule === 'adjudicator' && !ranked.some((a) => a.assessor === choice.adjudicator)) agreement.adjudicatorMissing = true;
  return agreement;
}

/** The first written of the answers with the highest credit (`sorted` is by credit, stable). */
function highestOf(sorted: readonly AssessorAnswer[]): AssessorAnswer {
  const top = (sorted[sorted.length - 1] as AssessorAnswer).credit;
  return sorted.find((a) => a.credit === top) as AssessorAnswer;
}

/**
 * The answer a rule picks from the answers on the scale (`sorted` by credit, `ranked` as written):
 * - median: the middle one; of an even number, the lower of the two middle ones, so the scored
 *   answer is always one an assessor gave, and a tie between two views goes to the cautious one;
 * - minimum: the lowest;
 * - adjudicator: the adjudicator's; where they have not answered, the answer the others all give,
 *   and none while those differ.
 */
function consensusOf(sorted: readonly AssessorAnswer[], ranked: readonly AssessorAnswer[], agree: boolean, choice: ConsensusChoice): AssessorAnswer | undefined {
  if (sorted.length === 0) return undefined;
  switch (choice.rule) {
    case 'minimum':
      return sorted[0];
    case 'median': {
      const middle = sorted[(sorted.length - 1) >> 1] as AssessorAnswer;
      // The first written of the answers with the middle credit.
      return sorted.find((a) => a.credit === middle.credit);
    }
    case 'adjudicator':
      return ranked.find((a) => a.assessor === choice.adjudicator) ?? (agree ? ranked[0] : undefined);
  }
}

/** Agreement over a set of criteria (a dimension's, or a whole assessment's) that two or more assessors answered on the scale. */
export interface AgreementSummary {
  /** Criteria with two or more answers on the scale. */
  readonly compared: number;
  /** Of those, the ones where every answer earns the same credit. */
  readonly agreed: number;
  /** The widest spread, in steps of a scale (0 when all agree). */
  readonly widestSpread: number;
}

/** The agreement over criteria (undefined: a criterion no assessor answered); undefined when no criterion has two answers to compare. */
export function summarizeAgreement(criteria: Iterable<CriterionAgreement | undefined>): AgreementSummary | undefined {
  let compared = 0;
  let agreed = 0;
  let widestSpread = 0;
  for (const c of criteria) {
    if (!c || c.compared < 2) continue;
    compared++;
    if (c.agree) agreed++;
    widestSpread = Math.max(widestSpread, c.spread);
  }
  return compared > 0 ? { compared, agreed, widestSpread } : undefined;
}
