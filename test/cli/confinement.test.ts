/**
 * The CLI keeps references inside the git repository of the file it checks (or, for a file in no
 * repository, inside the folder it runs in), and --allow-outside widens that. Run as a user
 * would: the built CLI, in throw-away folders and repositories.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, FIXTURES, gitIn, removeTempDirs, runCli, tempDir } from '../support/cli';

const RUBRIC = fs.readFileSync(path.join(FIXTURES, 'project/team.rubric.yaml'), 'utf8');
const SECRET = RUBRIC.replace(/^title: .*$/m, 'title: TOP SECRET, never to be printed');
const GOOD = fs.readFileSync(path.join(FIXTURES, 'project/good.assessment.yaml'), 'utf8');
const onPosix = process.platform !== 'win32';

let cli: string;
beforeAll(async () => {
  cli = await buildCli();
});
afterAll(removeTempDirs);

const withRubric = (reference: string) => GOOD.replace('rubric: ./team.rubric.yaml', `rubric: ${JSON.stringify(reference)}`);
const run = (args: string[], cwd: string) => runCli(cli, args, { cwd, timeout: 20_000 });

/** A repository with rubrics/ (the assessment) and shared/ (a rubric), and, beside it, a folder it must not read. */
function layout(reference: string): { root: string; repo: string; outside: string } {
  const root = tempDir('rubrics-confine-');
  const repo = path.join(root, 'repo');
  const outside = path.join(root, 'outside');
  fs.mkdirSync(path.join(repo, 'rubrics'), { recursive: true });
  fs.mkdirSync(path.join(repo, 'shared'));
  fs.mkdirSync(outside);
  gitIn(repo, 'init', '-q');
  fs.writeFileSync(path.join(repo, 'shared/team.rubric.yaml'), RUBRIC);
  fs.writeFileSync(path.join(outside, 'team.rubric.yaml'), SECRET);
  fs.writeFileSync(path.join(repo, 'rubrics/desk.assessment.yaml'), withRubric(reference));
  return { root, repo, outside };
}

describe('rubrics validate keeps references inside the repository', () => {
  it('reads a rubric elsewhere in the repository, also when run from a subfolder', async () => {
    const { repo } = layout('../shared/team.rubric.yaml');
    expect((await run(['validate', 'rubrics/desk.assessment.yaml'], repo)).code).toBe(0);
    expect((await run(['validate', 'desk.assessment.yaml'], path.join(repo, 'rubrics'))).code).toBe(0);
  });

  it.each([
    ['`..` out of the repository', '../../outside/team.rubric.yaml'],
    ['an absolute path', '<outside>/team.rubric.yaml'],
    ['/etc/passwd', '/etc/passwd'],
    ['a network path with slashes', '//server/share/team.rubric.yaml'],
    ['a network path with backslashes', '\\\\server\\share\\team.rubric.yaml'],
  ])('refuses %s: an error with its own code, saying how to allow it, and nothing of the file printed', async (_what, written) => {
    const probe = layout('x');
    const reference = written.replace('<outside>', probe.outside);
    fs.writeFileSync(path.join(probe.repo, 'rubrics/desk.assessment.yaml'), withRubric(reference));
    const result = await run(['validate', 'rubrics/desk.assessment.yaml', '--format', 'json'], probe.repo);
    expect(result.code).toBe(1);
    const [file] = JSON.parse(result.stdout) as { diagnostics: { code: string; message: string }[]; incomplete?: string[] }[];
    expect(file?.diagnostics.map((d) => d.code)).toEqual(['reference-outside-workspace']);
    expect(file?.diagnostics[0]?.message).toContain(`points outside the repository (${fs.realpathSync(probe.repo)})`);
    expect(file?.diagnostics[0]?.message).toContain('name its folder with --allow-outside <folder>');
    expect(file?.incomplete).toBeUndefined();
    expect(result.stdout + result.stderr).not.toContain('TOP SECRET');
  });

  it.runIf(onPosix)('refuses a link inside the repository that leads out of it, and follows one that stays in', async () => {
    const { repo, outside } = layout('./linked.rubric.yaml');
    fs.symlinkSync(path.join(outside, 'team.rubric.yaml'), path.join(repo, 'rubrics/linked.rubric.yaml'));
    const out = await run(['validate', 'rubrics/desk.assessment.yaml'], repo);
    expect(out.code).toBe(1);
    expect(out.stdout).toContain('"./linked.rubric.yaml" leads through a link to a file outside the repository');
    expect(out.stdout).not.toContain('TOP SECRET');
    fs.rmSync(path.join(repo, 'rubrics/linked.rubric.yaml'));
    fs.symlinkSync('../shared/team.rubric.yaml', path.join(repo, 'rubrics/linked.rubric.yaml'));
    expect((await run(['validate', 'rubrics/desk.assessment.yaml'], repo)).code).toBe(0);
  });

  it.runIf(onPosix)('refuses a folder link that leads out, whatever lies behind it', async () => {
    const { repo, outside } = layout('../elsewhere/team.rubric.yaml');
    fs.symlinkSync(outside, path.join(repo, 'elsewhere'));
    const out = await run(['validate', 'rubrics/desk.assessment.yaml'], repo);
    expect(out.code).toBe(1);
    expect(out.stdout).toContain('leads through a link to a file outside the repository');
  });

  it('--allow-outside lets references read a folder outside (repeatable), and only that one', async () => {
    const { repo, outside, root } = layout('../../outside/team.rubric.yaml');
    const allowed = await run(['validate', 'rubrics/desk.assessment.yaml', '--allow-outside', outside], repo);
    expect(allowed.code).toBe(0);
    const relative = await run(['validate', 'rubrics/desk.assessment.yaml', '--allow-outside', '../outside'], repo);
    expect(relative.code).toBe(0);
    fs.mkdirSync(path.join(root, 'other'));
    const other = await run(['validate', 'rubrics/desk.assessment.yaml', '--allow-outside', path.join(root, 'other')], repo);
    expect(other.code).toBe(1);
    const both = await run(['validate', 'rubrics/desk.assessment.yaml', '--allow-outside', path.join(root, 'other'), '--allow-outside', outside], repo);
    expect(both.code).toBe(0);
  });

  it('says what is wrong with an --allow-outside that is no folder (exit 2)', async () => {
    const { repo } = layout('../shared/team.rubric.yaml');
    const result = await run(['validate', '--allow-outside', 'nowhere'], repo);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--allow-outside "nowhere" is not a folder');
  });

  it('outside any repository, keeps references inside the folder it runs in', async () => {
    const root = tempDir('rubrics-confine-norepo-');
    fs.mkdirSync(path.join(root, 'here'));
    fs.writeFileSync(path.join(root, 'team.rubric.yaml'), SECRET);
    fs.writeFileSync(path.join(root, 'here/team.rubric.yaml'), RUBRIC);
    fs.writeFileSync(path.join(root, 'here/up.assessment.yaml'), withRubric('../team.rubric.yaml'));
    fs.writeFileSync(path.join(root, 'here/next.assessment.yaml'), withRubric('./team.rubric.yaml'));
    const up = await run(['validate', 'up.assessment.yaml'], path.join(root, 'here'));
    expect(up.code).toBe(1);
    expect(up.stdout).toContain('points outside the folder the command runs in');
    expect(up.stdout).not.toContain('TOP SECRET');
    expect((await run(['validate', 'next.assessment.yaml'], path.join(root, 'here'))).code).toBe(0);
  });
});

describe.runIf(onPosix)('rubrics validate keeps the files it checks inside the repository too', () => {
  const TOKEN = 'eC1hY2Nlc3MtdG9rZW46Z2hzX1NFQ1JFVF9UT0tFTg==';
  /** The repository of `layout`, with the token a CI checkout keeps in .git/config. */
  function checkout(): { root: string; repo: string; outside: string } {
    const dirs = layout('../shared/team.rubric.yaml');
    gitIn(dirs.repo, 'config', 'http.https://github.com/.extraheader', `AUTHORIZATION: basic ${TOKEN}`);
    return dirs;
  }

  it('refuses a checked file that is a link into .git, naming the link and quoting nothing of it', async () => {
    const { repo } = checkout();
    fs.symlinkSync('../.git/config', path.join(repo, 'rubrics/x.rubric.yaml'));
    for (const args of [['rubrics'], ['rubrics/x.rubric.yaml'], ['rubrics/*.yaml']]) {
      const result = await run(['validate', '--format', 'github', ...args], repo);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stdout + result.stderr).not.toContain(TOKEN);
      expect(result.stdout + result.stderr).not.toContain('extraheader');
      expect(result.stdout).toMatch(/^::error file=rubrics\/x\.rubric\.yaml,line=1,col=1,endLine=1,endColumn=1,title=file-outside-workspace::rubrics\/x\.rubric\.yaml leads through a link into \.git, version control's own folder, so it was not read or checked/m);
    }
  });

  it('refuses links to files outside, a linked folder and a path outside, and reads none of them', async () => {
    const { repo, outside } = checkout();
    fs.symlinkSync(path.join(outside, 'team.rubric.yaml'), path.join(repo, 'rubrics/team.rubric.yaml'));
    fs.symlinkSync('/etc/passwd', path.join(repo, 'rubrics/passwd.assessment.yaml'));
    fs.symlinkSync(outside, path.join(repo, 'linked'));
    const result = await run(['validate', '--format', 'json', '.', 'linked', 'linked/*.yaml'], repo);
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).not.toContain('TOP SECRET');
    expect(result.stdout + result.stderr).not.toContain('root:');
    const files = JSON.parse(result.stdout) as { path: string; diagnostics: { code: string; message: string }[] }[];
    const refused = files.filter((f) => f.diagnostics.some((d) => d.code === 'file-outside-workspace'));
    expect(refused.map((f) => f.path)).toEqual(['linked', 'rubrics/passwd.assessment.yaml', 'rubrics/team.rubric.yaml']);
    expect(refused[0]?.diagnostics[0]?.message).toMatch(/^linked leads through a link to a folder outside the repository \(.*\), so it was not read or checked/);
    // The assessment beside them is checked as before.
    expect(files.find((f) => f.path === 'rubrics/desk.assessment.yaml')?.diagnostics).toEqual([]);
  });

  it('follows a link that stays inside, and --allow-outside lets a link to that folder be read', async () => {
    const { repo, outside } = checkout();
    fs.symlinkSync('../shared/team.rubric.yaml', path.join(repo, 'rubrics/inside.rubric.yaml'));
    fs.symlinkSync(path.join(outside, 'team.rubric.yaml'), path.join(repo, 'rubrics/team.rubric.yaml'));
    const inside = await run(['validate', 'rubrics/inside.rubric.yaml'], repo);
    expect(inside.code).toBe(0);
    const allowed = await run(['validate', 'rubrics', '--allow-outside', outside], repo);
    expect(allowed.code).toBe(0);
  });

  it('uses and history leave a refused file out with a note', async () => {
    const { repo, outside } = checkout();
    fs.symlinkSync(path.join(outside, 'team.rubric.yaml'), path.join(repo, 'rubrics/team.rubric.yaml'));
    const uses = await run(['uses', 'shared/team.rubric.yaml', 'rubrics'], repo);
    expect(uses.code).toBe(0);
    expect(uses.stderr).toContain('rubrics: rubrics/team.rubric.yaml leads through a link to a file outside the repository');
    expect(uses.stdout + uses.stderr).not.toContain('TOP SECRET');
  });
});

describe('rubrics report and diff keep references inside too', () => {
  it('report: the secret title of a rubric outside is not printed, and the reference is an error', async () => {
    const { repo, outside } = layout('../../outside/team.rubric.yaml');
    const report = await run(['report', 'rubrics/desk.assessment.yaml', '--format', 'html'], repo);
    expect(report.code).toBe(1);
    expect(report.stdout + report.stderr).not.toContain('TOP SECRET');
    expect(report.stderr).toContain('reference-outside-workspace');
    const allowed = await run(['report', 'rubrics/desk.assessment.yaml', '--allow-outside', outside], repo);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain('TOP SECRET');
  });

  it('diff: both versions, from disk and from git, are held to the repository', async () => {
    const { repo } = layout('../../outside/team.rubric.yaml');
    gitIn(repo, 'add', '-A');
    gitIn(repo, 'commit', '-q', '-m', 'outside');
    const diff = await run(['diff', 'HEAD:rubrics/desk.assessment.yaml', 'rubrics/desk.assessment.yaml', '--format', 'json'], repo);
    expect(diff.code).toBe(1);
    expect(diff.stdout + diff.stderr).not.toContain('TOP SECRET');
    expect(diff.stderr).toContain('reference-outside-workspace');
  });
});

describe('rubrics diff --base (the whole change) keeps references inside too', () => {
  it('scores neither side with a rubric outside the repository', async () => {
    const { repo, outside } = layout('../shared/team.rubric.yaml');
    gitIn(repo, 'add', '-A');
    gitIn(repo, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'base');
    gitIn(repo, 'branch', 'base');
    fs.writeFileSync(path.join(repo, 'rubrics/desk.assessment.yaml'), withRubric(path.join(outside, 'team.rubric.yaml')));
    const diff = await run(['diff', '--base', 'base', '--format', 'json'], repo);
    expect(diff.stdout + diff.stderr).not.toContain('TOP SECRET');
    expect(diff.stderr).toContain('reference-outside-workspace');
    const allowed = await run(['diff', '--base', 'base', '--format', 'json', '--allow-outside', outside], repo);
    expect(allowed.stderr).not.toContain('reference-outside-workspace');
  });
});
