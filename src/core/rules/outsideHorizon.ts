import type { Rule } from './context';
import { horizonOf, initiatives } from './support/plan';

/** Initiatives start and end inside the plan's horizon. */
export const outsideHorizon: Rule = {
  code: 'outside-horizon',
  kinds: ['Plan'],
  check(ctx) {
    const h = horizonOf(ctx);
    if (!h.ok) return;
    for (const i of initiatives(ctx)) {
      if (i.startOk && (i.start as string) < (h.start as string)) ctx.report('outside-horizon', `"${i.title}" starts before the plan's horizon (${h.start}).`, ctx.at([...i.path, 'start']));
      if (i.endOk && (i.end as string) > (h.end as string)) ctx.report('outside-horizon', `"${i.title}" ends after the plan's horizon (${h.end}). Extend the horizon or shorten the initiative.`, ctx.at([...i.path, 'end']));
    }
  },
};
