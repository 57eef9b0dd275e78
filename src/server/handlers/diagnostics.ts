import type { Connection } from 'vscode-languageserver';
import type { DiagnosticsSink } from '../checks';
import { DIAGNOSTIC_SOURCE, toDiagnostic, type Positions } from '../convert';
import { LineIndex, type Diagnostic, type DiagnosticCode, type FileAnalysis } from '../core';

/**
 * The diagnostics the server publishes, open files and files that are not open alike. It keeps
 * which files have some, so that a file that is gone or no longer ours can be cleared.
 */
export class DiagnosticsPublisher implements DiagnosticsSink {
  private readonly published = new Set<string>();

  constructor(private readonly connection: Connection) {}

  /** A check's problems, at the positions of the text it checked; `version` for an open document. */
  publish(uri: string, analysis: FileAnalysis, positions: Positions, version?: number): void {
    this.published.add(uri);
    void this.connection.sendDiagnostics({ uri, ...(version !== undefined ? { version } : {}), diagnostics: analysis.diagnostics.map((d) => toDiagnostic(positions, d)) });
  }

  /** Why a file of ours was not read (it leads out of the workspace): shown at its start. */
  publishRefusal(uri: string, diagnostic: Diagnostic): void {
    this.published.add(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [toDiagnostic(new LineIndex(''), diagnostic)] });
  }

  /** The engine failed on the file: one problem says so (its problems may be out of date), the log has the details. */
  internalError(uri: string, error: unknown): void {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.connection.console.error(`The engine failed on ${uri}: ${detail}`);
    this.published.add(uri);
    void this.connection.sendDiagnostics({
      uri,
      diagnostics: [{
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 1,
        source: DIAGNOSTIC_SOURCE,
        code: 'internal-error' satisfies DiagnosticCode,
        message: 'Rubrics could not check this file because of an internal error; the problems shown may be out of date. See the language server\'s log for details.',
      }],
    });
  }

  /** Clears the file's problems, if it has any. */
  clear(uri: string): void {
    if (this.published.delete(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
