import type { Rule } from './context';
import { initiativeIds, initiatives } from './support/plan';

/** An initiative ends no earlier than the initiatives it depends on. */
export const dependencyOrder: Rule = {
  code: 'dependency-order',
  kinds: ['Plan'],
  check(ctx) {
    const list = initiatives(ctx);
    const ids = initiativeIds(list);
    const byIndex = new Map(list.map((i) => [i.index, i]));
    for (const i of list) {
      if (!i.endOk) continue;
      for (const dep of i.dependsOn) {
        const other = byIndex.get(ids.get(dep.id) ?? -1);
        if (!other || dep.id === i.id || !other.endOk || (other.end as string) <= (i.end as string)) continue;
        ctx.report('dependency-order', `"${i.title}" ends (${i.end}) before "${other.title}", which it depends on, ends (${other.end}).`, ctx.at(dep.path));
      }
    }
  },
};
