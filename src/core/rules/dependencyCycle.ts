import type { Rule, RuleContext } from './context';
import { pluralize } from '../text/plural';
import { rubricDependencies } from './support/criteria';
import { findCycles } from './support/cycles';
import { initiativeIds, initiatives } from './support/plan';

/** Initiatives of a plan, and criteria of a rubric, do not depend on themselves, directly or through others. */
export const dependencyCycle: Rule = {
  code: 'dependency-cycle',
  kinds: ['Plan', 'Rubric'],
  check(ctx) {
    if (ctx.inputs.kind === 'Plan') checkPlan(ctx);
    else checkRubric(ctx);
  },
};

function checkPlan(ctx: RuleContext): void {
  const list = initiatives(ctx);
  const ids = initiativeIds(list);
  const byIndex = new Map(list.map((i) => [i.index, i]));
  for (const i of list) for (const dep of i.dependsOn) if (dep.id === i.id) ctx.report('dependency-cycle', `"${i.id}" depends on itself.`, ctx.at(dep.path));
  const edgesOf = (id: string) => {
    const index = ids.get(id);
    // ids holds the index of an initiative of the list.
    return index === undefined ? undefined : byIndex.get(index)!.dependsOn.map((d) => ({ target: d.id, path: d.path }));
  };
  for (const { edge, cycle } of findCycles(ids.keys(), edgesOf)) {
    ctx.report('dependency-cycle', `These initiatives depend on each other in a cycle: ${cycle.join(' → ')}. Remove one of the dependencies.`, ctx.at(edge.path), { data: { cycle } });
  }
}

function checkRubric(ctx: RuleContext): void {
  const graph = rubricDependencies(ctx);
  // Stryker disable next-line ConditionalExpression: a fast path for rubrics without dependencies; the loops below find nothing in them either
  if (!graph.any) return;
  const word = graph.term.toLowerCase();
  for (const [id, node] of graph.criteria) {
    for (const dep of node.dependsOn) if (dep.target === id) ctx.report('dependency-cycle', `The ${word} "${id}" depends on itself. Remove it from its dependsOn.`, ctx.at(dep.path));
  }
  for (const { edge, cycle } of findCycles(graph.criteria.keys(), (id) => graph.criteria.get(id)?.dependsOn)) {
    ctx.report('dependency-cycle', `These ${pluralize(word)} depend on each other in a cycle, so none of them can be met first: ${cycle.join(' → ')}. Remove one of the dependencies.`, ctx.at(edge.path), { data: { cycle } });
  }
}
