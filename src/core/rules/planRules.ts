import type { RubricIndex } from '../domain/rubricIndex';
import type { Plan } from '../format/types';
import type { AssessmentScore } from '../scoring/types';
import { RuleContext, checkDate, monthsBetween } from './context';

/**
 * Checks a plan: dates are real and in order, initiatives stay inside the horizon, ids are
 * unique, dependencies exist and form no cycle, and moves name real dimensions, stay on the
 * scale, go up, and start where the baseline assessment says the dimension is.
 */
export function checkPlan(ctx: RuleContext, plan: Plan, index: RubricIndex | undefined, baseline: AssessmentScore | undefined): void {
  const startOk = checkDate(ctx, plan.horizon.start, ['horizon', 'start']);
  const endOk = checkDate(ctx, plan.horizon.end, ['horizon', 'end']);
  const horizonOk = startOk && endOk && plan.horizon.end > plan.horizon.start;
  if (startOk && endOk && !horizonOk) {
    ctx.report('horizon-dates', `The horizon ends (${plan.horizon.end}) before it starts (${plan.horizon.start}).`, ctx.at(['horizon', 'end']));
  }
  if (horizonOk) {
    const months = monthsBetween(plan.horizon.start, plan.horizon.end);
    if (months < 23.5 || months > 36.5) {
      ctx.report('horizon-length', `The horizon spans about ${Math.round(months)} months. Transformations of this kind usually take 24 to 36 months; check that the plan is realistic.`, ctx.keyAt(['horizon']));
    }
  }

  const ids = new Map<string, number>();
  plan.initiatives.forEach((initiative, i) => {
    if (ids.has(initiative.id)) ctx.report('duplicate-id', `Another initiative already has the id "${initiative.id}"; initiative ids must be unique.`, ctx.at(['initiatives', i, 'id']));
    else ids.set(initiative.id, i);
  });

  const baselineLevels = new Map<string, number>();
  for (const d of baseline?.dimensions ?? []) if (d.level !== undefined) baselineLevels.set(d.id, d.level);

  plan.initiatives.forEach((initiative, i) => {
    const at = (...rest: (string | number)[]) => ['initiatives', i, ...rest];
    const sOk = checkDate(ctx, initiative.start, at('start'));
    const eOk = checkDate(ctx, initiative.end, at('end'));
    if (sOk && eOk && initiative.end < initiative.start) {
      ctx.report('initiative-dates', `"${initiative.title}" ends (${initiative.end}) before it starts (${initiative.start}).`, ctx.at(at('end')));
    }
    if (horizonOk) {
      if (sOk && initiative.start < plan.horizon.start) {
        ctx.report('outside-horizon', `"${initiative.title}" starts before the plan's horizon (${plan.horizon.start}).`, ctx.at(at('start')));
      }
      if (eOk && initiative.end > plan.horizon.end) {
        ctx.report('outside-horizon', `"${initiative.title}" ends after the plan's horizon (${plan.horizon.end}). Extend the horizon or shorten the initiative.`, ctx.at(at('end')));
      }
    }
    initiative.dependsOn?.forEach((dep, j) => {
      const target = ids.get(dep);
      if (target === undefined) {
        ctx.reportUnknownId('unknown-initiative', `No initiative has the id "${dep}".`, ctx.at(at('dependsOn', j)), dep, ids.keys());
      } else if (dep === initiative.id) {
        ctx.report('dependency-cycle', `"${initiative.id}" depends on itself.`, ctx.at(at('dependsOn', j)));
      } else {
        const other = plan.initiatives[target]!;
        if (eOk && isRealDateString(other.end) && other.end > initiative.end) {
          ctx.report('dependency-order', `"${initiative.title}" ends (${initiative.end}) before "${other.title}", which it depends on, ends (${other.end}).`, ctx.at(at('dependsOn', j)));
        }
      }
    });
    initiative.moves?.forEach((move, m) => {
      const mat = (...rest: (string | number)[]) => at('moves', m, ...rest);
      if (!index) return;
      if (!index.dimensions.has(move.dimension)) {
        ctx.reportUnknownId('unknown-dimension', `The rubric "${index.rubric.id}" has no ${index.term('dimension').toLowerCase()} "${move.dimension}".`, ctx.at(mat('dimension')), move.dimension, index.dimensions.keys());
        return;
      }
      const scale = `${index.minLevel} to ${index.maxLevel}`;
      let ok = true;
      for (const key of ['from', 'to'] as const) {
        const level = move[key];
        if (level !== undefined && !index.hasLevel(level)) {
          ok = false;
          ctx.report('level-out-of-scale', `Level ${level} is not on the rubric's scale (${scale}).`, ctx.at(mat(key)));
        }
      }
      if (!ok) return;
      const from = move.from ?? baselineLevels.get(move.dimension);
      if (from !== undefined && move.to <= from) {
        ctx.report('move-not-upward', `This move goes from level ${from} to ${move.to}; a move should raise the level.`, ctx.at(mat('to')));
      }
      const base = baselineLevels.get(move.dimension);
      // A staged plan raises a dimension in steps: a later initiative may start where one it
      // depends on (directly or through others) leaves the dimension, not only at the baseline.
      if (move.from !== undefined && base !== undefined && move.from !== base && !reachedByDependencies(plan, ids, i, move.dimension).has(move.from)) {
        ctx.report('move-from-mismatch', `The baseline assessment puts "${move.dimension}" at level ${base}, not ${move.from}, and no initiative this one depends on moves it to ${move.from}. Start from ${base}, or depend on the initiative that takes it to ${move.from}.`, ctx.at(mat('from')), {
          fixes: [{ title: `Change to ${base}`, replacement: String(base) }],
        });
      }
    });
  });
  reportCycles(ctx, plan, ids);
}

/** Levels that the (not cancelled) initiatives `index` depends on, transitively, move `dimension` to. */
function reachedByDependencies(plan: Plan, ids: Map<string, number>, index: number, dimension: string): Set<number> {
  const levels = new Set<number>();
  const seen = new Set<number>([index]);
  const queue = [...(plan.initiatives[index]!.dependsOn ?? [])];
  while (queue.length > 0) {
    const target = ids.get(queue.pop()!);
    if (target === undefined || seen.has(target)) continue;
    seen.add(target);
    const initiative = plan.initiatives[target]!;
    if (initiative.status !== 'cancelled') for (const m of initiative.moves ?? []) if (m.dimension === dimension) levels.add(m.to);
    queue.push(...(initiative.dependsOn ?? []));
  }
  return levels;
}

function isRealDateString(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/** Finds dependency cycles (longer than a self-loop) and reports each once, on the edge that closes it. */
function reportCycles(ctx: RuleContext, plan: Plan, ids: Map<string, number>): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string) => {
    state.set(id, 'visiting');
    stack.push(id);
    const index = ids.get(id)!;
    const deps = plan.initiatives[index]!.dependsOn ?? [];
    deps.forEach((dep, j) => {
      if (dep === id || !ids.has(dep)) return;
      const s = state.get(dep);
      if (s === 'visiting') {
        const cycle = [...stack.slice(stack.indexOf(dep)), dep];
        ctx.report('dependency-cycle', `These initiatives depend on each other in a cycle: ${cycle.join(' → ')}. Remove one of the dependencies.`, ctx.at(['initiatives', index, 'dependsOn', j]), { data: { cycle } });
      } else if (s === undefined) visit(dep);
    });
    stack.pop();
    state.set(id, 'done');
  };
  for (const id of ids.keys()) if (!state.has(id)) visit(id);
}
