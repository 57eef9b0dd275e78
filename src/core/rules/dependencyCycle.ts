import type { Rule } from './context';
import { initiativeIds, initiatives, type PlanInitiative } from './support/plan';

/** Initiatives do not depend on themselves, directly or through others. */
export const dependencyCycle: Rule = {
  code: 'dependency-cycle',
  kinds: ['Plan'],
  check(ctx) {
    const list = initiatives(ctx);
    const ids = initiativeIds(list);
    const byIndex = new Map(list.map((i) => [i.index, i]));
    for (const i of list) for (const dep of i.dependsOn) if (dep.id === i.id) ctx.report('dependency-cycle', `"${i.id}" depends on itself.`, ctx.at(dep.path));
    // Longer cycles, each reported once, on the dependency that closes it.
    const state = new Map<string, 'visiting' | 'done'>();
    const stack: string[] = [];
    const visit = (id: string) => {
      state.set(id, 'visiting');
      stack.push(id);
      const initiative = byIndex.get(ids.get(id) as number) as PlanInitiative;
      for (const dep of initiative.dependsOn) {
        if (dep.id === id || !ids.has(dep.id)) continue;
        const s = state.get(dep.id);
        if (s === 'visiting') {
          const cycle = [...stack.slice(stack.indexOf(dep.id)), dep.id];
          ctx.report('dependency-cycle', `These initiatives depend on each other in a cycle: ${cycle.join(' → ')}. Remove one of the dependencies.`, ctx.at(dep.path), { data: { cycle } });
        } else if (s === undefined) visit(dep.id);
      }
      stack.pop();
      state.set(id, 'done');
    };
    for (const id of ids.keys()) if (!state.has(id)) visit(id);
  },
};
