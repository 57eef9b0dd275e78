import type { Rule } from './context';
import { initiativeIds, initiatives } from './support/plan';

/** An initiative depends on initiatives of the same plan. */
export const unknownInitiative: Rule = {
  code: 'unknown-initiative',
  kinds: ['Plan'],
  check(ctx) {
    const list = initiatives(ctx);
    const ids = initiativeIds(list);
    for (const i of list) {
      for (const dep of i.dependsOn) if (!ids.has(dep.id)) ctx.reportUnknownId('unknown-initiative', `No initiative has the id "${dep.id}".`, ctx.at(dep.path), dep.id, ids);
    }
  },
};
