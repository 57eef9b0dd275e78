/**
 * A generated organization for the portfolio's benchmark: `units` units in `divisions` groups,
 * each assessed once against one of `rubrics` rubrics of `dimensions` capabilities (a unit per
 * rubric in turn), so the portfolio has a table per rubric and a roll-up per division. The units'
 * answers differ (a share of their "yes" answers turned to "no", by unit), so scores and
 * spreads are not all alike. Deterministic: the same options give the same files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { generateBenchDocuments } from './generate';

export interface BenchOrganizationOptions {
  readonly units: number;
  readonly dimensions: number;
  readonly rubrics: number;
  readonly divisions: number;
}

export const BENCH_ORGANIZATION: BenchOrganizationOptions = { units: 500, dimensions: 30, rubrics: 10, divisions: 8 };

export interface BenchOrganization {
  readonly root: string;
  readonly units: number;
  readonly rubrics: number;
  readonly dimensions: number;
  /** Lines of one assessment, about. */
  readonly assessmentLines: number;
}

export function createBenchOrganization(root: string, options: BenchOrganizationOptions = BENCH_ORGANIZATION): BenchOrganization {
  const rubrics = Array.from({ length: options.rubrics }, (_, r) => generateBenchDocuments(0, 20260331 + r, { dimensions: options.dimensions }));
  rubrics.forEach((docs, r) => {
    const dir = path.join(root, 'rubrics', `framework-${r + 1}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'bench.rubric.yaml'), docs.rubric.replace(/^id: bench-maturity$/m, `id: bench-maturity-${r + 1}`));
  });
  for (let u = 0; u < options.units; u++) {
    const r = u % options.rubrics;
    const docs = rubrics[r] as (typeof rubrics)[number];
    const name = `Unit ${String(u + 1).padStart(3, '0')}`;
    let yes = 0;
    const text = docs.assessment
      .replace(/^id: .+$/m, `id: unit-${u + 1}`)
      .replace(/^ {2}unit: Group IT$/m, `  unit: ${name}\n  group: Division ${(u % options.divisions) + 1}`)
      // Every seventh "yes", counted from an offset of the unit's own, becomes "no".
      .replace(/: yes$/gm, (match) => (yes++ % 7 === u % 7 ? ': no' : match));
    fs.writeFileSync(path.join(root, 'rubrics', `framework-${r + 1}`, `unit-${String(u + 1).padStart(3, '0')}.assessment.yaml`), text);
  }
  return { root, units: options.units, rubrics: options.rubrics, dimensions: options.dimensions, assessmentLines: (rubrics[0]?.assessmentLines ?? 0) };
}
