/**
 * Which files are ours: the one answer for the CLI (folders and globs it walks), the editor and
 * the language server. A file is ours when its path matches the `rubrics.files` globs (the
 * defaults below, which the setting's default in package.json repeats and a test keeps equal), or
 * when its text has a root-level `apiVersion: rubrics-as-code/v1` line.
 */

/** The default `rubrics.files`: rubric, assessment and plan files by name, and any YAML under a `rubrics/` folder. */
export const DEFAULT_RUBRIC_FILE_GLOBS: readonly string[] = ['**/*.rubric.{yaml,yml}', '**/*.assessment.{yaml,yml}', '**/*.plan.{yaml,yml}', '**/rubrics/**/*.{yaml,yml}'];

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
