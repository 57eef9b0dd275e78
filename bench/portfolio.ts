/**
 * The portfolio over a generated organization (bench/organization.ts: 500 units of 30 capabilities,
 * one assessment each, against 10 rubrics), as CI or a person runs it: whole processes, CPU time
 * (user + system), medians of interleaved rounds. Subjects: `rubrics portfolio --format json`
 * against `rubrics validate --format json` over the same files (the aim: at most 1.2x),
 * and, once, the size of `rubrics portfolio --format html` (aim: under 2 MB).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleCli, cpuSeconds, quote, type CliTiming } from './cli';
import { BENCH_ORGANIZATION, createBenchOrganization, type BenchOrganization } from './organization';

export interface PortfolioBench {
  readonly organization: BenchOrganization;
  readonly rounds: number;
  readonly timings: readonly CliTiming[];
  /** Bytes of the standalone HTML page. */
  readonly htmlBytes: number;
  /** Bytes of the JSON. */
  readonly jsonBytes: number;
}

export async function benchPortfolio(rounds = 7): Promise<PortfolioBench> {
  const cli = await bundleCli();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rubrics-bench-org-'));
  try {
    const organization = createBenchOrganization(root, BENCH_ORGANIZATION);
    const node = quote(process.execPath);
    const subjects = [
      { name: `rubrics validate (${organization.units} assessments)`, command: `${node} ${quote(cli)} validate rubrics --format json` },
      { name: `rubrics portfolio --format json (${organization.units} units)`, command: `${node} ${quote(cli)} portfolio rubrics --format json` },
    ];
    // The portfolio must really hold the organization: every unit, a table per rubric.
    const run = (format: string) => spawnSync(process.execPath, [cli, 'portfolio', 'rubrics', '--format', format], { cwd: root, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
    const json = run('json');
    const model = JSON.parse(json.stdout) as { tables: { units: unknown[] }[] };
    const units = model.tables.reduce((n, t) => n + t.units.length, 0);
    if (model.tables.length !== organization.rubrics || units !== organization.units) throw new Error(`The portfolio holds ${units} units in ${model.tables.length} tables; the organization has ${organization.units} in ${organization.rubrics}.`);
    const html = run('html');
    if (html.status !== 0) throw new Error(`rubrics portfolio --format html failed: ${html.stderr}`);
    for (const s of subjects) cpuSeconds(s.command, root); // warm the file cache
    const samples = subjects.map(() => [] as number[]);
    for (let round = 0; round < rounds; round++) subjects.forEach((s, i) => samples[i]?.push(cpuSeconds(s.command, root)));
    const median = (list: readonly number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] as number;
    return {
      organization,
      rounds,
      timings: subjects.map((s, i) => ({ ...s, cpu: median(samples[i] as number[]), cpus: samples[i] as number[] })),
      htmlBytes: Buffer.byteLength(html.stdout),
      jsonBytes: Buffer.byteLength(json.stdout),
    };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

export function portfolioTable(bench: PortfolioBench): string {
  const [validate, portfolio] = bench.timings as [CliTiming, CliTiming];
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
  return [
    '| subject | CPU (user + system), median | runs |',
    '| --- | ---: | --- |',
    ...bench.timings.map((t) => `| ${t.name} | ${t.cpu.toFixed(2)} s | ${t.cpus.map((c) => c.toFixed(2)).join(', ')} |`),
    '',
    `- **rubrics portfolio --format json / rubrics validate: ${(portfolio.cpu / validate.cpu).toFixed(2)}x** (the issue's aim: at most 1.2x).`,
    `- **The HTML page: ${mb(bench.htmlBytes)}** (aim: under 2 MB); the JSON: ${mb(bench.jsonBytes)}.`,
  ].join('\n');
}
