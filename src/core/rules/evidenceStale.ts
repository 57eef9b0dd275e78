import type { WrittenLink } from '../domain/assessmentFacts';
import { evidenceAge } from '../domain/evidence';
import { formatAge, formatDuration } from '../text/age';
import type { Rule, RuleContext } from './context';

/**
 * Evidence older than the validity (`evidenceValidFor`, the assessment's or its rubric's) on the
 * assessment's date: the same fact of domain/evidence.ts that reports count as stale, and that
 * withdraws credit where the rubric says so.
 */
export const evidenceStale: Rule = {
  code: 'evidence-stale',
  kinds: ['Assessment'],
  check(ctx) {
    const facts = ctx.inputs.facts;
    const date = facts?.date;
    const policy = facts?.evidencePolicy;
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a fast path; without facts, a date or a duration domain/evidence.ts finds no evidence stale either
    if (!facts || date === undefined || !policy?.duration) return;
    const dimensions = ctx.writtenDimensions();
    for (let i = 0; i < dimensions.length; i++) {
      const d = dimensions[i]!;
      checkLinks(ctx, d.evidence, date, undefined);
      for (let j = 0; j < d.answers.length; j++) {
        const answer = d.answers[j]!;
        checkLinks(ctx, answer.evidence, date, answer.fact?.withdrawnCredit !== undefined ? answer.fact.text : undefined);
      }
    }
    // The evidence each assessor gave counts for the scored answer: whether that lost its credit is the scored fact's.
    const responded = ctx.responseDimensions();
    for (let i = 0; i < responded.length; i++) {
      const d = responded[i]!;
      for (let j = 0; j < d.answers.length; j++) {
        const answer = d.answers[j]!;
        const scored = facts.criteria.get(d.id)?.get(answer.criterionId);
        checkLinks(ctx, answer.evidence, date, scored?.withdrawnCredit !== undefined ? scored.text : undefined);
      }
    }
  },
};

/** `withdrawnFrom`: the criterion whose answer lost its credit to this stale evidence, if one did. */
function checkLinks(ctx: RuleContext, links: readonly WrittenLink[], date: string, withdrawnFrom: string | undefined): void {
  const policy = ctx.inputs.facts!.evidencePolicy;
  for (let i = 0; i < links.length; i++) {
    const link = links[i]!;
    // Stryker disable next-line ConditionalExpression: a fast path; domain/evidence.ts gives no age to evidence without a date either
    if (link.asOf === undefined) continue;
    const age = evidenceAge(link.evidence, date, policy);
    if (!age?.stale) continue;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: a dated link is written as a map (only a map has asOf), so it is never a string here
    const name = typeof link.evidence !== 'string' && link.evidence.title ? link.evidence.title : link.url;
    const by = policy.setBy === 'assessment' ? 'this assessment' : 'the rubric';
    const credit = withdrawnFrom !== undefined ? ` The rubric lets stale evidence earn no credit, so the answer to "${withdrawnFrom}" earns none until its evidence is renewed.` : '';
    ctx.report(
      'evidence-stale',
      `Evidence "${name}" is dated ${age.asOf}, ${formatAge(age.days)} before this assessment (${date}); ${by} holds evidence current for ${policy.duration ? formatDuration(policy.duration) : policy.validFor} (${policy.validFor}), so it stopped being current after ${age.validUntil}.${credit} Renew it and its asOf date, or replace it with current evidence.`,
      ctx.at(link.asOfPath),
    );
  }
}
