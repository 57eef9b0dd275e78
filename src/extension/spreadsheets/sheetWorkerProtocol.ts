import type { SheetExport, SheetImport } from './sheetService';

/** What the web extension asks its spreadsheet worker (dist/web/sheets.js), and what it answers. */
export type SheetWorkerRequest = { readonly id: number; readonly op: 'export'; readonly request: SheetExport } | { readonly id: number; readonly op: 'import'; readonly request: SheetImport };
export type SheetWorkerReply = { readonly id: number; readonly result: unknown } | { readonly id: number; readonly error: string };
