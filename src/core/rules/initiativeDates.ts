import type { Rule } from './context';
import { initiatives } from './support/plan';

/** An initiative ends after it starts. */
export const initiativeDates: Rule = {
  code: 'initiative-dates',
  kinds: ['Plan'],
  check(ctx) {
    for (const i of initiatives(ctx)) {
      if (i.startOk && i.endOk && (i.end as string) < (i.start as string)) ctx.report('initiative-dates', `"${i.title}" ends (${i.end}) before it starts (${i.start}).`, ctx.at([...i.path, 'end']));
    }
  },
};
