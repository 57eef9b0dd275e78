import type { Rule } from './context';

/** An item both answered (or exempt) and marked not applicable or exempt: one of them is wrong. */
export const exemptionConflict: Rule = {
  code: 'exemption-conflict',
  kinds: ['Assessment'],
  check(ctx) {
    const dimensions = ctx.assessedDimensions();
    for (let i = 0; i < dimensions.length; i++) {
      const d = dimensions[i]!;
      if (d.notApplicable && ctx.written([...d.path, 'exemption'])) {
        ctx.report('exemption-conflict', `"${d.dimension.title}" is marked both not applicable and exempt; keep one.`, ctx.keyAt([...d.path, 'exemption']));
      }
      for (let j = 0; j < d.answers.length; j++) {
        const answer = d.answers[j]!;
        const fact = answer.fact;
        // An expired exemption no longer applies: the answer counts, and exemption-expired says so.
        // Only an answer written here conflicts: assessors' answers to an item marked so are kept for the record.
        if (answer.detail.answer === undefined || !fact || fact.status === 'counted') continue;
        ctx.report(
          'exemption-conflict',
          `This criterion has an answer and is also marked ${fact.status === 'not-applicable' ? 'not applicable' : 'exempt'}; the answer is ignored while that applies. Keep one.`,
          ctx.at(answer.answerPath),
        );
      }
    }
  },
};
