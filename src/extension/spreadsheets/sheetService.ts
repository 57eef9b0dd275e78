import type { SheetExport, SheetImport, SheetImportResult } from '../core';

export type { SheetExport, SheetImport, SheetImportResult };

/**
 * The spreadsheet work the commands hand off (core/interchange/sheets/service.ts), loaded only
 * when a command runs: on the desktop its own bundle (dist/sheets.js), in the browser a worker.
 */
export interface SheetService {
  exportAnswerSheet(request: SheetExport): Promise<Uint8Array>;
  importAnswerSheet(request: SheetImport): Promise<SheetImportResult>;
}

/** The most bytes of a spreadsheet the import reads (the codec's own limit; a larger file is refused unread). */
export const MAX_SHEET_BYTES = 16 * 1024 * 1024;
