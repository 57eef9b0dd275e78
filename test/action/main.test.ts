import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { actionBundle } from '../../scripts/action-bundle.mjs';
import { releaseAction } from '../../scripts/release-action.mjs';
import { COMMENT_MARKER } from '../../src/action/comment';
import { jobSummary, renderSummary } from '../../src/action/summary';
import { MAX_SUMMARY_BYTES } from '../../src/core/render';
import type { ChangeReview } from '../../src/core/review/change';
import { buildCli, gitIn as git, removeTempDirs, REPO_ROOT, runCli, tempDir } from '../support/cli';
import { BOT, buildActionBundle, fakeGitHub as fakeGitHubWith, pullRequestEvent, runAction as runBundle, sarifValidator, type ActionRun } from '../support/actionHarness';

// The GitHub Action, run as GitHub runs it: `node dist/action/index.js` with the environment a
// runner gives a step (the event file, the workspace, the summary and output files, the inputs as
// INPUT_* variables), on a throw-away repository with a base and a head commit, against a local
// HTTP server standing in for api.github.com.

let bundle: string;
let cli: string;

beforeAll(async () => {
  bundle = await buildActionBundle();
  cli = await buildCli();
});

/** GitHub's stand-in with `existing` comments of a reviewer already on the pull request. */
const fakeGitHub = (existing: number) => fakeGitHubWith({ comments: Array.from({ length: existing }, (_, i) => ({ body: `A reviewer's comment ${i + 1}`, login: 'reviewer' })) });
const runAction = (repo: string, event: object, inputs: Record<string, string>, extraEnv: Record<string, string> = {}): Promise<ActionRun> => runBundle(bundle, repo, event, inputs, extraEnv);
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
        'GET /user',
        'GET /repos/acme/governance/issues/7/comments?per_page=100&page=1',
        'GET /repos/acme/governance/issues/7/comments?per_page=100&page=2',
        'POST /repos/acme/governance/issues/7/comments',
      ]);
      expect(github.requests.every((r) => r.authorization === 'Bearer ghs_test-token')).toBe(true);
      const posted = github.requests[3]?.body?.body ?? '';
      expect(posted).toBe(`${COMMENT_MARKER}\n${first.summary}`);
      expect(first.outputs['comment-url']).toBe('https://github.example/acme/governance/pull/7#issuecomment-1100');

      // A new push: the answer is changed back, and the same comment now says so.
      const file = path.join(repo, ASSESSMENT);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('      eeu-service-catalogue:\n        answer: no', '      eeu-service-catalogue:\n        answer: yes'));
      git(repo, 'commit', '-q', '-am', 'second push');
      github.requests.length = 0;
      const second = await runAction(repo, pullRequestEvent(base), { comment: 'true' }, env);
      expect(github.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
        'GET /user',
        'GET /repos/acme/governance/issues/7/comments?per_page=100&page=1',
        'GET /repos/acme/governance/issues/7/comments?per_page=100&page=2',
        'PATCH /repos/acme/governance/issues/comments/1100',
      ]);
      expect(github.requests[3]?.body?.body).toBe(`${COMMENT_MARKER}\n${second.summary}`);
      expect(github.comments.filter((c) => c.body.startsWith(COMMENT_MARKER))).toHaveLength(1);
      expect(github.comments.filter((c) => !c.body.startsWith(COMMENT_MARKER)).every((c, i) => c.body === `A reviewer's comment ${i + 1}`)).toBe(true);
      expect(second.outputs['comment-url']).toBe(first.outputs['comment-url']);
    } finally {
      await github.close();
    }
  });

  it("never updates a comment that carries the marker but is someone else's, and finds its own by its author", async () => {
    const { repo, base } = makeRepository();
    // A user copied the marker into a comment of their own, before the Action's first run.
    const github = await fakeGitHubWith({ comments: [{ body: `${COMMENT_MARKER}\nScores are fine, merge it.`, login: 'mallory' }] });
    try {
      const env = { GITHUB_API_URL: github.url };
      await runAction(repo, pullRequestEvent(base), { comment: 'true' }, env);
      expect(github.comments.find((c) => c.login === 'mallory')?.body).toBe(`${COMMENT_MARKER}\nScores are fine, merge it.`);
      const ours = github.comments.filter((c) => c.login === BOT);
      expect(ours).toHaveLength(1);
      // The next run updates the bot's own comment, and still leaves the user's alone.
      await runAction(repo, pullRequestEvent(base), { comment: 'true' }, env);
      expect(github.requests.filter((r) => r.method === 'PATCH').map((r) => r.url)).toEqual([`/repos/acme/governance/issues/comments/${ours[0]?.id}`]);
      expect(github.comments.find((c) => c.login === 'mallory')?.body).toBe(`${COMMENT_MARKER}\nScores are fine, merge it.`);
      expect(github.comments).toHaveLength(2);
    } finally {
      await github.close();
    }
  });

  it("with a user's token, the comment is the one that user wrote, as GET /user names them", async () => {
    const { repo, base } = makeRepository();
    const github = await fakeGitHubWith({ login: 'governance-bot', comments: [{ body: `${COMMENT_MARKER}\nold`, login: BOT }, { body: `${COMMENT_MARKER}\nold`, login: 'governance-bot' }] });
    try {
      await runAction(repo, pullRequestEvent(base), { comment: 'true' }, { GITHUB_API_URL: github.url });
      expect(github.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url}`)).toEqual(['PATCH /repos/acme/governance/issues/comments/2']);
      expect(github.comments[0]?.body).toBe(`${COMMENT_MARKER}\nold`);
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

describe('the Action always leaves valid outputs, and says why it exits 2', () => {
  const DECLARED = Object.keys((parse(fs.readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as { outputs: Record<string, unknown> }).outputs).sort();
  interface Sarif {
    runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[]; invocations?: { executionSuccessful: boolean; toolExecutionNotifications: { message: { text: string } }[] }[] }[];
  }

  /** Exit 2, and still: a SARIF file the official schema accepts and that says why, a summary that says why, every output, an error in the log. */
  function expectOutputsOfAStop(run: ActionRun, repo: string, why: RegExp, logged: RegExp = why, sarifFile = 'rubrics.sarif'): Sarif {
    expect(run.code, run.log).toBe(2);
    const sarif = JSON.parse(fs.readFileSync(path.join(repo, sarifFile), 'utf8')) as Sarif;
    const validate = sarifValidator();
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    expect(sarif.runs[0]?.invocations?.[0]?.executionSuccessful).toBe(false);
    expect(sarif.runs[0]?.invocations?.[0]?.toolExecutionNotifications.map((n) => n.message.text).join('\n')).toMatch(why);
    expect(run.summary).toContain('**The check could not run fully** (it exits 2)');
    // The summary is Markdown: read without its backslash escapes.
    expect(run.summary.replace(/\\(.)/g, '$1')).toMatch(why);
    expect(Object.keys(run.outputs).sort()).toEqual(DECLARED);
    expect(run.outputs['sarif-file']).toBe(sarifFile);
    expect(run.log).toMatch(new RegExp(`^::error title=rubrics::.*${logged.source}`, 'm'));
    return sarif;
  }

  it('a bad input', async () => {
    const { repo, base } = makeRepository();
    const run = await runAction(repo, pullRequestEvent(base), { 'fail-on': 'sometimes', 'max-score-drop': 'lots' });
    expectOutputsOfAStop(run, repo, /Input "fail-on" is "sometimes"/);
    expect(run.summary).toContain('Input "max-score-drop" is "lots"');
    expect(run.outputs.files).toBe('0');
  });

  it('a path or glob that matches nothing (a pull request that removed the last rubric file there)', async () => {
    const { repo, base } = makeRepository();
    fs.rmSync(path.join(repo, 'rubrics/invalid'), { recursive: true });
    git(repo, 'commit', '-q', '-am', 'remove the last file of rubrics/invalid');
    for (const paths of ['rubrics/invalid', 'rubrics/invalid/**/*.yaml']) {
      const run = await runAction(repo, pullRequestEvent(base), { paths });
      const sarif = expectOutputsOfAStop(run, repo, paths.includes('*') ? /No files match "rubrics\/invalid\/\*\*\/\*\.yaml"/ : /Cannot find "rubrics\/invalid"/);
      expect(sarif.runs[0]?.results).toEqual([]);
    }
  });

  it('a shallow checkout without the base: what was checked is still in SARIF', async () => {
    const { repo, base } = makeRepository();
    const run = await runAction(repo, pullRequestEvent(base), { 'base-ref': 'origin/main' });
    const sarif = expectOutputsOfAStop(run, repo, /Cannot compare with the base: "origin\/main" is not a branch, tag or commit/);
    expect(sarif.runs[0]?.results.length).toBeGreaterThan(0);
    expect(Number(run.outputs.files)).toBeGreaterThan(0);
  });

  it("a file over 16 MiB in the folder, and an assessment whose rubric is: reported as not fully checked, beside the other files' results", async () => {
    const { repo, base } = makeRepository();
    const large = path.join(repo, 'rubrics/large.rubric.yaml');
    fs.writeFileSync(large, '');
    fs.truncateSync(large, 16 * 1024 * 1024 + 1);
    fs.mkdirSync(path.join(repo, 'data'));
    fs.writeFileSync(path.join(repo, 'data/huge.txt'), '');
    fs.truncateSync(path.join(repo, 'data/huge.txt'), 16 * 1024 * 1024 + 1);
    fs.writeFileSync(path.join(repo, 'rubrics/uses-huge.assessment.yaml'), fs.readFileSync(path.join(repo, ADDED), 'utf8').replace(/^rubric: .*$/m, 'rubric: ../data/huge.txt'));
    const run = await runAction(repo, pullRequestEvent(base), { paths: 'rubrics' });
    const sarif = expectOutputsOfAStop(run, repo, /rubrics\/large\.rubric\.yaml was not fully checked\. It was not read: it is larger than the 16 MiB/, /2 files could not be fully checked \(the summary says why\): rubrics\/large\.rubric\.yaml, rubrics\/uses-huge\.assessment\.yaml\./);
    expect(run.summary).toMatch(/rubrics\/uses-huge\.assessment\.yaml was not fully checked\. The rubric that uses-huge\.assessment\.yaml refers to, "\.\.\/data\/huge\.txt", was not read/);
    // The other files' results are all there.
    const cliResults = await validateWithCli(repo);
    expect(new Set(sarif.runs[0]?.results.map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri))).toContain(UNCHANGED_WITH_WARNING);
    expect(Number(run.outputs.files)).toBe(cliResults.length);
  });

  it('a sarif-file in a folder that does not exist is written there, folders created', async () => {
    const { repo, base } = makeRepository();
    const run = await runAction(repo, pullRequestEvent(base), { 'sarif-file': 'reports/code-scanning/rubrics.sarif' });
    expect(run.code).toBe(1);
    expect(run.outputs['sarif-file']).toBe('reports/code-scanning/rubrics.sarif');
    expect(sarifValidator()(JSON.parse(fs.readFileSync(path.join(repo, 'reports/code-scanning/rubrics.sarif'), 'utf8')))).toBe(true);
  });
});

describe('the job summary keeps a bound, the way the comment does', () => {
  it('cuts a summary past 1 MiB at a line, says where the rest is, and leaves a smaller one whole', () => {
    // 12,000 changed files: the review's summary table alone is over 1.5 MB.
    const files = Array.from({ length: 12_000 }, (_, i) => ({ path: `rubrics/teams/team-${String(i).padStart(5, '0')}/quarterly-review-of-the-service.assessment.yaml`, status: 'added' as const, documents: [] }));
    const review: ChangeReview = { schemaVersion: 1, base: { ref: 'main', commit: 'a'.repeat(40) }, head: { ref: 'feature' }, files, impacts: [], headErrors: 0 };
    const summary = renderSummary({ results: [], change: { base: 'a'.repeat(40) }, inScope: [], review, failures: [] });
    expect(Buffer.byteLength(summary)).toBeGreaterThan(1024 * 1024);
    const bounded = jobSummary(summary);
    expect(Buffer.byteLength(bounded)).toBeLessThanOrEqual(MAX_SUMMARY_BYTES);
    expect(MAX_SUMMARY_BYTES).toBeLessThan(1024 * 1024);
    expect(bounded.startsWith(summary.slice(0, summary.lastIndexOf('\n', bounded.length - 300)))).toBe(true);
    expect(bounded).toMatch(/\n\n_The rest is too long for a job summary \(GitHub keeps 1 MiB of one\)[^\n]*_\n$/);
    const small = renderSummary({ results: [], inScope: [], failures: [] });
    expect(jobSummary(small)).toBe(small);
  });
});

describe('max-score-drop holds', () => {
  it.each([
    ['emptied', ''],
    ['left with only document markers', '---\n---\n'],
  ])('an assessment %s fails it, and is reported', async (_what, text) => {
    const { repo, base } = makeRepository();
    fs.writeFileSync(path.join(repo, ASSESSMENT), text);
    git(repo, 'commit', '-q', '-am', 'empty the assessment');
    const run = await runAction(repo, pullRequestEvent(base), { 'fail-on': 'never', 'max-score-drop': '0' });
    expect(run.code).toBe(1);
    expect(run.log).toMatch(new RegExp(`^::error title=rubrics::The overall score of ${ASSESSMENT.replace(/\./g, '\\.')} is gone \\(it was [\\d.]+\\): the assessment became empty`, 'm'));
    expect(run.log).toMatch(new RegExp(`^::error file=${ASSESSMENT.replace(/\./g, '\\.')},line=1,.*title=empty-file::`, 'm'));
  });

  it('a deleted assessment is not a drop (its scores leave with it), and a change that could not be compared fails it', async () => {
    const { repo, base } = makeRepository();
    const deleted = await runAction(repo, pullRequestEvent(base), { 'fail-on': 'never', 'max-score-drop': '100' });
    expect(deleted.code).toBe(0);
    fs.symlinkSync('/etc/passwd', path.join(repo, 'rubrics/kestrel/passwd.assessment.yaml'));
    const refused = await runAction(repo, pullRequestEvent(base), { 'fail-on': 'never', 'max-score-drop': '100' });
    expect(refused.code).toBe(1);
    expect(refused.log).toMatch(/^::error title=rubrics::max-score-drop 100 cannot be checked: 1 changed file could not be compared \(rubrics\/kestrel\/passwd\.assessment\.yaml\)\.$/m);
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
