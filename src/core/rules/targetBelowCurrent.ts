import type { Rule } from './context';

/** A target below the level already reached. */
export const targetBelowCurrent: Rule = {
  code: 'target-below-current',
  kinds: ['Assessment'],
  check(ctx) {
    for (const d of ctx.inputs.score?.dimensions ?? []) {
      if (d.status !== 'scored' || d.target === undefined || d.level === undefined || d.target >= d.level) continue;
      ctx.report('target-below-current', `The target ${d.target} is below the level already reached (${d.level}). Raise the target, or remove it if the aim is to hold the level.`, ctx.at(['dimensions', d.id, 'target']));
    }
  },
};
