/**
 * Which files are ours, decided by the language server for every editor: by the
 * `rubrics.files` globs, or by a root-level `apiVersion: rubrics-as-code/v1` line.
 */

/** A root-level `apiVersion: rubrics-as-code/v1` line: how a YAML file says it is ours whatever its name. */
const API_VERSION_LINE = /^apiVersion:[ \t]*(["']?)rubrics-as-code\/v1\1[ \t]*(?:#.*)?\r?$/m;

export function declaresApiVersion(text: string): boolean {
  return API_VERSION_LINE.test(text);
}

/**
 * Glob patterns as VS Code settings write them (`**\/*.rubric.{yaml,yml}`, `plans/*.yaml`):
 * `**` spans folders, `*` and `?` stay within a name, `{a,b}` gives alternatives. A pattern is
 * matched against the path relative to its workspace folder, and patterns that start with `**\/`
 * also against the whole path (files outside any folder, untitled documents).
 */
export function globToRegExp(pattern: string): RegExp {
  let out = '';
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '*') {
      if (pattern[i + 1] === '*') {
        const slash = pattern[i + 2] === '/';
        out += slash ? '(?:[^/]*/)*' : '.*';
        i += slash ? 2 : 1;
      } else out += '[^/]*';
    } else if (ch === '?') out += '[^/]';
    else if (ch === '{') {
      braces++;
      out += '(?:';
    } else if (ch === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (ch === ',' && braces > 0) out += '|';
    else out += ch.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`, 'i');
}

export class GlobSet {
  private readonly patterns: { source: string; regexp: RegExp }[];

  constructor(patterns: readonly string[]) {
    this.patterns = patterns.filter((p) => typeof p === 'string' && p.trim() !== '').map((source) => ({ source, regexp: globToRegExp(source.replace(/^\.\//, '')) }));
  }

  get sources(): string[] {
    return this.patterns.map((p) => p.source);
  }

  /** `relativePath`: relative to the workspace folder, if the file is in one; `fullPath`: the URI's path. */
  matches(relativePath: string | undefined, fullPath: string): boolean {
    return this.patterns.some(({ source, regexp }) => (relativePath !== undefined && regexp.test(relativePath)) || (source.startsWith('**/') && regexp.test(fullPath.replace(/^\/+/, ''))));
  }
}

/** The `rubrics.files` setting's default: what a new user's files are called. */
export const DEFAULT_FILE_GLOBS: readonly string[] = ['**/*.rubric.{yaml,yml}', '**/*.assessment.{yaml,yml}', '**/*.plan.{yaml,yml}', '**/rubrics/**/*.{yaml,yml}'];

/**
 * Views of files that are not the file itself (source control, diffs of pull requests, output):
 * checking them would list the same problems twice in the Problems panel.
 */
const IGNORED_SCHEMES = new Set(['git', 'gitlens', 'pr', 'review', 'output', 'vscode-scm', 'conflictResolution', 'merge-conflict.conflict-diff', 'vscode-chat-code-block', 'comment']);

const BUILTIN_SCHEME_PREFIX = 'rubrics-builtin:';

/**
 * Decides which documents are ours: YAML files whose path matches the `rubrics.files` globs
 * (relative to the workspace folder that holds them), and any YAML text that declares our
 * apiVersion. The same rule for every editor, since the language server applies it.
 */
export class FileOwnership {
  private globs: GlobSet;
  private folderUris: string[] = [];

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

  isIgnored(uri: string): boolean {
    const colon = uri.indexOf(':');
    return colon > 0 && IGNORED_SCHEMES.has(uri.slice(0, colon));
  }

  /** Whether the URI's path matches the globs (no reading). */
  matchesGlobs(uri: string): boolean {
    if (this.isIgnored(uri)) return false;
    if (uri.startsWith(BUILTIN_SCHEME_PREFIX)) return true;
    const folder = this.folderUris.filter((f) => uri.startsWith(f)).sort((a, b) => b.length - a.length)[0];
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
