import type { Rule } from './context';

/** A metric's key is one of its dimension's metrics. */
export const unknownMetric: Rule = {
  code: 'unknown-metric',
  kinds: ['Assessment'],
  check(ctx) {
    if (!ctx.rubric) return;
    const dimensions = ctx.assessedDimensions();
    for (let i = 0; i < dimensions.length; i++) {
      const d = dimensions[i]!;
      if (d.metricIds.length === 0) continue;
      const ids = (d.dimension.metrics ?? []).map((m) => m.id);
      for (const id of d.metricIds) {
        if (!ids.includes(id)) ctx.reportUnknownId('unknown-metric', `"${d.dimension.title}" has no metric "${id}".`, ctx.keyAt([...d.path, 'metrics', id]), id, ids);
      }
    }
  },
};
