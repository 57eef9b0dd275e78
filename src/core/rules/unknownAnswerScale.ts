import { DEFAULT_ANSWER_SCALE } from '../format/enums';
import type { Rule } from './context';

/** A criterion's (or the rubric's default) answer scale is one the rubric defines, or `yes-no`. */
export const unknownAnswerScale: Rule = {
  code: 'unknown-answer-scale',
  kinds: ['Rubric'],
  check(ctx) {
    // Stryker disable next-line MethodExpression,ConditionalExpression: the names are known and suggested from; yes-no listed twice would change neither
    const names = [DEFAULT_ANSWER_SCALE, ...ctx.keys(['answerScales']).filter((n) => n !== DEFAULT_ANSWER_SCALE)];
    const known = new Set(names);
    const fallback = ctx.read<string>(['defaultAnswerScale']);
    if (fallback !== undefined && !known.has(fallback)) ctx.reportUnknownId('unknown-answer-scale', `No answer scale is named "${fallback}".`, ctx.at(['defaultAnswerScale']), fallback, names);
    for (const dimension of ctx.maps(['dimensions'])) {
      for (const criterion of ctx.maps([...dimension.path, 'criteria'])) {
        const scale = ctx.read<string>([...criterion.path, 'answerScale']);
        if (scale !== undefined && !known.has(scale)) ctx.reportUnknownId('unknown-answer-scale', `No answer scale is named "${scale}".`, ctx.at([...criterion.path, 'answerScale']), scale, names);
      }
    }
  },
};
