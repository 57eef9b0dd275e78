import { scoredAnswerPath } from '../domain/assessmentFacts';
import type { CriterionFact } from '../domain/answers';
import type { Path } from '../document/located';
import type { Rule, RuleContext } from './context';

/** A positive answer that counts, to a criterion that requires evidence, has some (the same fact the evidence coverage counts). */
export const evidenceMissing: Rule = {
  code: 'evidence-missing',
  kinds: ['Assessment'],
  check(ctx) {
    const dimensions = ctx.writtenDimensions();
    for (let i = 0; i < dimensions.length; i++) {
      const answers = dimensions[i]!.answers;
      for (let j = 0; j < answers.length; j++) {
        const answer = answers[j]!;
        // An answer the assessors gave and the assessment did not settle is reported where they gave it (below).
        if (!answer.fact?.evidenceMissing || (answer.fact.agreement && !answer.fact.settled)) continue;
        report(ctx, answer.fact, answer.criterionId, answer.answerPath);
      }
    }
    const facts = ctx.inputs.facts;
    if (!facts) return;
    // Stryker disable next-line ConditionalExpression: a fast path for the many assessments without assessors; the loop below finds nothing in an empty agreement either
    if (facts.agreement.size === 0) return;
    for (const [dimensionId, byCriterion] of facts.agreement) {
      for (const criterionId of byCriterion.keys()) {
        // Every criterion the assessors are compared on has a fact (domain/assessmentFacts.ts adds one for each).
        const fact = facts.criteria.get(dimensionId)!.get(criterionId)!;
        if (fact.evidenceMissing && !fact.settled) report(ctx, fact, criterionId, scoredAnswerPath(facts, dimensionId, criterionId), 'key');
      }
    }
  },
};

function report(ctx: RuleContext, fact: CriterionFact, criterionId: string, path: Path, prefer?: 'key' | 'value'): void {
  ctx.report('evidence-missing', `"${fact.text}" requires evidence for a positive answer. Add evidence: write the answer as a map with "answer" and "evidence".`, ctx.at(path, prefer), {
    data: { criterionId },
  });
}
