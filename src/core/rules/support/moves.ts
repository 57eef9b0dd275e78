import type { Path } from '../../document/located';
import type { Move } from '../../format/types';
import type { RuleContext } from '../context';
import type { PlanInitiative } from './plan';

/** Each dimension's level in the plan's baseline assessment (when it is scored against the plan's rubric). */
export function baselineLevels(ctx: RuleContext): Map<string, number> {
  const levels = new Map<string, number>();
  // Stryker disable next-line ArrayDeclaration: an entry without a level is skipped, so a made-up one adds nothing
  for (const d of ctx.inputs.baseline?.dimensions ?? []) if (d.level !== undefined) levels.set(d.id, d.level);
  return levels;
}

/** Levels that the (not cancelled) initiatives `start` depends on, transitively, move `dimension` to. */
export function reachedByDependencies(list: readonly PlanInitiative[], ids: ReadonlyMap<string, number>, start: PlanInitiative, dimension: string): Set<number> {
  const byIndex = new Map(list.map((i) => [i.index, i]));
  const levels = new Set<number>();
  const seen = new Set<number>([start.index]);
  const queue = start.dependsOn.map((d) => d.id);
  while (queue.length > 0) {
    const target = ids.get(queue.pop() as string);
    if (target === undefined || seen.has(target)) continue;
    seen.add(target);
    // ids holds the index of an initiative of the list.
    const initiative = byIndex.get(target)!;
    if (initiative.status !== 'cancelled') for (const { move } of initiative.moves) if (move.dimension === dimension) levels.add(move.to);
    queue.push(...initiative.dependsOn.map((d) => d.id));
  }
  return levels;
}

/** The moves of a plan that can be judged: on a dimension of the rubric, to and from levels on its scale. */
export function judgeableMoves(ctx: RuleContext, list: readonly PlanInitiative[]): { initiative: PlanInitiative; move: Move; path: Path }[] {
  const index = ctx.rubric;
  if (!index) return [];
  return list.flatMap((initiative) =>
    initiative.moves
      .filter(({ move }) => index.dimensions.has(move.dimension) && index.hasLevel(move.to) && (move.from === undefined || index.hasLevel(move.from)))
      .map(({ move, path }) => ({ initiative, move, path })),
  );
}
