/**
 * Spreadsheet files ↔ plain data (sheets/workbook.ts): XLSX through exceljs, CSV through
 * csv-parse and csv-stringify. The only module that loads those libraries, and the only one the
 * CLI and the editors bundle apart (dist/cli/sheets.js, dist/web/sheets.js): `rubrics validate`
 * and the language server never load it. Everything it takes and gives is plain data, so it can
 * run behind a worker's messages; failures are results (`refused`), never thrown across.
 *
 * Reading is bounded before it starts: the file's size, then (XLSX) the zip's parts and rows
 * (zipBounds.ts) or (CSV) the rows, so a hostile file is refused, not parsed.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { cellAddress } from './address';
import type { Cell, CellRange, ReadResult, Sheet, SheetSpec, Workbook, WorkbookSpec } from './workbook';
import { zipRefusal, type ZipLimits } from './zipBounds';

export type { ReadResult, Workbook, WorkbookSpec };

export const SPREADSHEET_LIMITS = {
  /** Bytes of the file itself. */
  maxFileBytes: 16 * 1024 * 1024,
  /** Rows of one sheet: an answer sheet has one per criterion, a toolbox a few hundred. */
  maxRows: 50_000,
  zip: { maxEntries: 1_000, maxEntryBytes: 48 * 1024 * 1024, maxTotalBytes: 96 * 1024 * 1024, maxRows: 50_000 } satisfies ZipLimits,
} as const;

export interface CsvReadOptions {
  /** The sheet's name in cell references (`answers!F12`): the file's name, as a spreadsheet program names the one sheet of a CSV file. */
  readonly sheetName: string;
}

export interface CsvWriteOptions {
  readonly delimiter?: ',' | ';' | '\t';
  /** A UTF-8 byte-order mark first, which tells Excel on Windows the file is UTF-8. */
  readonly bom?: boolean;
}

export async function readSpreadsheet(bytes: Uint8Array, format: 'xlsx' | 'csv', csv: CsvReadOptions = { sheetName: 'Sheet1' }): Promise<ReadResult> {
  if (bytes.length > SPREADSHEET_LIMITS.maxFileBytes) return { refused: `The file has ${bytes.length.toLocaleString('en-US')} bytes; at most ${SPREADSHEET_LIMITS.maxFileBytes.toLocaleString('en-US')} are read.` };
  try {
    return format === 'csv' ? readCsv(bytes, csv.sheetName) : await readXlsx(bytes);
  } catch (error) {
    return { refused: `The file cannot be read as ${format.toUpperCase()}: ${(error as Error).message}` };
  }
}

export async function writeSpreadsheet(spec: WorkbookSpec, format: 'xlsx' | 'csv', csv: CsvWriteOptions = {}): Promise<Uint8Array> {
  return format === 'csv' ? writeCsv(spec.sheets[0] as SheetSpec, csv) : writeXlsx(spec);
}

// --- XLSX --------------------------------------------------------------------------------------

async function readXlsx(bytes: Uint8Array): Promise<ReadResult> {
  const refusal = zipRefusal(bytes, SPREADSHEET_LIMITS.zip);
  if (refusal) return { refused: `The file is not read: ${refusal}.` };
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets = book.worksheets.map(readWorksheet);
  const definedNames = new Map<string, string[]>();
  for (const { name, ranges } of (book.definedNames.model ?? []) as { name: string; ranges: string[] }[]) definedNames.set(name, [...ranges]);
  return { workbook: { format: 'xlsx', sheets, definedNames } };
}

function readWorksheet(ws: ExcelJS.Worksheet): Sheet {
  const rows = new Map<number, Map<number, Cell>>();
  let rowCount = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = new Map<number, Cell>();
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      if (cell.type === ExcelJS.ValueType.Merge) return; // the merge's first cell holds its value
      const read = readCell(cell.value);
      if (read) cells.set(column, read);
    });
    if (cells.size > 0) {
      rows.set(rowNumber, cells);
      rowCount = Math.max(rowCount, rowNumber);
    }
  });
  const merges = ((ws.model as { merges?: string[] }).merges ?? []).flatMap((text) => {
    const range = parseA1Range(text);
    return range ? [range] : [];
  });
  const listValidations = new Map<string, string>();
  const validations = (ws as unknown as { dataValidations?: { model?: Record<string, ExcelJS.DataValidation> } }).dataValidations?.model ?? {};
  for (const [address, validation] of Object.entries(validations)) {
    const source = validation?.type === 'list' ? validation.formulae?.[0] : undefined;
    if (typeof source === 'string') for (const cell of addressesOf(address)) listValidations.set(cell, source);
  }
  return { name: ws.name, hidden: ws.state !== 'visible', rows, rowCount, merges, listValidations };
}

/** A cell's value as plain data; undefined for an empty one. */
function readCell(value: ExcelJS.CellValue): Cell | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return { value };
  if (value instanceof Date) return { value: dateText(value) };
  if ('error' in value) return { value: null, error: String(value.error) };
  if ('formula' in value || 'sharedFormula' in value) {
    const formula = 'formula' in value && value.formula ? value.formula : `(shared with ${(value as { sharedFormula: string }).sharedFormula})`;
    const result = (value as { result?: unknown }).result;
    const cached = readCell(result as ExcelJS.CellValue);
    return { value: cached?.value ?? null, formula };
  }
  if ('richText' in value) return { value: value.richText.map((part) => part.text).join('') };
  if ('text' in value) return { value: typeof value.text === 'string' ? value.text : (value.text as ExcelJS.CellRichTextValue).richText.map((p) => p.text).join('') };
  return { value: String(value) };
}

/** A date cell as the date people typed: YYYY-MM-DD (with the time, when it has one). */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
}

function parseA1Range(text: string): CellRange | undefined {
  const match = /^([A-Z]{1,3})([0-9]+)(?::([A-Z]{1,3})([0-9]+))?$/.exec(text);
  if (!match) return undefined;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const top = Number(match[2]);
  const left = col(match[1] as string);
  return { top, left, bottom: match[4] ? Number(match[4]) : top, right: match[3] ? col(match[3]) : left };
}

/** The cells a validation's address names: one cell, or each of a range (bounded by the row limit). */
function addressesOf(address: string): string[] {
  const range = parseA1Range(address.replace(/\$/g, ''));
  if (!range) return [];
  if (range.top === range.bottom && range.left === range.right) return [address.replace(/\$/g, '')];
  const out: string[] = [];
  for (let row = range.top; row <= Math.min(range.bottom, range.top + SPREADSHEET_LIMITS.maxRows); row++) {
    for (let column = range.left; column <= Math.min(range.right, range.left + 100); column++) out.push(cellAddress(row, column));
  }
  return out;
}

async function writeXlsx(spec: WorkbookSpec): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'rubrics-as-code';
  for (const sheet of spec.sheets) {
    const ws = book.addWorksheet(sheet.name, {
      state: sheet.hidden ? 'hidden' : 'visible',
      ...(sheet.header ? { views: [{ state: 'frozen', ySplit: 1 }] } : {}),
    });
    ws.columns = (sheet.widths ?? []).map((width, i) => ({
      width,
      style: {
        alignment: { vertical: 'top', wrapText: sheet.wrapColumns?.includes(i + 1) ?? false },
        ...(sheet.textColumns?.includes(i + 1) ? { numFmt: '@' } : {}),
      },
    }));
    for (const row of sheet.rows) ws.addRow(row.map((value) => (value === null ? null : value)));
    if (sheet.header) ws.getRow(1).font = { bold: true };
    for (const { row, column, source } of sheet.listValidations ?? []) {
      ws.getCell(row, column).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [source],
        showErrorMessage: true,
        errorTitle: 'Not on the answer scale',
        error: 'Choose an answer from the list: the import takes only answers of the scale.',
      };
    }
  }
  const written = await book.xlsx.writeBuffer();
  return new Uint8Array(written as ArrayBuffer);
}

// --- CSV ---------------------------------------------------------------------------------------

function readCsv(bytes: Uint8Array, sheetName: string): ReadResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { refused: 'The file is UTF-16 text; save it as "CSV UTF-8" instead.' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { refused: 'The file is not UTF-8 text; save it as "CSV UTF-8" (Excel: File › Save As › CSV UTF-8).' };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const records = parse(text, {
    delimiter: sniffDelimiter(text),
    relax_column_count: true,
    skip_empty_lines: false,
    // One record more than allowed, to tell a sheet at the limit from one over it.
    to: SPREADSHEET_LIMITS.maxRows + 1,
  }) as string[][];
  if (records.length > SPREADSHEET_LIMITS.maxRows) return { refused: `The file has more than ${SPREADSHEET_LIMITS.maxRows.toLocaleString('en-US')} rows; an answer sheet has one row per criterion.` };
  const rows = new Map<number, Map<number, Cell>>();
  let rowCount = 0;
  records.forEach((record, r) => {
    const cells = new Map<number, Cell>();
    record.forEach((value, c) => {
      if (value !== '') cells.set(c + 1, { value });
    });
    if (cells.size > 0) {
      rows.set(r + 1, cells);
      rowCount = r + 1;
    }
  });
  const sheet: Sheet = { name: sheetName, hidden: false, rows, rowCount, merges: [], listValidations: new Map() };
  return { workbook: { format: 'csv', sheets: [sheet], definedNames: new Map() } };
}

/** The separator of a CSV file: the one of `,` `;` and tab that its first line (outside quotes) has most of; `,` when none. */
function sniffDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length && (quoted || (text[i] !== '\n' && text[i] !== '\r')); i++) {
    const ch = text[i] as string;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  return counts[';'] > counts[','] && counts[';'] >= counts['\t'] ? ';' : counts['\t'] > counts[','] ? '\t' : ',';
}

function writeCsv(sheet: SheetSpec, options: CsvWriteOptions): Uint8Array {
  const text = stringify(
    sheet.rows.map((row) => row.map((value) => (value === null ? '' : value))),
    { delimiter: options.delimiter ?? ',', record_delimiter: '\r\n', quoted_string: true, cast: { boolean: (value) => (value ? 'TRUE' : 'FALSE') } },
  );
  return new TextEncoder().encode(`${options.bom ? '\ufeff' : ''}${text}`);
}
