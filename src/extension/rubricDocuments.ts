import * as vscode from 'vscode';
import { BUILTIN_SCHEME } from '../core/builtins';
import { declaresApiVersion, GlobSet } from '../core/format/files';

/**
 * Views of files that are not the file itself (source control, diffs of pull requests, output):
 * checking them would list the same problems twice in the Problems panel.
 */
const IGNORED_SCHEMES = new Set(['git', 'gitlens', 'pr', 'review', 'output', 'vscode-scm', 'conflictResolution', 'merge-conflict.conflict-diff', 'vscode-chat-code-block', 'comment']);

/**
 * Decides which documents are ours: YAML files matching the `rubrics.files` globs, and any YAML
 * document that declares our apiVersion. The text check is cached per document version, so
 * callers may ask as often as they like.
 */
export class RubricDocumentClassifier {
  private globs: GlobSet;
  private readonly sniffed = new Map<string, { version: number; ours: boolean }>();

  constructor(patterns: readonly string[]) {
    this.globs = new GlobSet(patterns);
  }

  setPatterns(patterns: readonly string[]): void {
    this.globs = new GlobSet(patterns);
  }

  get patterns(): string[] {
    return this.globs.sources;
  }

  isIgnoredUri(uri: vscode.Uri): boolean {
    return IGNORED_SCHEMES.has(uri.scheme);
  }

  /** Whether the file's path matches the configured globs (no reading). */
  matchesGlobs(uri: vscode.Uri): boolean {
    if (this.isIgnoredUri(uri)) return false;
    if (uri.scheme === BUILTIN_SCHEME) return true;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const relative = folder ? vscode.workspace.asRelativePath(uri, false) : undefined;
    return this.globs.matches(relative, uri.path);
  }

  isRubricDocument(document: vscode.TextDocument): boolean {
    if (document.isClosed || this.isIgnoredUri(document.uri)) return false;
    if (this.matchesGlobs(document.uri) && (document.languageId === 'yaml' || /\.ya?ml$/i.test(document.uri.path))) return true;
    if (document.languageId !== 'yaml') return false;
    const key = document.uri.toString();
    const cached = this.sniffed.get(key);
    if (cached && cached.version === document.version) return cached.ours;
    const ours = declaresApiVersion(document.getText());
    this.sniffed.set(key, { version: document.version, ours });
    return ours;
  }

  forget(uri: vscode.Uri): void {
    this.sniffed.delete(uri.toString());
  }
}
