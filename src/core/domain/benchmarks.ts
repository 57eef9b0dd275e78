import type { Metric } from '../format/types';

/**
 * What a metric's benchmark may say about a measured value. A published figure is a claim about
 * one quantity of one population; it is a yardstick for a metric only when it measured what the
 * metric measures. Scoring, reports, hovers and completion ask here, so a figure is a verdict or
 * context the same way everywhere.
 *
 * - `verdict`: the benchmark's `quantity` is the metric's own (its name, ignoring case, spacing and
 *   a final full stop): a value meets it or falls below it.
 * - `context`: any other figure, or one that does not say what it measured: shown beside the
 *   value, never as pass or fail.
 */
export type BenchmarkRole = 'verdict' | 'context';

/** A quantity as compared: case, runs of white space and a final full stop do not matter. */
function normalizedQuantity(text: string): string {
  return text.trim().replace(/\s+/g, ' ').replace(/\.$/, '').toLowerCase();
}

/** Whether two descriptions name the same quantity. */
export function sameQuantity(a: string, b: string): boolean {
  return normalizedQuantity(a) === normalizedQuantity(b);
}

/** The role of a metric's benchmark, or undefined when it has none. */
export function benchmarkRole(metric: Pick<Metric, 'name' | 'benchmark'>): BenchmarkRole | undefined {
  const benchmark = metric.benchmark;
  if (!benchmark) return undefined;
  return benchmark.quantity !== undefined && sameQuantity(benchmark.quantity, metric.name) ? 'verdict' : 'context';
}

/**
 * Whether a measured value meets the metric's benchmark (equal counts as meeting), or undefined
 * when there is no value, no benchmark, or a benchmark that is only context.
 */
export function meetsBenchmark(metric: Pick<Metric, 'name' | 'benchmark' | 'higherIsBetter'>, value: number | undefined): boolean | undefined {
  if (value === undefined || benchmarkRole(metric) !== 'verdict') return undefined;
  const target = (metric.benchmark as NonNullable<Metric['benchmark']>).value;
  return (metric.higherIsBetter ?? true) ? value >= target : value <= target;
}
