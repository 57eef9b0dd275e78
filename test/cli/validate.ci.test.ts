import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sarifSchema from '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json';
import { buildCli, FIXTURES, gitIn as git, removeTempDirs, runCli, tempDir } from '../support/cli';

// What CI needs from `rubrics validate`, as ESLint and Spectral users expect it: severity floors,
// several outputs in one run, JUnit, SARIF that the official 2.1.0 schema accepts (also when no
// file matches), an ignore file, --no-color, and reports limited to the files a change touches.

let cli: string;
beforeAll(async () => {
  cli = await buildCli();
});
afterAll(removeTempDirs);

/** The official SARIF 2.1.0 schema (draft-04, as published), checked with the project's Ajv. */
function sarifValidator() {
  const schema: Record<string, unknown> = { ...(sarifSchema as Record<string, unknown>) };
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  return new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false }).compile(schema);
}

function project(): string {
  const dir = tempDir();
  fs.cpSync(path.join(FIXTURES, 'project'), dir, { recursive: true });
  return dir;
}

describe('rubrics validate in CI', () => {
  it('writes SARIF that the official 2.1.0 schema accepts, with help for each rule it uses', async () => {
    const run = await runCli(cli, ['validate', '.', '--format', 'sarif'], { cwd: project() });
    expect(run.code).toBe(1);
    const sarif = JSON.parse(run.stdout);
    const validate = sarifValidator();
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    const rule = sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'unknown-dimension');
    expect(rule.help.text).toMatch(/dimension id of the rubric/);
    expect(rule.helpUri).toMatch(/README\.md#unknown-dimension$/);
    // The schema is strict enough to catch a broken log.
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
  });

  it('when no file matches, still writes valid SARIF, JSON and JUnit that say why (and exits 2 saying so)', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'README.md'), 'nothing here\n');
    const run = await runCli(cli, ['validate', '-f', 'sarif', '-o', 'out.sarif', '-f', 'json', '-o', 'out.json', '-f', 'junit', '-o', 'out.xml'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Found no rubric files');
    const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'out.sarif'), 'utf8'));
    expect(sarifValidator()(sarif)).toBe(true);
    expect(sarif.runs[0].results).toEqual([]);
    expect(sarif.runs[0].invocations[0].executionSuccessful).toBe(false);
    expect(sarif.runs[0].invocations[0].toolExecutionNotifications[0].message.text).toMatch(/^Found no rubric files in the current folder\./);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'out.json'), 'utf8'))).toEqual([]);
    const junit = fs.readFileSync(path.join(dir, 'out.xml'), 'utf8');
    expect(junit).toContain('<testsuite name="rubrics validate" tests="1" failures="0" errors="1"');
    expect(junit).toContain('<testcase classname="rubrics" name="rubrics validate">\n      <error type="not-run" message="Found no rubric files in the current folder.');
    // To stdout as well, for `--format sarif > rubrics.sarif`.
    const piped = await runCli(cli, ['validate', '--format', 'sarif'], { cwd: dir });
    expect(sarifValidator()(JSON.parse(piped.stdout))).toBe(true);
  });

  it('writes several formats in one run, each to its own --output, and the one without to stdout', async () => {
    const dir = project();
    const run = await runCli(cli, ['validate', '.', '-f', 'stylish', '-f', 'json', '-o', 'r.json', '--format', 'junit', '--output', 'r.xml'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✖ \d+ errors?/);
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'r.json'), 'utf8')) as { path: string }[];
    expect(json.map((f) => f.path)).toContain('broken.assessment.yaml');
    const junit = fs.readFileSync(path.join(dir, 'r.xml'), 'utf8');
    expect(junit).toMatch(/<testcase classname="broken\.assessment\.yaml" name="broken\.assessment\.yaml">\n\s+<failure type="[a-z-]+" message="1 error, 2 warnings">broken\.assessment\.yaml:11:5 warning /);
    expect(junit).toContain('<testcase classname="good.assessment.yaml" name="good.assessment.yaml">\n    </testcase>');
    // Two formats cannot share stdout; an --output needs its format first.
    const twoOnStdout = await runCli(cli, ['validate', '.', '-f', 'json', '-f', 'sarif'], { cwd: dir });
    expect(twoOnStdout.code).toBe(2);
    expect(twoOnStdout.stderr).toContain('Only one format can go to the standard output');
    const outputFirst = await runCli(cli, ['validate', '.', '-o', 'x.sarif', '-f', 'sarif'], { cwd: dir });
    expect(outputFirst.code).toBe(2);
    expect(outputFirst.stderr).toContain('comes before any --format');
  });

  it('--quiet and --min-severity leave out what is below the floor, and github leaves out notes unless asked', async () => {
    const dir = project();
    const all = JSON.parse((await runCli(cli, ['validate', '.', '-f', 'json'], { cwd: dir })).stdout) as { diagnostics: { severity: string }[] }[];
    const severities = new Set(all.flatMap((f) => f.diagnostics.map((d) => d.severity)));
    expect(severities).toEqual(new Set(['error', 'warning', 'information']));
    const quiet = JSON.parse((await runCli(cli, ['validate', '.', '-f', 'json', '--quiet'], { cwd: dir })).stdout) as typeof all;
    expect(new Set(quiet.flatMap((f) => f.diagnostics.map((d) => d.severity)))).toEqual(new Set(['error']));
    const warnings = JSON.parse((await runCli(cli, ['validate', '.', '-f', 'json', '--min-severity', 'warning'], { cwd: dir })).stdout) as typeof all;
    expect(new Set(warnings.flatMap((f) => f.diagnostics.map((d) => d.severity)))).toEqual(new Set(['error', 'warning']));
    const github = await runCli(cli, ['validate', '.', '-f', 'github'], { cwd: dir });
    expect(github.stdout).not.toMatch(/^::notice /m);
    expect(github.stdout).toMatch(/^::warning /m);
    expect((await runCli(cli, ['validate', '.', '-f', 'github', '--min-severity', 'note'], { cwd: dir })).stdout).toMatch(/^::notice /m);
    const bad = await runCli(cli, ['validate', '.', '--min-severity', 'notes'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Did you mean "note"?');
  });

  it('--no-color turns colour off even where it was forced on', async () => {
    const dir = project();
    const forced = await runCli(cli, ['validate', '.'], { cwd: dir, env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\u001b[');
    const plain = await runCli(cli, ['validate', '.', '--no-color'], { cwd: dir, env: { FORCE_COLOR: '1' } });
    expect(plain.stdout).not.toContain('\u001b[');
  });

  it('leaves out what .rubricsignore names in folders and globs, and still checks a file named on the command line', async () => {
    const dir = tempDir();
    fs.cpSync(path.join(FIXTURES, 'project'), path.join(dir, 'rubrics'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'rubrics/mkdocs.yml'), 'site_name: Governance\nnav: [index.md]\n');
    const before = await runCli(cli, ['validate'], { cwd: dir });
    expect(before.stdout).toContain('rubrics/mkdocs.yml');
    fs.writeFileSync(path.join(dir, '.rubricsignore'), '# Not rubric files\nrubrics/mkdocs.yml\nrubrics/broken.*\n!rubrics/broken.assessment.yaml\n');
    const after = await runCli(cli, ['validate', '-f', 'json'], { cwd: dir });
    const paths = (JSON.parse(after.stdout) as { path: string }[]).map((f) => f.path);
    expect(paths).not.toContain('rubrics/mkdocs.yml');
    expect(paths).toContain('rubrics/broken.assessment.yaml'); // re-included by the negation
    expect(paths).toContain('rubrics/good.assessment.yaml');
    // From a subfolder, the nearest .rubricsignore above applies, relative to its own folder.
    const sub = JSON.parse((await runCli(cli, ['validate', '-f', 'json'], { cwd: path.join(dir, 'rubrics') })).stdout) as { path: string }[];
    expect(sub.map((f) => f.path)).not.toContain('mkdocs.yml');
    // Named explicitly, it is checked.
    const named = await runCli(cli, ['validate', 'rubrics/mkdocs.yml', '-f', 'json'], { cwd: dir });
    expect((JSON.parse(named.stdout) as { path: string }[]).map((f) => f.path)).toEqual(['rubrics/mkdocs.yml']);
  });

  it('refuses a .rubricsignore that is a symbolic link or not a regular file, saying what to do, and reads nothing through it', async () => {
    const dir = tempDir();
    fs.cpSync(path.join(FIXTURES, 'project'), path.join(dir, 'rubrics'), { recursive: true });
    const secret = path.join(tempDir('rubrics-outside-'), 'token.txt');
    fs.writeFileSync(secret, 'x-access-token:s3cr3t\n');
    fs.symlinkSync(secret, path.join(dir, '.rubricsignore'));
    const linked = await runCli(cli, ['validate', '-f', 'json'], { cwd: dir });
    expect(linked.code).toBe(2);
    expect(linked.stderr).toContain('.rubricsignore: it is a symbolic link');
    expect(linked.stderr).toContain('Replace it with a regular file');
    expect(linked.stdout + linked.stderr).not.toContain('s3cr3t');
    fs.rmSync(path.join(dir, '.rubricsignore'));
    // A FIFO would block a plain read forever.
    if (process.platform !== 'win32') {
      execFileSync('mkfifo', [path.join(dir, '.rubricsignore')]);
      const fifo = await runCli(cli, ['validate', '-f', 'json'], { cwd: dir });
      expect(fifo.code).toBe(2);
      expect(fifo.stderr).toContain('FIFO');
      fs.rmSync(path.join(dir, '.rubricsignore'));
    }
    // A regular file is read as before.
    fs.writeFileSync(path.join(dir, '.rubricsignore'), 'rubrics/broken.*\n');
    const plain = await runCli(cli, ['validate', '-f', 'json'], { cwd: dir });
    expect((JSON.parse(plain.stdout) as { path: string }[]).map((f) => f.path)).not.toContain('rubrics/broken.assessment.yaml');
  });

  it('--base reports only the files the change touches, and still fails on, and names, errors elsewhere', async () => {
    const repo = tempDir('rubrics-ci-repo-');
    git(repo, 'init', '-q');
    fs.cpSync(path.join(FIXTURES, 'project'), path.join(repo, 'rubrics'), { recursive: true });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'base');
    git(repo, 'checkout', '-q', '-b', 'feature');
    const good = path.join(repo, 'rubrics/good.assessment.yaml');
    fs.writeFileSync(good, fs.readFileSync(good, 'utf8').replace(/\n$/, '\n# touched\n'));
    const run = await runCli(cli, ['validate', '-f', 'json', '--base', 'main'], { cwd: repo });
    expect((JSON.parse(run.stdout) as { path: string }[]).map((f) => f.path)).toEqual(['rubrics/good.assessment.yaml']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/errors in \d+ files? the change does not touch \(not listed above\): .*rubrics\/broken\.assessment\.yaml/);
  });
});
