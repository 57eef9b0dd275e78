import type { Rule } from './context';

/** Levels are listed lowest first and count up by one. */
export const levelScaleInvalid: Rule = {
  code: 'level-scale-invalid',
  kinds: ['Rubric'],
  check(ctx) {
    const levels = ctx.items<{ level: number }>(['levels']);
    levels.forEach(({ value, path }, i) => {
      if (i === 0) return;
      const previous = (levels[i - 1] as { value: { level: number } }).value.level;
      if (value.level === previous + 1) return;
      ctx.report(
        'level-scale-invalid',
        value.level === previous ? `Level ${value.level} is listed twice. Each level appears once, lowest first.` : `Levels count up by one, lowest first: after ${previous} comes ${previous + 1}, not ${value.level}.`,
        ctx.at([...path, 'level']),
      );
    });
  },
};
