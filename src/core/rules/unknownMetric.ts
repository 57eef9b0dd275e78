import type { Rule } from './context';

/** A metric's key is one of its dimension's metrics. */
export const unknownMetric: Rule = {
  code: 'unknown-metric',
  kinds: ['Assessment'],
  check(ctx) {
    for (const d of ctx.assessedDimensions()) {
      if (!ctx.rubric) continue;
      const ids = (d.dimension.metrics ?? []).map((m) => m.id);
      for (const id of d.metricIds) {
        if (!ids.includes(id)) ctx.reportUnknownId('unknown-metric', `"${d.dimension.title}" has no metric "${id}".`, ctx.keyAt([...d.path, 'metrics', id]), id, ids);
      }
    }
  },
};
