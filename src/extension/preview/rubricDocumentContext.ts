import * as vscode from 'vscode';
import type { RubricServices } from '../services';

/**
 * The context key `rubrics.previewableDocuments`: the paths of the open documents that are ours.
 * Menus and key bindings test `resourcePath in rubrics.previewableDocuments`, which VS Code
 * evaluates per editor group, so the preview button appears on the title of rubric editors only.
 *
 * Paths, not URI strings: in a remote window (SSH, WSL, code-server) the workbench sees a file as
 * vscode-remote://... while the extension host sees file://..., and context values are compared
 * as plain strings. The workbench's `resourcePath` is the path for remote and virtual files and
 * the file-system path for local ones, so each document contributes both spellings.
 */
export const PREVIEWABLE_DOCUMENTS_KEY = 'rubrics.previewableDocuments';

/** How long after the last keystroke a plain YAML file is checked again (it may have just become ours). */
const RECHECK_DELAY_MS = 400;

export class RubricDocumentContext implements vscode.Disposable {
  private readonly uris = new Set<string>();
  private published = '';
  private readonly disposables: vscode.Disposable[] = [];
  private readonly rechecks = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly services: RubricServices) {
    for (const document of vscode.workspace.textDocuments) this.check(document, false);
    this.publish();
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((document) => this.check(document)),
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.cancelRecheck(document.uri.toString());
        if (this.uris.delete(document.uri.toString())) this.publish();
      }),
      vscode.workspace.onDidChangeTextDocument(({ document }) => {
        // Documents that are ours are re-checked after each analysis; others (a YAML file the
        // user is turning into a rubric document) after a pause in typing.
        const key = document.uri.toString();
        if (this.uris.has(key) || document.languageId !== 'yaml') return;
        this.cancelRecheck(key);
        this.rechecks.set(key, setTimeout(() => {
          this.rechecks.delete(key);
          this.check(document);
        }, RECHECK_DELAY_MS));
      }),
      services.onDidAnalyze(({ uri }) => this.checkUri(uri)),
      services.onDidRelease((uri) => this.checkUri(uri)),
    );
  }

  /** Whether the document is ours, as of the last check. */
  has(document: vscode.TextDocument): boolean {
    return this.uris.has(document.uri.toString());
  }

  dispose(): void {
    for (const timer of this.rechecks.values()) clearTimeout(timer);
    this.rechecks.clear();
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private checkUri(uri: string): void {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    if (document) this.check(document);
  }

  private check(document: vscode.TextDocument, publish = true): void {
    const key = document.uri.toString();
    let ours = false;
    try {
      ours = !document.isClosed && this.services.isRubricDocument(document);
    } catch {
      ours = false;
    }
    const changed = ours ? !this.uris.has(key) : this.uris.has(key);
    if (ours) this.uris.add(key);
    else this.uris.delete(key);
    if (changed && publish) this.publish();
  }

  private cancelRecheck(key: string): void {
    const timer = this.rechecks.get(key);
    if (timer !== undefined) clearTimeout(timer);
    this.rechecks.delete(key);
  }

  private publish(): void {
    const list = [...new Set([...this.uris].flatMap((key) => contextPaths(vscode.Uri.parse(key))))].sort();
    const serialized = JSON.stringify(list);
    if (serialized === this.published) return;
    this.published = serialized;
    void vscode.commands.executeCommand('setContext', PREVIEWABLE_DOCUMENTS_KEY, list);
  }
}

/** The spellings of a document's path that the workbench may use for `resourcePath`. */
function contextPaths(uri: vscode.Uri): string[] {
  return uri.scheme === 'file' ? [uri.fsPath, uri.path] : [uri.path];
}
