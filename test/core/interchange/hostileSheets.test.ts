/**
 * Hostile and broken sheets: each gets a clear `Sheet!Cell` problem, or the whole file is refused
 * by size before it is parsed; none crashes or hangs the reader, and a sheet with a problem gives
 * no change for its row.
 */
import ExcelJS from 'exceljs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAnswers } from '../../../src/core/interchange/sheets/answerImport';
import { withFormatProblems } from '../../../src/core/interchange/sheets/formatProblems';
import { answerChangeProblems } from '../../../src/core/language/answerEdits';
import { COLUMNS } from '../../../src/core/interchange/sheets/answerSheet';
import { readSpreadsheet, SPREADSHEET_LIMITS } from '../../../src/core/interchange/sheets/codec';
import { exported, loadAssessment, readBack, SAMPLES, type LoadedAssessment } from '../../support/answerSheets';

const column = (key: string) => COLUMNS.findIndex((c) => c.key === key) + 1;
const letter = (key: string) => String.fromCharCode(64 + column(key));

let loadedOnce: Promise<LoadedAssessment> | undefined;
const sample = () => (loadedOnce ??= loadAssessment(path.join(SAMPLES, '2026-03.seven-attributes.assessment.yaml')));

/** The import of the exported XLSX edited through exceljs (and, with `patch`, its shared strings' XML edited after). */
async function edited(edit: (ws: ExcelJS.Worksheet, loaded: LoadedAssessment) => void, patch?: (sharedStrings: string) => string): Promise<ReturnType<typeof readAnswers>> {
  const loaded = await sample();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await exported(loaded.sheet, 'xlsx')) as unknown as ArrayBuffer);
  edit(book.getWorksheet('Answers')!, loaded);
  let bytes = new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
  if (patch) {
    const parts = unzipSync(bytes);
    parts['xl/sharedStrings.xml'] = strToU8(patch(new TextDecoder().decode(parts['xl/sharedStrings.xml'])));
    bytes = zipSync(parts);
  }
  const read = readAnswers(await readBack(bytes, 'xlsx'), loaded.sheet);
  return withFormatProblems(read, answerChangeProblems(read.changes));
}

/** The exported XLSX with its parts changed (a part replaced, or one added). */
async function withParts(change: (parts: Record<string, Uint8Array>) => void): Promise<Uint8Array> {
  const parts = unzipSync(await exported((await sample()).sheet, 'xlsx'));
  change(parts);
  return zipSync(parts, { level: 6 });
}

describe('cells the import refuses, each named Sheet!Cell', () => {
  it('a criterion id the rubric does not have (with the near one), and a dimension id that is not its own', async () => {
    const result = await edited((ws, loaded) => {
      ws.getCell(2, column('criterion')).value = `${loaded.sheet.rows[0]!.criterion}x`;
      ws.getCell(3, column('dimension')).value = 'no-such-dimension';
    });
    expect(result.problems).toEqual([
      { cell: 'Answers!B2', message: expect.stringMatching(/has no criterion ".*x"\. Did you mean ".*"\?/) },
      { cell: 'Answers!A3', message: expect.stringContaining('not "no-such-dimension"') },
    ]);
    expect(result.changes).toEqual([]);
  });

  it('answers not on the scale, HTML among them, and the same criterion twice', async () => {
    const result = await edited((ws, loaded) => {
      ws.getCell(2, column('answer')).value = 'mostly';
      ws.getCell(3, column('answer')).value = '<img src=x onerror=alert(1)>';
      ws.getCell(5, column('criterion')).value = loaded.sheet.rows[0]!.criterion;
      ws.getCell(5, column('dimension')).value = loaded.sheet.rows[0]!.dimension;
    });
    expect(result.problems).toEqual([
      { cell: `Answers!${letter('answer')}2`, message: expect.stringMatching(/^"mostly" is not an answer of the scale .*: choose one of "/) },
      { cell: `Answers!${letter('answer')}3`, message: expect.stringContaining('"<img src=x onerror=alert(1)>" is not an answer of the scale') },
      { cell: 'Answers!B5', message: expect.stringContaining('also has row 2') },
    ]);
  });

  it('merged cells, formulas, error values and control characters', async () => {
    const result = await edited((ws) => {
      ws.mergeCells(`${letter('note')}2:${letter('note')}3`);
      ws.getCell(4, column('answer')).value = { formula: 'IF(1,"yes","no")', result: 'yes' } as ExcelJS.CellFormulaValue;
      ws.getCell(5, column('note')).value = { error: '#N/A' } as ExcelJS.CellErrorValue;
      // exceljs drops control characters it is given; Excel writes them as _xHHHH_ escapes, which readers decode.
      ws.getCell(6, column('note')).value = 'Bell BELL and escape ESC[2J';
    }, (xml) => xml.replace('BELL', '_x0007_').replace('ESC', '_x001B_'));
    expect(result.problems).toEqual([
      { cell: `Answers!${letter('note')}2:${letter('note')}3`, message: expect.stringContaining('Merged cells') },
      { cell: `Answers!${letter('note')}2:${letter('note')}3`, message: expect.stringContaining('Merged cells') },
      { cell: `Answers!${letter('answer')}4`, message: expect.stringContaining('A formula (=IF(1,"yes","no"))') },
      { cell: `Answers!${letter('note')}5`, message: expect.stringContaining('An error value (#N/A)') },
      { cell: `Answers!${letter('note')}6`, message: expect.stringContaining('control character (\\u0007)') },
    ]);
    expect(result.changes).toEqual([]);
  });

  it('unsafe evidence links, a half-filled exemption, a date that is not one, a note over the format\'s limit', async () => {
    const result = await edited((ws) => {
      ws.getCell(2, column('evidence')).value = 'https://ok.example (as of 2026-13-01)\njavascript:alert(1)';
      ws.getCell(3, column('exemptionReason')).value = 'Vendor';
      ws.getCell(4, column('exemptionReason')).value = 'Vendor';
      ws.getCell(4, column('exemptionApprover')).value = 'CIO';
      ws.getCell(4, column('exemptionExpires')).value = '2027-02-30';
      ws.getCell(5, column('note')).value = 'x'.repeat(20_001);
    });
    expect(result.problems).toEqual([
      { cell: `Answers!${letter('evidence')}2`, message: '"(as of 2026-13-01)": the date should be YYYY-MM-DD, for example 2026-02-15.' },
      { cell: `Answers!${letter('evidence')}2`, message: expect.stringContaining('"javascript:" scheme') },
      { cell: `Answers!${letter('exemptionApprover')}3`, message: expect.stringContaining('needs a reason, an approver and an expiry date') },
      { cell: `Answers!${letter('exemptionExpires')}3`, message: expect.stringContaining('needs a reason, an approver and an expiry date') },
      { cell: `Answers!${letter('exemptionExpires')}4`, message: '"2027-02-30" is not a date as YYYY-MM-DD (for example 2027-03-31).' },
      { cell: `Answers!${letter('note')}5`, message: 'Longer than the 20000 characters the format allows; shorten it.' },
    ]);
  });

  it('control characters in a CSV file', async () => {
    const loaded = await sample();
    const csv = new TextDecoder().decode(await exported(loaded.sheet, 'csv')).split('\r\n');
    csv[1] = csv[1]!.replace(/^"/, '"\u001b[31m');
    const result = readAnswers(await readBack(strToU8(csv.join('\r\n')), 'csv'), loaded.sheet);
    expect(result.problems).toEqual([{ cell: 'answers!A2', message: expect.stringContaining('control character (\\u001b)') }]);
  });

  it('a row with answers and no id, a header without the id column, a workbook without the Answers sheet', async () => {
    const noId = await edited((ws) => {
      ws.getCell(300, column('answer')).value = 'yes';
    });
    expect(noId.problems).toEqual([{ cell: 'Answers!B300', message: expect.stringContaining('no criterion id') }]);
    const noHeader = await edited((ws) => {
      ws.getCell(1, column('criterion')).value = 'Id';
    });
    expect(noHeader.problems).toEqual([{ cell: 'Answers!A1', message: expect.stringContaining('names no "Criterion id" column') }]);
    const loaded = await sample();
    const other = await readBack(await withParts((parts) => {
      const workbookXml = new TextDecoder().decode(parts['xl/workbook.xml']);
      parts['xl/workbook.xml'] = strToU8(workbookXml.replace('name="Answers"', 'name="Antworten"'));
    }), 'xlsx');
    expect(readAnswers(other, loaded.sheet).problems).toEqual([{ cell: 'Answers!A1', message: expect.stringContaining('has no sheet named Answers (it has "Antworten"') }]);
  });
});

describe('files refused before they are parsed', () => {
  it('a sheet of 1,000,000 rows, as XLSX and as CSV', async () => {
    const rows = Array.from({ length: 1_000_000 }, (_, i) => `<row r="${i + 2}"/>`).join('');
    const xlsx = await withParts((parts) => {
      const sheet = new TextDecoder().decode(parts['xl/worksheets/sheet1.xml']);
      parts['xl/worksheets/sheet1.xml'] = strToU8(sheet.replace('</sheetData>', `${rows}</sheetData>`));
    });
    expect(await readSpreadsheet(xlsx, 'xlsx')).toEqual({ refused: expect.stringMatching(/sheet1\.xml has more than 50,000 rows/) });
    const csv = strToU8(`Criterion id,Answer\n${'x,yes\n'.repeat(1_000_000)}`);
    expect(await readSpreadsheet(csv, 'csv')).toEqual({ refused: expect.stringContaining('more than 50,000 rows') });
  });

  it('zip bombs: a part that declares too much, a part that inflates to more than it declares, too many parts', async () => {
    const big = new Uint8Array(SPREADSHEET_LIMITS.zip.maxEntryBytes + 1);
    const declaredTooMuch = zipSync({ 'xl/big.xml': big }, { level: 9 });
    expect(await readSpreadsheet(declaredTooMuch, 'xlsx')).toEqual({ refused: expect.stringContaining('its part xl/big.xml declares 48 MiB') });
    expect(declaredTooMuch.length).toBeLessThan(100_000);

    const lying = lieAboutSize(zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(40 * 1024 * 1024) }, { level: 9 }), 'xl/worksheets/sheet1.xml', 1000);
    expect(await readSpreadsheet(lying, 'xlsx')).toEqual({ refused: expect.stringContaining('inflates to more than the 0.00 MiB it declares') });

    const many = zipSync(Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`p${i}.xml`, strToU8('x')])));
    expect(await readSpreadsheet(many, 'xlsx')).toEqual({ refused: expect.stringContaining('more than 1000 parts') });
  });

  it('bytes that are no zip, text that is not UTF-8, UTF-16, a file over the size limit', async () => {
    expect(await readSpreadsheet(strToU8('<html>not a workbook</html>'), 'xlsx')).toEqual({ refused: expect.stringContaining('not a readable zip archive') });
    expect(await readSpreadsheet(new Uint8Array([0x43, 0xff, 0xfe, 0x41]), 'csv')).toEqual({ refused: expect.stringContaining('not UTF-8') });
    expect(await readSpreadsheet(new Uint8Array([0xff, 0xfe, 0x41, 0x00]), 'csv')).toEqual({ refused: expect.stringContaining('UTF-16') });
    expect(await readSpreadsheet(new Uint8Array(SPREADSHEET_LIMITS.maxFileBytes + 1), 'xlsx')).toEqual({ refused: expect.stringContaining('at most 16,777,216 are read') });
    expect(await readSpreadsheet(strToU8('a,"b\n'), 'csv')).toEqual({ refused: expect.stringContaining('cannot be read as CSV') });
  });
});

/** The zip with the declared (local and central) uncompressed size of one part set to `size`. */
function lieAboutSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const nameAt = (offset: number, length: number) => new TextDecoder().decode(zip.subarray(offset, offset + length));
  for (let i = 0; i + 46 <= zip.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50 && nameAt(i + 30, view.getUint16(i + 26, true)) === name) view.setUint32(i + 22, size, true);
    if (signature === 0x02014b50 && nameAt(i + 46, view.getUint16(i + 28, true)) === name) view.setUint32(i + 24, size, true);
  }
  return zip;
}
