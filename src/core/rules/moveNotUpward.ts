import type { Rule } from './context';
import { baselineLevels, judgeableMoves } from './support/moves';
import { initiatives } from './support/plan';

/** A move raises its dimension's level (from where it says, or from the baseline). */
export const moveNotUpward: Rule = {
  code: 'move-not-upward',
  kinds: ['Plan'],
  check(ctx) {
    const baseline = baselineLevels(ctx);
    for (const { move, path } of judgeableMoves(ctx, initiatives(ctx))) {
      const from = move.from ?? baseline.get(move.dimension);
      // Stryker disable next-line ConditionalExpression: no level is at or below a missing one either
      if (from !== undefined && move.to <= from) ctx.report('move-not-upward', `This move goes from level ${from} to ${move.to}; a move should raise the level.`, ctx.at([...path, 'to']));
    }
  },
};
