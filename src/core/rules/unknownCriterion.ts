import type { Rule } from './context';

/** An answer's key is a criterion of its own dimension. */
export const unknownCriterion: Rule = {
  code: 'unknown-criterion',
  kinds: ['Assessment'],
  check(ctx) {
    const index = ctx.rubric;
    if (!index) return;
    for (const d of ctx.assessedDimensions()) {
      const own = index.criterionIdsOf(d.dimension);
      for (const id of d.answerIds) {
        if (own.includes(id)) continue;
        const at = ctx.keyAt([...d.path, 'answers', id]);
        const elsewhere = index.criteria.get(id);
        if (elsewhere) ctx.report('unknown-criterion', `The criterion "${id}" belongs to "${elsewhere.dimension.id}", not to "${d.id}". Move the answer there.`, at);
        else ctx.reportUnknownId('unknown-criterion', `"${d.dimension.title}" has no ${index.term('criterion').toLowerCase()} "${id}".`, at, id, own);
      }
    }
  },
};
