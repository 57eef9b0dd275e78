import { quoteList } from '../text/suggest';
import type { Rule } from './context';

/** An answer is one of its criterion's answer scale. */
export const answerNotInScale: Rule = {
  code: 'answer-not-in-scale',
  kinds: ['Assessment'],
  check(ctx) {
    const index = ctx.rubric;
    // Stryker disable next-line ConditionalExpression: without a rubric no dimension is assessed, so the loop below finds nothing either
    if (!index) return;
    // The assessment's own answers, and each assessor's.
    for (const dimensions of ctx.assessedAnswerSets()) {
      for (let i = 0; i < dimensions.length; i++) {
        const d = dimensions[i]!;
        for (let j = 0; j < d.answers.length; j++) {
          const answer = d.answers[j]!;
          // Off the scale as written (under dimensions, the scored answer is the written one whenever one is written).
          // Stryker disable next-line ConditionalExpression: the consensus picks only answers on the scale, so a fact off the scale always has its answer written here
          if (answer.detail.answer === undefined || answer.fact?.inScale !== false) continue;
          // An answer has a fact only when it answers a criterion of its own dimension, which the
          // rubric's index holds under its id (criterion ids are unique in a rubric that can be used).
          const { criterion } = index.criteria.get(answer.criterionId)!;
          const allowed = index.answerValues(criterion);
          const written = String(answer.detail.answer);
          ctx.reportUnknownId('answer-not-in-scale', `${JSON.stringify(written)} is not an answer of the "${index.scaleName(criterion)}" scale. Allowed: ${quoteList(allowed, 12)}.`, ctx.at(answer.answerPath), written, allowed);
        }
      }
    }
  },
};
