/**
 * The imports that turn other tools' results into assessments, through the bundled CLI: the SAMM
 * toolbox, DSOMM team progress and OpenSSF Scorecard results. Each writes an assessment that
 * validates against its rubric, or writes nothing and says why.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { rubricYaml } from '../../src/core/interchange/rubricYaml';
import { convertSamm } from '../../src/core/interchange/samm';
import { buildCli, removeTempDirs, runCli, tempDir } from '../cli.helpers';
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
