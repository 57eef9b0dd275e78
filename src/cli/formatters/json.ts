import { printableJson } from '../../node/printable';
import type { CliDiagnostic, FileResult } from '../../node/results';

/**
 * `rubrics validate --format json`: an array with one entry per file checked, in the order
 * checked (sorted by path):
 *
 *   [{ "path": "rubrics/team.assessment.yaml",            // relative to the working directory
 *      "errorCount": 1, "warningCount": 0, "informationCount": 2,
 *      "diagnostics": [{ "code": "unknown-dimension", "severity": "error" | "warning" | "information",
 *                        "message": "...", "line": 12, "column": 3, "endLine": 12, "endColumn": 11,
 *                        "offset": 301, "endOffset": 309 }] }]
 *
 * line/column are 1-based, columns and offsets count UTF-16 code units, endColumn and endOffset
 * are exclusive. A file that could not be fully checked also has "incomplete": ["why", …].
 * Fields may be added in later versions; none will be renamed or removed.
 */
export interface JsonFileReport {
  readonly path: string;
  readonly errorCount: number;
  readonly warningCount: number;
  readonly informationCount: number;
  readonly diagnostics: readonly CliDiagnostic[];
  /** Present when the file could not be fully checked: why, one sentence each (the run exits 2). */
  readonly incomplete?: readonly string[];
}

export function toJsonReport(results: readonly FileResult[]): JsonFileReport[] {
  return results.map((file) => ({
    path: file.path,
    errorCount: file.diagnostics.filter((d) => d.severity === 'error').length,
    warningCount: file.diagnostics.filter((d) => d.severity === 'warning').length,
    informationCount: file.diagnostics.filter((d) => d.severity === 'information').length,
    diagnostics: file.diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      message: d.message,
      line: d.line,
      column: d.column,
      endLine: d.endLine,
      endColumn: d.endColumn,
      offset: d.offset,
      endOffset: d.endOffset,
    })),
    ...(file.incomplete ? { incomplete: file.incomplete } : {}),
  }));
}

export function formatJson(results: readonly FileResult[]): string {
  return `${printableJson(JSON.stringify(toJsonReport(results), null, 2))}\n`;
}
