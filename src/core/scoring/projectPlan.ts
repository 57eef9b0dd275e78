import type { RubricIndex } from '../domain/rubricIndex';
import { VALUE_STREAM_TITLES as VALUE_STREAMS } from '../format/enums';
import type { Initiative, Plan, ValueStream } from '../format/types';
import { monthsBetween } from '../domain/dates';
import type { AssessmentScore } from './types';

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
    const tos = moving.flatMap((p) => (p.initiative.moves ?? []).filter((m) => m.dimension === dimension.id).map((m) => m.to));
    const levels = [...tos, ...(base?.level !== undefined ? [base.level] : [])];
    const projected = levels.length ? Math.max(...levels) : undefined;
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
