import { globMatcher } from './glob';

/**
 * `.rubricsignore`: files the CLI, the GitHub Action and the editor leave alone (a `mkdocs.yml`
 * under `rubrics/`, generated files, a folder of drafts), written the way `.gitignore` is: one
 * pattern a line, `#` comments, `!` to take a path back, a trailing `/` for folders only, a pattern
 * with a `/` before its end anchored to the file's folder and one without it matching at any depth,
 * and no way back into a folder that is left out. Each pattern is in the tool's one glob dialect
 * (glob.ts), so wildcards match dot names and either case, as they do in `rubrics.files`. Paths are
 * relative to the folder that holds the file, with forward slashes.
 */
export const IGNORE_FILE_NAME = '.rubricsignore';

interface IgnoreRule {
  /** `!pattern`: takes back what an earlier line left out. */
  readonly negated: boolean;
  /** `pattern/`: matches folders only (and so everything in them). */
  readonly foldersOnly: boolean;
  readonly matches: (path: string) => boolean;
}

/** One line as `.gitignore` reads it, or undefined for a blank line or a comment. */
function ignoreRule(line: string): IgnoreRule | undefined {
  // Trailing spaces do not count unless a backslash keeps them.
  let pattern = line.replace(/(?<!\\)[ \t]+$/, '');
  if (pattern === '' || pattern.startsWith('#')) return undefined;
  const negated = pattern.startsWith('!');
  if (negated) pattern = pattern.slice(1);
  else if (pattern.startsWith('\\!') || pattern.startsWith('\\#')) pattern = pattern.slice(1);
  const foldersOnly = pattern.endsWith('/');
  if (foldersOnly) pattern = pattern.slice(0, -1);
  if (pattern === '') return undefined;
  // A slash at the start or in the middle anchors the pattern to the file's folder.
  const anchored = pattern.includes('/');
  return { negated, foldersOnly, matches: globMatcher(anchored ? pattern.replace(/^\//, '') : `**/${pattern}`) };
}

export class IgnoreList {
  private readonly rules: readonly IgnoreRule[];
  /** How many patterns the file holds (blank lines and comments aside). */
  readonly size: number;

  constructor(text: string) {
    this.rules = text.split(/\r?\n/).flatMap((line) => ignoreRule(line) ?? []);
    this.size = this.rules.length;
  }

  /** Whether a path (relative to the ignore file's folder) is left out; paths outside that folder never are. */
  ignores(relativePath: string): boolean {
    if (relativePath === '' || relativePath.startsWith('../') || relativePath === '..' || relativePath.startsWith('/') || this.rules.length === 0) return false;
    // As in git, a file in a folder that is left out stays out, whatever a later line says of the file.
    const segments = relativePath.split('/');
    for (let end = 1; end < segments.length; end++) if (this.decides(segments.slice(0, end).join('/'), true)) return true;
    return this.decides(relativePath, false);
  }

  /** The last line that matches decides. */
  private decides(path: string, folder: boolean): boolean {
    let ignored = false;
    for (const rule of this.rules) if ((folder || !rule.foldersOnly) && rule.negated === ignored && rule.matches(path)) ignored = !rule.negated;
    return ignored;
  }
}
