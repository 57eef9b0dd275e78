/**
 * `rubrics export` and `rubrics import answers` through the bundled CLI: the round trip leaves the
 * file byte for byte as it was, a sheet with a problem changes nothing (unless --partial), a
 * refused file changes nothing, and the spreadsheet code is a bundle of its own that only these
 * commands load.
 */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { COLUMNS } from '../../src/core/interchange/sheets/answerSheet';
import { buildCli, gitIn, removeTempDirs, runCli, tempDir } from '../support/cli';

const SAMPLES = path.join(__dirname, '../../samples/kestrel');
const ASSESSMENT = '2026-03.seven-attributes.assessment.yaml';
/** The sample whose answers are its three assessors' (responses), all but one criterion. */
const DIGITAL = '2026-06.digital-channels.assessment.yaml';
const column = (key: string) => COLUMNS.findIndex((c) => c.key === key) + 1;

/** A repository holding a copy of the samples. */
function sampleRepository(): string {
  const dir = tempDir();
  for (const name of fs.readdirSync(SAMPLES)) fs.copyFileSync(path.join(SAMPLES, name), path.join(dir, name));
  gitIn(dir, 'init', '-q');
  gitIn(dir, 'add', '.');
  gitIn(dir, 'commit', '-qm', 'The samples');
  return dir;
}

/** The row of a criterion in an exported Answers sheet. */
function rowOf(ws: ExcelJS.Worksheet, criterion: string): number {
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getCell(r, column('criterion')).value === criterion) return r;
  throw new Error(`no row for ${criterion}`);
}

async function editSheet(file: string, edit: (ws: ExcelJS.Worksheet) => void): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  edit(book.getWorksheet('Answers')!);
  await book.xlsx.writeFile(file);
}

describe('rubrics export and rubrics import answers', () => {
  let cli: string;
  beforeAll(async () => {
    cli = await buildCli();
  });
  afterAll(removeTempDirs);

  it('export then import changes nothing; one edited cell changes one line', async () => {
    const dir = sampleRepository();
    const before = fs.readFileSync(path.join(dir, ASSESSMENT), 'utf8');
    const exported = await runCli(cli, ['export', ASSESSMENT, '--out', 'answers.xlsx'], { cwd: dir });
    expect(exported).toEqual({ code: 0, stdout: '', stderr: `Wrote 54 criteria of ${ASSESSMENT} to answers.xlsx. After editing, run: rubrics import answers answers.xlsx --into ${ASSESSMENT}\n` });
    const same = await runCli(cli, ['import', 'answers', 'answers.xlsx', '--into', ASSESSMENT], { cwd: dir });
    expect(same).toEqual({ code: 0, stdout: '', stderr: `0 of 54 criteria have changes; nothing to write (${ASSESSMENT}).\n` });
    expect(fs.readFileSync(path.join(dir, ASSESSMENT), 'utf8')).toBe(before);

    await editSheet(path.join(dir, 'answers.xlsx'), (ws) => {
      ws.getCell(2, column('answer')).value = 'no';
    });
    const dry = await runCli(cli, ['import', 'answers', 'answers.xlsx', '--into', ASSESSMENT, '--dry-run'], { cwd: dir });
    expect(dry).toEqual({ code: 0, stdout: 'outward-looking-perspective › olp-context-and-beneficiary: answer\n', stderr: expect.stringContaining('--dry-run: nothing was written') });
    expect(fs.readFileSync(path.join(dir, ASSESSMENT), 'utf8')).toBe(before);
    const applied = await runCli(cli, ['import', 'answers', 'answers.xlsx', '--into', ASSESSMENT], { cwd: dir });
    expect(applied).toEqual({ code: 0, stdout: '', stderr: `1 of 54 criteria has changes; wrote ${ASSESSMENT}.\n` });
    expect(gitIn(dir, 'diff', '--no-color', '-U0', '--', ASSESSMENT).split('\n').filter((l) => /^[-+] /.test(l))).toEqual(['-      olp-context-and-beneficiary: yes', '+      olp-context-and-beneficiary: no']);
    expect((await runCli(cli, ['validate', ASSESSMENT], { cwd: dir })).code).toBe(0);
  });

  it('CSV with a BOM and semicolons, as Excel in much of Europe reads it, round-trips too', async () => {
    const dir = sampleRepository();
    const name = '2026-03.nexgen-digital-services.assessment.yaml';
    const before = fs.readFileSync(path.join(dir, name), 'utf8');
    expect((await runCli(cli, ['export', name, '--out', 'answers.csv', '--bom', '--delimiter', ';'], { cwd: dir })).code).toBe(0);
    const csv = fs.readFileSync(path.join(dir, 'answers.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8').split('\r\n')[0]).toBe(`\ufeff${COLUMNS.map((c) => `"${c.label}"`).join(';')}`);
    expect((await runCli(cli, ['import', 'answers', 'answers.csv', '--into', name], { cwd: dir })).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, name), 'utf8')).toBe(before);
  });

  it('a sheet with problems changes nothing, unless --partial; the problems name their cells', async () => {
    const dir = sampleRepository();
    const before = fs.readFileSync(path.join(dir, ASSESSMENT), 'utf8');
    await runCli(cli, ['export', ASSESSMENT, '--out', 'answers.xlsx'], { cwd: dir });
    await editSheet(path.join(dir, 'answers.xlsx'), (ws) => {
      ws.getCell(2, column('answer')).value = 'no';
      ws.getCell(3, column('answer')).value = 'perhaps';
    });
    const refused = await runCli(cli, ['import', 'answers', 'answers.xlsx', '--into', ASSESSMENT], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`answers.xlsx: Answers!H3: "perhaps" is not an answer of the scale yes-no: choose one of "yes", "no".\nNothing was changed: 1 problem in answers.xlsx. Fix it and import again, or pass --partial to apply the rows without problems.\n`);
    expect(fs.readFileSync(path.join(dir, ASSESSMENT), 'utf8')).toBe(before);
    const partial = await runCli(cli, ['import', 'answers', 'answers.xlsx', '--into', ASSESSMENT, '--partial'], { cwd: dir });
    expect(partial.code).toBe(1);
    expect(partial.stderr).toContain(`1 of 54 criteria has changes; wrote ${ASSESSMENT} without the rows with 1 problem.`);
    expect(fs.readFileSync(path.join(dir, ASSESSMENT), 'utf8')).toBe(before.replace('olp-context-and-beneficiary: yes', 'olp-context-and-beneficiary: no'));
  });

  it('--assessor: an assessor\'s answers out and back; one edited cell changes one line of their response', async () => {
    const dir = sampleRepository();
    const before = fs.readFileSync(path.join(dir, DIGITAL), 'utf8');
    const exported = await runCli(cli, ['export', DIGITAL, '--assessor', 'priya', '--out', 'priya.xlsx'], { cwd: dir });
    expect(exported).toEqual({ code: 0, stdout: '', stderr: `Wrote 49 criteria of ${DIGITAL} (the answers of Priya Raman) to priya.xlsx. After editing, run: rubrics import answers priya.xlsx --into ${DIGITAL} --assessor priya\n` });
    const same = await runCli(cli, ['import', 'answers', 'priya.xlsx', '--into', DIGITAL, '--assessor', 'priya'], { cwd: dir });
    expect(same).toEqual({ code: 0, stdout: '', stderr: `0 of 49 criteria have changes; nothing to write (${DIGITAL} (the answers of Priya Raman)).\n` });
    expect(fs.readFileSync(path.join(dir, DIGITAL), 'utf8')).toBe(before);
    // Priya's first answer (cs-accountable-owner: all) becomes "some".
    await editSheet(path.join(dir, 'priya.xlsx'), (ws) => {
      const row = rowOf(ws, 'cs-accountable-owner');
      expect(ws.getCell(row, column('answer')).value).toBe('all');
      ws.getCell(row, column('answer')).value = 'some';
    });
    // Into the agreed answers, the sheet is refused: it would copy Priya's answers over them.
    const wrong = await runCli(cli, ['import', 'answers', 'priya.xlsx', '--into', DIGITAL], { cwd: dir });
    expect([wrong.code, wrong.stderr]).toEqual([1, expect.stringContaining('This sheet holds the answers of the assessor "priya", not its agreed answers; import it with --assessor priya')]);
    const applied = await runCli(cli, ['import', 'answers', 'priya.xlsx', '--into', DIGITAL, '--assessor', 'priya'], { cwd: dir });
    expect(applied).toEqual({ code: 0, stdout: '', stderr: `1 of 49 criteria has changes; wrote ${DIGITAL} (the answers of Priya Raman).\n` });
    const diff = gitIn(dir, 'diff', '--no-color', '-U3', '--', DIGITAL);
    expect(diff.split('\n').filter((l) => /^[-+] /.test(l))).toEqual(['-          cs-accountable-owner: all', '+          cs-accountable-owner: some']);
    // The line is Priya's: her answer changed, the others' are as they were.
    const after = YAML.parse(fs.readFileSync(path.join(dir, DIGITAL), 'utf8')) as { responses: Record<string, { dimensions: Record<string, { answers: Record<string, unknown> }> }> };
    expect(['amara', 'priya', 'grace'].map((a) => after.responses[a]!.dimensions.cybersecurity!.answers['cs-accountable-owner'])).toEqual(['all', 'some', 'all']);
    expect((await runCli(cli, ['validate', DIGITAL], { cwd: dir })).code).not.toBe(2);
  });

  it('--assessor names an assessor the assessment has, with the closest id when it looks like a typo (exit 2)', async () => {
    const dir = sampleRepository();
    const typo = await runCli(cli, ['export', DIGITAL, '--assessor', 'pirya', '--out', 'x.xlsx'], { cwd: dir });
    expect(typo).toEqual({ code: 2, stdout: '', stderr: expect.stringContaining(`${DIGITAL}: The assessment has no assessor "pirya". Did you mean "priya"? Its assessors: amara, priya, grace. To add a new assessor, give their name with --assessor-name "Full Name".`) });
    expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
    const none = await runCli(cli, ['export', ASSESSMENT, '--assessor', 'priya', '--out', 'x.xlsx'], { cwd: dir });
    expect([none.code, none.stderr]).toEqual([2, expect.stringContaining('The assessment has no assessor "priya": it has no responses (answers per assessor) yet.')]);
  });

  it('a new assessor: a blank sheet for them, and the import adds their response with the name and date the format requires', async () => {
    const dir = sampleRepository();
    const before = fs.readFileSync(path.join(dir, DIGITAL), 'utf8');
    const exported = await runCli(cli, ['export', DIGITAL, '--assessor', 'lena', '--assessor-name', 'Lena Berg', '--out', 'lena.xlsx'], { cwd: dir });
    expect(exported.stderr).toContain(`After editing, run: rubrics import answers lena.xlsx --into ${DIGITAL} --assessor lena --assessor-name 'Lena Berg'`);
    await editSheet(path.join(dir, 'lena.xlsx'), (ws) => {
      const row = rowOf(ws, 'cs-accountable-owner');
      expect(ws.getCell(row, column('answer')).value ?? '').toBe('');
      ws.getCell(row, column('answer')).value = 'most';
    });
    const applied = await runCli(cli, ['import', 'answers', 'lena.xlsx', '--into', DIGITAL, '--assessor', 'lena', '--assessor-name', 'Lena Berg', '--assessor-date', '2026-07-02'], { cwd: dir });
    expect(applied).toEqual({ code: 0, stdout: '', stderr: `1 of 49 criteria has changes; wrote ${DIGITAL} (the answers of Lena Berg, a new assessor).\n` });
    // Lena's response goes after the last one, before the agreed answers; every other byte stays.
    const added = '  lena:\n    name: Lena Berg\n    date: 2026-07-02\n    dimensions:\n      cybersecurity:\n        answers:\n          cs-accountable-owner: most\n';
    expect(fs.readFileSync(path.join(dir, DIGITAL), 'utf8')).toBe(before.replace('\ndimensions:\n', `\n${added}dimensions:\n`));
    expect((await runCli(cli, ['validate', DIGITAL], { cwd: dir })).code).not.toBe(2);
    // Without a name the id is taken for a typo; without a consensus rule there is nowhere for responses to count.
    const unnamed = await runCli(cli, ['import', 'answers', 'lena.xlsx', '--into', ASSESSMENT, '--assessor', 'lena'], { cwd: dir });
    expect([unnamed.code, unnamed.stderr]).toEqual([2, expect.stringContaining('give their name with --assessor-name')]);
    const noRule = await runCli(cli, ['export', ASSESSMENT, '--assessor', 'lena', '--assessor-name', 'Lena Berg', '--out', 'x.xlsx'], { cwd: dir });
    expect([noRule.code, noRule.stderr]).toEqual([2, expect.stringContaining(`${ASSESSMENT}: The assessment has no consensus rule`)]);
    // The core's refusal, with the option it is about; nothing is written.
    const badDate = await runCli(cli, ['import', 'answers', 'lena.xlsx', '--into', DIGITAL, '--assessor', 'mia', '--assessor-name', 'Mia Holm', '--assessor-date', '2026-02-30'], { cwd: dir });
    expect([badDate.code, badDate.stderr]).toEqual([2, expect.stringContaining(`${DIGITAL}: "2026-02-30" is not a date: write it as YYYY-MM-DD, for example 2026-06-30. (--assessor-date)`)]);
  });

  it('a file refused by size, or that is no spreadsheet, changes nothing (exit 2)', async () => {
    const dir = sampleRepository();
    const before = fs.readFileSync(path.join(dir, ASSESSMENT), 'utf8');
    fs.writeFileSync(path.join(dir, 'huge.csv'), Buffer.alloc(17 * 1024 * 1024, 0x61));
    const huge = await runCli(cli, ['import', 'answers', 'huge.csv', '--into', ASSESSMENT], { cwd: dir });
    expect([huge.code, huge.stderr]).toEqual([2, expect.stringContaining('huge.csv has 17,825,792 bytes; a spreadsheet is read up to 16,777,216. Nothing was changed.')]);
    fs.writeFileSync(path.join(dir, 'fake.xlsx'), 'not a zip');
    const fake = await runCli(cli, ['import', 'answers', 'fake.xlsx', '--into', ASSESSMENT], { cwd: dir });
    expect([fake.code, fake.stderr]).toEqual([2, expect.stringContaining('fake.xlsx: The file is not read: it is not a readable zip archive')]);
    expect(fs.readFileSync(path.join(dir, ASSESSMENT), 'utf8')).toBe(before);
    const rated = await runCli(cli, ['export', '2026-03.claims-platform.assessment.yaml', '--out', 'x.xlsx'], { cwd: dir });
    expect([rated.code, rated.stderr]).toEqual([2, expect.stringContaining('has no criteria: its dimensions are rated as a whole')]);
  });

  it('loads the spreadsheet bundle only for the commands that need it', async () => {
    const bundles = path.join(path.dirname(cli), 'cli');
    for (const file of ['main.js', 'validate.js']) expect(fs.readFileSync(path.join(bundles, file), 'utf8')).not.toMatch(/exceljs|csv-parse|fflate/i);
    expect(fs.readFileSync(path.join(bundles, 'sheets.js'), 'utf8')).toMatch(/exceljs/i);
    // Without it, every other command still runs; export says what is missing.
    const copy = tempDir();
    fs.cpSync(path.dirname(cli), copy, { recursive: true });
    fs.rmSync(path.join(copy, 'cli', 'sheets.js'));
    const dir = sampleRepository();
    expect((await runCli(path.join(copy, 'cli.js'), ['validate', '.'], { cwd: dir })).code).toBe(0);
    expect((await runCli(path.join(copy, 'cli.js'), ['report', ASSESSMENT], { cwd: dir })).code).toBe(0);
    expect((await runCli(path.join(copy, 'cli.js'), ['export', ASSESSMENT, '--out', 'a.xlsx'], { cwd: dir })).code).not.toBe(0);
  });
});
