import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, FIXTURES, removeTempDirs, runCli, tempDir } from '../support/cli';

let cli: string;
beforeAll(async () => {
  cli = await buildCli();
});
afterAll(removeTempDirs);

const RUBRIC = fs.readFileSync(path.join(FIXTURES, 'project/team.rubric.yaml'), 'utf8');
const ASSESSMENT = fs.readFileSync(path.join(FIXTURES, 'project/good.assessment.yaml'), 'utf8');

/** A folder with the CLI fixtures' project in it (its rubric, assessments with errors and warnings, a plan). */
function project(): string {
  const dir = tempDir('rubrics-cache-');
  fs.cpSync(path.join(FIXTURES, 'project'), dir, { recursive: true, filter: (source) => !source.includes('node_modules') });
  return dir;
}

interface CacheFile {
  tool: string;
  files: Record<string, { text: string; dependencies: Record<string, string>; diagnostics: object[] }>;
}

function readCache(file: string): CacheFile {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;
}

/** A problem written into a kept result: it shows in the output only when the cache is what answers. */
const PLANTED = { code: 'evidence-missing', severity: 'warning', message: 'planted in the cache', line: 1, column: 1, endLine: 1, endColumn: 2, offset: 0, endOffset: 1 };

/** Plants PLANTED in the kept result of `file` (clean when kept), with `change` applied to the cache besides, and writes it back. */
function plant(cache: string, file: string, change: (kept: CacheFile) => void = () => undefined): CacheFile {
  const kept = readCache(cache);
  const entry = kept.files[file];
  expect(entry?.diagnostics).toEqual([]);
  entry?.diagnostics.push(PLANTED);
  change(kept);
  fs.writeFileSync(cache, JSON.stringify(kept));
  return kept;
}

async function validate(cwd: string, ...args: string[]) {
  return runCli(cli, ['validate', '--format', 'json', ...args], { cwd });
}

describe('rubrics validate --cache', () => {
  it('gives what a run without the cache gives, on the first run and on the runs that use it', async () => {
    const dir = project();
    const cache = path.join(dir, '..', `${path.basename(dir)}.cache.json`);
    const plain = await validate(dir);
    expect(plain.code).toBe(1); // the fixtures have errors: the comparison covers them
    const first = await validate(dir, '--cache-location', cache);
    const second = await validate(dir, '--cache-location', cache);
    expect(first).toEqual(plain);
    expect(second).toEqual(plain);
    expect(Object.keys(readCache(cache).files).length).toBe((JSON.parse(plain.stdout) as unknown[]).length);
  });

  it('serves a kept result without checking the file again, and only while the file is the same', async () => {
    const dir = project();
    const cache = path.join(dir, 'cache.json');
    await validate(dir, '--cache-location', cache);
    const good = path.join(dir, 'good.assessment.yaml');
    plant(cache, good);
    expect((await validate(dir, '--cache-location', cache)).stdout).toContain('planted in the cache');
    fs.appendFileSync(good, '# edited\n');
    expect((await validate(dir, '--cache-location', cache)).stdout).not.toContain('planted in the cache');
  });

  it('checks an unchanged assessment again when its rubric changed', async () => {
    const dir = project();
    const cache = path.join(dir, 'cache.json');
    await validate(dir, '--cache-location', cache);
    // The criterion the assessment answers is renamed: its answer now names an unknown criterion.
    fs.writeFileSync(path.join(dir, 'team.rubric.yaml'), RUBRIC.replace('id: reviews', 'id: quarterly-reviews'));
    const cached = await validate(dir, '--cache-location', cache);
    expect(cached).toEqual(await validate(dir));
    expect(cached.stdout).toContain('"code": "unknown-criterion"');
  });

  it('checks again an assessment whose missing rubric has appeared', async () => {
    const dir = tempDir('rubrics-cache-');
    fs.writeFileSync(path.join(dir, 'desk.assessment.yaml'), ASSESSMENT.replace('./team.rubric.yaml', './later.rubric.yaml'));
    const cache = path.join(dir, 'cache.json');
    const before = await validate(dir, '--cache-location', cache);
    expect(before.stdout).toContain('"code": "rubric-not-found"');
    fs.writeFileSync(path.join(dir, 'later.rubric.yaml'), RUBRIC);
    const after = await validate(dir, '--cache-location', cache);
    expect(after.stdout).not.toContain('rubric-not-found');
    expect(after).toEqual(await validate(dir));
  });

  it('starts afresh with a cache written by another build of the tool', async () => {
    const dir = project();
    const cache = path.join(dir, 'cache.json');
    await validate(dir, '--cache-location', cache);
    const kept = plant(cache, path.join(dir, 'good.assessment.yaml'), (cacheFile) => {
      cacheFile.tool = `${cacheFile.tool}-other`;
    });
    expect((await validate(dir, '--cache-location', cache)).stdout).not.toContain('planted in the cache');
    expect(readCache(cache).tool).not.toBe(kept.tool);
  });

  it('starts afresh after a rebuild of the validate bundle under the same version, which the launcher loads', async () => {
    const dir = project();
    const cache = path.join(dir, 'cache.json');
    const rebuilt = path.join(tempDir('rubrics-cli-rebuilt-'), 'cli.js');
    fs.cpSync(path.dirname(cli), path.dirname(rebuilt), { recursive: true });
    await runCli(rebuilt, ['validate', '--format', 'json', '--cache-location', cache], { cwd: dir });
    const kept = plant(cache, path.join(dir, 'good.assessment.yaml'));
    // The same version with other rules: dist/cli.js, the script Node starts, is unchanged.
    fs.appendFileSync(path.join(path.dirname(rebuilt), 'cli', 'validate.js'), '\n// rebuilt\n');
    const run = await runCli(rebuilt, ['validate', '--format', 'json', '--cache-location', cache], { cwd: dir });
    expect(run.stdout).not.toContain('planted in the cache');
    expect(readCache(cache).tool).not.toBe(kept.tool);
  });

  it.runIf(process.platform !== 'win32')('never writes the cache through a link inside the folder it works in (a checkout could have committed it)', async () => {
    const dir = project();
    const elsewhere = tempDir('rubrics-cache-elsewhere-');
    fs.writeFileSync(path.join(elsewhere, 'victim'), 'untouched\n');
    fs.symlinkSync(path.join(elsewhere, 'victim'), path.join(dir, 'cache.json'));
    const run = await validate(dir, '--cache-location', 'cache.json');
    expect(run.stdout).toBe((await validate(dir)).stdout);
    expect(run.stderr).toMatch(/rubrics: the cache was not written: Cannot write .*cache\.json: it is a symbolic link inside/);
    expect(fs.readFileSync(path.join(elsewhere, 'victim'), 'utf8')).toBe('untouched\n');
    expect(fs.lstatSync(path.join(dir, 'cache.json')).isSymbolicLink()).toBe(true);
  });

  it('says so and checks every file when the cache is not a cache, then writes a good one', async () => {
    const dir = project();
    const cache = path.join(dir, 'cache.json');
    fs.writeFileSync(cache, '{ not json');
    const run = await validate(dir, '--cache-location', cache);
    expect(run.stderr).toMatch(/rubrics: the cache .*cache\.json is not a cache of this tool; every file is checked/);
    expect(run.stdout).toBe((await validate(dir)).stdout);
    expect(Object.keys(readCache(cache).files).length).toBeGreaterThan(0);
    expect((await validate(dir, '--cache-location', cache)).stderr).toBe('');
  });

  it('keeps the results of files a run did not check, and drops those of deleted files', async () => {
    const dir = project();
    const cache = path.join(dir, '..', `${path.basename(dir)}.cache.json`);
    await validate(dir, '--cache-location', cache);
    const good = path.join(dir, 'good.assessment.yaml');
    const broken = path.join(dir, 'broken.assessment.yaml');
    expect(Object.keys(readCache(cache).files)).toEqual(expect.arrayContaining([good, broken]));
    fs.rmSync(broken);
    await validate(dir, '--cache-location', cache, 'roadmap.plan.yaml');
    const files = Object.keys(readCache(cache).files);
    expect(files).toContain(good);
    expect(files).not.toContain(broken);
  });

  it('never keeps the result of a file that was not fully checked', async () => {
    const dir = tempDir('rubrics-cache-');
    execFileSync('mkfifo', [path.join(dir, 'pipe.rubric.yaml')]);
    fs.writeFileSync(path.join(dir, 'desk.assessment.yaml'), ASSESSMENT.replace('./team.rubric.yaml', './pipe.rubric.yaml'));
    fs.writeFileSync(path.join(dir, 'other.assessment.yaml'), ASSESSMENT);
    fs.writeFileSync(path.join(dir, 'team.rubric.yaml'), RUBRIC);
    const cache = path.join(dir, 'cache.json');
    const run = await validate(dir, '--cache-location', cache, 'desk.assessment.yaml', 'other.assessment.yaml');
    expect(run.code).toBe(2);
    const files = Object.keys(readCache(cache).files);
    expect(files).toContain(path.join(dir, 'other.assessment.yaml'));
    expect(files).not.toContain(path.join(dir, 'desk.assessment.yaml'));
  });

  it('keeps the cache in the user cache folder, not in the repository, unless told where', async () => {
    const dir = project();
    const home = tempDir('rubrics-cache-home-');
    const before = fs.readdirSync(dir).sort();
    const run = await runCli(cli, ['validate', '--cache'], { cwd: dir, env: { XDG_CACHE_HOME: home } });
    expect(run.code).toBe(1);
    expect(fs.readdirSync(dir).sort()).toEqual(before);
    const written = fs.readdirSync(path.join(home, 'rubrics-as-code', 'validate'));
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^[0-9a-f]{16}\.json$/);
  });
});
