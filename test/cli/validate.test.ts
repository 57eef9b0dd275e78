import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../src/core/diagnostics/codes';
import { DIAGNOSTIC_HELP } from '../../src/core/diagnostics/help';
import { Engine } from '../../src/core/engine';
import { LineIndex } from '../../src/core/text/lineIndex';
import { escapeData, escapeProperty } from '../../src/cli/formatters/github';
import { NodeFileHost } from '../../src/node/nodeFileHost';
import { buildCli, FIXTURES, removeTempDirs, REPO_ROOT, runCli, tempDir } from '../support/cli';
import { expectGolden } from '../support/golden';

let cli: string;
beforeAll(async () => {
  cli = await buildCli();
  // git ignores every node_modules folder, so the fixture that validate must skip is made here:
  // a rubric-named file that is not even YAML, which would fail any run that read it.
  const skipped = path.join(FIXTURES, 'project/node_modules/pkg');
  fs.mkdirSync(skipped, { recursive: true });
  fs.writeFileSync(path.join(skipped, 'ignored.rubric.yaml'), 'This: is: not valid YAML and must never be read\n');
});
afterAll(() => {
  removeTempDirs();
  // Leave the fixtures as git has them: other suites list the fixture files.
  fs.rmSync(path.join(FIXTURES, 'project/node_modules'), { recursive: true, force: true });
});

/** The files of the fixture project that validate must pick, relative to FIXTURES. */
const PROJECT_FILES = [
  'project/broken.assessment.yaml',
  'project/docs/declared.yaml',
  'project/good.assessment.yaml',
  'project/roadmap.plan.yaml',
  'project/rubrics/notes.yaml',
  'project/schema.assessment.yaml',
  'project/team.rubric.yaml',
];

interface JsonFile {
  path: string;
  errorCount: number;
  warningCount: number;
  informationCount: number;
  diagnostics: { code: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number; offset: number; endOffset: number }[];
}

describe('rubrics validate: output formats (goldens)', () => {
  it('stylish: file:line:column, severity, message and code, then a summary; exit 1 on errors', async () => {
    const run = await runCli(cli, ['validate', 'project']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toContain('\u001b['); // not a terminal: no colour
    expectGolden('cli/validate.stylish.txt', run.stdout);
    expect(run.stdout).toMatch(/^project\/broken\.assessment\.yaml:15:3 +error +The rubric "service-desk" has no dimension "knowlege"\. Did you mean "knowledge"\? +unknown-dimension$/m);
    expect(run.stdout.trimEnd().split('\n').pop()).toBe('✖ 4 errors, 2 warnings and 1 note in 3 of 7 files checked.');
  });

  it('json: one entry per file with 1-based positions and offsets', async () => {
    const run = await runCli(cli, ['validate', 'project', '--format', 'json']);
    expect(run.code).toBe(1);
    expectGolden('cli/validate.json', run.stdout);
    const files = JSON.parse(run.stdout) as JsonFile[];
    expect(files.map((f) => f.path)).toEqual(PROJECT_FILES);
    const colour = files.find((f) => f.path === 'project/schema.assessment.yaml')!.diagnostics[0]!;
    // `  knowledge: { notes: "Café ☕ 🚀 review", colour: blue }`: the rocket counts two UTF-16 units.
    expect(colour).toMatchObject({ code: 'schema-unknown-key', line: 10, column: 43, endLine: 10, endColumn: 49 });
  });

  it('sarif: SARIF 2.1.0 with rules from the diagnostic codes and 1-based UTF-16 regions', async () => {
    const run = await runCli(cli, ['validate', 'project', '--format', 'sarif']);
    expect(run.code).toBe(1);
    const sarif = JSON.parse(run.stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    expect(sarif.runs).toHaveLength(1);
    const [sarifRun] = sarif.runs;
    expect(sarifRun.columnKind).toBe('utf16CodeUnits');
    expect(sarifRun.originalUriBaseIds['%SRCROOT%'].uri).toBe(pathToFileURL(FIXTURES).toString() + '/');

    const rules = sarifRun.tool.driver.rules as { id: string; shortDescription: { text: string }; fullDescription: { text: string }; helpUri: string; defaultConfiguration: { level: string } }[];
    // A rule for each code the results use, in the registry's order.
    const used = new Set(sarifRun.results.map((r: { ruleId: string }) => r.ruleId));
    expect(rules.map((r) => r.id)).toEqual(Object.keys(DIAGNOSTIC_CODES).filter((code) => used.has(code)));
    for (const rule of rules) {
      const info = DIAGNOSTIC_CODES[rule.id as keyof typeof DIAGNOSTIC_CODES];
      expect(rule.shortDescription.text).toBe(info.summary);
      expect(rule.fullDescription.text).toBe(`${info.summary} ${DIAGNOSTIC_HELP[rule.id as keyof typeof DIAGNOSTIC_CODES]}`);
      expect(rule.helpUri).toBe(`https://github.com/rubrics-as-code/rubrics-as-code/blob/main/README.md#${rule.id}`);
      expect(rule.defaultConfiguration.level).toBe({ error: 'error', warning: 'warning', information: 'note' }[info.severity]);
    }
    expect(sarifRun.artifacts.map((a: { location: { uri: string } }) => a.location.uri)).toEqual(PROJECT_FILES);
    for (const result of sarifRun.results) {
      expect(rules[result.ruleIndex]!.id).toBe(result.ruleId);
      expect(['error', 'warning', 'note']).toContain(result.level);
      expect(typeof result.message.text).toBe('string');
      const location = result.locations[0].physicalLocation;
      expect(location.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(PROJECT_FILES).toContain(location.artifactLocation.uri);
      expect(sarifRun.artifacts[location.artifactLocation.index].location.uri).toBe(location.artifactLocation.uri);
      const region = location.region;
      for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) expect(region[key]).toBeGreaterThanOrEqual(1);
      expect(region.endLine > region.startLine || region.endColumn >= region.startColumn).toBe(true);
    }
    // The rest is compared with the golden, minus what changes with the machine or the release.
    sarifRun.originalUriBaseIds['%SRCROOT%'].uri = 'file:///FIXTURES/';
    sarifRun.tool.driver.version = sarifRun.tool.driver.semanticVersion = 'VERSION';
    sarifRun.tool.driver.rules = 'one per diagnostic code the results use, checked above';
    expectGolden('cli/validate.sarif.json', `${JSON.stringify(sarif, null, 2)}\n`);
  });

  it('github: workflow commands with escaped properties and messages', async () => {
    const run = await runCli(cli, ['validate', 'project', '--format', 'github']);
    expect(run.code).toBe(1);
    expectGolden('cli/validate.github.txt', run.stdout);
    expect(run.stdout).toContain(
      '::error file=project/broken.assessment.yaml,line=15,col=3,endLine=15,endColumn=11,title=unknown-dimension::The rubric "service-desk" has no dimension "knowlege". Did you mean "knowledge"?',
    );
    expect(run.stdout).toMatch(/^::warning file=project\/broken\.assessment\.yaml,line=14,col=18,.*title=evidence-missing::.* Add evidence: write/m);
    // Notes are off by default as annotations, and on when asked for.
    expect(run.stdout).not.toMatch(/^::notice /m);
    const withNotes = await runCli(cli, ['validate', 'project', '--format', 'github', '--min-severity', 'note']);
    expect(withNotes.stdout).toMatch(/^::notice file=project\/broken\.assessment\.yaml,line=9,col=1,/m);
  });

  it('github and sarif: paths are relative to GITHUB_WORKSPACE when set, so a subfolder run annotates the right files', async () => {
    const env = { GITHUB_WORKSPACE: REPO_ROOT };
    const github = await runCli(cli, ['validate', 'project/broken.assessment.yaml', '--format', 'github', '--min-severity', 'note'], { env });
    expect(github.stdout).toMatch(/^::notice file=test\/fixtures\/cli\/project\/broken\.assessment\.yaml,line=9,/);
    const sarif = JSON.parse((await runCli(cli, ['validate', 'project/broken.assessment.yaml', '--format', 'sarif'], { env })).stdout);
    expect(sarif.runs[0].originalUriBaseIds['%SRCROOT%'].uri).toBe(`${pathToFileURL(REPO_ROOT).toString()}/`);
    expect(sarif.runs[0].artifacts[0].location.uri).toBe('test/fixtures/cli/project/broken.assessment.yaml');
    // Stylish and JSON stay relative to the working directory.
    const json = JSON.parse((await runCli(cli, ['validate', 'project/broken.assessment.yaml', '--format', 'json'], { env })).stdout);
    expect(json[0].path).toBe('project/broken.assessment.yaml');
  });

  it('github: escapes a file name with a comma, a colon and a percent sign', async () => {
    const dir = tempDir();
    const rubric = fs.readFileSync(path.join(FIXTURES, 'project/team.rubric.yaml'), 'utf8');
    fs.writeFileSync(path.join(dir, 'q1,50%:x.rubric.yaml'), rubric.replace('version: 1.2.0', 'version: one'));
    const run = await runCli(cli, ['validate', '--format', 'github'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[0]).toMatch(/^::error file=q1%2C50%25%3Ax\.rubric\.yaml,line=6,col=10,endLine=6,endColumn=13,title=schema-pattern::/);
  });

  it('escapes GitHub command data and properties as the Actions toolkit does', () => {
    expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b');
    expect(escapeProperty('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext%3A a%2C b');
  });
});

describe('rubrics validate: exit codes', () => {
  it('exits 0 on clean files, and information-level notes do not fail', async () => {
    const run = await runCli(cli, ['validate', 'project/good.assessment.yaml', 'project/team.rubric.yaml']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('✔ 2 files checked: no errors or warnings.\n');
    const notes = await runCli(cli, ['validate', 'project/rubrics/notes.yaml', '--format', 'json']);
    expect(notes.code).toBe(1);
  });

  it('exits 0 with warnings, 1 with --strict, and honours --max-warnings', async () => {
    const plain = await runCli(cli, ['validate', 'warnings']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('⚠ 1 warning in 1 of 1 file checked.');
    const strict = await runCli(cli, ['validate', 'warnings', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('1 warning with --strict');
    expect((await runCli(cli, ['validate', 'warnings', '--max-warnings', '1'])).code).toBe(0);
    const over = await runCli(cli, ['validate', 'warnings', '--max-warnings', '0']);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('more than --max-warnings 0 allows');
  });

  it('exits 2 with a message that says what to do on usage errors', async () => {
    const unknown = await runCli(cli, ['validate', '--frmat', 'json']);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toContain('Unknown option --frmat for "rubrics validate". Did you mean --format?');
    const format = await runCli(cli, ['validate', '--format', 'jsno']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format must be one of stylish, json, sarif, github, junit, not "jsno". Did you mean "json"?');
    const maxWarnings = await runCli(cli, ['validate', '--max-warnings', 'many']);
    expect(maxWarnings.code).toBe(2);
    const missing = await runCli(cli, ['validate', 'nowhere/x.assessment.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Cannot find "nowhere\/x\.assessment\.yaml".*Check the path/);
    const noMatch = await runCli(cli, ['validate', 'project/**/*.nothing.yaml']);
    expect(noMatch.code).toBe(2);
    expect(noMatch.stderr).toContain('No files match "project/**/*.nothing.yaml"');
    const command = await runCli(cli, ['valdate']);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('Did you mean "validate"?');
  });

  it('exits 2 when a folder holds no rubric files, rather than passing silently', async () => {
    const run = await runCli(cli, ['validate', 'project/docs/other.yaml', 'project/node_modules'], {});
    // other.yaml is named, so it is checked (and fails); the node_modules folder alone holds nothing of ours.
    expect(run.code).toBe(1);
    const empty = await runCli(cli, ['validate'], { cwd: tempDir() });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('Found no rubric files in the current folder');
  });

  it('exits 2 when a file cannot be read', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'locked.assessment.yaml');
    fs.writeFileSync(file, 'apiVersion: rubrics-as-code/v1\n');
    fs.chmodSync(file, 0o000);
    const run = await runCli(cli, ['validate', 'locked.assessment.yaml'], { cwd: dir, unprivileged: true });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('locked.assessment.yaml  not fully checked  It was not read: permission denied');
  });
});

describe('rubrics validate: which files', () => {
  const checked = async (args: string[]) => {
    const run = await runCli(cli, ['validate', '--format', 'json', ...args]);
    expect(run.code, run.stderr).toBeLessThan(2);
    return (JSON.parse(run.stdout) as JsonFile[]).map((f) => f.path);
  };

  it('with no argument checks the current folder, skipping node_modules and YAML that is not ours', async () => {
    const files = await checked([]);
    expect(files.filter((f) => f.startsWith('project/'))).toEqual(PROJECT_FILES);
    expect(files).not.toContain('project/docs/other.yaml');
    expect(files.some((f) => f.includes('node_modules'))).toBe(false);
  });

  it('expands globs itself, filtering them like folders', async () => {
    expect(await checked(['project/**/*.assessment.yaml'])).toEqual(['project/broken.assessment.yaml', 'project/good.assessment.yaml', 'project/schema.assessment.yaml']);
    expect(await checked(['project/**/*.yaml'])).toEqual(PROJECT_FILES);
    expect(await checked(['project/*.{plan,rubric}.yaml'])).toEqual(['project/roadmap.plan.yaml', 'project/team.rubric.yaml']);
    expect(await checked(['project/[gr]*.yaml'])).toEqual(['project/good.assessment.yaml', 'project/roadmap.plan.yaml']);
  });

  it('always checks files named explicitly, once each', async () => {
    expect(await checked(['project/docs/other.yaml', './project/docs/other.yaml', 'project/good.assessment.yaml'])).toEqual(['project/docs/other.yaml', 'project/good.assessment.yaml']);
  });
});

describe('rubrics validate: the CLI and the core agree', () => {
  it('prints exactly the diagnostics Engine.analyze gives for the same files', async () => {
    const run = await runCli(cli, ['validate', 'project', 'warnings', '--format', 'json']);
    const files = JSON.parse(run.stdout) as JsonFile[];
    expect(files.length).toBe(PROJECT_FILES.length + 1);
    const engine = new Engine(new NodeFileHost());
    for (const file of files) {
      const absolute = path.join(FIXTURES, file.path);
      const text = fs.readFileSync(absolute, 'utf8');
      const analysis = await engine.analyze(pathToFileURL(absolute).toString(), text);
      const lines = new LineIndex(text);
      const expected = analysis.diagnostics.map((d) => {
        const start = lines.lineColumnAt(d.range.start);
        const end = lines.lineColumnAt(d.range.end);
        return { code: d.code, severity: d.severity, message: d.message, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, offset: d.range.start, endOffset: d.range.end };
      });
      expect(file.diagnostics, file.path).toEqual(expected);
      expect(file.errorCount).toBe(analysis.diagnostics.filter((d) => d.severity === 'error').length);
    }
  });
});

describe('rubrics validate: colour', () => {
  it('colours only when asked (FORCE_COLOR) and never with NO_COLOR', async () => {
    const forced = await runCli(cli, ['validate', 'project'], { env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\u001b[31merror  \u001b[39m');
    const off = await runCli(cli, ['validate', 'project'], { env: { NO_COLOR: '1' } });
    expect(off.stdout).not.toContain('\u001b[');
    const json = await runCli(cli, ['validate', 'project', '--format', 'json'], { env: { FORCE_COLOR: '1' } });
    expect(() => JSON.parse(json.stdout)).not.toThrow();
  });
});
