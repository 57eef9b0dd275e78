import { monthsBetween } from '../domain/dates';
import type { Rule } from './context';
import { horizonOf } from './support/plan';

/** Transformations of this kind usually take 24 to 36 months. */
export const horizonLength: Rule = {
  code: 'horizon-length',
  kinds: ['Plan'],
  check(ctx) {
    const h = horizonOf(ctx);
    if (!h.ok) return;
    const months = monthsBetween(h.start as string, h.end as string);
    // Stryker disable next-line EqualityOperator: no span of whole days is exactly 23.5 or 36.5 months long
    if (months < 23.5 || months > 36.5) {
      ctx.report('horizon-length', `The horizon spans about ${Math.round(months)} months. Transformations of this kind usually take 24 to 36 months; check that the plan is realistic.`, ctx.keyAt(['horizon']));
    }
  },
};
