import type { Rule } from './context';
import { initiatives } from './support/plan';

/** Dimension ids an assessment (its own answers and each assessor's) or a plan's moves name are the rubric's. */
export const unknownDimension: Rule = {
  code: 'unknown-dimension',
  kinds: ['Assessment', 'Plan'],
  check(ctx) {
    const index = ctx.rubric;
    if (!index) return;
    const message = (id: string) => `The rubric "${index.rubric.id}" has no ${index.term('dimension').toLowerCase()} "${id}".`;
    if (ctx.inputs.kind === 'Assessment') {
      const ids = ctx.inputs.facts?.dimensionIds ?? [];
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        if (!index.dimensions.has(id)) ctx.reportUnknownId('unknown-dimension', message(id), ctx.keyAt(['dimensions', id]), id, index.dimensions);
      }
      // And the dimensions each assessor answered.
      const responded = ctx.responseDimensions();
      for (let i = 0; i < responded.length; i++) {
        const d = responded[i]!;
        if (!d.dimension) ctx.reportUnknownId('unknown-dimension', message(d.id), ctx.keyAt(d.path), d.id, index.dimensions);
      }
      return;
    }
    for (const initiative of initiatives(ctx)) {
      for (const { move, path } of initiative.moves) {
        if (!index.dimensions.has(move.dimension)) ctx.reportUnknownId('unknown-dimension', message(move.dimension), ctx.at([...path, 'dimension']), move.dimension, index.dimensions);
      }
    }
  },
};
