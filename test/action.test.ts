import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { actionBundle } from '../scripts/action-bundle.mjs';
import { releaseAction } from '../scripts/release-action.mjs';
import { COMMENT_MARKER } from '../src/action/comment';
import { buildCli, gitIn as git, removeTempDirs, REPO_ROOT, runCli, tempDir } from './cli.helpers';

// The GitHub Action, run as GitHub runs it: `node dist/action/index.js` with the environment a
// runner gives a step (the event file, the workspace, the summary and output files, the inputs as
// INPUT_* variables), on a throw-away repository with a base and a head commit, against a local
// HTTP server standing in for api.github.com.

let bundle: string;
let cli: string;

beforeAll(async () => {
  const outdir = tempDir('rubrics-action-bundle-');
  bundle = path.join(outdir, 'index.js');
  await esbuild.build({ ...actionBundle, absWorkingDir: REPO_ROOT, outfile: bundle, logLevel: 'silent' });
  cli = await buildCli();
});
afterAll(removeTempDirs);

const ASSESSMENT = 'rubrics/kestrel/2026-03.seven-attributes.assessment.yaml';
const ADDED = 'rubrics/invalid/broken.assessment.yaml';
const UNCHANGED_WITH_WARNING = 'rubrics/invalid/legacy.assessment.yaml';
const DELETED = 'rubrics/kestrel/2025-03.it4it-legacy-alignment.assessment.yaml';
const RENAMED_FROM = 'rubrics/kestrel/2025-03.nexgen-digital-services.assessment.yaml';
const RENAMED_TO = 'rubrics/kestrel/2025-nexgen.assessment.yaml';

/**
 * main: the samples under rubrics/kestrel/, and an assessment with a warning that the pull
 * request leaves alone. feature: one answer changed (a score drops), an assessment with an error
 * added, one deleted, one renamed, and a file that is not a rubric file.
 */
function makeRepository(): { repo: string; base: string } {
  const repo = tempDir('rubrics-action-repo-');
  git(repo, 'init', '-q');
  fs.cpSync(path.join(REPO_ROOT, 'samples/kestrel'), path.join(repo, 'rubrics/kestrel'), { recursive: true });
  fs.mkdirSync(path.join(repo, 'rubrics/invalid'));
  fs.copyFileSync(path.join(REPO_ROOT, 'samples/invalid/target-below-current.assessment.yaml'), path.join(repo, UNCHANGED_WITH_WARNING));
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'base');
  const base = git(repo, 'rev-parse', 'HEAD').trim();

  git(repo, 'checkout', '-q', '-b', 'feature');
  const file = path.join(repo, ASSESSMENT);
  const text = fs.readFileSync(file, 'utf8');
  const changed = text.replace('      eeu-service-catalogue:\n        answer: yes', '      eeu-service-catalogue:\n        answer: no');
  expect(changed).not.toBe(text);
  fs.writeFileSync(file, changed);
  fs.copyFileSync(path.join(REPO_ROOT, 'samples/invalid/unknown-dimension.assessment.yaml'), path.join(repo, ADDED));
  fs.rmSync(path.join(repo, DELETED));
  fs.renameSync(path.join(repo, RENAMED_FROM), path.join(repo, RENAMED_TO));
  fs.writeFileSync(path.join(repo, 'NOTES.md'), 'Not a rubric file.\n');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'feature');
  return { repo, base };
}

interface Recorded {
  method: string;
  url: string;
  authorization?: string;
  body?: { body: string };
}

/** A stand-in for GitHub's issue-comments API, holding one pull request's comments. */
async function fakeGitHub(existing: number): Promise<{ url: string; requests: Recorded[]; comments: { id: number; body: string }[]; close(): Promise<void> }> {
  const comments = Array.from({ length: existing }, (_, i) => ({ id: i + 1, body: `A reviewer's comment ${i + 1}` }));
  const requests: Recorded[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const recorded: Recorded = { method: req.method ?? '', url: `${url.pathname}${url.search}`, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) };
      if (raw) recorded.body = JSON.parse(raw) as { body: string };
      requests.push(recorded);
      const send = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      const withUrl = (c: { id: number; body: string }) => ({ ...c, html_url: `https://github.example/acme/governance/pull/7#issuecomment-${c.id}` });
      if (req.method === 'GET' && url.pathname === '/repos/acme/governance/issues/7/comments') {
        const perPage = Number(url.searchParams.get('per_page'));
        const page = Number(url.searchParams.get('page'));
        return send(200, comments.slice((page - 1) * perPage, page * perPage).map(withUrl));
      }
      if (req.method === 'POST' && url.pathname === '/repos/acme/governance/issues/7/comments' && recorded.body) {
        const created = { id: 1000 + comments.length, body: recorded.body.body };
        comments.push(created);
        return send(201, withUrl(created));
      }
      const patch = /^\/repos\/acme\/governance\/issues\/comments\/(\d+)$/.exec(url.pathname);
      const target = patch && comments.find((c) => c.id === Number(patch[1]));
      if (req.method === 'PATCH' && target && recorded.body) {
        target.body = recorded.body.body;
        return send(200, withUrl(target));
      }
      send(404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, comments, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

interface ActionRun {
  code: number;
  log: string;
  summary: string;
  outputs: Record<string, string>;
}

/** Runs the bundled Action as a runner does, in a fresh runner temp folder. */
function runAction(repo: string, event: object, inputs: Record<string, string>, extraEnv: Record<string, string> = {}): Promise<ActionRun> {
  const runner = tempDir('rubrics-action-runner-');
  const files = { event: path.join(runner, 'event.json'), summary: path.join(runner, 'summary.md'), output: path.join(runner, 'output.txt') };
  fs.writeFileSync(files.event, JSON.stringify(event));
  fs.writeFileSync(files.summary, '');
  fs.writeFileSync(files.output, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: runner,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request' in event ? 'pull_request' : 'push',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_WORKSPACE: repo,
    GITHUB_REPOSITORY: 'acme/governance',
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_OUTPUT: files.output,
    // The defaults action.yml declares, as the runner passes them.
    'INPUT_PATHS': '.',
    'INPUT_BASE-REF': '',
    'INPUT_FORMATS': 'annotations sarif summary',
    'INPUT_SARIF-FILE': 'rubrics.sarif',
    'INPUT_FAIL-ON': 'error',
    'INPUT_MAX-WARNINGS': '',
    'INPUT_MAX-SCORE-DROP': '',
    'INPUT_COMMENT': 'false',
    'INPUT_TOKEN': 'ghs_test-token',
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
    ...extraEnv,
  };
  return new Promise((resolve) => {
    execFile(process.execPath, [bundle], { cwd: repo, env }, (error, stdout, stderr) => {
      const outputs = Object.fromEntries(fs.readFileSync(files.output, 'utf8').split('\n').filter(Boolean).map((line) => {
        const at = line.indexOf('=');
        return [line.slice(0, at), line.slice(at + 1)];
      }));
      resolve({ code: error ? Number(error.code) : 0, log: stdout + stderr, summary: fs.readFileSync(files.summary, 'utf8'), outputs });
    });
  });
}

interface CliFile {
  path: string;
  errorCount: number;
  warningCount: number;
  informationCount: number;
  diagnostics: unknown[];
}

/** What `rubrics validate --format json` says of the whole repository. */
async function validateWithCli(repo: string): Promise<CliFile[]> {
  return JSON.parse((await runCli(cli, ['validate', '.', '--format', 'json'], { cwd: repo })).stdout) as CliFile[];
}

function pullRequestEvent(base: string): object {
  return { pull_request: { number: 7, base: { sha: base, ref: 'main' }, head: { ref: 'feature' } }, repository: { full_name: 'acme/governance' } };
}

describe('the GitHub Action', () => {
  it('validates, annotates only the changed files, writes SARIF, the summary and the outputs, and fails on the new error', async () => {
    const { repo, base } = makeRepository();
    const run = await runAction(repo, pullRequestEvent(base), {});
    expect(run.code).toBe(1);

    const cliResults = await validateWithCli(repo);
    // Notes are not annotated (they are counted, and in SARIF): only errors and warnings.
    const problemsOf = (f: CliFile) => f.diagnostics.filter((d) => (d as { severity: string }).severity !== 'information');
    const changedWithProblems = cliResults.filter((f) => [ASSESSMENT, ADDED, RENAMED_TO].includes(f.path) && problemsOf(f).length > 0).map((f) => f.path);
    expect(changedWithProblems).toContain(ADDED);
    const annotations = run.log.split('\n').filter((l) => /^::(error|warning|notice) file=/.test(l));
    expect(new Set(annotations.map((l) => /file=([^,]+)/.exec(l)?.[1]))).toEqual(new Set(changedWithProblems));
    expect(annotations).toHaveLength(cliResults.filter((f) => changedWithProblems.includes(f.path)).reduce((n, f) => n + problemsOf(f).length, 0));
    expect(annotations.some((l) => l.startsWith('::notice'))).toBe(false);
    expect(annotations.some((l) => l.startsWith(`::error file=${ADDED},line=12,`) && l.includes('title=unknown-dimension'))).toBe(true);
    // The unchanged file's warning is counted, not annotated.
    expect(run.log).not.toContain(`file=${UNCHANGED_WITH_WARNING}`);
    expect(run.log).toMatch(/^::error title=rubrics::1 error in the checked files\.$/m);

    const sarif = JSON.parse(fs.readFileSync(path.join(repo, 'rubrics.sarif'), 'utf8')) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const sarifFiles = new Set(sarif.runs[0]?.results.map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri));
    expect(sarifFiles).toEqual(new Set(cliResults.filter((f) => f.diagnostics.length > 0).map((f) => f.path)));
    expect(sarifFiles).toContain(UNCHANGED_WITH_WARNING);

    const count = (field: 'errorCount' | 'warningCount' | 'informationCount') => String(cliResults.reduce((n, f) => n + f[field], 0));
    expect(count('errorCount')).toBe('1');
    expect(run.outputs).toEqual({
      files: String(cliResults.length),
      errors: count('errorCount'),
      warnings: count('warningCount'),
      notes: count('informationCount'),
      'changed-files': '4',
      'sarif-file': 'rubrics.sarif',
      'comment-url': '',
    });
    // Exactly the outputs action.yml declares.
    const declared = parse(fs.readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as { outputs: Record<string, unknown> };
    expect(Object.keys(run.outputs).sort()).toEqual(Object.keys(declared.outputs).sort());
  });

  it('puts the review of the whole change in the summary, as `rubrics diff --base` writes it', async () => {
    const { repo, base } = makeRepository();
    const run = await runAction(repo, pullRequestEvent(base), {});
    const summary = run.summary;
    // The CLI's own summary line of the whole check.
    const stylish = (await runCli(cli, ['validate', '.'], { cwd: repo })).stdout.trim().split('\n').pop();
    expect(summary.startsWith(`## Rubrics as Code\n\n${stylish}\n`)).toBe(true);
    expect(summary).toContain('**The check fails:**\n\n- 1 error in the checked files.');
    expect(summary).toMatch(new RegExp(`\\| \`${ADDED}\`:12 \\| error \\| \`unknown-dimension\` \\| The rubric "kestrel-cloud-operations" has no area "landing-zones"\\.`));
    expect(summary).not.toContain(UNCHANGED_WITH_WARNING);

    // One implementation: the CLI's review of the same change, one heading level down.
    const demote = (md: string) => md.trim().replace(/^(#{1,5}) /gm, '#$1 ');
    const review = demote((await runCli(cli, ['diff', '--base', base], { cwd: repo })).stdout);
    expect(summary).toContain(`${review}\n`);
    for (const row of [`| \`${ASSESSMENT}\` | modified |`, `| \`${ADDED}\` | added |`, `| \`${DELETED}\` | deleted |`, `| \`${RENAMED_TO}\` | renamed from \`${RENAMED_FROM}\` |`]) expect(summary).toContain(row);
    expect(summary).toMatch(/Overall score: [\d.]+ → [\d.]+ \(▼/); // the changed answer lowers the score
    expect(summary).not.toContain('NOTES.md');
  });

  it('keeps one pull-request comment, created on the first run and updated in place on the next', async () => {
    const { repo, base } = makeRepository();
    // 100 comments already: the Action's own lands on the second page, which it must find too.
    const github = await fakeGitHub(100);
    try {
      const env = { GITHUB_API_URL: github.url };
      const first = await runAction(repo, pullRequestEvent(base), { comment: 'true' }, env);
      expect(first.code).toBe(1);
      expect(github.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
        'GET /repos/acme/governance/issues/7/comments?per_page=100&page=1',
        'GET /repos/acme/governance/issues/7/comments?per_page=100&page=2',
        'POST /repos/acme/governance/issues/7/comments',
      ]);
      expect(github.requests.every((r) => r.authorization === 'Bearer ghs_test-token')).toBe(true);
      const posted = github.requests[2]?.body?.body ?? '';
      expect(posted).toBe(`${COMMENT_MARKER}\n${first.summary}`);
      expect(first.outputs['comment-url']).toBe('https://github.example/acme/governance/pull/7#issuecomment-1100');

      // A new push: the answer is changed back, and the same comment now says so.
      const file = path.join(repo, ASSESSMENT);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('      eeu-service-catalogue:\n        answer: no', '      eeu-service-catalogue:\n        answer: yes'));
      git(repo, 'commit', '-q', '-am', 'second push');
      github.requests.length = 0;
      const second = await runAction(repo, pullRequestEvent(base), { comment: 'true' }, env);
      expect(github.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
        'GET /repos/acme/governance/issues/7/comments?per_page=100&page=1',
        'GET /repos/acme/governance/issues/7/comments?per_page=100&page=2',
        'PATCH /repos/acme/governance/issues/comments/1100',
      ]);
      expect(github.requests[2]?.body?.body).toBe(`${COMMENT_MARKER}\n${second.summary}`);
      expect(github.comments.filter((c) => c.body.startsWith(COMMENT_MARKER))).toHaveLength(1);
      expect(github.comments.filter((c) => !c.body.startsWith(COMMENT_MARKER)).every((c, i) => c.body === `A reviewer's comment ${i + 1}`)).toBe(true);
      expect(second.outputs['comment-url']).toBe(first.outputs['comment-url']);
    } finally {
      await github.close();
    }
  });

  it('warns, and still reports, when the API refuses the comment (a fork\'s read-only token)', async () => {
    const { repo, base } = makeRepository();
    const github = await fakeGitHub(0);
    try {
      const run = await runAction(repo, pullRequestEvent(base), { comment: 'true', 'fail-on': 'never' }, { GITHUB_API_URL: `${github.url}/refuses` });
      expect(run.code).toBe(0);
      expect(run.log).toMatch(/^::warning title=rubrics::Could not write the pull-request comment\. GitHub answered 404 .*pull-requests: write/m);
      expect(run.summary).toContain('## Rubrics as Code');
    } finally {
      await github.close();
    }
  });

  it('applies the thresholds: fail-on never passes, max-warnings and max-score-drop fail', async () => {
    const { repo, base } = makeRepository();
    const lenient = await runAction(repo, pullRequestEvent(base), { 'fail-on': 'never' });
    expect(lenient.code).toBe(0);
    expect(lenient.summary).not.toContain('The check fails');

    const strict = await runAction(repo, pullRequestEvent(base), { 'fail-on': 'never', 'max-warnings': '0', 'max-score-drop': '0' });
    expect(strict.code).toBe(1);
    const warnings = (await validateWithCli(repo)).reduce((n, f) => n + f.warningCount, 0);
    expect(warnings).toBeGreaterThan(0);
    expect(strict.log).toMatch(new RegExp(`^::error title=rubrics::${warnings} warnings?, more than max-warnings 0 allows\\.$`, 'm'));
    expect(strict.log).toMatch(new RegExp(`^::error title=rubrics::The overall score of ${ASSESSMENT.replace(/\./g, '\\.')} drops by [\\d.]+ \\([\\d.]+ → [\\d.]+\\), more than max-score-drop 0 allows\\.$`, 'm'));
  });

  it('names the files with errors that the change does not touch', async () => {
    const { repo, base } = makeRepository();
    // Compared with itself, the head changes nothing: the error is in a file it does not touch.
    const run = await runAction(repo, pullRequestEvent(base), { 'base-ref': 'HEAD' });
    expect(run.code).toBe(1);
    expect(run.log).toContain(`::error title=rubrics::1 error in the checked files, some in files this change does not touch: ${ADDED}.`);
    expect(run.log).not.toMatch(/^::(error|warning|notice) file=/m);
    expect(run.summary).toContain('This change touches no rubric, assessment or plan');
  });

  it("keeps references inside GITHUB_WORKSPACE: a pull request cannot make the bot read the runner's files", async () => {
    const { repo, base } = makeRepository();
    const runnerFiles = tempDir('rubrics-action-secrets-');
    const secret = path.join(runnerFiles, 'secret.rubric.yaml');
    fs.writeFileSync(secret, fs.readFileSync(path.join(REPO_ROOT, 'samples/kestrel/claims-platform.rubric.yaml'), 'utf8').replace(/^title: .*$/m, 'title: RUNNER SECRET'));
    const leaking = 'rubrics/leak.assessment.yaml';
    const text = fs.readFileSync(path.join(repo, ADDED), 'utf8').replace(/^rubric: .*$/m, `rubric: ${secret}`);
    fs.writeFileSync(path.join(repo, leaking), text);
    fs.writeFileSync(path.join(repo, 'rubrics/up.assessment.yaml'), text.replace(`rubric: ${secret}`, `rubric: ../${path.relative(path.join(repo, 'rubrics'), secret)}`));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'leak');
    const run = await runAction(repo, pullRequestEvent(base), { formats: 'annotations summary' });
    expect(run.code).toBe(1);
    for (const file of [leaking, 'rubrics/up.assessment.yaml']) {
      expect(run.log).toMatch(new RegExp(`^::error file=${file.replace(/\./g, '\\.')},line=\\d+,.*title=reference-outside-workspace::.*points outside the workspace`, 'm'));
    }
    expect(run.log + run.summary).not.toContain('RUNNER SECRET');
  });

  it('outside a pull request without a base, checks every file and annotates them all, with no diff and no comment', async () => {
    const { repo } = makeRepository();
    const github = await fakeGitHub(0);
    try {
      const run = await runAction(repo, { ref: 'refs/heads/feature', before: '0000000000000000000000000000000000000000' }, { comment: 'true', formats: 'annotations summary' }, { GITHUB_API_URL: github.url });
      expect(run.code).toBe(1);
      expect(run.log).toContain(`file=${UNCHANGED_WITH_WARNING}`);
      expect(run.log).toContain(`file=${ADDED}`);
      expect(run.summary).not.toContain('This change touches');
      expect(fs.existsSync(path.join(repo, 'rubrics.sarif'))).toBe(false);
      expect(run.outputs['sarif-file']).toBe('');
      expect(github.requests).toEqual([]);
    } finally {
      await github.close();
    }
  });

  it('says what is wrong with an input, or a base it cannot find, and exits 2', async () => {
    const { repo, base } = makeRepository();
    const badInput = await runAction(repo, pullRequestEvent(base), { 'fail-on': 'sometimes' });
    expect(badInput.code).toBe(2);
    expect(badInput.log).toContain('::error title=rubrics::Input "fail-on" is "sometimes"; use error, warning or never.');
    const badBase = await runAction(repo, pullRequestEvent(base), { 'base-ref': 'origin/main' });
    expect(badBase.code).toBe(2);
    expect(badBase.log).toMatch(/::error title=rubrics::Cannot compare with the base: "origin\/main" is not a branch, tag or commit.*fetch-depth: 0/);
  });
});

describe('the Action at a release tag', () => {
  // main tracks no built output; a release tag is HEAD plus the bundle (scripts/release-action.mjs).
  it('is HEAD plus a fresh build of the bundle, and main tracks none', async () => {
    expect(execFileSync('git', ['ls-files', 'dist'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim()).toBe('');
    // A clone of this repository's HEAD, released as a maintainer would.
    const repo = tempDir('rubrics-release-repo-');
    execFileSync('git', ['clone', '--quiet', REPO_ROOT, repo]);
    const head = git(repo, 'rev-parse', 'HEAD').trim();

    const commit = await releaseAction({ repo, tag: 'v9.9.9' });
    expect(git(repo, 'rev-parse', 'v9.9.9^{commit}').trim()).toBe(commit);
    expect(git(repo, 'rev-parse', `${commit}^`).trim()).toBe(head);
    expect(git(repo, 'diff', '--name-only', head, commit).trim()).toBe(actionBundle.outfile);
    expect(git(repo, 'status', '--porcelain').trim()).toBe('');
    const released = execFileSync('git', ['show', `${commit}:${actionBundle.outfile}`], { cwd: repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    // The same sources built here (a working tree with uncommitted changes to them differs from HEAD).
    const fresh = (await esbuild.build({ ...actionBundle, absWorkingDir: REPO_ROOT, write: false, logLevel: 'silent' })).outputFiles[0]?.text;
    expect(released === fresh, 'the released bundle is not what `npm run build` gives for the same sources').toBe(true);
    await expect(releaseAction({ repo, tag: 'v9.9.9' })).rejects.toThrow('exists already');
    await expect(releaseAction({ repo, tag: 'latest' })).rejects.toThrow('not a release tag');
  });
});
