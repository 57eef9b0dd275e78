import type { Path } from '../document/located';
import type { AnswerDetail, AnswerEntry, Dimension, DimensionResult, Evidence, Exemption, NotApplicable } from '../format/types';
import type { SchemaVerdict } from '../schema/validateSchema';
import { answerDetail, criterionFact, exemptionState, type CriterionFact, type ExemptionState } from './answers';
import type { EffectiveAssessment, InheritedParts } from './inheritance';
import { evidenceAsOf, evidencePolicy, type EvidencePolicy } from './evidence';
import { evidenceUrl } from './links';
import type { RubricIndex } from './rubricIndex';
import { isMap } from '../format/values';

/**
 * An assessment as written, read once into facts with the place of each: which dimensions and
 * answers it has, what each answer is worth, which exemptions still apply. Built from the parts
 * that passed the schema, so the rules can check those while other parts have schema errors;
 * scoring reads the same facts for a document that passed whole.
 */

export interface WrittenLink {
  readonly url: string;
  readonly path: Path;
  /** The date the evidence gives (`asOf`), when it is written as a map with one. */
  readonly asOf?: string;
  /** Where `asOf` is written. */
  readonly asOfPath: Path;
  /** The entry as written. */
  readonly evidence: Evidence;
}

/**
 * An evidence link of a dimension or an answer: its place is worked out when a rule reports on it,
 * since only the link rule reads these, and nearly every link is fine.
 */
class EvidenceLink implements WrittenLink {
  constructor(
    readonly evidence: Evidence,
    /** The path of the dimension or answer whose `evidence` list holds it. */
    private readonly owner: Path,
    private readonly index: number,
  ) {}

  get url(): string {
    return evidenceUrl(this.evidence);
  }

  get asOf(): string | undefined {
    return evidenceAsOf(this.evidence);
  }

  get path(): Path {
    return typeof this.evidence !== 'string' ? [...this.owner, 'evidence', this.index, 'url'] : [...this.owner, 'evidence', this.index];
  }

  get asOfPath(): Path {
    return [...this.owner, 'evidence', this.index, 'asOf'];
  }
}

/**
 * One answer as written. Its places in the text are worked out when asked for (a rule that
 * reports on it, or reads its evidence links), not for each of the thousands of answers a large
 * assessment holds.
 */
export class WrittenAnswer {
  constructor(
    private readonly dimensionId: string,
    readonly criterionId: string,
    readonly detail: AnswerDetail,
    /** Whether the entry is a map (`{ answer, evidence, ... }`) rather than a bare value. */
    readonly detailed: boolean,
    /** The criterion's facts, when it is one of this dimension's criteria in the rubric. */
    readonly fact: CriterionFact | undefined,
    private readonly valid: (path: Path) => boolean,
  ) {}

  get path(): Path {
    return ['dimensions', this.dimensionId, 'answers', this.criterionId];
  }

  /** Where the answer value sits: the entry itself, or its `answer` key. */
  get answerPath(): Path {
    return this.detailed ? [...this.path, 'answer'] : this.path;
  }

  /** Its evidence links that passed the schema. */
  get evidence(): readonly WrittenLink[] {
    return this.detailed && this.detail.evidence ? links(this.detail.evidence, this.path, this.valid) : [];
  }
}

export interface WrittenDimension {
  readonly id: string;
  readonly path: Path;
  /** The rubric's dimension of this id, when the rubric is known and has it. */
  readonly dimension?: Dimension;
  readonly level?: number;
  readonly target?: number;
  readonly notApplicable?: NotApplicable;
  readonly exemption?: ExemptionState;
  /** Not applicable, or exempt with an exemption that has not expired: out of the score. */
  readonly excluded: boolean;
  readonly evidence: readonly WrittenLink[];
  /** Answers that passed the schema, in the order written. */
  readonly answers: readonly WrittenAnswer[];
  /** Every key under `answers` and `metrics`, whether or not its value passed the schema. */
  readonly answerIds: readonly string[];
  readonly metricIds: readonly string[];
}

export interface AssessmentFacts {
  /** The assessment's date, when it passed the schema (exemptions expire relative to it). */
  readonly date?: string;
  /** What its evidence is held to: its own or its rubric's validity, and the rubric's credit rule. */
  readonly evidencePolicy: EvidencePolicy;
  /** Every key under `dimensions`, in the order written. */
  readonly dimensionIds: readonly string[];
  /** The entries that are maps, in the order written. */
  readonly dimensions: readonly WrittenDimension[];
  /** Criterion facts by dimension id and criterion id, for the rubric's criteria that have an answer (inherited ones included). */
  readonly criteria: ReadonlyMap<string, ReadonlyMap<string, CriterionFact>>;
  /** What the assessment takes from the assessment it inherits from, when it inherits (domain/inheritance.ts). */
  readonly inherited?: InheritedParts;
}

type MutableWrittenDimension = { -readonly [K in keyof WrittenDimension]: WrittenDimension[K] };

const ALWAYS_VALID = (): boolean => true;

/** Reads an assessment's facts from its data; `index` is its rubric, when that could be used. */
export function assessmentFacts(value: unknown, index: RubricIndex | undefined, verdict: SchemaVerdict): AssessmentFacts {
  // Most documents pass whole: then no part needs asking about.
  const valid = verdict.valid ? ALWAYS_VALID : (path: Path) => verdict.isValid(path);
  const record = isMap(value) ? value : {};
  const date = typeof record.date === 'string' && valid(['date']) ? record.date : undefined;
  const validFor = typeof record.evidenceValidFor === 'string' && valid(['evidenceValidFor']) ? record.evidenceValidFor : undefined;
  const policy = evidencePolicy(index?.rubric, validFor);
  const dimensionsValue = record.dimensions;
  const dimensionIds = isMap(dimensionsValue) ? Object.keys(dimensionsValue) : [];
  const dimensions: WrittenDimension[] = [];
  const criteria = new Map<string, Map<string, CriterionFact>>();
  // Loops by index: a for-of allocates an iterator result per step until V8 optimizes it, and
  // in a CI run over a repository most of this code never is (bench: npm run bench -- --cli-only).
  for (let d = 0; d < dimensionIds.length; d++) {
    const id = dimensionIds[d]!;
    const entry = (dimensionsValue as Record<string, unknown>)[id];
    if (!isMap(entry)) continue;
    const path = ['dimensions', id];
    const dimension = index?.dimensions.get(id);
    // Without a usable date, an exemption is taken to apply: the item is left out rather than judged.
    const exemption = exemptionState(validField<Exemption>(entry, 'exemption', path, verdict), date ?? '');
    const notApplicable = validField<NotApplicable>(entry, 'notApplicable', path, verdict);
    const answersValue = entry.answers;
    const answerIds = isMap(answersValue) ? Object.keys(answersValue) : [];
    const answers: WrittenAnswer[] = [];
    const facts = new Map<string, CriterionFact>();
    for (let a = 0; a < answerIds.length; a++) {
      const criterionId = answerIds[a]!;
      if (!verdict.valid && !valid([...path, 'answers', criterionId])) continue;
      const answer = (answersValue as Record<string, unknown>)[criterionId] as AnswerEntry;
      const detail = answerDetail(answer) ?? {};
      // One of this dimension's own criteria (criterion ids are unique in a rubric that can be used).
      const owned = dimension ? index?.criteria.get(criterionId) : undefined;
      const fact = owned && owned.dimension === dimension && index ? criterionFact(index, owned.criterion, answer, date ?? '', policy) : undefined;
      if (fact) facts.set(criterionId, fact);
      answers.push(new WrittenAnswer(id, criterionId, detail, isMap(answer), fact, valid));
    }
    if (facts.size > 0) criteria.set(id, facts);
    const level = validField<number>(entry, 'level', path, verdict);
    const target = validField<number>(entry, 'target', path, verdict);
    // Field by field rather than by spreads: an assessment can have hundreds of dimensions.
    const written = { id, path } as unknown as MutableWrittenDimension;
    if (dimension) written.dimension = dimension;
    if (level !== undefined) written.level = level;
    if (target !== undefined) written.target = target;
    if (notApplicable) written.notApplicable = notApplicable;
    if (exemption) written.exemption = exemption;
    written.excluded = Boolean(notApplicable) || Boolean(exemption && !exemption.expired);
    written.evidence = links(entry.evidence, path, valid);
    written.answers = answers;
    written.answerIds = answerIds;
    written.metricIds = isMap(entry.metrics) ? Object.keys(entry.metrics) : [];
    dimensions.push(written);
  }
  const facts: { -readonly [K in keyof AssessmentFacts]: AssessmentFacts[K] } = { evidencePolicy: policy, dimensionIds, dimensions, criteria };
  return date !== undefined ? { date, ...facts } : facts;
}

/** A dimension's field, when it is there and passed the schema. */
function validField<T>(entry: Record<string, unknown>, key: keyof DimensionResult, path: Path, verdict: SchemaVerdict): T | undefined {
  const value = entry[key];
  return value !== undefined && (verdict.valid || verdict.isValid([...path, key])) ? (value as T) : undefined;
}

/** The evidence links under `owner` (a dimension or an answer) that passed the schema, item by item. */
function links(evidence: unknown, owner: Path, valid: (path: Path) => boolean): WrittenLink[] {
  if (!Array.isArray(evidence)) return [];
  const out: WrittenLink[] = [];
  for (let i = 0; i < evidence.length; i++) {
    if (valid !== ALWAYS_VALID && !valid([...owner, 'evidence', i])) continue;
    out.push(new EvidenceLink(evidence[i] as Evidence, owner, i));
  }
  return out;
}

/** The facts of every criterion of a rubric dimension in an assessment, answered or not. */
export function dimensionCriteria(facts: AssessmentFacts, index: RubricIndex, dimension: Dimension, date: string): CriterionFact[] {
  const written = facts.criteria.get(dimension.id);
  return (dimension.criteria ?? []).map((c) => written?.get(c.id) ?? criterionFact(index, c, undefined, date, facts.evidencePolicy));
}


/**
 * The facts as the assessment counts them, when it inherits: its own facts (what it writes, for the
 * rules that check what is written), and the facts of the answers it takes from its bases, each
 * read as of its own date and evidence policy and marked with the file that wrote it
 * (`inheritedFrom`). Scoring reads these; an inherited answer to a criterion that is not one of its
 * dimension's is left to the base that wrote it to report.
 */
export function withInheritedFacts(own: AssessmentFacts, effective: EffectiveAssessment, index: RubricIndex): AssessmentFacts {
  const criteria = new Map<string, Map<string, CriterionFact>>();
  for (const [dimension, facts] of own.criteria) criteria.set(dimension, new Map(facts));
  for (const [dimension, from] of effective.inherited.answers) {
    const answers = effective.data.dimensions[dimension]?.answers;
    if (!answers) continue;
    for (const [criterionId, uri] of from) {
      const owned = index.criteria.get(criterionId);
      if (!owned || owned.dimension.id !== dimension) continue;
      const fact = { ...criterionFact(index, owned.criterion, answers[criterionId], effective.data.date, own.evidencePolicy), inheritedFrom: uri };
      const facts = criteria.get(dimension) ?? new Map<string, CriterionFact>();
      facts.set(criterionId, fact);
      criteria.set(dimension, facts);
    }
  }
  return { ...own, criteria, inherited: effective.inherited };
}
