import { DEFAULT_TERMS } from '../domain/terms';
import type { InitiativeStatus } from '../format/types';
import { REPORT_SCHEMA_VERSION } from './model';
import type { DimensionState, ReportDimension, ReportEvidenceCoverage, ReportExemption, ReportKind, ReportModel, ReportOverall, ReportRubric, ReportTerms } from './model';

/** What changed between two reports of the same document: for a reviewer of a pull request. */
export interface ReportDiff {
  /** Version of this shape when written as JSON; follows the report model's version. */
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly kind: ReportKind;
  /** Set when the two reports are of different kinds: nothing else is compared. */
  readonly kindChanged?: { readonly before: ReportKind; readonly after: ReportKind };
  readonly title: string;
  /** The rubric's words for its items (of the newer report), for headings. */
  readonly terms: ReportTerms;
  readonly rubric: RubricChange;
  readonly overall?: OverallChange;
  /** Every dimension of either report, changed ones first, in rubric order. */
  readonly dimensions: readonly DimensionChange[];
  readonly blockers: { readonly added: readonly BlockerRef[]; readonly resolved: readonly BlockerRef[] };
  readonly evidenceCoverage?: { readonly before?: ReportEvidenceCoverage; readonly after?: ReportEvidenceCoverage };
  readonly exemptions: { readonly added: readonly ReportExemption[]; readonly removed: readonly ReportExemption[]; readonly expired: readonly ReportExemption[] };
  readonly plan?: PlanChange;
  readonly problems: { readonly before: ProblemCounts; readonly after: ProblemCounts };
  /**
   * The side (or sides) where the assessment or plan is there but could not be scored: its errors
   * stop it. Its dimensions, blockers, exemptions or initiatives are then not compared (they would
   * all read as removed or added); an assessment's overall change keeps the side that was scored.
   */
  readonly unscored?: 'before' | 'after' | 'both';
}

export interface ProblemCounts {
  readonly error: number;
  readonly warning: number;
  readonly information: number;
}

/** The rubric a report was scored against: which one, and its scale (lowest and highest level). */
export interface RubricRef {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly minLevel: number;
  readonly maxLevel: number;
}

export interface RubricChange {
  readonly before?: RubricRef;
  readonly after?: RubricRef;
  /** A different rubric altogether (another id). */
  readonly changed: boolean;
  /** Same rubric, another version: scores may move because the rubric moved. */
  readonly versionChanged: boolean;
}

export type Crossing = 'reached' | 'lost';

export interface OverallChange {
  readonly before?: number;
  readonly after?: number;
  /** after − before at full precision; renderers show the difference of the two rounded numbers (render/text.ts shownDelta). */
  readonly delta?: number;
  readonly levelBefore?: number;
  readonly levelAfter?: number;
  readonly levelNameBefore?: string;
  readonly levelNameAfter?: string;
  readonly thresholdBefore?: boolean;
  readonly thresholdAfter?: boolean;
  /** The overall level crossed the threshold, upwards or downwards. */
  readonly crossing?: Crossing;
  readonly atThresholdBefore?: number;
  readonly atThresholdAfter?: number;
  /** How many of the rubric's dimensions each side's score covers, of how many: a score that moved because more was assessed says so. */
  readonly scoredBefore?: number;
  readonly scoredAfter?: number;
  readonly totalBefore?: number;
  readonly totalAfter?: number;
}

export interface DimensionSnapshot {
  readonly score?: number;
  readonly level?: number;
  readonly levelName?: string;
  readonly target?: number;
  readonly state: DimensionState;
  readonly thresholdReached?: boolean;
}

export interface DimensionChange {
  readonly id: string;
  readonly title: string;
  readonly change: 'added' | 'removed' | 'changed' | 'unchanged';
  readonly before?: DimensionSnapshot;
  readonly after?: DimensionSnapshot;
  /** The score's after − before at full precision. */
  readonly scoreDelta?: number;
  readonly crossing?: Crossing;
}

export interface BlockerRef {
  readonly dimensionId: string;
  readonly dimensionTitle: string;
  readonly criterionId: string;
  readonly text: string;
  readonly level: number;
}

export interface InitiativeRef {
  readonly id: string;
  readonly title: string;
}

export interface PlanChange {
  readonly horizon?: { readonly before: { start: string; end: string }; readonly after: { start: string; end: string } };
  readonly added: readonly InitiativeRef[];
  readonly removed: readonly InitiativeRef[];
  readonly rescheduled: readonly (InitiativeRef & { readonly before: { start: string; end: string }; readonly after: { start: string; end: string } })[];
  readonly statusChanged: readonly (InitiativeRef & { readonly before: InitiativeStatus; readonly after: InitiativeStatus })[];
  /** Dimensions whose projected level changed. */
  readonly projections: readonly { readonly id: string; readonly title: string; readonly before?: number; readonly after?: number }[];
  readonly atThreshold?: { readonly before?: number; readonly after?: number; readonly total: number };
}

function rubricRef(r: ReportRubric | undefined): RubricChange['before'] {
  return r ? { id: r.id, version: r.version, title: r.title, minLevel: r.minLevel, maxLevel: r.maxLevel } : undefined;
}

/** What a comparison reads of a dimension of a report. */
export function dimensionSnapshot(d: Pick<ReportDimension, 'score' | 'level' | 'levelName' | 'target' | 'state' | 'thresholdReached'>): DimensionSnapshot {
  return {
    ...(d.score !== undefined ? { score: d.score } : {}),
    ...(d.level !== undefined ? { level: d.level } : {}),
    ...(d.levelName ? { levelName: d.levelName } : {}),
    ...(d.target !== undefined ? { target: d.target } : {}),
    state: d.state,
    ...(d.thresholdReached !== undefined ? { thresholdReached: d.thresholdReached } : {}),
  };
}

function crossing(before: boolean | undefined, after: boolean | undefined): Crossing | undefined {
  if (before === false && after === true) return 'reached';
  if (before === true && after === false) return 'lost';
  return undefined;
}

function sameSnapshot(a: DimensionSnapshot, b: DimensionSnapshot): boolean {
  return a.score === b.score && a.level === b.level && a.target === b.target && a.state === b.state && a.thresholdReached === b.thresholdReached;
}

/**
 * The sides that errors keep from being scored: an assessment without its scores, a plan without
 * its initiatives, or a text that errors keep from being read as either (a deleted or an added
 * file is an empty text, without errors).
 */
function unscoredSides(before: ReportModel, after: ReportModel): ReportDiff['unscored'] {
  const unscored = (side: ReportModel) => (side.kind === 'Assessment' && !side.assessment) || (side.kind === 'Plan' && !side.plan) || (side.kind === 'Unknown' && side.problems.counts.error > 0);
  const b = unscored(before);
  const a = unscored(after);
  return b && a ? 'both' : b ? 'before' : a ? 'after' : undefined;
}

function exemptionKey(x: ReportExemption): string {
  return `${x.dimensionId}/${x.criterionId ?? ''}`;
}

/** Compares two reports of one document (say, the base and the head of a pull request). */
export function diffReports(before: ReportModel, after: ReportModel): ReportDiff {
  const rubric: RubricChange = {
    ...(before.rubric ? { before: rubricRef(before.rubric) } : {}),
    ...(after.rubric ? { after: rubricRef(after.rubric) } : {}),
    changed: !!before.rubric && !!after.rubric && before.rubric.id !== after.rubric.id,
    versionChanged: !!before.rubric && !!after.rubric && before.rubric.id === after.rubric.id && before.rubric.version !== after.rubric.version,
  };
  const problems = { before: before.problems.counts, after: after.problems.counts };
  const terms = after.rubric?.terms ?? before.rubric?.terms ?? DEFAULT_TERMS;
  const empty = { dimensions: [], blockers: { added: [], resolved: [] }, exemptions: { added: [], removed: [], expired: [] } };
  if (before.kind !== after.kind && before.kind !== 'Unknown' && after.kind !== 'Unknown') {
    return { schemaVersion: REPORT_SCHEMA_VERSION, kind: after.kind, kindChanged: { before: before.kind, after: after.kind }, title: after.title, terms, rubric, ...empty, problems };
  }
  const kind = after.kind === 'Unknown' ? before.kind : after.kind;
  // A deleted document is named by what it was.
  const title = after.kind === 'Unknown' && before.kind !== 'Unknown' ? before.title : after.title;
  const unscored = unscoredSides(before, after);
  if (kind === 'Plan') return { schemaVersion: REPORT_SCHEMA_VERSION, kind, title, terms, rubric, ...empty, ...(unscored ? { unscored } : { plan: diffPlans(before, after) }), problems };
  if (kind !== 'Assessment') return { schemaVersion: REPORT_SCHEMA_VERSION, kind, title, terms, rubric, ...empty, problems };

  const a = before.assessment;
  const b = after.assessment;
  const beforeDims = new Map((a?.dimensions ?? []).map((d) => [d.id, d]));
  const afterDims = new Map((b?.dimensions ?? []).map((d) => [d.id, d]));
  const order = [...new Set([...(b?.dimensions ?? []).map((d) => d.id), ...(a?.dimensions ?? []).map((d) => d.id)])];
  const dimensions: DimensionChange[] = order.map((id) => {
    const x = beforeDims.get(id);
    const y = afterDims.get(id);
    return dimensionChange(id, y?.title ?? x?.title ?? id, x && dimensionSnapshot(x), y && dimensionSnapshot(y));
  });
  dimensions.sort((p, q) => Number(p.change === 'unchanged') - Number(q.change === 'unchanged'));

  const blockerRefs = (dims: readonly ReportDimension[] | undefined) =>
    new Map(
      (dims ?? []).flatMap((d) => d.blockers.map((c) => [`${d.id}/${c.id}`, { dimensionId: d.id, dimensionTitle: d.title, criterionId: c.id, text: c.text, level: c.level }] as const)),
    );
  const blockersBefore = blockerRefs(a?.dimensions);
  const blockersAfter = blockerRefs(b?.dimensions);
  // A blocker is resolved when its criterion is now met, not when it left the list because its
  // dimension fell below the level it blocked, or the file went away.
  const gatedAfter = after.rubric?.method === 'gated' || after.rubric?.method === 'rated';
  const metAfter = new Set(
    (b?.dimensions ?? []).flatMap((d) => d.criteria.filter((c) => c.status === 'counted' && (gatedAfter ? c.met : c.credit >= 1)).map((c) => `${d.id}/${c.id}`)),
  );
  const exBefore = new Map((a?.exemptions ?? []).map((x) => [exemptionKey(x), x]));
  const exAfter = new Map((b?.exemptions ?? []).map((x) => [exemptionKey(x), x]));

  const overall = overallChange(a?.overall, b?.overall);

  if (unscored) return { schemaVersion: REPORT_SCHEMA_VERSION, kind, title, terms, rubric, ...(overall ? { overall } : {}), ...empty, problems, unscored };
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    kind,
    title,
    terms,
    rubric,
    ...(overall ? { overall } : {}),
    dimensions,
    blockers: {
      added: [...blockersAfter].filter(([k]) => !blockersBefore.has(k)).map(([, v]) => v),
      resolved: [...blockersBefore].filter(([k]) => !blockersAfter.has(k) && metAfter.has(k)).map(([, v]) => v),
    },
    ...(a?.evidenceCoverage || b?.evidenceCoverage
      ? { evidenceCoverage: { ...(a?.evidenceCoverage ? { before: a.evidenceCoverage } : {}), ...(b?.evidenceCoverage ? { after: b.evidenceCoverage } : {}) } }
      : {}),
    exemptions: {
      added: [...exAfter].filter(([k]) => !exBefore.has(k)).map(([, v]) => v),
      removed: [...exBefore].filter(([k]) => !exAfter.has(k)).map(([, v]) => v),
      expired: [...exAfter].filter(([k, v]) => v.expired && !(exBefore.get(k)?.expired ?? false)).map(([, v]) => v),
    },
    problems,
  };
}

/** How one dimension compares between two sides, either of which may lack it (added, removed). */
export function dimensionChange(id: string, title: string, before: DimensionSnapshot | undefined, after: DimensionSnapshot | undefined): DimensionChange {
  if (!before && after) return { id, title, change: 'added', after };
  if (before && !after) return { id, title, change: 'removed', before };
  const sx = before as DimensionSnapshot;
  const sy = after as DimensionSnapshot;
  const delta = sx.score !== undefined && sy.score !== undefined ? sy.score - sx.score : undefined;
  const cross = crossing(sx.thresholdReached, sy.thresholdReached);
  return {
    id,
    title,
    change: sameSnapshot(sx, sy) ? 'unchanged' : 'changed',
    before: sx,
    after: sy,
    ...(delta !== undefined ? { scoreDelta: delta } : {}),
    ...(cross ? { crossing: cross } : {}),
  };
}

/** How an overall score compares between two sides; undefined when neither has one. */
export function overallChange(oa: ReportOverall | undefined, ob: ReportOverall | undefined): OverallChange | undefined {
  if (!oa && !ob) return undefined;
  const cross = crossing(oa?.thresholdReached, ob?.thresholdReached);
  return {
    ...(oa?.score !== undefined ? { before: oa.score } : {}),
    ...(ob?.score !== undefined ? { after: ob.score } : {}),
    ...(oa?.score !== undefined && ob?.score !== undefined ? { delta: ob.score - oa.score } : {}),
    ...(oa?.level !== undefined ? { levelBefore: oa.level } : {}),
    ...(ob?.level !== undefined ? { levelAfter: ob.level } : {}),
    ...(oa?.levelName ? { levelNameBefore: oa.levelName } : {}),
    ...(ob?.levelName ? { levelNameAfter: ob.levelName } : {}),
    ...(oa?.thresholdReached !== undefined ? { thresholdBefore: oa.thresholdReached } : {}),
    ...(ob?.thresholdReached !== undefined ? { thresholdAfter: ob.thresholdReached } : {}),
    ...(cross ? { crossing: cross } : {}),
    ...(oa ? { atThresholdBefore: oa.dimensionsAtThreshold } : {}),
    ...(ob ? { atThresholdAfter: ob.dimensionsAtThreshold } : {}),
    ...(oa ? { scoredBefore: oa.dimensionsScored, totalBefore: oa.dimensionsTotal } : {}),
    ...(ob ? { scoredAfter: ob.dimensionsScored, totalAfter: ob.dimensionsTotal } : {}),
  };
}

function diffPlans(before: ReportModel, after: ReportModel): PlanChange {
  const a = before.plan;
  const b = after.plan;
  const ia = new Map((a?.initiatives ?? []).map((i) => [i.id, i]));
  const ib = new Map((b?.initiatives ?? []).map((i) => [i.id, i]));
  const ref = (i: { id: string; title: string }) => ({ id: i.id, title: i.title });
  const rescheduled: PlanChange['rescheduled'][number][] = [];
  const statusChanged: PlanChange['statusChanged'][number][] = [];
  for (const [id, y] of ib) {
    const x = ia.get(id);
    if (!x) continue;
    if (x.start !== y.start || x.end !== y.end) rescheduled.push({ ...ref(y), before: { start: x.start, end: x.end }, after: { start: y.start, end: y.end } });
    if (x.status !== y.status) statusChanged.push({ ...ref(y), before: x.status, after: y.status });
  }
  const pa = new Map((a?.dimensions ?? []).map((d) => [d.id, d]));
  const pb = new Map((b?.dimensions ?? []).map((d) => [d.id, d]));
  const ids = [...new Set([...pb.keys(), ...pa.keys()])];
  const projections = ids
    .map((id) => ({ id, title: pb.get(id)?.title ?? pa.get(id)?.title ?? id, before: pa.get(id)?.projected, after: pb.get(id)?.projected }))
    .filter((p) => p.before !== p.after)
    .map((p) => ({ id: p.id, title: p.title, ...(p.before !== undefined ? { before: p.before } : {}), ...(p.after !== undefined ? { after: p.after } : {}) }));
  const horizonChanged = a && b && (a.horizon.start !== b.horizon.start || a.horizon.end !== b.horizon.end);
  return {
    ...(horizonChanged && a && b ? { horizon: { before: { start: a.horizon.start, end: a.horizon.end }, after: { start: b.horizon.start, end: b.horizon.end } } } : {}),
    added: [...ib.values()].filter((i) => !ia.has(i.id)).map(ref),
    removed: [...ia.values()].filter((i) => !ib.has(i.id)).map(ref),
    rescheduled,
    statusChanged,
    projections,
    ...(a?.atThreshold || b?.atThreshold
      ? {
          atThreshold: {
            ...(a?.atThreshold ? { before: a.atThreshold.projected } : {}),
            ...(b?.atThreshold ? { after: b.atThreshold.projected } : {}),
            total: b?.atThreshold?.total ?? a?.atThreshold?.total ?? 0,
          },
        }
      : {}),
  };
}
