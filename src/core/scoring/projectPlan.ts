import type { RubricIndex } from '../domain/rubricIndex';
import { VALUE_STREAM_TITLES as VALUE_STREAMS } from '../format/enums';
import type { Initiative, Plan, ValueStream } from '../format/types';
import { monthsBetween } from '../domain/dates';
import { rollUp } from './scoreAssessment';
import type { AssessmentScore, DimensionScore } from './types';

export interface PlannedInitiative {
  readonly initiative: Initiative;
  readonly status: NonNullable<Initiative['status']>;
  /** Position on the horizon, from 0 (horizon start) to 1 (horizon end), clamped. */
  readonly startFraction: number;
  readonly endFraction: number;
}

export interface PlannedDimension {
  readonly id: string;
  readonly title: string;
  /** Level in the baseline assessment, if there is one. */
  readonly baseline?: number;
  /** Target from the baseline assessment. */
  readonly target?: number;
  /** Highest level the plan's (not cancelled) initiatives move it to, or the baseline. */
  readonly projected?: number;
  readonly thresholdReached?: boolean;
  readonly initiatives: readonly string[];
  /** The projected level still falls short of the target. */
  readonly shortOfTarget: boolean;
}

export interface PlanProjection {
  readonly horizon: { readonly start: string; readonly end: string; readonly months: number };
  readonly initiatives: readonly PlannedInitiative[];
  readonly dimensions: readonly PlannedDimension[];
  readonly valueStreams: readonly { readonly id: ValueStream; readonly title: string; readonly initiatives: readonly string[] }[];
  readonly legacySystems: readonly { readonly name: string; readonly disposition: string; readonly initiative: string }[];
  readonly threshold?: number;
}

function fraction(date: string, start: number, span: number): number {
  const t = Date.parse(`${date}T00:00:00Z`);
  if (!Number.isFinite(t) || span <= 0) return 0;
  return Math.min(1, Math.max(0, (t - start) / span));
}

/** Where the plan leads: each dimension's projected level and the initiatives on the timeline. */
export function projectPlan(plan: Plan, index: RubricIndex | undefined, baseline: AssessmentScore | undefined): PlanProjection {
  const start = Date.parse(`${plan.horizon.start}T00:00:00Z`);
  const span = Date.parse(`${plan.horizon.end}T00:00:00Z`) + 86_400_000 - start;
  const initiatives = plan.initiatives.map((initiative) => ({
    initiative,
    status: initiative.status ?? 'planned',
    startFraction: fraction(initiative.start, start, span),
    endFraction: fraction(initiative.end, start, span) + (Number.isFinite(span) && span > 0 ? 86_400_000 / span : 0),
  }));
  const active = initiatives.filter((p) => p.status !== 'cancelled');
  const threshold = index?.rubric.threshold?.level;
  const dimensions: PlannedDimension[] = (index?.rubric.dimensions ?? []).map((dimension) => {
    const base = baseline?.dimensions.find((d) => d.id === dimension.id);
    const moving = active.filter((p) => p.initiative.moves?.some((m) => m.dimension === dimension.id));
    const projected = projectedLevel(dimension.id, base?.level, moving.map((p) => p.initiative));
    return {
      id: dimension.id,
      title: dimension.title,
      ...(base?.level !== undefined ? { baseline: base.level } : {}),
      ...(base?.target !== undefined ? { target: base.target } : {}),
      ...(projected !== undefined ? { projected } : {}),
      ...(threshold !== undefined && projected !== undefined ? { thresholdReached: projected >= threshold } : {}),
      initiatives: moving.map((p) => p.initiative.id),
      shortOfTarget: base?.target !== undefined && (projected ?? -Infinity) < base.target,
    };
  });
  const valueStreams = (Object.keys(VALUE_STREAMS) as ValueStream[]).map((id) => ({
    id,
    title: VALUE_STREAMS[id],
    initiatives: plan.initiatives.filter((i) => i.valueStream === id).map((i) => i.id),
  }));
  const legacySystems = plan.initiatives.flatMap((i) => (i.legacySystems ?? []).map((s) => ({ name: s.name, disposition: s.disposition, initiative: i.id })));
  const months = Number.isFinite(span) ? Math.round(monthsBetween(plan.horizon.start, plan.horizon.end)) : 0;
  return {
    horizon: { start: plan.horizon.start, end: plan.horizon.end, months },
    initiatives,
    dimensions,
    valueStreams,
    legacySystems,
    ...(threshold !== undefined ? { threshold } : {}),
  };
}

/** The highest level the initiatives move a dimension to, or its baseline level when that is higher (undefined when neither is known). */
function projectedLevel(dimensionId: string, baseline: number | undefined, initiatives: readonly Initiative[]): number | undefined {
  let level = baseline;
  for (const initiative of initiatives) {
    // Stryker disable next-line ArrayDeclaration: an initiative without moves has nothing to iterate; a stand-in element names no dimension, so it never matches
    for (const move of initiative.moves ?? []) if (move.dimension === dimensionId && (level === undefined || move.to > level)) level = move.to;
  }
  return level;
}

/** A point of a plan's trajectory: where its moves leave the unit once the initiatives that end by `date` are delivered. */
export interface TrajectoryPoint {
  /** The baseline assessment's date for the first point; then the end date of one phase of the plan. */
  readonly date: string;
  /** The initiatives (not cancelled) that move a dimension and end on this date; none at the baseline. */
  readonly initiatives: readonly string[];
  /** Each dimension of the rubric that has a level by then, in rubric order. */
  readonly dimensions: readonly { readonly id: string; readonly level: number; readonly thresholdReached?: boolean }[];
  /** The overall score the rubric's roll-up gives those levels (moved dimensions count at the level moved to). */
  readonly score?: number;
  readonly level?: number;
  readonly thresholdReached?: boolean;
  /** Dimensions at or over the threshold, of those with a level. */
  readonly atThreshold: number;
}

/**
 * The plan's trajectory: its baseline, then the levels its moves project at each phase end (the
 * end date of each initiative, not cancelled, that moves a dimension), each scored overall by the
 * rubric's roll-up. A move counts from its initiative's end. The last point holds the levels
 * projectPlan projects for the whole plan.
 */
export function planTrajectory(plan: Plan, index: RubricIndex, baseline: AssessmentScore, baselineDate: string): TrajectoryPoint[] {
  const moving = plan.initiatives.filter((i) => i.status !== 'cancelled' && (i.moves?.length ?? 0) > 0);
  const ends = [...new Set(moving.map((i) => i.end))].sort();
  // Scoring gives a dimension a level exactly when it is scored: a level is all this reads.
  const point = (date: string, delivered: readonly Initiative[], endingNow: readonly Initiative[]): TrajectoryPoint => {
    const dimensions = baseline.dimensions.map((d): DimensionScore => {
      const level = projectedLevel(d.id, d.level, delivered);
      if (level === undefined || level === d.level) return d;
      return { ...d, status: 'scored', score: level, level, ...(index.threshold !== undefined ? { thresholdReached: level >= index.threshold } : {}) };
    });
    const { overall } = rollUp(index, dimensions);
    return {
      date,
      initiatives: endingNow.map((i) => i.id),
      dimensions: dimensions.flatMap((d) => (d.level !== undefined ? [{ id: d.id, level: d.level, ...(d.thresholdReached !== undefined ? { thresholdReached: d.thresholdReached } : {}) }] : [])),
      ...(overall.score !== undefined ? { score: overall.score } : {}),
      ...(overall.level !== undefined ? { level: overall.level } : {}),
      ...(overall.thresholdReached !== undefined ? { thresholdReached: overall.thresholdReached } : {}),
      atThreshold: overall.dimensionsAtThreshold,
    };
  };
  return [point(baselineDate, [], []), ...ends.map((end) => point(end, moving.filter((i) => i.end <= end), moving.filter((i) => i.end === end)))];
}
