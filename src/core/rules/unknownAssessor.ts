import type { Rule } from './context';

/** Under `consensus: adjudicator`, the adjudicator is one of the assessors under `responses`. */
export const unknownAssessor: Rule = {
  code: 'unknown-assessor',
  kinds: ['Assessment'],
  check(ctx) {
    const consensus = ctx.inputs.facts?.consensus;
    if (consensus?.rule !== 'adjudicator' || consensus.adjudicator === undefined) return;
    const assessors = ctx.keys(['responses']);
    if (assessors.includes(consensus.adjudicator)) return;
    const message = assessors.length === 0
      ? `The adjudicator "${consensus.adjudicator}" has no response: add their answers under responses.`
      : `The adjudicator "${consensus.adjudicator}" is not one of the assessors under responses (${assessors.join(', ')}).`;
    ctx.reportUnknownId('unknown-assessor', message, ctx.at(['adjudicator']), consensus.adjudicator, assessors);
  },
};
