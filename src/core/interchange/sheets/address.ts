/**
 * Cell addresses as spreadsheets write them: columns as letters (A, Z, AA), `Sheet!F12` with the
 * sheet's name quoted when it is not a plain word (`'DV-Lists'!A1`), ranges as `A1:C4`.
 */
import type { CellRange } from './workbook';

/** The column's letters: 1 → A, 27 → AA. */
export function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** The column's number: A → 1, AA → 27; undefined for anything that is not letters. */
export function columnNumber(name: string): number | undefined {
  if (!/^[A-Za-z]{1,3}$/.test(name)) return undefined;
  let n = 0;
  for (const ch of name.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellAddress(row: number, column: number): string {
  return `${columnName(column)}${row}`;
}

/** A sheet's name as a reference writes it: bare when it is letters, digits and underscores, quoted otherwise. */
export function sheetPrefix(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? `${sheet}!` : `'${sheet.replace(/'/g, "''")}'!`;
}

/** `Sheet!F12`, where a problem is: what a person types into the spreadsheet's name box to go there. */
export function cellRef(sheet: string, row: number, column: number): string {
  return `${sheetPrefix(sheet)}${cellAddress(row, column)}`;
}

export function rangeText(range: CellRange): string {
  const from = cellAddress(range.top, range.left);
  const to = cellAddress(range.bottom, range.right);
  return from === to ? from : `${from}:${to}`;
}

/** `A1`, `$B$2` → its row and column. */
export function parseCellAddress(text: string): { row: number; column: number } | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$/.exec(text);
  const column = match ? columnNumber(match[1] as string) : undefined;
  return match && column ? { row: Number(match[2]), column } : undefined;
}

/** `Lookups!$P$4:$P$7`, `'DV-Lists'!$A$9:$A$13`, `A1` → the sheet (when named) and the range. */
export function parseRangeRef(text: string): { sheet?: string; range: CellRange } | undefined {
  const match = /^(?:'((?:[^']|'')+)'!|([^'!:]+)!)?([^!:]+)(?::([^!:]+))?$/.exec(text.trim());
  if (!match) return undefined;
  const from = parseCellAddress(match[3] as string);
  const to = match[4] === undefined ? from : parseCellAddress(match[4]);
  if (!from || !to) return undefined;
  const sheet = match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2];
  const range = { top: Math.min(from.row, to.row), left: Math.min(from.column, to.column), bottom: Math.max(from.row, to.row), right: Math.max(from.column, to.column) };
  return sheet === undefined ? { range } : { sheet, range };
}
