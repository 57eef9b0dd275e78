import { DEFAULT_ANSWER_SCALE, DEFAULT_SCORING_METHOD } from '../format/enums';
import type { AnswerScale, Criterion, Dimension, Rubric } from '../format/types';
import { YES_NO_SCALE } from '../domain/rubricIndex';

/**
 * What changed in a rubric between two versions, item by item, each with its old and new value:
 * what a reviewer needs to judge a rubric change, and why the scores of every assessment that
 * uses it may move. Text-only changes (titles, criterion texts) are listed too, after the rest,
 * since they move no score but change what an answer means.
 */

export type RubricChangeKind =
  | 'version'
  | 'scoring-method'
  | 'pass-credit'
  | 'threshold'
  | 'default-answer-scale'
  | 'level-added'
  | 'level-removed'
  | 'level-name'
  | 'group-added'
  | 'group-removed'
  | 'group-weight'
  | 'dimension-added'
  | 'dimension-removed'
  | 'dimension-weight'
  | 'dimension-group'
  | 'dimension-title'
  | 'criterion-added'
  | 'criterion-removed'
  | 'criterion-moved'
  | 'criterion-level'
  | 'criterion-weight'
  | 'criterion-answer-scale'
  | 'criterion-evidence-required'
  | 'criterion-text'
  | 'answer-scale-added'
  | 'answer-scale-removed'
  | 'answer-added'
  | 'answer-removed'
  | 'answer-credit';

export type ChangeValue = string | number | boolean;

export interface RubricChange {
  readonly kind: RubricChangeKind;
  /** Whether the change can move scores (a title or a text cannot). */
  readonly scoring: boolean;
  readonly dimension?: { readonly id: string; readonly title: string };
  readonly criterion?: { readonly id: string; readonly text: string };
  readonly group?: { readonly id: string; readonly title: string };
  readonly level?: number;
  readonly answerScale?: string;
  readonly answer?: string;
  readonly before?: ChangeValue;
  readonly after?: ChangeValue;
}

const TEXT_ONLY: ReadonlySet<RubricChangeKind> = new Set(['version', 'level-name', 'dimension-title', 'criterion-text']);

type Draft = Omit<RubricChange, 'scoring'>;

function change(draft: Draft): RubricChange {
  return { ...draft, scoring: !TEXT_ONLY.has(draft.kind) };
}

function valueChange(out: Draft[], base: Omit<Draft, 'before' | 'after'>, before: ChangeValue | undefined, after: ChangeValue | undefined): void {
  if (before === after) return;
  out.push({ ...base, ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) });
}

const dimensionRef = (d: Dimension) => ({ id: d.id, title: d.title });
const criterionRef = (c: Criterion) => ({ id: c.id, text: c.text });

/** Every change from `before` to `after` that a reviewer should see, scoring changes first. */
export function diffRubrics(before: Rubric, after: Rubric): RubricChange[] {
  const out: Draft[] = [];
  valueChange(out, { kind: 'scoring-method' }, before.scoring?.method ?? DEFAULT_SCORING_METHOD, after.scoring?.method ?? DEFAULT_SCORING_METHOD);
  valueChange(out, { kind: 'pass-credit' }, before.scoring?.passCredit ?? 1, after.scoring?.passCredit ?? 1);
  valueChange(out, { kind: 'threshold' }, before.threshold?.level, after.threshold?.level);
  valueChange(out, { kind: 'default-answer-scale' }, before.defaultAnswerScale ?? DEFAULT_ANSWER_SCALE, after.defaultAnswerScale ?? DEFAULT_ANSWER_SCALE);
  levels(out, before, after);
  groups(out, before, after);
  answerScales(out, before, after);
  dimensions(out, before, after);
  valueChange(out, { kind: 'version' }, before.version, after.version);
  const changes = out.map(change);
  return [...changes.filter((c) => c.scoring), ...changes.filter((c) => !c.scoring)];
}

function levels(out: Draft[], before: Rubric, after: Rubric): void {
  const old = new Map(before.levels.map((l) => [l.level, l]));
  const next = new Map(after.levels.map((l) => [l.level, l]));
  for (const [level, l] of next) {
    const was = old.get(level);
    if (!was) out.push({ kind: 'level-added', level, after: l.name });
    else valueChange(out, { kind: 'level-name', level }, was.name, l.name);
  }
  for (const [level, l] of old) if (!next.has(level)) out.push({ kind: 'level-removed', level, before: l.name });
}

function groups(out: Draft[], before: Rubric, after: Rubric): void {
  const old = new Map((before.groups ?? []).map((g) => [g.id, g]));
  const next = new Map((after.groups ?? []).map((g) => [g.id, g]));
  for (const [id, g] of next) {
    const was = old.get(id);
    const group = { id, title: g.title };
    if (!was) out.push({ kind: 'group-added', group, after: g.weight ?? 1 });
    else valueChange(out, { kind: 'group-weight', group }, was.weight ?? 1, g.weight ?? 1);
  }
  for (const [id, g] of old) if (!next.has(id)) out.push({ kind: 'group-removed', group: { id, title: g.title }, before: g.weight ?? 1 });
}

/** The scales a rubric can use, `yes-no` included as the engine defines it. */
function scalesOf(rubric: Rubric): Map<string, AnswerScale> {
  const scales = new Map(Object.entries(rubric.answerScales ?? {}));
  if (!scales.has(DEFAULT_ANSWER_SCALE)) scales.set(DEFAULT_ANSWER_SCALE, YES_NO_SCALE);
  return scales;
}

function answerScales(out: Draft[], before: Rubric, after: Rubric): void {
  const old = scalesOf(before);
  const next = scalesOf(after);
  for (const [name, scale] of next) {
    const was = old.get(name);
    if (!was) {
      out.push({ kind: 'answer-scale-added', answerScale: name, after: scale.answers.map((a) => a.value).join(', ') });
      continue;
    }
    const oldAnswers = new Map(was.answers.map((a) => [a.value, a.credit]));
    const newAnswers = new Map(scale.answers.map((a) => [a.value, a.credit]));
    for (const [value, credit] of newAnswers) {
      const oldCredit = oldAnswers.get(value);
      if (oldCredit === undefined) out.push({ kind: 'answer-added', answerScale: name, answer: value, after: credit });
      else valueChange(out, { kind: 'answer-credit', answerScale: name, answer: value }, oldCredit, credit);
    }
    for (const [value, credit] of oldAnswers) if (!newAnswers.has(value)) out.push({ kind: 'answer-removed', answerScale: name, answer: value, before: credit });
  }
  for (const [name, scale] of old) if (!next.has(name)) out.push({ kind: 'answer-scale-removed', answerScale: name, before: scale.answers.map((a) => a.value).join(', ') });
}

function dimensions(out: Draft[], before: Rubric, after: Rubric): void {
  const old = new Map(before.dimensions.map((d) => [d.id, d]));
  const next = new Map(after.dimensions.map((d) => [d.id, d]));
  const oldCriteria = new Map(before.dimensions.flatMap((d) => (d.criteria ?? []).map((c) => [c.id, { criterion: c, dimension: d }] as const)));
  // Stryker disable next-line ArrayDeclaration: an item in place of a dimension's missing criteria adds an undefined id, and only ids of criteria are looked up (an equivalent mutant)
  const newCriteria = new Set(after.dimensions.flatMap((d) => (d.criteria ?? []).map((c) => c.id)));
  for (const [id, d] of next) {
    const was = old.get(id);
    const dimension = dimensionRef(d);
    if (!was) {
      out.push({ kind: 'dimension-added', dimension, after: d.weight ?? 1 });
    } else {
      valueChange(out, { kind: 'dimension-weight', dimension }, was.weight ?? 1, d.weight ?? 1);
      valueChange(out, { kind: 'dimension-group', dimension }, was.group, d.group);
      valueChange(out, { kind: 'dimension-title', dimension }, was.title, d.title);
    }
    for (const c of d.criteria ?? []) {
      const criterion = criterionRef(c);
      const found = oldCriteria.get(c.id);
      if (!found) {
        out.push({ kind: 'criterion-added', dimension, criterion, level: c.level, after: c.level });
        continue;
      }
      const prior = found.criterion;
      if (found.dimension.id !== id) out.push({ kind: 'criterion-moved', dimension, criterion, before: found.dimension.title, after: d.title });
      valueChange(out, { kind: 'criterion-level', dimension, criterion }, prior.level, c.level);
      valueChange(out, { kind: 'criterion-weight', dimension, criterion }, prior.weight ?? 1, c.weight ?? 1);
      valueChange(out, { kind: 'criterion-answer-scale', dimension, criterion }, prior.answerScale ?? before.defaultAnswerScale ?? DEFAULT_ANSWER_SCALE, c.answerScale ?? after.defaultAnswerScale ?? DEFAULT_ANSWER_SCALE);
      valueChange(out, { kind: 'criterion-evidence-required', dimension, criterion }, prior.evidenceRequired ?? false, c.evidenceRequired ?? false);
      valueChange(out, { kind: 'criterion-text', dimension, criterion }, prior.text, c.text);
    }
  }
  for (const [id, d] of old) if (!next.has(id)) out.push({ kind: 'dimension-removed', dimension: dimensionRef(d), before: d.weight ?? 1 });
  for (const [id, { criterion, dimension }] of oldCriteria) {
    // A criterion of a removed dimension goes with it; listing it again would say nothing new.
    if (!newCriteria.has(id) && next.has(dimension.id)) out.push({ kind: 'criterion-removed', dimension: dimensionRef(dimension), criterion: criterionRef(criterion), level: criterion.level, before: criterion.level });
  }
}
