/**
 * Which files are ours: the one answer for the CLI (folders and globs it walks), the editor and
 * the language server. A file is ours when its path matches the `rubrics.files` globs (the
 * defaults below, which the setting's default in package.json repeats and a test keeps equal), or
 * when its text has a root-level `apiVersion: rubrics-as-code/v1` line.
 */
import { globToRegExp } from './glob';

export { globToRegExp };

/** The default `rubrics.files`: rubric, assessment and plan files by name, and any YAML under a `rubrics/` folder. */
export const DEFAULT_RUBRIC_FILE_GLOBS: readonly string[] = ['**/*.rubric.{yaml,yml}', '**/*.assessment.{yaml,yml}', '**/*.plan.{yaml,yml}', '**/rubrics/**/*.{yaml,yml}'];

/** A root-level `apiVersion: rubrics-as-code/v1` line: how a YAML file says it is ours whatever its name. */
const API_VERSION_LINE = /^apiVersion:[ \t]*(["']?)rubrics-as-code\/v1\1[ \t]*(?:#.*)?\r?$/m;

export function declaresApiVersion(text: string): boolean {
  return API_VERSION_LINE.test(text);
}

/**
 * `rubrics.files` patterns, in the tool's one glob dialect (see glob.ts). A pattern is matched
 * against the path relative to its workspace folder, and patterns that start with `**\/` also
 * against the whole path (files outside any folder, untitled documents).
 */
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
