/**
 * An assessor's answer sheet: what it holds (that assessor's answers, no not-applicable or
 * exemption columns, an About sheet that names them and the import command with --assessor), and
 * the import's refusals when a sheet of one person's answers would overwrite another's.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASSESSMENT_ONLY_COLUMNS, columnsOf, COLUMNS } from '../../../src/core/interchange/sheets/answerSheet';
import { readAnswers } from '../../../src/core/interchange/sheets/answerImport';
import { exported, imported, loadAssessment, readBack, SAMPLES } from '../../support/answerSheets';

const DIGITAL = path.join(SAMPLES, '2026-06.digital-channels.assessment.yaml');

describe('the sheet of an assessor\'s answers', () => {
  it('holds that assessor\'s answers, and the agreed sheet of the same file holds none of them', async () => {
    const priya = await loadAssessment(DIGITAL, 'priya');
    const agreed = await loadAssessment(DIGITAL);
    expect(priya.sheet.assessor).toEqual({ id: 'priya', name: 'Priya Raman', role: 'Lead Enterprise Architect' });
    expect(priya.sheet.rows.find((r) => r.criterion === 'cs-accountable-owner')?.current).toEqual({ answer: 'all' });
    expect(priya.sheet.rows.filter((r) => r.current.answer !== undefined).length).toBeGreaterThan(10);
    // The sample's answers are its assessors' but for the one the close-out settled: the agreed sheet has that one.
    expect(agreed.sheet.assessor).toBeUndefined();
    expect(agreed.sheet.rows.filter((r) => r.current.answer !== undefined).map((r) => r.criterion)).toEqual(['dfs-data-map']);
  });

  it('leaves out the not-applicable and exemption columns, and its About sheet names the assessor and the import command', async () => {
    const priya = await loadAssessment(DIGITAL, 'priya');
    const workbook = await readBack(await exported(priya.sheet, 'xlsx'), 'xlsx');
    const header = [...(workbook.sheets.find((s) => s.name === 'Answers')!.rows.get(1)?.values() ?? [])].map((c) => c.value);
    expect(header).toEqual(COLUMNS.filter((c) => !ASSESSMENT_ONLY_COLUMNS.includes(c.key)).map((c) => c.label));
    const about = Object.fromEntries([...workbook.sheets.find((s) => s.name === 'About')!.rows.values()].map((cells) => [cells.get(1)?.value, cells.get(2)?.value]));
    expect(about['Answers of']).toBe('Priya Raman, Lead Enterprise Architect');
    expect(about['Assessor id']).toBe('priya');
    expect(about['How to import it']).toBe('rubrics import answers FILE --into ASSESSMENT --assessor priya');
    // The agreed answers' sheet is as it was: every column, no assessor rows.
    const agreed = await readBack(await exported((await loadAssessment(DIGITAL)).sheet, 'xlsx'), 'xlsx');
    expect([...agreed.sheets.find((s) => s.name === 'About')!.rows.values()].map((cells) => cells.get(1)?.value)).not.toContain('Assessor id');
    expect(columnsOf({})).toBe(COLUMNS);
  });
});

describe('importing a sheet into the answers it came from, and only those', () => {
  it('refuses an assessor\'s sheet imported into the agreed answers or into another assessor\'s, naming the About cell', async () => {
    const priya = await loadAssessment(DIGITAL, 'priya');
    const workbook = await readBack(await exported(priya.sheet, 'xlsx'), 'xlsx');
    const aboutRow = [...workbook.sheets.find((s) => s.name === 'About')!.rows.entries()].find(([, cells]) => cells.get(1)?.value === 'Assessor id')![0];
    for (const [into, said] of [[undefined, 'not the agreed answers of the assessment'], ['amara', 'not the answers of the assessor "amara"']] as const) {
      const target = await loadAssessment(DIGITAL, into);
      const result = readAnswers(workbook, target.sheet);
      expect(result.changes).toEqual([]);
      expect(result.problems).toEqual([{ cell: `About!B${aboutRow}`, message: `This sheet holds the answers of the assessor "priya", ${said.replace('not the agreed answers of the assessment', 'not its agreed answers')}; import it with --assessor priya, or export the answers you mean to change.` }]);
    }
    // And the agreed answers' sheet into an assessor's.
    const agreedSheet = await readBack(await exported((await loadAssessment(DIGITAL)).sheet, 'xlsx'), 'xlsx');
    expect(readAnswers(agreedSheet, priya.sheet).problems).toEqual([{ cell: 'About!A1', message: 'This sheet holds the agreed answers of the assessment, not the answers of the assessor "priya"; import it without --assessor, or export the answers you mean to change.' }]);
    // Into the same assessor's answers: nothing to say, nothing to change.
    expect(imported(priya, workbook).result).toMatchObject({ problems: [], changes: [] });
  });

  it('reports a not-applicable or exemption cell filled in a CSV of the agreed answers imported for an assessor, and writes nothing of that row', async () => {
    const agreed = await loadAssessment(DIGITAL);
    const priya = await loadAssessment(DIGITAL, 'priya');
    const header = COLUMNS.map((c) => c.label);
    const rows = [header, ...agreed.sheet.rows.slice(0, 2).map((r, i) => COLUMNS.map((c) => (c.key === 'dimension' ? r.dimension : c.key === 'criterion' ? r.criterion : c.key === 'answer' ? 'some' : c.key === 'notApplicable' && i === 0 ? 'Out of scope' : '')))];
    const csv = new TextEncoder().encode(rows.map((r) => r.map((v) => `"${v}"`).join(',')).join('\n'));
    const { result } = imported(priya, await readBack(csv, 'csv'));
    expect(result.problems).toEqual([{ cell: `answers!${String.fromCharCode(64 + COLUMNS.findIndex((c) => c.key === 'notApplicable') + 1)}2`, message: "An assessor's answer holds an answer, evidence and a note; a not-applicable mark belongs to the agreed answers. Clear the cell, or import the sheet without --assessor." }]);
    expect(result.changes.map((c) => c.criterion)).toEqual([agreed.sheet.rows[1]!.criterion]);
  });
});
