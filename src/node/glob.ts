import { globMatcher, globToRegExp } from './core';

/**
 * Globs in file arguments (`**\/*.yaml`, `samples/**\/*.assessment.yaml`, `{rubrics,plans}/*.yml`)
 * and in the Action's `paths`, so that the tool behaves the same whether or not the shell expanded
 * the pattern. They are the tool's one glob dialect (src/core/format/glob.ts): the same as
 * `rubrics.files` and `.rubricsignore`. The folders before the first wildcard are where the search
 * starts, so they name a folder on disk as a path does.
 */

const MAGIC = /[*?[\]{}]/;

export function hasGlobMagic(text: string): boolean {
  return MAGIC.test(text);
}

export interface GlobPattern {
  /** The leading folders without wildcards: where to search from ("" for the current folder). */
  readonly base: string;
  /** Matches a path relative to `base`, with forward slashes. */
  readonly matcher: RegExp;
  /** How deep below `base` a match can be (Infinity with `**`). */
  readonly maxDepth: number;
}

/** Splits a pattern (forward slashes; backslashes escape) into where to search and what to match there. */
export function parseGlob(pattern: string): GlobPattern {
  const absolute = pattern.startsWith('/');
  const segments = pattern.split('/').filter((s) => s !== '' && s !== '.');
  // A backslash escapes a wildcard: such a segment is matched too, not taken as a folder name.
  const first = segments.findIndex((s) => hasGlobMagic(s) || s.includes('\\'));
  const literal = first < 0 ? segments.slice(0, -1) : segments.slice(0, first);
  const rest = segments.slice(literal.length).join('/');
  return {
    base: (absolute ? '/' : '') + literal.join('/'),
    matcher: globToRegExp(rest),
    // Each alternative of a brace uses some of the pattern's slashes, never more.
    maxDepth: /\*\*/.test(rest) ? Infinity : rest.split('/').length,
  };
}

/** Whether a path (relative, forward slashes) matches a pattern, as the review matches the paths it is given. */
export function matchesGlob(pattern: string, path: string): boolean {
  return globMatcher(pattern.replace(/^(\.\/)+/, ''))(path);
}
