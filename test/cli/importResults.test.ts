/**
 * The imports that turn other tools' results into assessments, through the bundled CLI: the SAMM
 * toolbox, DSOMM team progress and OpenSSF Scorecard results. Each writes an assessment that
 * validates against its rubric, or writes nothing and says why.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { convertDsomm } from '../../src/core/interchange/dsomm';
import { rubricYaml } from '../../src/core/interchange/rubricYaml';
import { convertSamm } from '../../src/core/interchange/samm';
import { buildCli, removeTempDirs, runCli, tempDir } from '../support/cli';
import { dsommShapedModel } from '../support/dsommShapedModel';
import { sammShapedModel } from '../support/sammShapedModel';
import { interviewRows, toolboxWorkbook } from '../support/sammToolboxWorkbook';

let cli: string;
beforeAll(async () => {
  cli = await buildCli();
});
afterAll(removeTempDirs);

describe('rubrics import samm-toolbox', () => {
  const { files, questions } = sammShapedModel();

  function repository(): string {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'rubrics'));
    fs.writeFileSync(path.join(dir, 'rubrics', 'samm.rubric.yaml'), rubricYaml(convertSamm(files, { release: { version: '2.2.0', how: 'test' } }), 'rubrics import samm'));
    return dir;
  }

  it('writes an assessment that validates, naming the rubric from where it stands', async () => {
    const dir = repository();
    const answers = new Map(questions.map((q, i) => [q.sammId, i % 7 === 0 ? undefined : i % 4] as const));
    fs.writeFileSync(path.join(dir, 'toolbox.xlsx'), await toolboxWorkbook(questions, { release: '2.0.10', organization: 'Fictional Org', team: 'Payments', date: new Date(Date.UTC(2026, 2, 31)), answers }));
    const run = await runCli(cli, ['import', 'samm-toolbox', 'toolbox.xlsx', '--rubric', 'rubrics/samm.rubric.yaml', '--out', 'assessments/payments.assessment.yaml'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('toolbox.xlsx: note: 13 questions have no answer and are left unanswered');
    const text = fs.readFileSync(path.join(dir, 'assessments/payments.assessment.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# OWASP SAMM assessment, converted by "rubrics import samm-toolbox" from toolbox.xlsx (SAMM toolbox release 2.0.10; 77 answers).');
    expect(YAML.parse(text)).toMatchObject({ id: 'samm-payments-2026-03-31', rubric: '../rubrics/samm.rubric.yaml', subject: { organization: 'Fictional Org', unit: 'Payments' }, date: '2026-03-31' });
    // Blank answers are notes (criterion-not-answered), not warnings or errors.
    const check = await runCli(cli, ['validate', 'assessments/payments.assessment.yaml', '--max-warnings', '0'], { cwd: dir });
    expect(check.code).toBe(0);
    expect(check.stdout.trim().split('\n').filter((l) => l.includes('assessment.yaml:')).every((l) => / note .*criterion-not-answered$/.test(l))).toBe(true);
  });

  it('writes nothing when an answer is not in its drop-down', async () => {
    const dir = repository();
    const first = questions[0]!;
    fs.writeFileSync(path.join(dir, 'toolbox.xlsx'), await toolboxWorkbook(questions, { release: '2.0.10', answers: new Map(), typed: new Map([[first.sammId, 'Sometimes']]) }));
    const run = await runCli(cli, ['import', 'samm-toolbox', 'toolbox.xlsx', '--rubric', 'rubrics/samm.rubric.yaml', '--out', 'a.assessment.yaml'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`toolbox.xlsx: Interview!F${interviewRows(questions).get(first.sammId)}: "Sometimes" is not one of the answers of the drop-down of ${first.sammId}-1`);
    expect(run.stderr).toContain('Nothing was written: 1 problem in toolbox.xlsx.');
    expect(fs.existsSync(path.join(dir, 'a.assessment.yaml'))).toBe(false);
  });
});

describe('rubrics import dsomm-progress', () => {
  const { documents, activities } = dsommShapedModel();

  it('writes one assessment per team, all of them or none', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'dsomm.rubric.yaml'), rubricYaml(convertDsomm(documents, 'model.yaml'), 'rubrics import dsomm'));
    const [a, b] = activities;
    fs.writeFileSync(path.join(dir, 'team-progress.yaml'), `progress:\n  ${a!.uuid}:  # ${a!.name}\n    'Team Red':\n      'Fully implemented': 2026-02-01\n    'Team Blue':\n      'Started': 2026-01-05\n  ${b!.uuid}:\n    'Team Red':\n      'Partly implemented': 2026-02-03\n`);
    const run = await runCli(cli, ['import', 'dsomm-progress', 'team-progress.yaml', '--rubric', 'dsomm.rubric.yaml', '--out-dir', 'teams', '--organization', 'Example Corp'], { cwd: dir });
    expect(run.stderr).toContain('Wrote 2 assessments: teams/dsomm-team-blue.assessment.yaml, teams/dsomm-team-red.assessment.yaml.');
    expect(run.code).toBe(0);
    const red = YAML.parse(fs.readFileSync(path.join(dir, 'teams/dsomm-team-red.assessment.yaml'), 'utf8'));
    expect(red).toMatchObject({ id: 'dsomm-team-red', rubric: '../dsomm.rubric.yaml', subject: { organization: 'Example Corp', unit: 'Team Red' }, date: '2026-02-03' });
    expect((await runCli(cli, ['validate', 'teams', '--max-warnings', '0'], { cwd: dir })).code).toBe(0);

    fs.writeFileSync(path.join(dir, 'bad-progress.yaml'), `progress:\n  ${a!.uuid}:\n    'Team Green':\n      'Halfway': 2026-02-01\n`);
    const bad = await runCli(cli, ['import', 'dsomm-progress', 'bad-progress.yaml', '--rubric', 'dsomm.rubric.yaml', '--out-dir', 'other'], { cwd: dir });
    expect([bad.code, bad.stderr]).toEqual([1, expect.stringContaining('the stage "Halfway" is none of')]);
    expect(fs.existsSync(path.join(dir, 'other'))).toBe(false);
  });
});

describe('rubrics import scorecard', () => {
  const result = (repo: string, scores: Record<string, number>, aggregate: number) => ({
    date: '2026-03-02T10:30:43Z',
    repo: { name: repo, commit: 'abc' },
    scorecard: { version: 'v5.1.1', commit: 'x' },
    score: aggregate,
    checks: Object.entries(scores).map(([name, score]) => ({ details: null, score, reason: `${name} reason`, name, documentation: { url: `https://github.com/ossf/scorecard/blob/main/docs/checks.md#${name.toLowerCase()}`, short: `${name}.` } })),
    metadata: [],
  });

  it('writes the rubric and one assessment per repository, which validate and score Scorecard\'s aggregate', async () => {
    const dir = tempDir();
    const lines = [result('github.com/example/one', { 'Code-Review': 8, 'Dangerous-Workflow': 10, License: -1 }, 9.1), result('github.com/example/two', { 'Code-Review': 2, 'Dangerous-Workflow': 0, License: 10 }, 2)];
    fs.writeFileSync(path.join(dir, 'results.json'), lines.map((l) => JSON.stringify(l)).join('\n'));
    const run = await runCli(cli, ['import', 'scorecard', 'results.json', '--out-dir', 'scorecard'], { cwd: dir });
    expect([run.code, run.stderr]).toEqual([0, 'Wrote scorecard/openssf-scorecard.rubric.yaml, scorecard/scorecard-example-one-2026-03-02.assessment.yaml, scorecard/scorecard-example-two-2026-03-02.assessment.yaml.\n']);
    const report = await runCli(cli, ['report', 'scorecard/scorecard-example-one-2026-03-02.assessment.yaml', '--format', 'json'], { cwd: dir });
    // (7.5 × 8 + 10 × 10) / (7.5 + 10); License could not be concluded.
    expect(JSON.parse(report.stdout).assessment.overall.score).toBeCloseTo((7.5 * 8 + 10 * 10) / 17.5, 9);
    // Again against the rubric written the first time.
    const again = await runCli(cli, ['import', 'scorecard', 'results.json', '--out-dir', 'later', '--rubric', 'scorecard/openssf-scorecard.rubric.yaml'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(YAML.parse(fs.readFileSync(path.join(dir, 'later/scorecard-example-two-2026-03-02.assessment.yaml'), 'utf8')).rubric).toBe('../scorecard/openssf-scorecard.rubric.yaml');
    const broken = await runCli(cli, ['import', 'scorecard', 'scorecard/openssf-scorecard.rubric.yaml', '--out-dir', 'x'], { cwd: dir });
    expect([broken.code, broken.stderr]).toEqual([2, expect.stringContaining('not JSON')]);
  });
});
