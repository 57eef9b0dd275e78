import { scoredAnswerPath } from '../domain/assessmentFacts';
import { unmetDependencies } from '../scoring/scoreAssessment';
import { quoteList } from '../text/suggest';
import type { Rule } from './context';

/** A criterion that earns credit while a criterion it depends on is not met: a blocker to look at. */
export const dependencyNotMet: Rule = {
  code: 'dependency-not-met',
  kinds: ['Assessment'],
  check(ctx) {
    const index = ctx.rubric;
    const outcomes = ctx.inputs.outcomes;
    if (!index || !outcomes) return;
    // The outcomes are scored from the facts (engine/assessmentAnalyser.ts): where they are, so are the facts.
    const facts = ctx.inputs.facts!;
    const unmet = unmetDependencies(index, outcomes);
    const word = index.term('criterion').toLowerCase();
    for (const { dimension, criterion, unmet: deps } of unmet) {
      // Stryker disable next-line OptionalChaining: the outcomes' dimensions are the rubric's
      const names = deps.map((d) => (d.dimension === dimension ? d.criterion : `${d.criterion} (${index.dimensions.get(d.dimension)?.title ?? d.dimension})`));
      const one = deps.length === 1;
      // An answer this assessment inherits is not written here: said on `inherits:`, which brings it in.
      // Stryker disable next-line OptionalChaining: a criterion that earns credit has a fact
      const inherited = facts.criteria.get(dimension)?.get(criterion)?.inheritedFrom !== undefined;
      ctx.report(
        'dependency-not-met',
        `"${criterion}"${inherited ? ', inherited,' : ''} earns credit, but it depends on ${quoteList(names, 5)}, which ${one ? 'is' : 'are'} not met. Meet ${one ? 'that' : 'those'} ${one ? word : index.termFor('criterion', 2)} first, or check ${inherited ? `the answer, or answer "${criterion}" here` : 'this answer'}.`,
        inherited ? ctx.keyAt(['inherits']) : ctx.keyAt(scoredAnswerPath(facts, dimension, criterion)),
        { data: { blockedBy: deps.map((d) => d.criterion) } },
      );
    }
  },
};
