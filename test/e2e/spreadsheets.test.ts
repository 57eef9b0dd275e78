import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../../scripts/e2e/workbench.mjs';
import { COLUMNS } from '../../src/core/interchange/sheets/answerSheet';
import { exported, imported, loadAssessment, readBack } from '../support/answerSheets';
import { openSession, readWorkspaceFile, type Session, screenshotOnFailure } from './session';

// "Rubrics: Import Answers from Spreadsheet…" in the real editor, on the desktop extension host and
// in the browser's web worker extension host: the sheet is chosen in VS Code's own file dialog,
// the change is shown in the refactor preview before anything is applied, Apply makes it one
// ordinary edit (the file changes by exactly the edited answer's line), and Undo takes it back.

const EXTENSION_ID = 'rubrics-as-code.rubrics-as-code';
const FILE = 'kestrel/2026-03.seven-attributes.assessment.yaml';
const SHEET = 'kestrel/answers.xlsx';

/** The sample's answer sheet with its first criterion's answer changed, as a person would save it from Excel. */
async function writeEditedSheet(session: Session): Promise<{ criterion: string; line: string; edited: string }> {
  const loaded = await loadAssessment(path.join(session.workspace, FILE));
  const row = loaded.sheet.rows[0]!;
  expect(row.current.answer).toBe('yes');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await exported(loaded.sheet, 'xlsx')) as unknown as ArrayBuffer);
  book.getWorksheet('Answers')!.getCell(2, COLUMNS.findIndex((c) => c.key === 'answer') + 1).value = 'no';
  await book.xlsx.writeFile(path.join(session.workspace, SHEET));
  return { criterion: row.criterion, line: `      ${row.criterion}: yes`, edited: `      ${row.criterion}: no` };
}

const criterionOf = (line: string) => line.trim().split(':')[0] as string;

async function importWithPreviewAndUndo(session: Session, shots: string): Promise<void> {
  const wb = session.workbench;
  const before = readWorkspaceFile(session, FILE);
  const { line, edited } = await writeEditedSheet(session);
  expect(before).toContain(`\n${line}\n`);
  await wb.openFile(FILE);
  await wb.waitForRubricsStatus(/^Level \d/);
  await wb.runCommand('Rubrics: Import Answers from Spreadsheet...');
  // VS Code's own file dialog (the simple one in the browser): type the sheet's path, then accept.
  const input = wb.page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await until(async () => (await input.inputValue()).includes('/kestrel'), { message: 'the file dialog to open in the assessment\'s folder' });
  await input.fill(path.join(session.workspace, SHEET));
  await wb.press('Enter');
  // The refactor preview shows the change before anything is applied; changes that need
  // confirmation start unticked, so the person ticks the file (all its changes), then applies.
  const panel = wb.page.locator('.monaco-workbench .part.panel');
  await panel.getByText(`${criterionOf(line)}:`).first().waitFor({ timeout: 60_000 });
  const apply = panel.getByRole('button', { name: 'Apply', exact: true }).first();
  await apply.waitFor();
  expect(readWorkspaceFile(session, FILE)).toBe(before);
  await wb.screenshot(`${shots}-preview`);
  const tick = panel.locator('.monaco-list-row .edit-checkbox').first();
  await tick.click();
  await until(async () => (await tick.getAttribute('aria-checked')) === 'true', { message: 'the file\'s changes to be ticked' });
  await apply.click();
  const after = await wb.saveAndRead(FILE);
  const changed = after.split('\n').filter((l, i) => l !== before.split('\n')[i]);
  expect(changed).toEqual([edited]);
  expect(after).toBe(before.replace(`\n${line}\n`, `\n${edited}\n`));
  await wb.screenshot(`${shots}-applied`);
  // One Undo takes the whole import back.
  await wb.focusEditor();
  await wb.press('Control+Z');
  expect(await wb.saveAndRead(FILE)).toBe(before);
}

describe('Spreadsheet import in the editor', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession({ name: 'spreadsheets' });
  });
  screenshotOnFailure(() => session);
  afterAll(async () => {
    await session?.close();
  });

  it('previews the change, applies it as one edit of one line, and undoes it', async () => {
    await importWithPreviewAndUndo(session, 'spreadsheet-import');
  });

  it('exports the answers as a spreadsheet the CLI imports back without a change', async () => {
    const wb = session.workbench;
    await wb.openFile(FILE);
    await wb.runCommand('Rubrics: Export to Spreadsheet...');
    // VS Code's save dialog proposes the assessment's name as a workbook, beside it: take that.
    const input = wb.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await until(async () => (await input.inputValue()).endsWith('2026-03.seven-attributes.assessment.xlsx'), { message: 'the save dialog to propose the workbook\'s name' });
    const target = path.join(session.workspace, 'kestrel', '2026-03.seven-attributes.assessment.xlsx');
    fs.rmSync(target, { force: true });
    await wb.press('Enter');
    await until(() => fs.existsSync(target) && fs.statSync(target).size > 1000, { message: 'the exported sheet on disk' });
    const loaded = await loadAssessment(path.join(session.workspace, FILE));
    const { result, text } = imported(loaded, await readBack(new Uint8Array(fs.readFileSync(target)), 'xlsx'));
    expect([result.problems, result.changes, text === loaded.text]).toEqual([[], [], true]);
  });
});

describe('Spreadsheets of one assessor\'s answers in the editor', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession({ name: 'spreadsheets-assessor' });
  });
  screenshotOnFailure(() => session);
  afterAll(async () => {
    await session?.close();
  });

  it('asks whose answers to export in an assessment with several assessors, and writes that assessor\'s sheet', async () => {
    const wb = session.workbench;
    const file = 'kestrel/2026-06.digital-channels.assessment.yaml';
    await wb.openFile(file);
    await wb.runCommand('Rubrics: Export to Spreadsheet...');
    // A quick pick of the agreed answers and each assessor by name.
    const rows = wb.page.locator('.quick-input-list .monaco-list-row');
    await rows.filter({ hasText: 'Priya Raman' }).first().waitFor();
    expect(await rows.allInnerTexts()).toEqual([expect.stringContaining('Agreed answers'), expect.stringContaining('Amara Nwosu'), expect.stringContaining('Priya Raman'), expect.stringContaining('Grace Whitfield')]);
    await wb.screenshot('spreadsheet-export-whose');
    await rows.filter({ hasText: 'Priya Raman' }).first().click();
    const input = wb.page.locator('.quick-input-widget input');
    await until(async () => (await input.inputValue()).endsWith('2026-06.digital-channels.assessment.xlsx'), { message: 'the save dialog to propose the workbook\'s name' });
    const target = path.join(session.workspace, 'kestrel', '2026-06.digital-channels.assessment.xlsx');
    await wb.press('Enter');
    await until(() => fs.existsSync(target) && fs.statSync(target).size > 1000, { message: 'the exported sheet on disk' });
    // Priya's answers: her sheet imports back into her response without a change, and its About names her.
    const priya = await loadAssessment(path.join(session.workspace, file), 'priya');
    const workbook = await readBack(new Uint8Array(fs.readFileSync(target)), 'xlsx');
    const { result, text } = imported(priya, workbook);
    expect([result.problems, result.changes, text === priya.text]).toEqual([[], [], true]);
    const about = [...workbook.sheets.find((s) => s.name === 'About')!.rows.values()].map((cells) => [cells.get(1)?.value, cells.get(2)?.value]);
    expect(about).toContainEqual(['Assessor id', 'priya']);
  });
});

describe('Spreadsheet import in the web extension', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession({ name: 'spreadsheets-web', settings: { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] }, 'extensions.webWorker': true } });
  });
  screenshotOnFailure(() => session);
  afterAll(async () => {
    await session?.close();
  });

  it('reads the sheet in its worker, previews, applies and undoes as on the desktop', async () => {
    await importWithPreviewAndUndo(session, 'spreadsheet-import-web');
    expect(session.workbench.page.frames().some((f) => /webWorkerExtensionHostIframe/.test(f.url()))).toBe(true);
  });
});
