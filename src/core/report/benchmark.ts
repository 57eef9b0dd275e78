import { benchmarkRole } from '../domain/benchmarks';
import type { Metric } from '../format/types';
import type { ReportBenchmark } from './model';

/** A metric's benchmark as reports carry it, with its role (verdict or context) from the one rule in domain/benchmarks.ts. */
export function reportBenchmark(metric: Pick<Metric, 'name' | 'benchmark'>): ReportBenchmark | undefined {
  const b = metric.benchmark;
  const role = benchmarkRole(metric);
  if (!b || !role) return undefined;
  return {
    value: b.value,
    ...(b.quantity !== undefined ? { quantity: b.quantity } : {}),
    ...(b.population !== undefined ? { population: b.population } : {}),
    ...(b.source !== undefined ? { source: b.source } : {}),
    ...(b.year !== undefined ? { year: b.year } : {}),
    ...(b.note !== undefined ? { note: b.note } : {}),
    role,
  };
}

/** `{ benchmark }` for a metric that has one, `{}` otherwise: spread into a report metric. */
export function optionalBenchmark(metric: Pick<Metric, 'name' | 'benchmark'>): { benchmark?: ReportBenchmark } {
  const benchmark = reportBenchmark(metric);
  return benchmark ? { benchmark } : {};
}
