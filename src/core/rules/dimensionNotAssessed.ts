import { isMap } from '../format/values';
import { quoteList } from '../text/suggest';
import type { Rule } from './context';

/** Every dimension of the rubric is assessed, or marked not applicable. */
export const dimensionNotAssessed: Rule = {
  code: 'dimension-not-assessed',
  kinds: ['Assessment'],
  check(ctx) {
    const index = ctx.rubric;
    const facts = ctx.inputs.facts;
    if (!index || !facts || !isMap(ctx.document.valueAt(['dimensions']))) return;
    // Assessed under dimensions, by an assessor (in responses), or taken whole from the assessment it inherits from.
    const assessed = new Set(facts.dimensionIds);
    if (facts.inherited) for (const id of facts.inherited.dimensions.keys()) assessed.add(id);
    for (const d of ctx.responseDimensions()) assessed.add(d.id);
    const missing = index.rubric.dimensions.filter((d) => !assessed.has(d.id)).map((d) => d.id);
    if (missing.length === 0) return;
    const it = missing.length === 1 ? 'it' : 'them';
    ctx.report(
      'dimension-not-assessed',
      `${missing.length} of ${index.dimensions.size} ${index.termFor('dimension', index.dimensions.size)} of the rubric ${missing.length === 1 ? 'is' : 'are'} not assessed: ${quoteList(missing, 6)}. Assess ${it}, or mark ${it} notApplicable.`,
      ctx.keyAt(['dimensions']),
      { data: { missing } },
    );
  },
};
