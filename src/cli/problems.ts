import type { Diagnostic, FileAnalysis } from './core';
import { colorEnabled, palette } from './color';
import type { CliContext } from './context';
import { formatStylish } from './formatters/stylish';
import { countTotals, toFileResult } from '../node/results';

/**
 * The diagnostics that belong to one document of a file: its own, plus those of the file as a
 * whole (too large, too many problems). The same set the report lists.
 */
export function documentDiagnostics(analysis: FileAnalysis, documentIndex: number): Diagnostic[] {
  const own = new Set(analysis.documents.flatMap((d) => d.diagnostics));
  const chosen = new Set(analysis.documents[documentIndex]?.diagnostics ?? []);
  return analysis.diagnostics.filter((d) => chosen.has(d) || !own.has(d));
}

/**
 * For commands whose output is a report: problems go to stderr (so they show in the terminal and
 * CI logs without ending up in the report file), in the same format `validate` uses. Returns
 * whether any of them is an error.
 */
export function reportProblemsToStderr(files: readonly { path: string; analysis: FileAnalysis; documentIndex: number; allDocuments?: boolean }[], context: CliContext): boolean {
  const results = files.map((f) => toFileResult(f.path, { text: f.analysis.text, diagnostics: f.allDocuments ? f.analysis.diagnostics : documentDiagnostics(f.analysis, f.documentIndex) }));
  const totals = countTotals(results);
  if (totals.errors + totals.warnings > 0) context.stderr.write(formatStylish(results, palette(colorEnabled(context.stderr, context.env))));
  return totals.errors > 0;
}
