import type { WrittenDimension } from '../domain/assessmentFacts';
import type { Dimension } from '../format/types';
import { quoteList } from '../text/suggest';
import type { Rule, RuleContext } from './context';

/** Criteria of an assessed dimension without an answer (the assessment's own or an assessor's) count as no credit: worth knowing. */
export const criterionNotAnswered: Rule = {
  code: 'criterion-not-answered',
  kinds: ['Assessment'],
  check(ctx) {
    const index = ctx.rubric;
    const facts = ctx.inputs.facts;
    if (!index || !facts || index.method === 'rated') return;
    const agreement = facts.agreement;
    const dimensions = ctx.assessedDimensions();
    for (let i = 0; i < dimensions.length; i++) {
      const d = dimensions[i]!;
      if (d.excluded) continue;
      // An answer taken from the assessment it inherits from is an answer.
      const inherited = facts.inherited?.answers.get(d.id);
      const byAssessors = agreement.get(d.id);
      check(ctx, d, d.dimension, (id) => d.answerIds.includes(id) || byAssessors?.has(id) === true || inherited?.has(id) === true);
    }
    // A dimension only the assessors answered: reported on the first response that has it.
    const written = new Set(facts.dimensionIds);
    const responded = ctx.assessedResponseDimensions();
    for (let i = 0; i < responded.length; i++) {
      const d = responded[i]!;
      if (written.has(d.id)) continue;
      written.add(d.id);
      const inherited = facts.inherited?.answers.get(d.id);
      const byAssessors = agreement.get(d.id);
      check(ctx, d, d.dimension, (id) => byAssessors?.has(id) === true || inherited?.has(id) === true);
    }
  },
};

function check(ctx: RuleContext, d: WrittenDimension, dimension: Dimension, answered: (id: string) => boolean): void {
  const index = ctx.rubric!;
  const own = index.criterionIdsOf(dimension);
  const unanswered = own.filter((id) => !answered(id));
  if (unanswered.length === 0) return;
  ctx.report(
    'criterion-not-answered',
    `${unanswered.length} of ${own.length} criteria of "${dimension.title}" ${unanswered.length === 1 ? 'has no answer and counts' : 'have no answer and count'} as no credit: ${quoteList(unanswered, 6)}.`,
    ctx.keyAt(d.path),
    { data: { unanswered, dimensionId: d.id } },
  );
}
