import { loadSheetService } from '../core';
import type { SheetService } from './sheetService';

/**
 * The desktop's spreadsheet service: the service module itself, imported on first use. Bundled,
 * the import becomes a `require` of dist/sheets.js (scripts/sheets-bundle.mjs), so the extension
 * starts without exceljs.
 */
export const nodeSheetService: SheetService = {
  async exportAnswerSheet(request) {
    return (await loadSheetService()).exportAnswerSheet(request);
  },
  async importAnswerSheet(request) {
    return (await loadSheetService()).importAnswerSheet(request);
  },
};
