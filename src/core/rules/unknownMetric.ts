import type { Rule } from './context';

/** A metric's key is one of its dimension's metrics. */
export const unknownMetric: Rule = {
  code: 'unknown-metric',
  kinds: ['Assessment'],
  check(ctx) {
    // Stryker disable next-line ConditionalExpression: without a rubric no dimension is assessed, so the loop below finds nothing either
    if (!ctx.rubric) return;
    const dimensions = ctx.assessedDimensions();
    for (let i = 0; i < dimensions.length; i++) {
      const d = dimensions[i]!;
      // Stryker disable next-line ConditionalExpression: a fast path for dimensions without metrics; the loop below finds nothing in them either
      if (d.metricIds.length === 0) continue;
      const ids = (d.dimension.metrics ?? []).map((m) => m.id);
      for (const id of d.metricIds) {
        if (!ids.includes(id)) ctx.reportUnknownId('unknown-metric', `"${d.dimension.title}" has no metric "${id}".`, ctx.keyAt([...d.path, 'metrics', id]), id, ids);
      }
    }
  },
};
