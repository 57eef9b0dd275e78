import { exemptionState } from '../domain/answers';
import { isRealDate } from '../domain/dates';
import type { Rule } from './context';

/** An exemption past its expiry on the assessment's date: the item counts in the score again. */
export const exemptionExpired: Rule = {
  code: 'exemption-expired',
  kinds: ['Assessment'],
  check(ctx) {
    const facts = ctx.inputs.facts;
    const date = facts?.date;
    // Stryker disable next-line ConditionalExpression,LogicalOperator: without facts there is no date, and isRealDate refuses a missing date too
    if (!facts || date === undefined || !isRealDate(date)) return;
    const report = (what: string, expires: string, path: readonly (string | number)[]) =>
      ctx.report('exemption-expired', `The exemption for ${what} expired on ${expires}, before this assessment (${date}); it counts in the score again. Renew it with a new expiry date, or remove it.`, ctx.at([...path, 'exemption', 'expires']));
    for (let i = 0; i < facts.dimensions.length; i++) {
      const d = facts.dimensions[i]!;
      if (d.exemption?.expired && isRealDate(d.exemption.expires)) report(`"${d.dimension?.title ?? d.id}"`, d.exemption.expires, d.path);
      for (let j = 0; j < d.answers.length; j++) {
        const answer = d.answers[j]!;
        // The fact's one home decides expiry, on the date the dimension's exemption is judged by.
        const exemption = exemptionState(answer.detail.exemption, date);
        if (exemption?.expired && isRealDate(exemption.expires)) report(`"${answer.criterionId}"`, exemption.expires, answer.path);
      }
    }
  },
};
