import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComparisonModel, PortfolioModel } from '../../src/core/views';
import { buildCli, gitIn, REPO_ROOT, removeTempDirs, runCli, tempDir } from '../support/cli';
import { OPS_RUBRIC, opsAssessment } from '../support/portfolio';

let cli: string;
beforeAll(async () => {
  cli = await buildCli();
}, 120_000);
afterAll(removeTempDirs);

function workspace(files: Record<string, string>): string {
  const dir = tempDir('rubrics-portfolio-');
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const TEAMS = {
  'ops.rubric.yaml': OPS_RUBRIC,
  'payments-2025.assessment.yaml': opsAssessment('Payments', '2025-03-31', [2, 2, 3], { group: 'Digital' }),
  'payments-2026.assessment.yaml': opsAssessment('Payments', '2026-03-31', [3, 3, 3], { group: 'Digital' }),
  'lending.assessment.yaml': opsAssessment('Lending', '2026-03-31', [2, 3, 2], { group: 'Digital' }),
};

describe('rubrics portfolio', () => {
  it('writes the sample organization\u2019s portfolio in every format', async () => {
    const samples = path.join(REPO_ROOT, 'samples');
    const md = await runCli(cli, ['portfolio', 'tarn-valley'], { cwd: samples });
    expect(md.stderr).toBe('');
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# Tarn Valley Water: portfolio\n\n12 units, 2 rubrics\./);
    const json = await runCli(cli, ['portfolio', 'tarn-valley', '--format', 'json'], { cwd: samples });
    const model = JSON.parse(json.stdout) as PortfolioModel;
    expect(model.tables.map((t) => t.units.length)).toEqual([12, 8]);
    expect(model.tables[0]!.units[0]!.assessment.path).toMatch(/^tarn-valley\/customer-digital\//);
    const csv = await runCli(cli, ['portfolio', 'tarn-valley', '--format', 'csv'], { cwd: samples });
    expect(csv.stdout.split('\r\n')[0]).toMatch(/^rubric,rubric_version,organization,group,unit,/);
    const html = await runCli(cli, ['portfolio', 'tarn-valley', '--format', 'html', '--columns', 'streams'], { cwd: samples });
    expect(html.stdout).toContain('Secure build: Build process');
  });

  it('shows the portfolio as it stood on a day with --as-of, and as a git revision holds it with --ref', async () => {
    const dir = workspace(TEAMS);
    const asOf = JSON.parse((await runCli(cli, ['portfolio', '--as-of', '2025-12-31', '--format', 'json'], { cwd: dir })).stdout) as PortfolioModel;
    expect(asOf.tables[0]!.units.map((u) => [u.label, u.assessment.date])).toEqual([['Payments', '2025-03-31']]);

    gitIn(dir, 'init', '-q');
    gitIn(dir, 'add', '-A');
    gitIn(dir, '-c', 'user.name=T', '-c', 'user.email=t@example.com', 'commit', '-qm', 'teams');
    fs.writeFileSync(path.join(dir, 'lending.assessment.yaml'), opsAssessment('Lending', '2026-03-31', [4, 4, 4], { group: 'Digital' }));
    const head = JSON.parse((await runCli(cli, ['portfolio', '--ref', 'HEAD', '--format', 'json'], { cwd: dir })).stdout) as PortfolioModel;
    const lending = head.tables[0]!.units.find((u) => u.label === 'Lending')!;
    expect(lending.dimensions.map((c) => c.score)).toEqual([2, 3, 2]);
    expect(lending.assessment.path).toBe('HEAD:lending.assessment.yaml');
    expect(head.ref).toBe('HEAD');
    const now = JSON.parse((await runCli(cli, ['portfolio', '--format', 'json'], { cwd: dir })).stdout) as PortfolioModel;
    expect(now.tables[0]!.units.find((u) => u.label === 'Lending')!.dimensions.map((c) => c.score)).toEqual([4, 4, 4]);
  });

  it('refuses a date that is not one, both --as-of and --ref, and a revision that is not there', async () => {
    const dir = workspace(TEAMS);
    expect(await runCli(cli, ['portfolio', '--as-of', '2025-02-30'], { cwd: dir })).toMatchObject({ code: 2, stderr: expect.stringContaining('--as-of must be a date written YYYY-MM-DD') });
    expect(await runCli(cli, ['portfolio', '--as-of', '2025-02-01', '--ref', 'HEAD'], { cwd: dir })).toMatchObject({ code: 2, stderr: expect.stringContaining('Give --as-of or --ref, not both') });
    gitIn(dir, 'init', '-q');
    expect(await runCli(cli, ['portfolio', '--ref', 'no-such-branch'], { cwd: dir })).toMatchObject({ code: 2, stderr: expect.stringContaining('is not a branch, tag or commit') });
  });

  it('still writes the portfolio when a file has errors, names the file and exits 1', async () => {
    const dir = workspace({ ...TEAMS, 'broken.assessment.yaml': opsAssessment('Broken', '2026-03-31', [2, 2, 2]).replace('level: 2, target: 3 }', 'level: 2, target: 3, colour: red }') });
    const run = await runCli(cli, ['portfolio', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('1 file has errors, so scores shown for it may be incomplete: broken.assessment.yaml');
    const model = JSON.parse(run.stdout) as PortfolioModel;
    expect(model.tables[0]!.units.map((u) => u.label)).toEqual(['Lending', 'Payments']);
    expect(model.notices).toEqual([expect.stringContaining('broken.assessment.yaml is left out: it has errors that keep it from being read')]);
  });
});

describe('rubrics compare', () => {
  it('compares units named by their files, and by their names', async () => {
    const dir = workspace(TEAMS);
    const byFile = await runCli(cli, ['compare', 'payments-2026.assessment.yaml', 'lending.assessment.yaml', '--format', 'json'], { cwd: dir });
    expect(byFile.code).toBe(0);
    const model = JSON.parse(byFile.stdout) as ComparisonModel;
    expect(model.comparisons[0]!.units.map((u) => u.label)).toEqual(['Payments', 'Lending']);
    // An older file of a unit is compared as it is.
    const older = JSON.parse((await runCli(cli, ['compare', 'payments-2025.assessment.yaml', 'lending.assessment.yaml', '--format', 'json'], { cwd: dir })).stdout) as ComparisonModel;
    expect(older.comparisons[0]!.units[0]!.assessment.date).toBe('2025-03-31');
    const byName = await runCli(cli, ['compare', 'payments', 'Lending'], { cwd: dir });
    expect(byName.code).toBe(0);
    expect(byName.stdout).toContain('# Payments, Lending compared');
    expect(byName.stdout).toContain('| Release | 🟩 3 / 3 ✓ ★ | 🟨 2 / 3 | Payments | 1 |');
  });

  it('says which unit it cannot find, with the nearest name, and sends two files of one unit to rubrics diff', async () => {
    const dir = workspace(TEAMS);
    expect(await runCli(cli, ['compare', 'Paymnts', 'Lending'], { cwd: dir })).toMatchObject({ code: 2, stderr: expect.stringContaining('No unit is named "Paymnts" among the assessments found. Did you mean "Payments"?') });
    expect(await runCli(cli, ['compare', 'payments-2025.assessment.yaml', 'payments-2026.assessment.yaml'], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('assess the same unit. To see how a unit changed between two assessments, run "rubrics diff payments-2025.assessment.yaml payments-2026.assessment.yaml"'),
    });
  });
});
