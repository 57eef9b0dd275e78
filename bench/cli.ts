/**
 * The CLI over a generated repository (bench/repository.ts: 1,000 files, 10 rubrics, a branch that
 * changes 49 assessments and one rubric), as CI runs it: whole processes, CPU time (user + system,
 * from bash's `times` for its children), medians of interleaved rounds so load from elsewhere
 * falls on all subjects alike. Subjects:
 *   - `rubrics validate` over the repository;
 *   - `ajv-cli` validating the assessments against the assessment schema alone (its YAML reader
 *     takes dates as timestamps, so it reports every file invalid; it still reads, parses and
 *     validates each one, which is the work compared);
 *   - `rubrics diff --base main --head change`, the review of the whole change;
 *   - the start-up of each tool (`rubrics --version`, `ajv help`), to tell it from per-file work;
 *   - `rubrics validate --cache`, once with nothing changed since the last run, and once on the
 *     change with the cache a run on main left (the rubric's assessments and the changed files
 *     are checked again, the rest come from the cache).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { cliBuilds } from '../scripts/cli-bundle.mjs';
import { BENCH_REPOSITORY, createBenchRepository, type BenchRepository, type BenchRepositoryOptions } from './repository';

export interface CliTiming {
  readonly name: string;
  readonly command: string;
  /** Median CPU seconds (user + system) of the whole process. */
  readonly cpu: number;
  readonly cpus: readonly number[];
}

export interface CliBench {
  readonly repository: BenchRepository;
  readonly rounds: number;
  readonly timings: readonly CliTiming[];
}

const repoRoot = path.resolve(__dirname, '..');

/** The CLI bundled as `npm run build` bundles it (dist/cli.js and dist/cli/), into a cache folder, so the bench needs no `npm run build`. */
export async function bundleCli(): Promise<string> {
  const dir = path.join(repoRoot, 'node_modules', '.cache', 'rubrics-bench', 'cli');
  await Promise.all(cliBuilds(dir, { absWorkingDir: repoRoot, logLevel: 'warning' }).map((options) => esbuild.build(options)));
  return path.join(dir, 'cli.js');
}

/** CPU seconds of a command's processes, from bash's `times` (its second line: the children's user and system time). */
export function cpuSeconds(command: string, cwd: string): number {
  const result = spawnSync('bash', ['-c', `${command} > /dev/null 2>&1; times`], { cwd, encoding: 'utf8' });
  const children = result.stdout.trim().split('\n')[1] ?? '';
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  if (seconds.length !== 2) throw new Error(`Could not read the CPU time of "${command}" from bash's times: ${result.stdout}${result.stderr}`);
  return (seconds[0] as number) + (seconds[1] as number);
}

export const quote = (text: string) => `'${text.replace(/'/g, "'\\''")}'`;

export async function benchCli(rounds = 5, options: BenchRepositoryOptions = BENCH_REPOSITORY): Promise<CliBench> {
  const cli = await bundleCli();
  const ajv = path.join(repoRoot, 'node_modules', '.bin', 'ajv');
  if (!fs.existsSync(ajv)) throw new Error('ajv-cli is not installed: run npm ci (it is a devDependency).');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rubrics-bench-repo-'));
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rubrics-bench-cache-'));
  try {
    const repository = createBenchRepository(root, options);
    const node = quote(process.execPath);
    const schemas = path.join(repoRoot, 'schemas');
    // The cache a run on main leaves, for the run on the change (each round starts from a copy).
    const warmCache = path.join(cacheDir, 'unchanged.json');
    const mainCache = path.join(cacheDir, 'main.json');
    const changeCache = path.join(cacheDir, 'change.json');
    spawnSync('git', ['checkout', '-q', 'main'], { cwd: root });
    spawnSync(process.execPath, [cli, 'validate', 'rubrics', '--cache-location', mainCache], { cwd: root });
    spawnSync('git', ['checkout', '-q', 'change'], { cwd: root });
    if (!fs.existsSync(mainCache)) throw new Error('rubrics validate --cache-location wrote no cache.');
    const subjects = [
      { name: `rubrics validate (${options.files.toLocaleString('en-US')} files)`, command: `${node} ${quote(cli)} validate rubrics --format json` },
      { name: 'ajv-cli, assessments against the schema', command: `${quote(ajv)} validate --strict=false -s ${quote(path.join(schemas, 'assessment.schema.json'))} -r ${quote(path.join(schemas, 'common.schema.json'))} -d 'rubrics/**/*.assessment.yaml'` },
      { name: `rubrics diff --base (${repository.changedFiles} files changed)`, command: `${node} ${quote(cli)} diff --base main --head change --format json` },
      { name: 'rubrics start-up (--version)', command: `${node} ${quote(cli)} --version` },
      { name: 'ajv-cli start-up (help)', command: `${quote(ajv)} help` },
      { name: 'rubrics validate --cache, nothing changed', command: `${node} ${quote(cli)} validate rubrics --format json --cache-location ${quote(warmCache)}` },
      { name: `rubrics validate --cache, after the change (cache from main)`, command: `cp ${quote(mainCache)} ${quote(changeCache)} && ${node} ${quote(cli)} validate rubrics --format json --cache-location ${quote(changeCache)}` },
    ];
    // The review must really review: the change's files and the users of the changed rubric.
    const review = JSON.parse(spawnSync(process.execPath, [cli, 'diff', '--base', 'main', '--head', 'change', '--format', 'json'], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).stdout) as { files: unknown[]; impacts: { users: unknown[] }[] };
    if (review.files.length < repository.changedFiles || !review.impacts[0]?.users.length) throw new Error(`The review found ${review.files.length} files; the change has ${repository.changedFiles}.`);
    for (const s of subjects) cpuSeconds(s.command, root); // warm the file cache
    const samples = subjects.map(() => [] as number[]);
    for (let round = 0; round < rounds; round++) subjects.forEach((s, i) => samples[i]?.push(cpuSeconds(s.command, root)));
    const median = (list: readonly number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] as number;
    return { repository, rounds, timings: subjects.map((s, i) => ({ ...s, cpu: median(samples[i] as number[]), cpus: samples[i] as number[] })) };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
}

export function cliTable(bench: CliBench): string {
  const [validate, ajv, diff, start, ajvStart, cached, cachedChange] = bench.timings as [CliTiming, CliTiming, CliTiming, CliTiming, CliTiming, CliTiming, CliTiming];
  const rows = bench.timings.map((t) => `| ${t.name} | ${t.cpu.toFixed(2)} s | ${t.cpus.map((c) => c.toFixed(2)).join(', ')} |`);
  return [
    '| subject | CPU (user + system), median | runs |',
    '| --- | ---: | --- |',
    ...rows,
    '',
    `- **rubrics diff --base / rubrics validate: ${(diff.cpu / validate.cpu).toFixed(2)}x** (the issue's bound: at most 2x).`,
    `- **rubrics validate / ajv-cli: ${(validate.cpu / ajv.cpu).toFixed(2)}x**; without start-up, per file: rubrics ${(((validate.cpu - start.cpu) / bench.repository.assessments) * 1000).toFixed(2)} ms, ajv-cli ${(((ajv.cpu - ajvStart.cpu) / bench.repository.assessments) * 1000).toFixed(2)} ms.`,
    `- **rubrics validate --cache / ajv-cli: ${(cached.cpu / ajv.cpu).toFixed(2)}x** with nothing changed, ${(cachedChange.cpu / ajv.cpu).toFixed(2)}x after the change.`,
  ].join('\n');
}
