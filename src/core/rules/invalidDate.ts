import { isRealDate } from '../domain/dates';
import type { WrittenLink } from '../domain/assessmentFacts';
import type { Path } from '../document/located';
import type { Rule, RuleContext } from './context';
import { horizonOf, initiatives } from './support/plan';

/** Dates have the right form (the schema checks that) and name a real day (this rule). */
export const invalidDate: Rule = {
  code: 'invalid-date',
  kinds: ['Assessment', 'Plan'],
  check(ctx) {
    if (ctx.inputs.kind === 'Plan') {
      const horizon = horizonOf(ctx);
      checkDate(ctx, horizon.start, ['horizon', 'start']);
      checkDate(ctx, horizon.end, ['horizon', 'end']);
      for (const i of initiatives(ctx)) {
        checkDate(ctx, i.start, [...i.path, 'start']);
        checkDate(ctx, i.end, [...i.path, 'end']);
      }
      return;
    }
    checkDate(ctx, ctx.read<string>(['date']), ['date']);
    for (const response of ctx.inputs.facts?.responses ?? []) checkDate(ctx, response.date, [...response.path, 'date']);
    // The assessment's own answers, and each assessor's.
    for (const dimensions of ctx.writtenAnswerSets()) {
      for (let i = 0; i < dimensions.length; i++) {
        const d = dimensions[i]!;
        if (d.exemption) checkDate(ctx, d.exemption.expires, [...d.path, 'exemption', 'expires']);
        checkEvidenceDates(ctx, d.evidence);
        for (let j = 0; j < d.answers.length; j++) {
          const answer = d.answers[j]!;
          if (answer.detail.exemption) checkDate(ctx, answer.detail.exemption.expires, [...answer.path, 'exemption', 'expires']);
          checkEvidenceDates(ctx, answer.evidence);
        }
      }
    }
  },
};

function checkEvidenceDates(ctx: RuleContext, links: readonly WrittenLink[]): void {
  for (let i = 0; i < links.length; i++) {
    const link = links[i]!;
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a fast path: checkDate checks the same, but a link's place (asOfPath) is worked out only for a date it reports
    if (link.asOf !== undefined && !isRealDate(link.asOf)) checkDate(ctx, link.asOf, link.asOfPath);
  }
}

function checkDate(ctx: RuleContext, value: string | undefined, path: Path): void {
  if (value !== undefined && !isRealDate(value)) ctx.report('invalid-date', `"${value}" is not a real calendar date. Check the month and the day.`, ctx.at(path));
}
