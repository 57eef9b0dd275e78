import type { Rule } from './context';

/** A target below the level already reached. */
export const targetBelowCurrent: Rule = {
  code: 'target-below-current',
  kinds: ['Assessment'],
  check(ctx) {
    const outcomes = ctx.inputs.outcomes;
    if (!outcomes) return;
    for (let i = 0; i < outcomes.length; i++) {
      const d = outcomes[i]!;
      const target = d.result?.target;
      if (d.status !== 'scored' || target === undefined || d.level === undefined || target >= d.level) continue;
      ctx.report('target-below-current', `The target ${target} is below the level already reached (${d.level}). Raise the target, or remove it if the aim is to hold the level.`, ctx.at(['dimensions', d.id, 'target']));
    }
  },
};
