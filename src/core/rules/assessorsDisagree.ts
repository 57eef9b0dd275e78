import { DEFAULT_CONSENSUS, responseAnswerPath } from '../domain/assessmentFacts';
import type { AssessorAnswer, ConsensusChoice, CriterionAgreement } from '../domain/consensus';
import { wordFor } from '../text/plural';
import type { Rule } from './context';

/**
 * Assessors who answer a criterion a step or more apart on its scale (yes against no, some against
 * most), where the assessment has not settled it with its own answer: the disagreement is a
 * finding to talk through, and the consensus rule may be hiding it in the score.
 */
export const assessorsDisagree: Rule = {
  code: 'assessors-disagree',
  kinds: ['Assessment'],
  check(ctx) {
    const facts = ctx.inputs.facts;
    if (!facts) return;
    // Stryker disable next-line ConditionalExpression: a fast path for the many assessments without assessors; the loop below finds nothing in an empty agreement either
    if (facts.agreement.size === 0) return;
    const names = new Map<string | undefined, string>(facts.responses.map((r) => [r.id, r.name ?? r.id]));
    const excluded = new Set(facts.dimensions.filter((d) => d.excluded).map((d) => d.id));
    // The rule the answers were compared by (a misspelt one, itself an error, compares them by the default).
    const choice = facts.consensus ?? DEFAULT_CONSENSUS;
    for (const [dimensionId, byCriterion] of facts.agreement) {
      if (excluded.has(dimensionId)) continue;
      for (const [criterionId, agreement] of byCriterion) {
        if (agreement.agree) continue;
        // Stryker disable next-line OptionalChaining: every criterion the assessors are compared on has a fact (domain/assessmentFacts.ts adds one for each)
        const fact = facts.criteria.get(dimensionId)?.get(criterionId);
        // Settled by the assessment's own answer, or left out of the score: nothing to decide.
        if (!fact || fact.settled || fact.status !== 'counted') continue;
        const who = (a: AssessorAnswer) => `${names.get(a.assessor) ?? a.assessor}: ${a.answer}`;
        const given = agreement.answers.filter((a) => a.credit !== undefined);
        const at = outlier(agreement) as AssessorAnswer;
        ctx.report(
          'assessors-disagree',
          `Assessors disagree on "${fact.text}" (${criterionId}): ${given.map(who).join(', ')}, ${agreement.spread} ${wordFor(agreement.spread, 'step')} apart on its scale. ${outcome(agreement, choice, names)} Talk it through, then settle it: write the agreed answer at dimensions.${dimensionId}.answers.${criterionId}, or have an assessor change theirs.`,
          ctx.keyAt(responseAnswerPath(at.assessor, dimensionId, criterionId)),
          { data: { dimensionId, criterionId, spread: agreement.spread, answers: Object.fromEntries(given.map((a) => [a.assessor, a.answer])) } },
        );
      }
    }
  },
};

/** The answer to underline: the first written that differs from the one the rule picked (the first written when it picked none). */
function outlier(agreement: CriterionAgreement): AssessorAnswer | undefined {
  const picked = agreement.consensus;
  const given = agreement.answers.filter((a) => a.credit !== undefined);
  return (picked && given.find((a) => a.credit !== picked.credit)) ?? given[0];
}

/** What the consensus rule made of it, in words. */
function outcome(agreement: CriterionAgreement, choice: ConsensusChoice, names: ReadonlyMap<string | undefined, string>): string {
  const picked = agreement.consensus;
  const adjudicator = names.get(choice.adjudicator) ?? choice.adjudicator;
  // Only an adjudicator who has not answered (or is not named, which the schema says) leaves a disagreement unpicked.
  if (!picked) return adjudicator === undefined ? 'No adjudicator is named, so the criterion counts as unanswered.' : `The adjudicator (${adjudicator}) has not answered, so the criterion counts as unanswered.`;
  switch (choice.rule) {
    case 'median':
      return `The median, "${picked.answer}", is scored.`;
    case 'minimum':
      return `The lowest, "${picked.answer}", is scored.`;
    case 'adjudicator':
      // Picked, so answered: where the adjudicator has not answered, the consensus picks an answer only when all agree.
      return `The adjudicator's (${adjudicator}) answer, "${picked.answer}", is scored.`;
  }
}
