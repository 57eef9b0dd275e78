/**
 * A hostile pull request, run through the CLI and through the Action with a runner's environment
 * against a stand-in for GitHub's API (issue 17). The pull request commits links to .git/config
 * (where actions/checkout keeps the token), to a file and a folder outside the workspace, to
 * /proc/self/environ and /etc/passwd, a linked `paths` folder and a linked `sarif-file`; file
 * names, titles and ids carry control characters and workflow-command text; the API answers with
 * a workflow command in html_url, and another user's comment carries the bot's marker. Each test
 * asserts what must never happen: no byte of an outside file or of the token in any output or
 * request body, no write outside the workspace, no foreign comment updated, no `::` line that is
 * not one of the tool's own commands, and outputs that stay well-formed (SARIF 2.1.0, XML).
 */
import fs from 'node:fs';
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMENT_MARKER } from '../../src/action/comment';
import { DIAGNOSTIC_CODES } from '../../src/core/diagnostics/codes';
import { UNSAFE_BUT_SPACING } from '../../src/core/text/controls';
import { buildCli, gitIn as git, removeTempDirs, REPO_ROOT, runCli, tempDir } from '../support/cli';
import { buildActionBundle, fakeGitHub, pullRequestEvent, runAction, sarifValidator, type ActionRun, type FakeGitHub } from '../support/actionHarness';

const onLinux = process.platform === 'linux';

/** What actions/checkout keeps in .git/config: the base64 of `x-access-token:<token>`. */
const TOKEN = 'ghs_CORPUS0TOKEN0NEVER0SHOWN';
const CONFIG_SECRET = Buffer.from(`x-access-token:${TOKEN}`).toString('base64');
/** The workflow's token, which the runner passes the Action as INPUT_TOKEN (so /proc/self/environ holds it). */
const INPUT_TOKEN = 'ghs_test-token';
const OUTSIDE_TITLE = 'OUTSIDE-SECRET-TITLE';
const OUTSIDE_TEXT = 'OUTSIDE-SECRET-TEXT';
/** Bytes that must never appear in anything the tool prints, writes or sends. */
const NEVER = [TOKEN, CONFIG_SECRET, CONFIG_SECRET.slice(0, 16), 'extraheader', INPUT_TOKEN, 'INPUT_TOKEN', OUTSIDE_TITLE, OUTSIDE_TEXT, 'root:x:0:0'];

/** A file name with a terminal escape, a newline that would start a workflow command, and a percent escape. */
const HOSTILE_NAME = 'rubrics/\u001b[31mred\n::error::NAME-INJECTED %0A::warning::PCT-INJECTED \u202eexe.assessment.yaml';
const HOSTILE_ASSESSMENT = [
  'apiVersion: rubrics-as-code/v1',
  'kind: Assessment',
  'id: hostile',
  `title: ${JSON.stringify('::error::TITLE-INJECTED \u001b]0;owned\u0007 ##[group]x @octocat')}`,
  'rubric: seven-attributes',
  `subject: { organization: ${JSON.stringify('Acme\u202eevil\n::error::SUBJECT-INJECTED')} }`,
  'date: 2026-03-31',
  'dimensions:',
  `  ${JSON.stringify('\n::error::ID-INJECTED ##[command]x')}:`,
  '    level: 2',
  '',
].join('\n');

let cli: string;
let bundle: string;
beforeAll(async () => {
  [cli, bundle] = await Promise.all([buildCli(), buildActionBundle()]);
});
afterAll(removeTempDirs);

interface Corpus {
  readonly repo: string;
  readonly base: string;
  readonly outside: string;
  /** The outside folder as it was: file name → text. */
  readonly outsideBefore: Record<string, string>;
}

/**
 * main: the Kestrel samples under rubrics/kestrel. The pull request adds the hostile links and
 * names, and a change that moves a score; the checkout's .git/config holds the token.
 */
function hostileCheckout(): Corpus {
  const repo = tempDir('rubrics-corpus-repo-');
  const outside = tempDir('rubrics-corpus-outside-');
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'config', 'http.https://github.com/.extraheader', `AUTHORIZATION: basic ${CONFIG_SECRET}`);
  fs.cpSync(path.join(REPO_ROOT, 'samples/kestrel'), path.join(repo, 'rubrics/kestrel'), { recursive: true });
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'base');
  const base = git(repo, 'rev-parse', 'HEAD').trim();
  git(repo, 'checkout', '-q', '-b', 'feature');

  const rubric = fs.readFileSync(path.join(REPO_ROOT, 'samples/kestrel/claims-platform.rubric.yaml'), 'utf8');
  fs.writeFileSync(path.join(outside, 'secret.rubric.yaml'), rubric.replace(/^title: .*$/m, `title: ${OUTSIDE_TITLE}`));
  fs.writeFileSync(path.join(outside, 'notes.yaml'), `text: ${OUTSIDE_TEXT}\n`);
  fs.writeFileSync(path.join(outside, 'victim.sarif'), 'the runner file a link points at\n');
  const link = (target: string, at: string) => fs.symlinkSync(target, path.join(repo, at));
  link('../.git/config', 'rubrics/x.rubric.yaml');
  link(path.join(outside, 'secret.rubric.yaml'), 'rubrics/secret.rubric.yaml');
  link('/proc/self/environ', 'rubrics/environ.assessment.yaml');
  link('/etc/passwd', 'rubrics/passwd.yaml');
  link(outside, 'linked-rubrics');
  link(path.join(outside, 'victim.sarif'), 'rubrics.sarif');
  fs.writeFileSync(path.join(repo, HOSTILE_NAME), HOSTILE_ASSESSMENT);
  // A reference out of the workspace too, and a change that moves a score.
  fs.writeFileSync(path.join(repo, 'rubrics/uses-outside.assessment.yaml'), fs.readFileSync(path.join(repo, 'rubrics/kestrel/2026-03.claims-platform.assessment.yaml'), 'utf8').replace(/^rubric: .*$/m, `rubric: ${path.join(outside, 'secret.rubric.yaml')}`));
  const nexgen = path.join(repo, 'rubrics/kestrel/2026-03.nexgen-digital-services.assessment.yaml');
  fs.writeFileSync(nexgen, fs.readFileSync(nexgen, 'utf8').replace('vs-financial-returns: some', 'vs-financial-returns: all'));
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'hostile');
  return { repo, base, outside, outsideBefore: snapshot(outside) };
}

function snapshot(folder: string): Record<string, string> {
  return Object.fromEntries(fs.readdirSync(folder).sort().map((name) => [name, fs.readFileSync(path.join(folder, name), 'utf8')]));
}

/** No byte of a secret in a text. */
function expectNoSecret(text: string, where: string): void {
  for (const secret of NEVER) expect(text.includes(secret), `${where} holds ${JSON.stringify(secret)}`).toBe(false);
}

/** Any unsafe character left in an output (a copy without the global flag, which `test` would make stateful). */
const UNSAFE = new RegExp(UNSAFE_BUT_SPACING.source);
const CODES = new Set<string>([...Object.keys(DIAGNOSTIC_CODES), 'rubrics', 'not fully checked']);
/** The tool's own workflow commands: an annotation or a message of its own, with a title it gives. */
const OWN_COMMAND = /^::(error|warning|notice) (?:file=[^,:\n]*(?:,line=\d+,col=\d+,endLine=\d+,endColumn=\d+)?,)?title=([a-z][a-z -]*)::/;

/** Every line that a runner would obey is one of the tool's own, and no log command forms anywhere. */
function expectOnlyOwnCommands(log: string): void {
  for (const line of log.split(/\r?\n|\r/)) {
    if (!/^\s*::/.test(line)) continue;
    const own = OWN_COMMAND.exec(line);
    expect(own, `an unexpected command: ${JSON.stringify(line)}`).not.toBeNull();
    expect(CODES.has(own?.[2] ?? ''), line).toBe(true);
  }
  expect(log).not.toMatch(/##(\[|vso\[|teamcity\[)/i);
  expect(log).not.toMatch(UNSAFE);
}

/** Parses XML strictly (saxes checks XML 1.0's characters), failing on the first error. */
function parseXml(xml: string): { testcases: string[] } {
  const parser = new SaxesParser();
  const testcases: string[] = [];
  let failure: Error | undefined;
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('opentag', (tag) => {
    if (tag.name === 'testcase') testcases.push(String(tag.attributes.name));
  });
  parser.write(xml).close();
  if (failure) throw failure;
  return { testcases };
}

describe.runIf(onLinux)('a hostile pull request, through the CLI', () => {
  let corpus: Corpus;
  beforeAll(() => {
    corpus = hostileCheckout();
  });

  it('validate, in every format: reads nothing outside, quotes no secret, obeys no command, stays well-formed', async () => {
    const { repo } = corpus;
    const outputs: Record<string, string> = {};
    for (const format of ['stylish', 'github', 'json', 'sarif', 'junit']) {
      const run = await runCli(cli, ['validate', '.', 'linked-rubrics', '--format', format], { cwd: repo, env: { GITHUB_WORKSPACE: repo } });
      expect(run.code, `${format}: ${run.stderr}`).toBe(1);
      expectNoSecret(run.stdout + run.stderr, format);
      expectOnlyOwnCommands(run.stdout + run.stderr);
      outputs[format] = run.stdout;
    }
    // Every link out is named in its place, and nothing of it is shown.
    const results = JSON.parse(outputs.json as string) as { path: string; diagnostics: { code: string; message: string }[] }[];
    const refused = results.filter((r) => r.diagnostics.some((d) => d.code === 'file-outside-workspace')).map((r) => r.path);
    expect(refused).toEqual(['linked-rubrics', 'rubrics/environ.assessment.yaml', 'rubrics/passwd.yaml', 'rubrics/secret.rubric.yaml', 'rubrics/x.rubric.yaml']);
    expect(results.find((r) => r.path === 'rubrics/uses-outside.assessment.yaml')?.diagnostics.map((d) => d.code)).toEqual(['reference-outside-workspace']);
    // The hostile name is checked, shown escaped.
    expect(results.some((r) => r.path === HOSTILE_NAME)).toBe(true);
    expect(outputs.stylish).toContain('rubrics/\\u001b[31mred\\n::error::NAME-INJECTED');
    const validate = sarifValidator();
    expect(validate(JSON.parse(outputs.sarif as string)), JSON.stringify(validate.errors)).toBe(true);
    // JUnit stays well-formed XML with the hostile name in it, parsed strictly.
    const junit = parseXml(outputs.junit as string);
    expect(junit.testcases).toContain('rubrics/\\u001b[31mred\\n::error::NAME-INJECTED %0A::warning::PCT-INJECTED \\u202eexe.assessment.yaml');
    expect(fs.readdirSync(repo)).not.toContain('victim.sarif');
    expect(snapshot(corpus.outside)).toEqual(corpus.outsideBefore);
  });

  it('diff --base: the review reads no link out, escapes the names and titles in its Markdown', async () => {
    const { repo, base } = corpus;
    for (const format of ['md', 'json']) {
      const run = await runCli(cli, ['diff', '--base', base, '--head', 'HEAD', '--format', format], { cwd: repo });
      expectNoSecret(run.stdout + run.stderr, `diff ${format}`);
      expectOnlyOwnCommands(run.stdout + run.stderr);
      expect(run.stderr).toContain('rubrics/x.rubric.yaml was not fully checked. rubrics/x.rubric.yaml leads through a link into .git');
    }
  });

  it('writes no report through a committed link, and nothing outside the checkout', async () => {
    const { repo } = corpus;
    const run = await runCli(cli, ['validate', 'rubrics/kestrel', '--format', 'sarif', '--output', 'rubrics.sarif'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('rubrics: Cannot write rubrics.sarif: it is a symbolic link inside');
    expect(snapshot(corpus.outside)).toEqual(corpus.outsideBefore);
  });
});

describe.runIf(onLinux)('a hostile pull request, through the Action with a runner\'s environment', () => {
  const MALLORY = `${COMMENT_MARKER}\nAll scores are fine: merge it.`;
  let corpus: Corpus;
  let github: FakeGitHub;
  let run: ActionRun;
  let sarifRun: ActionRun;

  beforeAll(async () => {
    corpus = hostileCheckout();
    // The API answers with a workflow command in html_url; another user's comment carries the bot's marker.
    github = await fakeGitHub({ comments: [{ body: MALLORY, login: 'mallory' }], htmlUrl: (id) => `https://github.example/c/${id}\n::error::API-INJECTED\u001b[2J` });
    const env = { GITHUB_API_URL: github.url };
    const inputs = { paths: '. linked-rubrics', comment: 'true', 'max-score-drop': '0' };
    run = await runAction(bundle, corpus.repo, pullRequestEvent(corpus.base), inputs, env);
    sarifRun = await runAction(bundle, corpus.repo, pullRequestEvent(corpus.base), { ...inputs, 'sarif-file': 'out/rubrics.sarif' }, env);
  }, 120_000);
  afterAll(async () => {
    await github?.close();
  });

  it('prints, writes and sends no byte of the token or of a file outside the workspace', () => {
    for (const [name, done] of [['the linked sarif-file run', run], ['the run', sarifRun]] as const) {
      expectNoSecret(done.log, `${name}: log`);
      expectNoSecret(done.summary, `${name}: summary`);
      expectNoSecret(JSON.stringify(done.outputs), `${name}: outputs`);
    }
    expectNoSecret(fs.readFileSync(path.join(corpus.repo, 'out/rubrics.sarif'), 'utf8'), 'SARIF');
    for (const request of github.requests) expectNoSecret(`${request.url}\n${request.raw}`, `${request.method} ${request.url}`);
    expect(github.requests.some((r) => r.method === 'POST')).toBe(true);
  });

  it('writes nothing outside the workspace: not through the linked sarif-file, and only its own files on the runner', () => {
    expect(snapshot(corpus.outside)).toEqual(corpus.outsideBefore);
    expect(fs.lstatSync(path.join(corpus.repo, 'rubrics.sarif')).isSymbolicLink()).toBe(true);
    expect(fs.readdirSync(run.runner).sort()).toEqual(['event.json', 'output.txt', 'summary.md']);
    // The refusal is said, the step exits 2, and every output is still there.
    expect(run.code).toBe(2);
    expect(run.log).toMatch(/^::error title=rubrics::Cannot write rubrics\.sarif: it is a symbolic link inside .*, which a checkout could have committed/m);
    expect(run.outputs['sarif-file']).toBe('');
    expect(Object.keys(run.outputs)).toHaveLength(7);
    expect(run.summary).toContain('**The check could not run fully** (it exits 2)');
  });

  it('obeys no command from the files, their names or the API, and updates no one else\'s comment', () => {
    for (const done of [run, sarifRun]) expectOnlyOwnCommands(done.log);
    expect(run.log).toContain('Pull-request comment created: https://github.example/c/');
    expect(run.log).toContain('\\n::error::API-INJECTED\\u001b[2J');
    expect(github.comments.find((c) => c.login === 'mallory')?.body).toBe(MALLORY);
    expect(github.requests.filter((r) => r.method === 'PATCH').map((r) => r.url)).toEqual([`/repos/acme/governance/issues/comments/${github.comments.find((c) => c.login !== 'mallory')?.id}`]);
  });

  it('annotates the refused links, escapes the hostile names, and writes a SARIF file the schema accepts', () => {
    expect(sarifRun.code).toBe(1);
    for (const refused of ['rubrics/x.rubric.yaml', 'rubrics/secret.rubric.yaml', 'rubrics/environ.assessment.yaml', 'rubrics/passwd.yaml', 'linked-rubrics']) {
      expect(sarifRun.log).toMatch(new RegExp(`^::error file=${refused.replace(/\./g, '\\.')},line=1,col=1,endLine=1,endColumn=1,title=file-outside-workspace::`, 'm'));
    }
    const sarif = JSON.parse(fs.readFileSync(path.join(corpus.repo, 'out/rubrics.sarif'), 'utf8'));
    const validate = sarifValidator();
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    // The summary's Markdown shows the hostile texts as text: no control character, no mention, no command.
    expect(sarifRun.summary).not.toMatch(UNSAFE);
    expect(sarifRun.summary).not.toMatch(/(^|[^\u200d])@octocat/);
  });
});
