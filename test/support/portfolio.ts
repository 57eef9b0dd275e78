import fs from 'node:fs';
import path from 'node:path';
import { Engine } from '../../src/core/engine';
import { MemoryFileHost } from '../../src/core/resolve/host';
import { buildPortfolio, portfolioEntries, type PortfolioEntry, type PortfolioModel, type PortfolioOptions } from '../../src/core/views';
import { rubricYaml } from './fixtures';
import { yaml } from './memory';

/**
 * Files under file:///ws/ analysed through one engine, as the CLI's portfolio reads them: each
 * file's records (views/sources.ts), in path order, with the path shown as written here.
 */
export async function portfolioEntriesOf(files: Record<string, string>): Promise<PortfolioEntry[]> {
  const host = new MemoryFileHost(new Map(Object.entries(files).map(([p, t]) => [`file:///ws/${p}`, t])));
  const engine = new Engine(host);
  const entries: PortfolioEntry[] = [];
  for (const path of Object.keys(files).sort()) entries.push(...portfolioEntries(await engine.analyze(`file:///ws/${path}`, files[path] as string), path));
  return entries;
}

/** Every file of samples/tarn-valley/, as the tests' in-memory workspace holds it (tarn-valley/…, under file:///ws/). */
export function tarnValleyFiles(): Record<string, string> {
  const samples = path.join(__dirname, '..', '..', 'samples');
  const dir = path.join(samples, 'tarn-valley');
  return Object.fromEntries(
    fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.yaml'))
      .map((e) => {
        const file = path.join(e.parentPath, e.name);
        return [path.relative(samples, file).split(path.sep).join('/'), fs.readFileSync(file, 'utf8')];
      }),
  );
}

export async function portfolioOf(files: Record<string, string>, options: PortfolioOptions = {}): Promise<PortfolioModel> {
  return buildPortfolio(await portfolioEntriesOf(files), options);
}

/** A rated rubric (levels 1 to 4, threshold 3) with two groups and three dimensions: `ops.rubric.yaml` in the tests. */
export const OPS_RUBRIC = rubricYaml(yaml`
  terms: { dimension: Capability }
  scoring: { method: rated }
  levels:
    - { level: 1, name: Ad hoc }
    - { level: 2, name: Repeatable }
    - { level: 3, name: Defined }
    - { level: 4, name: Optimised }
  threshold: { level: 3, name: Defined }
  groups:
    - { id: build, title: Build }
    - { id: run, title: Run }
  dimensions:
    - { id: release, title: Release, group: build }
    - { id: testing, title: Testing, group: build }
    - { id: incidents, title: Incidents, group: run }
`, { id: 'ops', title: 'Operations' });

/** An assessment against OPS_RUBRIC: levels for release, testing and incidents, a target of 3 for each. */
export function opsAssessment(unit: string, date: string, levels: readonly [number, number, number], extra: { group?: string; id?: string; organization?: string; rubric?: string } = {}): string {
  const [release, testing, incidents] = levels;
  return [
    'apiVersion: rubrics-as-code/v1',
    'kind: Assessment',
    `id: ${extra.id ?? `${unit.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${date}`}`,
    `rubric: ${extra.rubric ?? './ops.rubric.yaml'}`,
    'subject:',
    `  organization: ${JSON.stringify(extra.organization ?? 'Acme')}`,
    `  unit: ${JSON.stringify(unit)}`,
    ...(extra.group !== undefined ? [`  group: ${extra.group}`] : []),
    `date: ${date}`,
    'dimensions:',
    `  release: { level: ${release}, target: ${Math.max(3, release)} }`,
    `  testing: { level: ${testing}, target: ${Math.max(3, testing)} }`,
    `  incidents: { level: ${incidents}, target: ${Math.max(3, incidents)} }`,
    '',
  ].join('\n');
}
