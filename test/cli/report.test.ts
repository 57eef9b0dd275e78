import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/core/engine';
import { renderDiffMarkdown, renderJson, renderMarkdown } from '../../src/core/render';
import { buildReport, diffReports } from '../../src/core/report';
import { NodeFileHost } from '../../src/node/nodeFileHost';
import { buildCli, FIXTURES, removeTempDirs, runCli, tempDir } from '../support/cli';

let cli: string;
beforeAll(async () => {
  cli = await buildCli();
});
afterAll(removeTempDirs);

/**
 * The core's analysis of a fixture, read from disk the way the CLI reads it. Reports and diffs
 * are compared with what the core renders for the same files: the CLI must add nothing, and the
 * report module's own tests keep golden copies of its output.
 */
async function analyzeFixture(name: string) {
  const file = path.join(FIXTURES, name);
  return new Engine(new NodeFileHost()).analyze(pathToFileURL(file).toString(), fs.readFileSync(file, 'utf8'));
}

/** Files in `dir` whose names mark them as leftovers of an interrupted atomic write. */
function leftovers(dir: string): string[] {
  return fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'));
}

describe('rubrics report', () => {
  it('writes an assessment report as Markdown to stdout', async () => {
    const run = await runCli(cli, ['report', 'project/good.assessment.yaml']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(renderMarkdown(buildReport(await analyzeFixture('project/good.assessment.yaml'))));
    expect(run.stdout).toMatch(/^# Fictional Freight \(Group IT\), 2026-03-31\n/);
    expect(run.stdout).toContain('Articles are reviewed every quarter.');
  });

  it('writes a plan report as Markdown', async () => {
    const run = await runCli(cli, ['report', 'project/roadmap.plan.yaml']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(renderMarkdown(buildReport(await analyzeFixture('project/roadmap.plan.yaml'))));
    expect(run.stdout).toContain('Quarterly knowledge reviews');
  });

  it('writes JSON that equals the core report of the same file', async () => {
    const run = await runCli(cli, ['report', 'project/good.assessment.yaml', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(renderJson(buildReport(await analyzeFixture('project/good.assessment.yaml'))));
    expect(JSON.parse(run.stdout)).toMatchObject({ kind: 'Assessment', id: 'desk-2026' });
  });

  it('writes a standalone HTML page with a strict policy and no script', async () => {
    const run = await runCli(cli, ['report', 'project/good.assessment.yaml', '--format', 'html']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(run.stdout).toContain('<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;');
    expect(run.stdout).not.toMatch(/<script/i);
    expect(run.stdout).toContain('Self-service');
  });

  it('chooses a document of a multi-document file with --document (from 1)', async () => {
    const assessment = await runCli(cli, ['report', 'multi/combined.yaml', '--format', 'json']);
    expect(JSON.parse(assessment.stdout)).toMatchObject({ kind: 'Assessment', source: { documentIndex: 1, documentCount: 2 } });
    const rubric = await runCli(cli, ['report', 'multi/combined.yaml', '--format', 'json', '--document', '1']);
    expect(JSON.parse(rubric.stdout)).toMatchObject({ kind: 'Rubric', id: 'inline-desk' });
    const outOfRange = await runCli(cli, ['report', 'multi/combined.yaml', '--document', '3']);
    expect(outOfRange).toMatchObject({ code: 2, stdout: '' });
    expect(outOfRange.stderr).toContain('--document 3: multi/combined.yaml has 2 documents (1: Rubric, 2: Assessment).');
    expect((await runCli(cli, ['report', 'multi/combined.yaml', '--document', '0'])).code).toBe(2);
  });

  it('still reports a document with errors, then lists the problems on stderr and exits 1', async () => {
    const run = await runCli(cli, ['report', 'project/broken.assessment.yaml']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^# /);
    expect(run.stdout).toContain('knowlege');
    expect(run.stderr).toMatch(/^project\/broken\.assessment\.yaml:15:3 +error +The rubric "service-desk" has no dimension "knowlege"/m);
    expect(run.stderr).toContain('✖ 1 error, 2 warnings and 1 note in 1 of 1 file checked.');
  });

  it('exits 2 for a missing file or a wrong option', async () => {
    const missing = await runCli(cli, ['report', 'project/missing.assessment.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot find "project/missing.assessment.yaml"');
    expect((await runCli(cli, ['report'])).stderr).toContain('"rubrics report" needs one file');
    expect((await runCli(cli, ['report', 'project/good.assessment.yaml', '--format', 'pdf'])).code).toBe(2);
    expect((await runCli(cli, ['report', 'project'])).stderr).toContain('"project" is a folder');
  });
});

describe('rubrics report --out', () => {
  it('writes the file, creating missing folders, and says on stderr what it wrote', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'reports/q1/desk.md');
    const run = await runCli(cli, ['report', 'project/good.assessment.yaml', '--out', out]);
    expect(run).toMatchObject({ code: 0, stdout: '' });
    expect(run.stderr).toBe(`rubrics: wrote ${out}: the Markdown report of project/good.assessment.yaml (${fs.statSync(out).size} bytes).\n`);
    expect(fs.readFileSync(out, 'utf8')).toBe((await runCli(cli, ['report', 'project/good.assessment.yaml'])).stdout);
    expect(leftovers(path.dirname(out))).toEqual([]);
  });

  it('replaces an existing file whole', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'desk.md');
    fs.writeFileSync(out, 'old report\n'.repeat(10_000));
    expect((await runCli(cli, ['report', 'project/good.assessment.yaml', '-o', out])).code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^# Fictional Freight/);
  });

  it('exits 2 when the folder is not writable, leaving neither the file nor a temporary one', async () => {
    const dir = tempDir();
    const locked = path.join(dir, 'locked');
    fs.mkdirSync(locked);
    fs.chmodSync(locked, 0o555);
    const run = await runCli(cli, ['report', path.join(FIXTURES, 'project/good.assessment.yaml'), '--out', 'locked/desk.md'], { cwd: dir, unprivileged: true });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Cannot write locked/desk.md: permission denied');
    expect(fs.readdirSync(locked)).toEqual([]);
  });

  it('exits 2 when the target cannot be replaced, and removes its temporary file', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'desk.md')); // a folder where the file should go: the final rename fails
    const run = await runCli(cli, ['report', path.join(FIXTURES, 'project/good.assessment.yaml'), '--out', 'desk.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Cannot write desk\.md: /);
    expect(fs.readdirSync(dir)).toEqual(['desk.md']);
    expect(fs.statSync(path.join(dir, 'desk.md')).isDirectory()).toBe(true);
  });
});

describe('rubrics diff', () => {
  it('compares two assessment files as Markdown for a pull request', async () => {
    const FILE_AFTER = 'diff/after.assessment.yaml';
    const run = await runCli(cli, ['diff', 'diff/before.assessment.yaml', FILE_AFTER]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const [before, after] = [await analyzeFixture('diff/before.assessment.yaml'), await analyzeFixture('diff/after.assessment.yaml')];
    expect(run.stdout).toBe(renderDiffMarkdown(diffReports(buildReport(before), buildReport(after)), { path: FILE_AFTER }));
    expect(run.stdout).toContain('**Overall score: 2 → 2.5 (▲ +0.5)**');
  });

  it('compares two plans', async () => {
    const FILE_AFTER = 'diff/after.plan.yaml';
    const run = await runCli(cli, ['diff', 'diff/before.plan.yaml', FILE_AFTER]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const [before, after] = [await analyzeFixture('diff/before.plan.yaml'), await analyzeFixture('diff/after.plan.yaml')];
    expect(run.stdout).toBe(renderDiffMarkdown(diffReports(buildReport(before), buildReport(after)), { path: FILE_AFTER }));
    expect(run.stdout).toContain('Planned → In progress');
    expect(run.stdout).toContain('Quarterly knowledge reviews');
  });

  it('writes the diff as JSON', async () => {
    const run = await runCli(cli, ['diff', 'diff/before.assessment.yaml', 'diff/after.assessment.yaml', '--format', 'json']);
    expect(run.code).toBe(0);
    const diff = JSON.parse(run.stdout);
    expect(diff).toMatchObject({ kind: 'Assessment', overall: { before: 2, after: 2.5, delta: 0.5 } });
    expect(diff.dimensions.find((d: { id: string }) => d.id === 'self-service')).toMatchObject({ change: 'changed', scoreDelta: 1, crossing: 'reached' });
  });

  it('exits 1 after writing when the newer version has errors, listing them on stderr', async () => {
    const run = await runCli(cli, ['diff', 'diff/after.assessment.yaml', 'project/broken.assessment.yaml']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('what changed');
    expect(run.stderr).toContain('unknown-dimension');
    // Errors only in the older version do not fail the run.
    expect((await runCli(cli, ['diff', 'project/broken.assessment.yaml', 'diff/after.assessment.yaml'])).code).toBe(0);
  });

  it('with one path and no git repository, says that a whole change needs one, and how to compare two files', async () => {
    const dir = tempDir();
    fs.copyFileSync(path.join(FIXTURES, 'diff/before.assessment.yaml'), path.join(dir, 'before.assessment.yaml'));
    const run = await runCli(cli, ['diff', 'before.assessment.yaml'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('needs a git repository');
    expect(run.stderr).toContain('rubrics diff BEFORE AFTER');
  });
});

describe('rubrics diff with REF:path from git', () => {
  const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd, encoding: 'utf8' });
  let repo: string;

  beforeAll(() => {
    // History: the "before" assessment and rubric 1.2.0 at the first commit; the working tree
    // has the "after" assessment and the rubric bumped to 2.0.0.
    repo = tempDir('rubrics-cli-git-');
    const dir = path.join(repo, 'rubrics');
    fs.mkdirSync(dir);
    const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, 'diff', name), 'utf8');
    fs.writeFileSync(path.join(dir, 'desk.rubric.yaml'), fixture('desk.rubric.yaml'));
    fs.writeFileSync(path.join(dir, 'desk.assessment.yaml'), fixture('before.assessment.yaml'));
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'before');
    fs.writeFileSync(path.join(dir, 'desk.assessment.yaml'), fixture('after.assessment.yaml'));
    fs.writeFileSync(path.join(dir, 'desk.rubric.yaml'), fixture('desk.rubric.yaml').replace('version: 1.2.0', 'version: 2.0.0'));
  });

  it('reads BEFORE from git, and its rubric at the same revision', async () => {
    const run = await runCli(cli, ['diff', 'main:rubrics/desk.assessment.yaml', 'rubrics/desk.assessment.yaml'], { cwd: repo });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    // Same as comparing the two fixture files, plus the note that the rubric's version moved:
    // proof that BEFORE's "./desk.rubric.yaml" was read at main (1.2.0), not from the working tree.
    expect(run.stdout).toContain('changed version (1.2.0 → 2.0.0)');
    expect(run.stdout).toContain('**Overall score: 2 → 2.5 (▲ +0.5)**');
  });

  it('takes ./paths relative to the current folder, as git does', async () => {
    const run = await runCli(cli, ['diff', 'HEAD:./desk.assessment.yaml', 'desk.assessment.yaml', '--format', 'json'], { cwd: path.join(repo, 'rubrics') });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ overall: { before: 2, after: 2.5 }, rubric: { versionChanged: true } });
  });

  it('reports a file as it was at REF with "rubrics report REF:path"', async () => {
    const run = await runCli(cli, ['report', 'main:rubrics/desk.assessment.yaml', '--format', 'json'], { cwd: repo });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toMatchObject({ kind: 'Assessment', rubric: { id: 'service-desk', version: '1.2.0' }, assessment: { date: '2025-03-31' } });
  });

  it('compares a file that is new since REF with an empty file', async () => {
    fs.copyFileSync(path.join(FIXTURES, 'diff/after.assessment.yaml'), path.join(repo, 'rubrics/new.assessment.yaml'));
    const run = await runCli(cli, ['diff', 'main:rubrics/new.assessment.yaml', 'rubrics/new.assessment.yaml'], { cwd: repo });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('main:rubrics/new.assessment.yaml does not exist at that revision');
    expect(run.stdout).toContain('Self-service *(new)*');
  });

  it('exits 2 with advice for an unknown ref, a path outside the repository, or no repository', async () => {
    const ref = await runCli(cli, ['diff', 'origin/nope:rubrics/desk.assessment.yaml', 'rubrics/desk.assessment.yaml'], { cwd: repo });
    expect(ref.code).toBe(2);
    expect(ref.stderr).toContain('"origin/nope" (in "origin/nope:rubrics/desk.assessment.yaml") is not a branch, tag or commit');
    expect(ref.stderr).toContain('fetch-depth: 0');
    const outside = await runCli(cli, ['diff', 'main:../x.assessment.yaml', 'rubrics/desk.assessment.yaml'], { cwd: repo });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('points outside the git repository');
    const noRepo = await runCli(cli, ['diff', 'main:x.assessment.yaml', path.join(FIXTURES, 'diff/after.assessment.yaml')], { cwd: tempDir() });
    expect(noRepo.code).toBe(2);
    expect(noRepo.stderr).toContain('is not inside a git repository');
  });
});
