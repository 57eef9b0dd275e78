import * as vscode from 'vscode';
import { Engine, type FileAnalysis } from '../../src/core/engine';
import { DIAGNOSTIC_CODES } from '../../src/core/diagnostics/codes';
import type { FileHost } from '../../src/core/resolve/host';
import { LineIndex } from '../../src/core/text/lineIndex';

/**
 * What the suites share: the engine itself (bundled into the suite, so the expected results are
 * computed by the same code the CLI runs, not typed in by hand), files read through
 * `vscode.workspace.fs`, and waits on VS Code state.
 */

export const EXTENSION_ID = 'rubrics-as-code.rubrics-as-code';

/** Reads workspace files through VS Code, the way the extension must (virtual workspaces included). */
class WorkspaceFileHost implements FileHost {
  async readFile(uri: string): Promise<string | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    if (open) return open.getText();
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri)));
    } catch {
      return undefined;
    }
  }
}

/** The engine's analysis of a document's current text, as the CLI would compute it. */
export function analyzeWithEngine(document: vscode.TextDocument): Promise<FileAnalysis> {
  return new Engine(new WorkspaceFileHost()).analyze(document.uri.toString(), document.getText());
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The suite needs a workspace folder: open a copy of samples/.');
  return folder.uri;
}

export function sampleUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

export async function openSample(relativePath: string): Promise<{ document: vscode.TextDocument; editor: vscode.TextEditor }> {
  const document = await vscode.workspace.openTextDocument(sampleUri(relativePath));
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  return { document, editor };
}

/** Polls `probe` until it returns something truthy; fails with `describe()`'s account of the last state. */
export async function waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string, options: { timeoutMs?: number; describe?: () => string } = {}): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${options.describe ? `\n${options.describe()}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** One diagnostic as a line of text: "12:3-12:16 error unknown-dimension message". Ranges are 1-based. */
export type DiagnosticLine = string;

const SEVERITY_NAMES: Record<number, string> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** The extension's diagnostics for a document (those with one of the engine's codes), as lines. */
export function editorDiagnostics(uri: vscode.Uri): DiagnosticLine[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => codeOf(d) in DIAGNOSTIC_CODES)
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${SEVERITY_NAMES[d.severity]} ${codeOf(d)} ${d.message}`)
    .sort();
}

/** The engine's diagnostics for the same text, in the same form. */
export function engineDiagnostics(analysis: FileAnalysis): DiagnosticLine[] {
  const lines = new LineIndex(analysis.text);
  return analysis.diagnostics
    .map((d) => {
      const start = lines.lineColumnAt(d.range.start);
      const end = lines.lineColumnAt(d.range.end);
      return `${start.line}:${start.column}-${end.line}:${end.column} ${d.severity} ${d.code} ${d.message}`;
    })
    .sort();
}

export function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((line, i) => line === b[i]);
}

/** Waits until the editor shows exactly the engine's diagnostics for the document's current text. */
export async function waitForEngineDiagnostics(document: vscode.TextDocument, timeoutMs = 20_000): Promise<DiagnosticLine[]> {
  let expected: DiagnosticLine[] = [];
  let actual: DiagnosticLine[] = [];
  return waitFor(async () => {
    expected = engineDiagnostics(await analyzeWithEngine(document));
    actual = editorDiagnostics(document.uri);
    return sameLines(expected, actual) ? expected : undefined;
  }, `the diagnostics of ${vscode.workspace.asRelativePath(document.uri)} to match the engine's`, {
    timeoutMs,
    describe: () => `expected (engine):\n  ${expected.join('\n  ') || '(none)'}\nactual (editor):\n  ${actual.join('\n  ') || '(none)'}`,
  });
}

/** The 0-based position of the first occurrence of `needle` (after `after`, if given). */
export function positionOf(document: vscode.TextDocument, needle: string, after?: string): vscode.Position {
  const text = document.getText();
  const from = after === undefined ? 0 : text.indexOf(after);
  if (from < 0) throw new Error(`"${after}" is not in ${document.uri.path}`);
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`"${needle}" is not in ${document.uri.path}`);
  return document.positionAt(at);
}

/** Reverts unsaved changes and closes every editor, so each test starts from the same window (and no save prompt appears). */
export async function closeAllEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    // Only what the suite edits: the workspace's files. VS Code edits documents of its own too (the
    // user settings.json, while it writes a setting), and showing one of those mid-edit fails
    // with "another editor opened in the meantime" (seen once in five loaded runs).
    if (!document.isDirty || !vscode.workspace.getWorkspaceFolder(document.uri)) continue;
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export function assertEqual<T>(actual: T, expected: T, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}
