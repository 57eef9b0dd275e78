/**
 * Which documents are ours, decided by the language server for every editor. The rule itself
 * (the `rubrics.files` globs, or a root-level `apiVersion` line) is the core's, shared with the CLI;
 * this module adds what only an editor has: workspace folders, URI schemes and language ids.
 */
import { BUILTIN_SCHEME, declaresApiVersion, DEFAULT_RUBRIC_FILE_GLOBS, GlobSet, type IgnoreList } from './core';

/** The `rubrics.files` setting's default: what a new user's files are called. */
export const DEFAULT_FILE_GLOBS = DEFAULT_RUBRIC_FILE_GLOBS;

/**
 * Views of files that are not the file itself (source control, diffs of pull requests, output):
 * checking them would list the same problems twice in the Problems panel.
 */
const IGNORED_SCHEMES = new Set(['git', 'gitlens', 'pr', 'review', 'output', 'vscode-scm', 'conflictResolution', 'merge-conflict.conflict-diff', 'vscode-chat-code-block', 'comment']);

const BUILTIN_SCHEME_PREFIX = `${BUILTIN_SCHEME}:`;

/**
 * Decides which documents are ours: YAML files whose path matches the `rubrics.files` globs
 * (relative to the workspace folder that holds them), and any YAML text that declares our
 * apiVersion, unless the folder's `.rubricsignore` names the file. The same rule for every editor, since the language server applies it.
 */
export class FileOwnership {
  private globs: GlobSet;
  private folderUris: string[] = [];
  /** Each workspace folder's `.rubricsignore`, as the CLI reads it: files it names are not ours. */
  private ignoreLists = new Map<string, IgnoreList>();

  constructor(patterns: readonly string[] = DEFAULT_FILE_GLOBS) {
    this.globs = new GlobSet(patterns);
  }

  get patterns(): string[] {
    return this.globs.sources;
  }

  setPatterns(patterns: readonly string[]): void {
    this.globs = new GlobSet(patterns);
  }

  /** Workspace folder URIs (each ending in a slash). */
  get folders(): readonly string[] {
    return this.folderUris;
  }

  /** Workspace folder URIs, for paths relative to them. */
  setFolders(folders: readonly string[]): void {
    this.folderUris = folders.map((f) => (f.endsWith('/') ? f : `${f}/`));
  }

  /** The `.rubricsignore` of each workspace folder that has one (folder URI → its list). */
  setIgnoreLists(lists: ReadonlyMap<string, IgnoreList>): void {
    this.ignoreLists = new Map([...lists].map(([folder, list]) => [folder.endsWith('/') ? folder : `${folder}/`, list]));
  }

  isIgnored(uri: string): boolean {
    const colon = uri.indexOf(':');
    if (colon > 0 && IGNORED_SCHEMES.has(uri.slice(0, colon))) return true;
    const folder = this.folderOf(uri);
    return folder !== undefined && (this.ignoreLists.get(folder)?.ignores(decodePath(uri.slice(folder.length))) ?? false);
  }

  private folderOf(uri: string): string | undefined {
    return this.folderUris.filter((f) => uri.startsWith(f)).sort((a, b) => b.length - a.length)[0];
  }

  /** Whether the URI's path matches the globs (no reading). */
  matchesGlobs(uri: string): boolean {
    if (this.isIgnored(uri)) return false;
    if (uri.startsWith(BUILTIN_SCHEME_PREFIX)) return true;
    const folder = this.folderOf(uri);
    const relative = folder ? decodePath(uri.slice(folder.length)) : undefined;
    return this.globs.matches(relative, decodePath(pathOf(uri)));
  }

  /** Whether a document is ours: by name (a YAML file the globs cover) or by its apiVersion line. */
  owns(uri: string, text: string, languageId?: string): boolean {
    if (this.isIgnored(uri)) return false;
    if (languageId !== undefined && languageId !== 'yaml' && !/\.ya?ml$/i.test(pathOf(uri))) return false;
    if (this.matchesGlobs(uri) && (languageId === 'yaml' || /\.ya?ml$/i.test(pathOf(uri)) || uri.startsWith(BUILTIN_SCHEME_PREFIX))) return true;
    return declaresApiVersion(text);
  }
}

function pathOf(uri: string): string {
  const match = /^[a-z][a-z0-9+.-]*:(?:\/\/[^/?#]*)?([^?#]*)/i.exec(uri);
  return match?.[1] ?? uri;
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
