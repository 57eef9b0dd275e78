import type { Path } from '../document/located';
import type { AnswerDetail, AnswerEntry, Dimension, DimensionResult, Evidence, Exemption, NotApplicable } from '../format/types';
import type { SchemaVerdict } from '../schema/validateSchema';
import { answerDetail, criterionFact, exemptionState, type CriterionFact, type ExemptionState } from './answers';
import { evidenceUrl } from './links';
import type { RubricIndex } from './rubricIndex';

/**
 * An assessment as written, read once into facts with the place of each: which dimensions and
 * answers it has, what each answer is worth, which exemptions still apply. Built from the parts
 * that passed the schema, so the rules can check those while other parts have schema errors;
 * scoring reads the same facts for a document that passed whole.
 */

export interface WrittenLink {
  readonly url: string;
  readonly path: Path;
}

export interface WrittenAnswer {
  readonly criterionId: string;
  readonly path: Path;
  /** Where the answer value sits: the entry itself, or its `answer` key. */
  readonly answerPath: Path;
  readonly detail: AnswerDetail;
  /** Whether the entry is a map (`{ answer, evidence, ... }`) rather than a bare value. */
  readonly detailed: boolean;
  readonly evidence: readonly WrittenLink[];
  /** The criterion's facts, when it is one of this dimension's criteria in the rubric. */
  readonly fact?: CriterionFact;
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
  /** Every key under `dimensions`, in the order written. */
  readonly dimensionIds: readonly string[];
  /** The entries that are maps, in the order written. */
  readonly dimensions: readonly WrittenDimension[];
  /** Criterion facts by dimension id and criterion id, for the rubric's criteria that have an answer. */
  readonly criteria: ReadonlyMap<string, ReadonlyMap<string, CriterionFact>>;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Reads an assessment's facts from its data; `index` is its rubric, when that could be used. */
export function assessmentFacts(value: unknown, index: RubricIndex | undefined, verdict: SchemaVerdict): AssessmentFacts {
  const valid = (path: Path) => verdict.isValid(path);
  const record = isMap(value) ? value : {};
  const date = typeof record.date === 'string' && valid(['date']) ? record.date : undefined;
  const dimensionsValue = record.dimensions;
  const entries = isMap(dimensionsValue) ? Object.entries(dimensionsValue) : [];
  const dimensions: WrittenDimension[] = [];
  const criteria = new Map<string, Map<string, CriterionFact>>();
  for (const [id, entry] of entries) {
    if (!isMap(entry)) continue;
    const path = ['dimensions', id];
    const field = <T>(key: keyof DimensionResult): T | undefined => (entry[key] !== undefined && valid([...path, key]) ? (entry[key] as T) : undefined);
    const dimension = index?.dimensions.get(id);
    // Without a usable date, an exemption is taken to apply: the item is left out rather than judged.
    const exemption = exemptionState(field<Exemption>('exemption'), date ?? '');
    const notApplicable = field<NotApplicable>('notApplicable');
    const ownCriteria = new Map((dimension?.criteria ?? []).map((c) => [c.id, c]));
    const answersValue = entry.answers;
    const answerEntries = isMap(answersValue) ? Object.entries(answersValue) : [];
    const answers: WrittenAnswer[] = [];
    const facts = new Map<string, CriterionFact>();
    for (const [criterionId, answer] of answerEntries) {
      const answerPath = [...path, 'answers', criterionId];
      if (!valid(answerPath)) continue;
      const detail = answerDetail(answer as AnswerEntry) ?? {};
      const criterion = ownCriteria.get(criterionId);
      const fact = criterion && index ? criterionFact(index, criterion, answer as AnswerEntry, date ?? '') : undefined;
      if (fact) facts.set(criterionId, fact);
      const detailed = isMap(answer);
      answers.push({
        criterionId,
        path: answerPath,
        answerPath: detailed ? [...answerPath, 'answer'] : answerPath,
        detail,
        detailed,
        evidence: detailed ? links(detail.evidence, [...answerPath, 'evidence'], valid) : [],
        ...(fact ? { fact } : {}),
      });
    }
    if (facts.size > 0) criteria.set(id, facts);
    const level = field<number>('level');
    const target = field<number>('target');
    dimensions.push({
      id,
      path,
      ...(dimension ? { dimension } : {}),
      ...(level !== undefined ? { level } : {}),
      ...(target !== undefined ? { target } : {}),
      ...(notApplicable ? { notApplicable } : {}),
      ...(exemption ? { exemption } : {}),
      excluded: Boolean(notApplicable) || Boolean(exemption && !exemption.expired),
      evidence: links(entry.evidence, [...path, 'evidence'], valid),
      answers,
      answerIds: answerEntries.map(([key]) => key),
      metricIds: isMap(entry.metrics) ? Object.keys(entry.metrics) : [],
    });
  }
  return { ...(date !== undefined ? { date } : {}), dimensionIds: entries.map(([key]) => key), dimensions, criteria };
}

/** The evidence links of a list that passed the schema (item by item). */
function links(evidence: unknown, path: Path, valid: (path: Path) => boolean): WrittenLink[] {
  if (!Array.isArray(evidence)) return [];
  const out: WrittenLink[] = [];
  evidence.forEach((item: Evidence, i) => {
    if (!valid([...path, i])) return;
    out.push(typeof item === 'string' ? { url: item, path: [...path, i] } : { url: evidenceUrl(item), path: [...path, i, 'url'] });
  });
  return out;
}

/** The facts of every criterion of a rubric dimension in an assessment, answered or not. */
export function dimensionCriteria(facts: AssessmentFacts, index: RubricIndex, dimension: Dimension, date: string): CriterionFact[] {
  const written = facts.criteria.get(dimension.id);
  return (dimension.criteria ?? []).map((c) => written?.get(c.id) ?? criterionFact(index, c, undefined, date));
}

