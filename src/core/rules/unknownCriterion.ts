import type { Rule, RuleContext } from './context';
import { rubricDependencies } from './support/criteria';

/** An answer's key is a criterion of its own dimension; a criterion's dependencies and related criteria are criteria of the rubric. */
export const unknownCriterion: Rule = {
  code: 'unknown-criterion',
  kinds: ['Assessment', 'Rubric'],
  check(ctx) {
    if (ctx.inputs.kind === 'Rubric') checkDependencies(ctx);
    else checkAnswers(ctx);
  },
};

function checkAnswers(ctx: RuleContext): void {
  const index = ctx.rubric;
  // Stryker disable next-line ConditionalExpression: without a rubric no dimension is assessed, so the loop below finds nothing either
  if (!index) return;
  // The assessment's own answers, and each assessor's.
  for (const dimensions of ctx.assessedAnswerSets()) {
    for (let i = 0; i < dimensions.length; i++) {
      const d = dimensions[i]!;
      const own = index.criterionIdsOf(d.dimension);
      for (let j = 0; j < d.answerIds.length; j++) {
        const id = d.answerIds[j]!;
        if (own.includes(id)) continue;
        const at = ctx.keyAt([...d.path, 'answers', id]);
        const elsewhere = index.criteria.get(id);
        if (elsewhere) ctx.report('unknown-criterion', `The criterion "${id}" belongs to "${elsewhere.dimension.id}", not to "${d.id}". Move the answer there.`, at);
        else ctx.reportUnknownId('unknown-criterion', `"${d.dimension.title}" has no ${index.term('criterion').toLowerCase()} "${id}".`, at, id, own);
      }
    }
  }
}

function checkDependencies(ctx: RuleContext): void {
  const graph = rubricDependencies(ctx);
  // Stryker disable next-line ConditionalExpression: a fast path for rubrics without links between criteria; the loops below find nothing in them either
  if (!graph.any && !graph.anyRelated) return;
  const word = graph.term.toLowerCase();
  for (const node of graph.criteria.values()) {
    for (const dep of node.dependsOn) {
      if (graph.criteria.has(dep.target)) continue;
      ctx.reportUnknownId('unknown-criterion', `No ${word} of this rubric has the id "${dep.target}", so nothing can be met before this one. Name a ${word} of any dimension, or remove the dependency.`, ctx.at(dep.path), dep.target, graph.criteria);
    }
    for (const link of node.related) {
      if (graph.criteria.has(link.target)) continue;
      ctx.reportUnknownId('unknown-criterion', `No ${word} of this rubric has the id "${link.target}", so the related link leads nowhere. Name a ${word} of any dimension, or remove it.`, ctx.at(link.path), link.target, graph.criteria);
    }
  }
}
