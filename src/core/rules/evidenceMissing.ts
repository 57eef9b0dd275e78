import type { Rule } from './context';

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
        if (!answer.fact?.evidenceMissing) continue;
        ctx.report('evidence-missing', `"${answer.fact.text}" requires evidence for a positive answer. Add evidence: write the answer as a map with "answer" and "evidence".`, ctx.at(answer.answerPath), {
          data: { criterionId: answer.criterionId },
        });
      }
    }
  },
};
