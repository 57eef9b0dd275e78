import type { Rule } from './context';
import { baselineLevels, judgeableMoves, reachedByDependencies } from './support/moves';
import { initiativeIds, initiatives } from './support/plan';

/**
 * A move starts where the baseline puts its dimension, or where an initiative it depends on
 * (directly or through others) leaves it: a staged plan raises a dimension in steps.
 */
export const moveFromMismatch: Rule = {
  code: 'move-from-mismatch',
  kinds: ['Plan'],
  check(ctx) {
    const baseline = baselineLevels(ctx);
    const list = initiatives(ctx);
    const ids = initiativeIds(list);
    for (const { initiative, move, path } of judgeableMoves(ctx, list)) {
      const base = baseline.get(move.dimension);
      if (move.from === undefined || base === undefined || move.from === base || reachedByDependencies(list, ids, initiative, move.dimension).has(move.from)) continue;
      ctx.report(
        'move-from-mismatch',
        `The baseline assessment puts "${move.dimension}" at level ${base}, not ${move.from}, and no initiative this one depends on moves it to ${move.from}. Start from ${base}, or depend on the initiative that takes it to ${move.from}.`,
        ctx.at([...path, 'from']),
        { fixes: [{ title: `Change to ${base}`, replacement: String(base) }] },
      );
    }
  },
};
