/**
 * The spreadsheet codec, for the commands that read or write spreadsheets. It is loaded here and
 * only here, on first use: bundled, this import becomes a `require` of dist/cli/sheets.js
 * (scripts/sheets-bundle.mjs), so every other command starts without exceljs.
 */
export function loadSheetCodec(): Promise<typeof import('../core/interchange/sheets/codec')> {
  return import('../core/interchange/sheets/codec');
}
