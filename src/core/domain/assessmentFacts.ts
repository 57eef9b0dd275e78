import type { Path } from '../document/located';
import type { AnswerDetail, AnswerEntry, Criterion, Dimension, DimensionResult, Evidence, Exemption, NotApplicable } from '../format/types';
import type { SchemaVerdict } from '../schema/validateSchema';
import { answerDetail, answerText, criterionFact, exemptionState, itemStatus, type CriterionFact, type ExemptionState } from './answers';
import { criterionAgreement, type AssessorAnswer, type ConsensusChoice, type ConsensusRule, type CriterionAgreement } from './consensus';
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
    /** The path of the dimension whose `answers` holds it: under `dimensions`, or under an assessor's response. */
    private readonly dimensionPath: Path,
    readonly criterionId: string,
    readonly detail: AnswerDetail,
    /** Whether the entry is a map (`{ answer, evidence, ... }`) rather than a bare value. */
    readonly detailed: boolean,
    /**
     * The criterion's facts, when it is one of this dimension's criteria in the rubric: under
     * `dimensions`, the facts of the answer that is scored; in a response, of that assessor's answer alone.
     */
    readonly fact: CriterionFact | undefined,
    private readonly valid: (path: Path) => boolean,
  ) {}

  get path(): Path {
    return [...this.dimensionPath, 'answers', this.criterionId];
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

/** One assessor's response: who answered, when, and their answers. */
export interface WrittenResponse {
  /** The assessor's id: the response's key. */
  readonly id: string;
  readonly path: Path;
  readonly name?: string;
  readonly role?: string;
  readonly date?: string;
  /** Its dimensions that are maps, in the order written; each answer's fact is this assessor's answer alone. */
  readonly dimensions: readonly WrittenDimension[];
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
  /** Criterion facts by dimension id and criterion id, for the rubric's criteria that have an answer (the assessment's own, its assessors', or inherited). */
  readonly criteria: ReadonlyMap<string, ReadonlyMap<string, CriterionFact>>;
  /** What the assessment takes from the assessment it inherits from, when it inherits (domain/inheritance.ts). */
  readonly inherited?: InheritedParts;
  /** The consensus rule, when the assessment sets one. */
  readonly consensus?: ConsensusChoice;
  /** The assessors' responses that are maps, in the order written; empty without `responses`. */
  readonly responses: readonly WrittenResponse[];
  /**
   * How the assessors' answers agree, by dimension id and criterion id: the rubric's criteria
   * that an assessor answered, in dimensions the rubric has. Empty without responses.
   */
  readonly agreement: ReadonlyMap<string, ReadonlyMap<string, CriterionAgreement>>;
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
  const consensus = consensusChoice(record, valid);
  const responded = record.responses === undefined ? NO_RESPONSES : readResponses(record.responses, index, consensus, valid, verdict, date ?? '', policy);
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
    const agreed = responded.agreement.get(id);
    const { answers, answerIds, facts } = readAnswers(path, entry.answers, dimension, index, valid, verdict, date ?? '', policy, agreed && ((criterionId, answer) => {
      const agreement = agreed.get(criterionId);
      return agreement && { agreement, evidence: responded.evidence.get(id)?.get(criterionId) ?? NO_EVIDENCE, own: answer };
    }));
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
  if (index && responded.agreement.size > 0) addConsensusFacts(criteria, responded, index, date ?? '', policy);
  const facts: { -readonly [K in keyof AssessmentFacts]: AssessmentFacts[K] } = { evidencePolicy: policy, dimensionIds, dimensions, criteria, responses: responded.responses, agreement: responded.agreement };
  if (consensus) facts.consensus = consensus;
  return date !== undefined ? { date, ...facts } : facts;
}

/** What the scored answer of a criterion that assessors answered is made of. */
interface Consensual {
  readonly agreement: CriterionAgreement;
  /** The evidence the assessors gave for it. */
  readonly evidence: readonly Evidence[];
  /** The assessment's own entry for it, if any. */
  readonly own: AnswerEntry | undefined;
}

/**
 * The answers of one dimension's `answers` map (under `dimensions` or in a response) that passed
 * the schema, with the facts of each. `consensual` gives, for a criterion the assessors answered,
 * what its scored answer is made of (only under `dimensions`).
 */
function readAnswers(
  dimensionPath: Path,
  answersValue: unknown,
  dimension: Dimension | undefined,
  index: RubricIndex | undefined,
  valid: (path: Path) => boolean,
  verdict: SchemaVerdict,
  date: string,
  policy: EvidencePolicy,
  consensual?: (criterionId: string, answer: AnswerEntry) => Consensual | undefined,
): { answers: WrittenAnswer[]; answerIds: string[]; facts: Map<string, CriterionFact> } {
  const answerIds = isMap(answersValue) ? Object.keys(answersValue) : [];
  const answers: WrittenAnswer[] = [];
  const facts = new Map<string, CriterionFact>();
  for (let a = 0; a < answerIds.length; a++) {
    const criterionId = answerIds[a]!;
    if (!verdict.valid && !valid([...dimensionPath, 'answers', criterionId])) continue;
    const answer = (answersValue as Record<string, unknown>)[criterionId] as AnswerEntry;
    const detail = answerDetail(answer) ?? {};
    // One of this dimension's own criteria (criterion ids are unique in a rubric that can be used).
    const owned = dimension ? index?.criteria.get(criterionId) : undefined;
    let fact: CriterionFact | undefined;
    if (owned && owned.dimension === dimension && index) {
      const merged = consensual?.(criterionId, answer);
      fact = merged ? consensusFact(index, owned.criterion, merged, date, policy) : criterionFact(index, owned.criterion, answer, date, policy);
    }
    if (fact) facts.set(criterionId, fact);
    answers.push(new WrittenAnswer(dimensionPath, criterionId, detail, isMap(answer), fact, valid));
  }
  return { answers, answerIds, facts };
}

/**
 * The fact of a criterion the assessors answered: the assessment's own answer when it gives one
 * (it settles the criterion), else the consensus, unless the assessment marks the criterion not
 * applicable or exempt; its evidence, then each assessor's (each link once); its own note,
 * exemption and not-applicable mark.
 */
function consensusFact(index: RubricIndex, criterion: Criterion, { agreement, evidence, own }: Consensual, date: string, policy: EvidencePolicy): CriterionFact {
  const detail = answerDetail(own);
  const counts = itemStatus(detail?.notApplicable, exemptionState(detail?.exemption, date)) === 'counted';
  const scored: { -readonly [K in keyof AnswerDetail]: AnswerDetail[K] } = { ...detail };
  const answer = detail?.answer ?? (counts ? agreement.consensus?.answer : undefined);
  if (answer !== undefined) scored.answer = answer;
  const links = mergeEvidence(detail?.evidence ?? NO_EVIDENCE, evidence);
  if (links.length > 0) scored.evidence = links;
  return criterionFact(index, criterion, scored, date, policy, { agreement, settled: detail?.answer !== undefined });
}

/** The links of `first`, then those of `more` whose address is not among them yet. */
function mergeEvidence(first: readonly Evidence[], more: readonly Evidence[]): Evidence[] {
  if (more.length === 0) return [...first];
  const seen = new Set(first.map(evidenceUrl));
  const out = [...first];
  for (const link of more) {
    const url = evidenceUrl(link);
    if (seen.has(url)) continue;
    seen.add(url);
    out.push(link);
  }
  return out;
}

/** The facts of criteria only the assessors answered (the assessment's own entries were read with their dimensions). */
function addConsensusFacts(criteria: Map<string, Map<string, CriterionFact>>, responded: Responded, index: RubricIndex, date: string, policy: EvidencePolicy): void {
  for (const [dimensionId, byCriterion] of responded.agreement) {
    let facts = criteria.get(dimensionId);
    for (const [criterionId, agreement] of byCriterion) {
      if (facts?.has(criterionId)) continue;
      const criterion = index.criteria.get(criterionId)?.criterion as Criterion;
      const fact = consensusFact(index, criterion, { agreement, evidence: responded.evidence.get(dimensionId)?.get(criterionId) ?? NO_EVIDENCE, own: undefined }, date, policy);
      if (!facts) criteria.set(dimensionId, (facts = new Map()));
      facts.set(criterionId, fact);
    }
  }
}

const CONSENSUS_RULES: readonly string[] = ['median', 'minimum', 'adjudicator'] satisfies readonly ConsensusRule[];

/** The consensus rule the assessment sets, when it passed the schema. */
function consensusChoice(record: Record<string, unknown>, valid: (path: Path) => boolean): ConsensusChoice | undefined {
  const rule = record.consensus;
  if (typeof rule !== 'string' || !CONSENSUS_RULES.includes(rule) || !valid(['consensus'])) return undefined;
  const adjudicator = typeof record.adjudicator === 'string' && valid(['adjudicator']) ? record.adjudicator : undefined;
  return adjudicator !== undefined ? { rule: rule as ConsensusRule, adjudicator } : { rule: rule as ConsensusRule };
}

/** The assessors' responses, read: each as written, and per criterion their answers, agreement and evidence. */
interface Responded {
  readonly responses: readonly WrittenResponse[];
  readonly agreement: ReadonlyMap<string, ReadonlyMap<string, CriterionAgreement>>;
  readonly evidence: ReadonlyMap<string, ReadonlyMap<string, readonly Evidence[]>>;
}

const NO_RESPONSES: Responded = { responses: [], agreement: new Map(), evidence: new Map() };

function readResponses(value: unknown, index: RubricIndex | undefined, consensus: ConsensusChoice | undefined, valid: (path: Path) => boolean, verdict: SchemaVerdict, date: string, policy: EvidencePolicy): Responded {
  if (!isMap(value) || !valid(['responses'])) return NO_RESPONSES;
  const responses: WrittenResponse[] = [];
  // Per dimension and criterion: each assessor's answer, and the evidence they gave.
  const given = new Map<string, Map<string, AssessorAnswer[]>>();
  const evidence = new Map<string, Map<string, Evidence[]>>();
  for (const id of Object.keys(value)) {
    const entry = value[id];
    const path = ['responses', id];
    if (!isMap(entry) || !valid(path)) continue;
    const name = typeof entry.name === 'string' && valid([...path, 'name']) ? entry.name : undefined;
    const dimensionsValue = entry.dimensions;
    const written: WrittenDimension[] = [];
    for (const dimensionId of isMap(dimensionsValue) ? Object.keys(dimensionsValue) : []) {
      const dimensionEntry = (dimensionsValue as Record<string, unknown>)[dimensionId];
      const dimensionPath = [...path, 'dimensions', dimensionId];
      if (!isMap(dimensionEntry) || !valid(dimensionPath)) continue;
      const dimension = index?.dimensions.get(dimensionId);
      const { answers, answerIds } = readAnswers(dimensionPath, dimensionEntry.answers, dimension, index, valid, verdict, date, policy);
      const own: MutableWrittenDimension = { id: dimensionId, path: dimensionPath, excluded: false, evidence: NO_LINKS, answers, answerIds, metricIds: NO_IDS } as MutableWrittenDimension;
      if (dimension) own.dimension = dimension;
      written.push(own);
      for (const answer of answers) {
        if (!answer.fact || answer.detail.answer === undefined) continue;
        const criterion = index?.criteria.get(answer.criterionId)?.criterion as Criterion;
        const credit = index?.credit(criterion, answer.detail.answer);
        const said: { -readonly [K in keyof AssessorAnswer]: AssessorAnswer[K] } = { assessor: id, answer: answerText(answer.detail.answer) as string };
        if (name !== undefined) said.name = name;
        if (credit !== undefined) said.credit = credit;
        if (answer.detail.note) said.note = answer.detail.note;
        listAt(given, dimensionId, answer.criterionId).push(said);
        if (answer.detail.evidence?.length) listAt(evidence, dimensionId, answer.criterionId).push(...answer.detail.evidence);
      }
    }
    const response: { -readonly [K in keyof WrittenResponse]: WrittenResponse[K] } = { id, path, dimensions: written };
    if (name !== undefined) response.name = name;
    for (const field of ['role', 'date'] as const) {
      if (typeof entry[field] === 'string' && valid([...path, field])) response[field] = entry[field];
    }
    responses.push(response);
  }
  const agreement = new Map<string, Map<string, CriterionAgreement>>();
  if (index) {
    const choice = consensus ?? DEFAULT_CONSENSUS;
    for (const [dimensionId, byCriterion] of given) {
      const out = new Map<string, CriterionAgreement>();
      for (const [criterionId, answers] of byCriterion) {
        const criterion = index.criteria.get(criterionId)?.criterion as Criterion;
        out.set(criterionId, criterionAgreement(answers, choice, (low, high) => index.scaleSteps(criterion, low, high)));
      }
      agreement.set(dimensionId, out);
    }
  }
  return { responses, agreement, evidence };
}

/**
 * The rule when `consensus` did not pass the schema (a misspelt rule, itself an error): the
 * answers are still compared, so the file's other checks go on. Responses without any `consensus`
 * fail the schema and are not read.
 */
export const DEFAULT_CONSENSUS: ConsensusChoice = { rule: 'median' };

function listAt<T>(map: Map<string, Map<string, T[]>>, outer: string, inner: string): T[] {
  let byInner = map.get(outer);
  if (!byInner) map.set(outer, (byInner = new Map()));
  let list = byInner.get(inner);
  if (!list) byInner.set(inner, (list = []));
  return list;
}

const NO_EVIDENCE: readonly Evidence[] = [];
const NO_LINKS: readonly WrittenLink[] = [];
const NO_IDS: readonly string[] = [];

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

/**
 * The map that holds the dimensions (and in them the answers) of one set of answers: the
 * assessment's own, agreed answers (`dimensions`, which settle criteria), or an assessor's response.
 */
export function answersRootPath(assessor?: string): Path {
  return assessor === undefined ? ['dimensions'] : ['responses', assessor, 'dimensions'];
}

/** Where an assessor's answer to a criterion is written. */
export function responseAnswerPath(assessor: string, dimensionId: string, criterionId: string): Path {
  return [...answersRootPath(assessor), dimensionId, 'answers', criterionId];
}

/**
 * Where the answer that is scored for a criterion is written: the assessment's own entry, or for
 * one only its assessors answered, the answer the consensus picked (else the first one given).
 */
export function scoredAnswerPath(facts: AssessmentFacts, dimensionId: string, criterionId: string): Path {
  const own: Path = ['dimensions', dimensionId, 'answers', criterionId];
  const agreement = facts.criteria.get(dimensionId)?.get(criterionId)?.agreement;
  if (!agreement || facts.dimensions.some((d) => d.id === dimensionId && d.answerIds.includes(criterionId))) return own;
  const by = agreement.consensus ?? agreement.answers[0];
  return by ? responseAnswerPath(by.assessor, dimensionId, criterionId) : own;
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
      // An answer its assessors gave (responses) is the assessment's own: it wins over the base's.
      if (own.criteria.get(dimension)?.has(criterionId)) continue;
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
