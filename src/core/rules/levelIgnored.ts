import type { Rule } from './context';

/** A level given for a rubric that computes levels from answers is not used. */
export const levelIgnored: Rule = {
  code: 'level-ignored',
  kinds: ['Assessment'],
  check(ctx) {
    const index = ctx.rubric;
    if (!index || index.method === 'rated') return;
    const dimensions = ctx.assessedDimensions();
    for (let i = 0; i < dimensions.length; i++) {
      const d = dimensions[i]!;
      // Stryker disable next-line ConditionalExpression: a missing level is on no scale either
      if (d.level === undefined || !index.hasLevel(d.level)) continue;
      ctx.report('level-ignored', `This rubric computes levels from answers (${index.method} scoring), so the level given here is ignored. Remove it, or answer the criteria.`, ctx.keyAt([...d.path, 'level']));
    }
  },
};
