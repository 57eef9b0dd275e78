/**
 * A spreadsheet as plain data, the same whichever format it came from (XLSX or CSV) and whichever
 * side of a worker or bundle boundary it crosses: what the importers read, and what the exports
 * describe for the codec (sheets/codec.ts) to write. Rows and columns count from 1, as a
 * spreadsheet's own addresses do.
 */

export type CellValue = string | number | boolean | null;

export interface Cell {
  /** The value, or a formula's last computed result (which the import never trusts). */
  readonly value: CellValue;
  /** The formula, without its `=`, when the cell holds one. */
  readonly formula?: string;
  /** An error value (`#N/A`, `#REF!`), when the cell shows one. */
  readonly error?: string;
}

/** A rectangle of cells, as `A1:C4` names it. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface Sheet {
  readonly name: string;
  readonly hidden: boolean;
  /** Cells by row, then by column; a missing row or cell is empty. */
  readonly rows: ReadonlyMap<number, ReadonlyMap<number, Cell>>;
  /** The highest row number that has a cell. */
  readonly rowCount: number;
  readonly merges: readonly CellRange[];
  /** Drop-down lists (list data validations) by cell address (`F18`): their source, as the file writes it (`G_SM_A_1_1`, `Scales!$B$2:$B$5`). */
  readonly listValidations: ReadonlyMap<string, string>;
}

export interface Workbook {
  readonly format: 'xlsx' | 'csv';
  readonly sheets: readonly Sheet[];
  /** Defined names and the ranges they stand for (`AnsA` → `Lookups!$P$4:$P$7`). */
  readonly definedNames: ReadonlyMap<string, readonly string[]>;
}

/** What the codec is asked to write: sheets of rows, with widths, drop-downs and hidden sheets. */
export interface WorkbookSpec {
  readonly sheets: readonly SheetSpec[];
}

export interface SheetSpec {
  readonly name: string;
  readonly hidden?: boolean;
  /** Rows from the first; the first is a header when `header` is set. */
  readonly rows: readonly (readonly CellValue[])[];
  /** Whether the first row is a header: bold, and frozen while scrolling. */
  readonly header?: boolean;
  /** Column widths in characters, from column A. */
  readonly widths?: readonly number[];
  /** Columns (from 1) whose cells wrap their text. */
  readonly wrapColumns?: readonly number[];
  /** Columns (from 1) whose cells are text, so that a typed date or number stays as typed. */
  readonly textColumns?: readonly number[];
  /** Drop-downs: the cell and the range its list comes from (`Scales!$B$2:$B$5`). */
  readonly listValidations?: readonly { readonly row: number; readonly column: number; readonly source: string }[];
}

/** Reading a file gives a workbook, or why the file was not read. */
export type ReadResult = { readonly workbook: Workbook } | { readonly refused: string };
