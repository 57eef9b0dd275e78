import type { Rule } from './context';
import { horizonOf } from './support/plan';

/** The horizon runs forwards. */
export const horizonDates: Rule = {
  code: 'horizon-dates',
  kinds: ['Plan'],
  check(ctx) {
    const h = horizonOf(ctx);
    if (h.startOk && h.endOk && !h.ok) ctx.report('horizon-dates', `The horizon ends (${h.end}) before it starts (${h.start}).`, ctx.at(['horizon', 'end']));
  },
};
