import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, removeTempDirs, runCli, tempDir } from '../support/cli';

let cli: string;
beforeAll(async () => {
  cli = await buildCli();
});
afterAll(removeTempDirs);

const STARTER_FILES = ['README.md', 'baseline.assessment.yaml', 'roadmap.plan.yaml', 'team-practices.rubric.yaml'];

interface JsonFile {
  path: string;
  errorCount: number;
  warningCount: number;
  diagnostics: { code: string }[];
}

async function validateJson(cwd: string, args: string[]): Promise<JsonFile[]> {
  const run = await runCli(cli, ['validate', '--format', 'json', ...args], { cwd });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as JsonFile[];
}

describe('rubrics init', () => {
  it('creates a starter folder whose files validate without errors or warnings', async () => {
    const dir = tempDir();
    const run = await runCli(cli, ['init'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Created rubrics/ with:');
    expect(fs.readdirSync(path.join(dir, 'rubrics')).sort()).toEqual(STARTER_FILES);
    expect(fs.existsSync(path.join(dir, '.github'))).toBe(false);

    const files = await validateJson(dir, ['rubrics']);
    expect(files.map((f) => f.path)).toEqual(['rubrics/baseline.assessment.yaml', 'rubrics/roadmap.plan.yaml', 'rubrics/team-practices.rubric.yaml']);
    for (const file of files) expect([file.path, file.errorCount, file.warningCount]).toEqual([file.path, 0, 0]);
    // Only the reminder that five attributes are still to assess.
    expect(files.flatMap((f) => f.diagnostics.map((d) => d.code))).toEqual(['dimension-not-assessed']);
  });

  it('writes an assessment against seven-attributes with two attributes answered, and a plan with one initiative', () => {
    const dir = tempDir();
    execFileSync(process.execPath, [cli, 'init', 'starter'], { cwd: dir });
    const assessment = fs.readFileSync(path.join(dir, 'starter/baseline.assessment.yaml'), 'utf8');
    expect(assessment).toMatch(/^rubric: seven-attributes$/m);
    expect(assessment.match(/^ {2}[a-z-]+:$/gm)).toEqual(['  outward-looking-perspective:', '  aggressive-outsourcing:']);
    expect(assessment).toMatch(/^# .*To make it yours:/m);
    const plan = fs.readFileSync(path.join(dir, 'starter/roadmap.plan.yaml'), 'utf8');
    expect(plan).toMatch(/^baseline: \.\/baseline\.assessment\.yaml$/m);
    expect(plan.match(/^ {2}- id: /gm)).toHaveLength(1);
    const readme = fs.readFileSync(path.join(dir, 'starter/README.md'), 'utf8');
    for (const text of ['npm install --save-dev @rubrics-as-code/cli\n', 'npx rubrics validate starter', 'npx rubrics report starter/baseline.assessment.yaml', 'npx rubrics diff main:starter/', '```yaml\nname: rubrics', 'uses: rubrics-as-code/rubrics-as-code@v1']) {
      expect(readme).toContain(text);
    }
  });

  it('can start in the current folder ("rubrics init ."), with commands that fit it', async () => {
    const dir = tempDir();
    const run = await runCli(cli, ['init', '.'], { cwd: dir });
    expect(run.code).toBe(0);
    // The commands work after the README's install (npm install --save-dev, then npx).
    expect(run.stdout).toContain('2. npx rubrics validate .\n');
    expect(run.stdout).toContain('3. npx rubrics report ./baseline.assessment.yaml\n');
    expect(run.stdout).not.toMatch(/^ {2}\d\. rubrics /m);
    expect(fs.readFileSync(path.join(dir, 'README.md'), 'utf8')).toContain('\nnpx rubrics validate .\n');
    expect((await validateJson(dir, [])).every((f) => f.errorCount === 0 && f.warningCount === 0)).toBe(true);
  });

  it('never overwrites: exits 2 naming the files that exist, and writes nothing', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'rubrics'));
    fs.writeFileSync(path.join(dir, 'rubrics/roadmap.plan.yaml'), 'mine\n');
    const run = await runCli(cli, ['init'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Not overwriting rubrics/roadmap.plan.yaml: it exists already.');
    expect(run.stderr).toContain('--force');
    expect(fs.readdirSync(path.join(dir, 'rubrics'))).toEqual(['roadmap.plan.yaml']);
    expect(fs.readFileSync(path.join(dir, 'rubrics/roadmap.plan.yaml'), 'utf8')).toBe('mine\n');

    const forced = await runCli(cli, ['init', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'rubrics/roadmap.plan.yaml'), 'utf8')).toMatch(/^kind: Plan$/m);
    expect(fs.readdirSync(path.join(dir, 'rubrics')).sort()).toEqual(STARTER_FILES);
  });

  it('with --with-ci writes the workflow at the root of the git repository, pointing at the folder', async () => {
    const repo = tempDir();
    execFileSync('git', ['init', '-q'], { cwd: repo });
    fs.mkdirSync(path.join(repo, 'governance'));
    const run = await runCli(cli, ['init', 'it-maturity', '--with-ci'], { cwd: path.join(repo, 'governance') });
    expect(run.code).toBe(0);
    const workflow = fs.readFileSync(path.join(repo, '.github/workflows/rubrics.yml'), 'utf8');
    expect(workflow).toContain("paths: ['governance/it-maturity/**']");
    expect(workflow).toContain('      - uses: rubrics-as-code/rubrics-as-code@v1\n        with:\n          paths: governance/it-maturity\n');
    // The Action brings the tool: nothing to install, no package.json needed.
    expect(workflow).not.toMatch(/npm ci|npm install|npx/);
    // The README shows the same workflow.
    expect(fs.readFileSync(path.join(repo, 'governance/it-maturity/README.md'), 'utf8')).toContain(workflow.trimEnd());
  });

  it('exits 2 when the folder cannot be written, leaving no partial files', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'taken'), 'a file, not a folder\n');
    const run = await runCli(cli, ['init', 'taken/rubrics'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Cannot write taken\/rubrics\/baseline\.assessment\.yaml: /);
    expect(fs.readdirSync(dir)).toEqual(['taken']);
  });
});
