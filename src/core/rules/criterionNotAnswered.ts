import { quoteList } from '../text/suggest';
import type { Rule } from './context';

/** Criteria of an assessed dimension without an answer count as no credit: worth knowing. */
export const criterionNotAnswered: Rule = {
  code: 'criterion-not-answered',
  kinds: ['Assessment'],
  check(ctx) {
    const index = ctx.rubric;
    if (!index || index.method === 'rated') return;
    const dimensions = ctx.assessedDimensions();
    for (let i = 0; i < dimensions.length; i++) {
      const d = dimensions[i]!;
      if (d.excluded) continue;
      const own = index.criterionIdsOf(d.dimension);
      // An answer taken from the assessment it inherits from is an answer.
      const inherited = ctx.inputs.facts?.inherited?.answers.get(d.id);
      const unanswered = own.filter((id) => !d.answerIds.includes(id) && !inherited?.has(id));
      if (unanswered.length === 0) continue;
      ctx.report(
        'criterion-not-answered',
        `${unanswered.length} of ${own.length} criteria of "${d.dimension.title}" ${unanswered.length === 1 ? 'has no answer and counts' : 'have no answer and count'} as no credit: ${quoteList(unanswered, 6)}.`,
        ctx.keyAt(d.path),
        { data: { unanswered, dimensionId: d.id } },
      );
    }
  },
};
