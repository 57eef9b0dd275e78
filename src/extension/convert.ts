import * as vscode from 'vscode';
import type { Severity } from '../core/diagnostics/types';
import type { Range } from '../core/text/range';
import type { LineIndex } from '../core/text/lineIndex';
import type { WireDiagnostic } from './worker/protocol';

/** Offsets (the engine's positions) to VS Code ranges, at the edge, with the document's own positionAt. */
export function toRange(document: vscode.TextDocument, range: Range): vscode.Range {
  return new vscode.Range(document.positionAt(range.start), document.positionAt(range.end));
}

/** The same for a file that is not open: its text's line index stands in for the document. */
export function toRangeIn(lines: LineIndex, range: Range): vscode.Range {
  const start = lines.positionAt(range.start);
  const end = lines.positionAt(range.end);
  return new vscode.Range(start.line, start.character, end.line, end.character);
}

const SEVERITY: Readonly<Record<Severity, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

/** Codes whose underlined text has no effect, shown faded as VS Code does for unused code. */
const UNNECESSARY = new Set(['level-ignored']);

export const DIAGNOSTIC_SOURCE = 'rubrics';

export function toDiagnostic(d: WireDiagnostic, range: vscode.Range): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(range, d.message, SEVERITY[d.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = d.code;
  if (UNNECESSARY.has(d.code)) diagnostic.tags = [vscode.DiagnosticTag.Unnecessary];
  return diagnostic;
}

/** A cancellation token as the AbortSignal the worker client understands. */
export function toSignal(token: vscode.CancellationToken | undefined): AbortSignal | undefined {
  if (!token) return undefined;
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  else token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}
