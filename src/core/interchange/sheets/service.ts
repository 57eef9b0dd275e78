/**
 * The spreadsheet work an editor hands off, as two calls on plain data: the export of an
 * assessment's answer rows to a file's bytes, and the reading of a filled-in file against those
 * rows. The editors load it apart from everything else (the desktop extension as dist/sheets.js,
 * the web extension in a worker, dist/web/sheets.js; see scripts/sheets-bundle.mjs), so the
 * extension and the language server carry none of it. The format's own check of the changes and
 * the edits happen in the language server (rubrics/answerEdits).
 */
import type { AnswerModel } from '../../language/answerRows';
import { readAnswers, type AnswerImport } from './answerImport';
import { answerWorkbook } from './answerSheet';
import { readSpreadsheet, SPREADSHEET_LIMITS, writeSpreadsheet, type CsvWriteOptions } from './codec';

export interface SheetExport {
  readonly model: AnswerModel;
  readonly format: 'xlsx' | 'csv';
  readonly csv?: CsvWriteOptions;
  /** How to import the sheet back, for its About sheet. */
  readonly importHint: string;
}

export interface SheetImport {
  readonly bytes: Uint8Array;
  readonly format: 'xlsx' | 'csv';
  readonly model: AnswerModel;
  /** The file's name without its extension: a CSV file's one sheet, in cell references. */
  readonly sheetName: string;
}

export type SheetImportResult = AnswerImport | { readonly refused: string };

export const MAX_SHEET_BYTES = SPREADSHEET_LIMITS.maxFileBytes;

export function exportAnswerSheet(request: SheetExport): Promise<Uint8Array> {
  return writeSpreadsheet(answerWorkbook(request.model, request.format, request.importHint), request.format, request.csv ?? {});
}

export async function importAnswerSheet(request: SheetImport): Promise<SheetImportResult> {
  const read = await readSpreadsheet(request.bytes, request.format, { sheetName: request.sheetName });
  if ('refused' in read) return read;
  return readAnswers(read.workbook, request.model);
}
