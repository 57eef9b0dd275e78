import type { CriterionFact, ExemptionState } from '../domain/answers';
import type { CriterionAgreement } from '../domain/consensus';
import type { RubricIndex } from '../domain/rubricIndex';
import { methodScore, rollUp } from '../scoring/scoreAssessment';
import type { AssessmentScore, DimensionScore } from '../scoring/types';

/**
 * Why an assessment's scores moved between two versions: for each dimension whose inputs changed,
 * the answers, evidence, exemptions, not-applicable marks, targets, levels and rubric weights
 * that changed, old → new, and how much each moved the score.
 *
 * A change's contribution is what the score does when that change alone is applied to the older
 * version, computed by the scoring engine's own formula (scoring/scoreAssessment.ts), never a copy
 * of it. Contributions are given only when they are exact: when they add up to the whole move,
 * as they do for `average` and `levelSum` while the counted criteria and their weights stay, and
 * for any method when one change is the whole story. For `gated`, the criteria that opened or
 * closed a level are named instead. The overall score gets the same treatment per dimension,
 * through the engine's roll-up.
 */

/** What changed about one input of a dimension. */
export type InputKind =
  | 'answer'
  | 'assessor-answer'
  | 'credit'
  | 'evidence'
  | 'exemption'
  | 'not-applicable'
  | 'criterion-added'
  | 'criterion-removed'
  | 'criterion-level'
  | 'criterion-weight'
  | 'target'
  | 'level'
  | 'dimension-status'
  | 'dimension-weight';

export interface InputChange {
  readonly kind: InputKind;
  readonly criterion?: { readonly id: string; readonly text: string; readonly level: number };
  readonly before?: string | number;
  readonly after?: string | number;
  /** The score move this change alone causes; present only when the contributions add up exactly. */
  readonly contribution?: number;
  /** gated: the level this criterion opened (it became met) or closed (it stopped being met). */
  readonly opened?: number;
  readonly closed?: number;
  /** An answer: the sides where it is not on the criterion's scale (an error, and it earns no credit). */
  readonly offScale?: readonly ('before' | 'after')[];
  /** An assessor's answer (`responses`): whose, by id and by name. */
  readonly assessor?: { readonly id: string; readonly name?: string };
}

export interface DimensionExplanation {
  readonly id: string;
  readonly title: string;
  /** Scores at full precision; absent for a side where the dimension is not scored. */
  readonly before?: number;
  readonly after?: number;
  readonly levelBefore?: number;
  readonly levelAfter?: number;
  readonly changes: readonly InputChange[];
  /** The contributions of `changes` add up to after − before. */
  readonly exact: boolean;
}

export interface OverallExplanation {
  readonly before?: number;
  readonly after?: number;
  /** Each changed dimension's share of the overall move; present only when they add up exactly. */
  readonly contributions?: readonly { readonly id: string; readonly title: string; readonly contribution: number }[];
}

export interface AssessmentExplanation {
  readonly dimensions: readonly DimensionExplanation[];
  readonly overall: OverallExplanation;
}

/** What one side of the comparison holds: the assessment's score and the rubric it was scored against. */
export interface ScoredSide {
  readonly score: AssessmentScore;
  readonly index: RubricIndex;
}

/** Sums equal within this are the same number (the float noise of a few additions). */
const ADDS_UP = 1e-9;

/**
 * Whether a score moved between two versions: it appeared, went away, or changed by more than the
 * float noise of the roll-up. The one rule behind every "moved" of the review.
 */
export function scoreMoved(before: number | undefined, after: number | undefined): boolean {
  if (before === undefined || after === undefined) return before !== after;
  return Math.abs(after - before) > ADDS_UP;
}

export function explainAssessment(before: ScoredSide, after: ScoredSide): AssessmentExplanation {
  const sameScale = before.index.method === after.index.method && before.index.minLevel === after.index.minLevel && before.index.maxLevel === after.index.maxLevel && before.index.passCredit === after.index.passCredit;
  const old = new Map(before.score.dimensions.map((d) => [d.id, d]));
  const dimensions: DimensionExplanation[] = [];
  for (const d of after.score.dimensions) {
    const was = old.get(d.id);
    const explanation = explainDimension(was, d, after.index, sameScale);
    if (explanation.changes.length > 0) dimensions.push(explanation);
  }
  for (const was of before.score.dimensions) {
    if (!after.score.dimensions.some((d) => d.id === was.id)) {
      dimensions.push({ id: was.id, title: was.title, ...scoreSide('before', was), changes: [{ kind: 'dimension-status', before: was.status, after: 'removed' }], exact: false });
    }
  }
  return { dimensions, overall: explainOverall(before, after) };
}

function scoreSide(side: 'before' | 'after', d: DimensionScore | undefined): Partial<DimensionExplanation> {
  if (d?.score === undefined) return {};
  return side === 'before' ? { before: d.score, levelBefore: d.level as number } : { after: d.score, levelAfter: d.level as number };
}

function exemptionText(x: ExemptionState | undefined): string {
  if (!x) return 'none';
  return x.expired ? `expired ${x.expires}` : `until ${x.expires}`;
}

/** The criterion-level changes between two fact lists of one dimension, in rubric order (added ones where they now sit). */
function criterionChanges(before: readonly CriterionFact[], after: readonly CriterionFact[]): { id: string; changes: InputChange[] }[] {
  const old = new Map(before.map((c) => [c.id, c]));
  const out: { id: string; changes: InputChange[] }[] = [];
  const ref = (c: CriterionFact) => ({ id: c.id, text: c.text, level: c.level });
  for (const c of after) {
    const was = old.get(c.id);
    const changes: InputChange[] = [];
    if (!was) {
      changes.push({ kind: 'criterion-added', criterion: ref(c), after: c.answer ?? 'unanswered' });
    } else {
      const push = (kind: InputKind, a: string | number | undefined, b: string | number | undefined, extra: Partial<InputChange> = {}) => {
        if (a !== b) changes.push({ kind, criterion: ref(c), ...(a !== undefined ? { before: a } : {}), ...(b !== undefined ? { after: b } : {}), ...extra });
      };
      // An answer off its scale is an error that earns nothing: the reader of "−0.12" needs to know.
      const offScale = [...(was.inScale === false ? ['before' as const] : []), ...(c.inScale === false ? ['after' as const] : [])];
      push('answer', was.answer ?? 'unanswered', c.answer ?? 'unanswered', offScale.length ? { offScale } : {});
      // Several assessors: each one whose answer changed, named, after the scored answer they feed.
      for (const x of assessorChanges(was.agreement, c.agreement)) push('assessor-answer', x.before, x.after, { assessor: x.assessor });
      if (was.answer === c.answer) push('credit', was.credit, c.credit);
      push('evidence', was.evidence.length, c.evidence.length);
      push('exemption', exemptionText(was.exemption), exemptionText(c.exemption));
      push('not-applicable', was.notApplicable ?? 'no', c.notApplicable ?? 'no');
      push('criterion-level', was.level, c.level);
      push('criterion-weight', was.weight, c.weight);
    }
    if (changes.length > 0) out.push({ id: c.id, changes });
  }
  for (const was of before) {
    if (!after.some((c) => c.id === was.id)) out.push({ id: was.id, changes: [{ kind: 'criterion-removed', criterion: ref(was), before: was.answer ?? 'unanswered' }] });
  }
  return out;
}

/** The assessors whose answer to a criterion differs between two versions (one who did not answer is "unanswered"), in the order written. */
function assessorChanges(before: CriterionAgreement | undefined, after: CriterionAgreement | undefined): { assessor: { id: string; name?: string }; before: string; after: string }[] {
  const old = new Map(before?.answers.map((a) => [a.assessor, a]));
  const now = new Map(after?.answers.map((a) => [a.assessor, a]));
  const out: { assessor: { id: string; name?: string }; before: string; after: string }[] = [];
  // Stryker disable next-line ArrayDeclaration: a stray id matches no assessor at either side, so the loop skips it (an equivalent mutant)
  for (const id of new Set([...now.keys(), ...old.keys()])) {
    const was = old.get(id);
    const is = now.get(id);
    if (was?.answer === is?.answer) continue;
    const name = is?.name ?? was?.name;
    out.push({ assessor: name !== undefined ? { id, name } : { id }, before: was?.answer ?? 'unanswered', after: is?.answer ?? 'unanswered' });
  }
  return out;
}

/** Whether a criterion counts as met the way the method reads it (gated and rated: met; the others: full credit). */
function counted(list: readonly CriterionFact[]): CriterionFact[] {
  return list.filter((c) => c.status === 'counted');
}

function explainDimension(was: DimensionScore | undefined, d: DimensionScore, index: RubricIndex, sameScale: boolean): DimensionExplanation {
  const base = { id: d.id, title: d.title, ...scoreSide('before', was), ...scoreSide('after', d) };
  const dimensionChanges: InputChange[] = [];
  const before = was?.criteria ?? [];
  if (was && was.status !== d.status) dimensionChanges.push({ kind: 'dimension-status', before: was.status, after: d.status });
  if (!was) dimensionChanges.push({ kind: 'dimension-status', before: 'new', after: d.status });
  if (was && was.target !== d.target) dimensionChanges.push({ kind: 'target', ...(was.target !== undefined ? { before: was.target } : {}), ...(d.target !== undefined ? { after: d.target } : {}) });
  if (was && was.weight !== d.weight) dimensionChanges.push({ kind: 'dimension-weight', before: was.weight, after: d.weight });
  if (index.method === 'rated' && was && was.score !== d.score && was.status === 'scored' && d.status === 'scored') {
    dimensionChanges.push({ kind: 'level', before: was.score as number, after: d.score as number, contribution: (d.score as number) - (was.score as number) });
  }
  const perCriterion = criterionChanges(before, d.criteria);
  const changes = [...dimensionChanges, ...perCriterion.flatMap((c) => c.changes)];
  if (index.method === 'rated' || !was || was.score === undefined || d.score === undefined || !sameScale) {
    return { ...base, changes, exact: index.method === 'rated' && was?.score !== undefined && d.score !== undefined };
  }
  const beforeScore = was.score;
  const afterScore = d.score;
  // Apply each criterion's change alone to the older list, and score it with the engine's formula.
  const afterById = new Map(d.criteria.map((c) => [c.id, c]));
  const contributions = new Map<string, number>();
  for (const { id } of perCriterion) {
    const swapped = before.filter((c) => c.id !== id || afterById.has(id)).map((c) => (c.id === id ? (afterById.get(id) as CriterionFact) : c));
    const added = afterById.get(id);
    if (added && !before.some((c) => c.id === id)) swapped.push(added);
    const alone = methodScore(index, counted(swapped), undefined);
    contributions.set(id, (alone ?? beforeScore) - beforeScore);
  }
  const sum = [...contributions.values()].reduce((a, b) => a + b, 0);
  // Stryker disable next-line EqualityOperator: no sum of scores lands exactly on the float tolerance, where < and <= differ (an equivalent mutant)
  const addsUp = Math.abs(sum - (afterScore - beforeScore)) <= ADDS_UP;
  const exact = addsUp && dimensionChanges.every((c) => c.kind === 'target' || c.kind === 'dimension-weight');
  const gated = index.method === 'gated';
  const levelBefore = was.level as number;
  const levelAfter = d.level as number;
  const annotated = changes.map((change): InputChange => {
    const id = change.criterion?.id;
    if (id === undefined) return change;
    // Stryker disable next-line OptionalChaining: every change with a criterion came from perCriterion, so the find always finds (an equivalent mutant)
    const first = perCriterion.find((c) => c.id === id)?.changes[0] === change;
    let out: InputChange = change;
    // One contribution per criterion, on its first listed change (the others ride along with it).
    if (exact && first) out = { ...out, contribution: contributions.get(id) ?? 0 };
    if (gated && first) {
      const prior = before.find((c) => c.id === id);
      const now = afterById.get(id);
      const metBefore = prior?.status === 'counted' && prior.met;
      const metAfter = now?.status === 'counted' && now.met;
      const level = (now ?? prior)?.level ?? 0;
      // A level between the two (above one, at or below the other) is one the move opened or closed.
      if (!metBefore && metAfter && level > levelBefore && level <= levelAfter) out = { ...out, opened: level };
      if (metBefore && !metAfter && level > levelAfter && level <= levelBefore) out = { ...out, closed: level };
    }
    return out;
  });
  return { ...base, changes: annotated, exact };
}

function explainOverall(before: ScoredSide, after: ScoredSide): OverallExplanation {
  const b = before.score.overall.score;
  const a = after.score.overall.score;
  const base = { ...(b !== undefined ? { before: b } : {}), ...(a !== undefined ? { after: a } : {}) };
  if (a === undefined || b === undefined) return base;
  // The contributions are read through the newer rubric's roll-up; they apply when it gives the older score back.
  const replay = rollUp(after.index, before.score.dimensions).overall.score;
  if (replay === undefined || Math.abs(replay - b) > ADDS_UP) return base;
  const old = new Map(before.score.dimensions.map((d) => [d.id, d]));
  const contributions: { id: string; title: string; contribution: number }[] = [];
  for (const d of after.score.dimensions) {
    const was = old.get(d.id);
    if (was && was.score === d.score && was.weight === d.weight && was.status === d.status) continue;
    const swapped = was ? before.score.dimensions.map((x) => (x.id === d.id ? d : x)) : [...before.score.dimensions, d];
    const alone = rollUp(after.index, swapped).overall.score;
    if (alone === undefined) return base;
    contributions.push({ id: d.id, title: d.title, contribution: alone - b });
  }
  const sum = contributions.reduce((s, c) => s + c.contribution, 0);
  if (before.score.dimensions.some((x) => !after.score.dimensions.some((d) => d.id === x.id))) return base;
  // Stryker disable next-line EqualityOperator: no sum of scores lands exactly on the float tolerance, where < and <= differ (an equivalent mutant)
  return Math.abs(sum - (a - b)) <= ADDS_UP ? { ...base, contributions } : base;
}
