import { type Diagnostic, type DiagnosticCode, LineIndex, type Severity } from './core';
import { printable } from './printable';

/**
 * One diagnostic as the CLI prints it: the engine's code, severity, message and range, with the
 * range also as 1-based line and column (columns count UTF-16 code units, like editors do).
 * This is the element type of `rubrics validate --format json`; keep its fields stable.
 */
export interface CliDiagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  /** The column just after the last character (exclusive), as in SARIF. */
  readonly endColumn: number;
  /** UTF-16 offsets into the file's text, [offset, endOffset). */
  readonly offset: number;
  readonly endOffset: number;
}

export interface FileResult {
  /** Relative to the working directory, forward slashes. */
  readonly path: string;
  /** Where the file is on disk, when it is on disk. */
  readonly absolutePath?: string;
  readonly diagnostics: readonly CliDiagnostic[];
  /** Why the file was not fully checked, one printable sentence each; absent when it was. */
  readonly incomplete?: readonly string[];
}

export interface Totals {
  readonly files: number;
  readonly filesWithProblems: number;
  /** Files that could not be fully checked: the run fails (exit 2) whatever else it found. */
  readonly filesIncomplete: number;
  readonly errors: number;
  readonly warnings: number;
  readonly information: number;
}

/**
 * The engine's diagnostics of one file, positioned for people. Nothing is reworded or dropped;
 * messages, which quote people's text, are made printable here, once for every format.
 */
export function toFileResult(path: string, analysis: { readonly text: string; readonly diagnostics: readonly Diagnostic[] }, incomplete: readonly string[] = []): FileResult {
  // Most files of a large run are clean: index their lines only when a diagnostic needs a position.
  const lines = analysis.diagnostics.length > 0 ? new LineIndex(analysis.text) : undefined;
  return {
    path,
    ...(incomplete.length > 0 ? { incomplete: incomplete.map(printable) } : {}),
    diagnostics: analysis.diagnostics.map((d) => {
      return {
        code: d.code,
        severity: d.severity,
        message: printable(d.message),
        ...(lines as LineIndex).lineColumnRange(d.range),
        offset: d.range.start,
        endOffset: d.range.end,
      };
    }),
  };
}

export function countTotals(results: readonly FileResult[]): Totals {
  let errors = 0;
  let warnings = 0;
  let information = 0;
  let filesWithProblems = 0;
  let filesIncomplete = 0;
  for (const file of results) {
    if (file.incomplete) filesIncomplete++;
    let problems = 0;
    for (const d of file.diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
      else information++;
      if (d.severity !== 'information') problems++;
    }
    if (problems > 0) filesWithProblems++;
  }
  return { files: results.length, filesWithProblems, filesIncomplete, errors, warnings, information };
}

/** The sentence every output uses for a file that was not fully checked (both parts already printable). */
export function notFullyChecked(shownPath: string, reason: string): string {
  return `${shownPath} was not fully checked. ${reason}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "3 errors, 1 warning and 2 notes", leaving out zero counts except when all are zero. */
export function describeCounts(totals: Pick<Totals, 'errors' | 'warnings' | 'information'>): string {
  const parts = [
    totals.errors > 0 ? plural(totals.errors, 'error') : undefined,
    totals.warnings > 0 ? plural(totals.warnings, 'warning') : undefined,
    totals.information > 0 ? plural(totals.information, 'note') : undefined,
  ].filter((p): p is string => p !== undefined);
  if (parts.length === 0) return 'no problems';
  return parts.length === 1 ? (parts[0] as string) : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
