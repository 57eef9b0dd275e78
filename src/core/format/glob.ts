import type { PicomatchOptions } from 'picomatch';
// picomatch's parser alone, rather than its main module: the web build has a budget (1 MB per
// bundle), and the main module's scanner and matcher API, which nothing here uses, cost 5 kB of it.
import parse from 'picomatch/lib/parse.js';

/**
 * The one glob dialect of the tool, for every place that matches paths: `rubrics.files` and the
 * folder walk (files.ts), `.rubricsignore` (ignoreFile.ts), and the CLI's arguments and the
 * Action's `paths` (src/node/glob.ts). picomatch does the matching (pure JavaScript, so the browser
 * build has it too), always with these options, and forward slashes whatever the platform:
 *
 * - `*` and `?` match within one name, `**` any number of folders, `[abc]`, `[a-z]`, `[!x]`
 *   (`[^x]`) and POSIX classes one character, `{a,b}` either alternative; `\` escapes;
 * - wildcards match names that start with a dot (`dot`), as VS Code's globs and `.gitignore` do:
 *   `**\/*.rubric.yaml` finds `.drafts/x.rubric.yaml` (the walk never enters .git or node_modules);
 * - letters match in either case (`nocase`): `*.rubric.yaml` finds `EV.RUBRIC.YAML`, as on the
 *   file systems of Windows and macOS;
 * - no extglobs, no regular-expression groups and no leading `!`: `(`, `)`, `|`, `+`, `@` and
 *   `!` are ordinary characters (`.rubricsignore` gives a leading `!` its `.gitignore` meaning).
 *
 * Paths are matched with forward slashes, relative to the folder a pattern belongs to.
 */
export const GLOB_OPTIONS: PicomatchOptions = Object.freeze({ dot: true, nocase: true, noextglob: true, posix: true, nonegate: true });

/** A test of paths (forward slashes) against one pattern of the dialect. */
export function globMatcher(pattern: string): (path: string) => boolean {
  const regexp = globToRegExp(pattern);
  return (path) => regexp.test(path);
}

/** The anchored regular expression of one pattern of the dialect. */
export function globToRegExp(pattern: string): RegExp {
  // What picomatch.makeRe does with these options (`nonegate`: never a negated pattern).
  const source = `^(?:${parse(literalGroups(pattern), GLOB_OPTIONS).output})$`;
  try {
    return new RegExp(source, 'i');
  } catch {
    return NOTHING;
  }
}

/** picomatch's answer to a pattern it cannot turn into an expression: it matches nothing. */
const NOTHING = /$^/;

/**
 * The pattern with every character that is not glob syntax escaped, outside `[...]` classes:
 * picomatch also reads `(a|b)` as a regular-expression group, `"..."` as a quoted string, and
 * does not escape a second `$` or `^`, where the dialect has only the characters
 * (`Report (1).yaml`, `a$$b.yaml`).
 */
function literalGroups(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '\\' && i + 1 < pattern.length) {
      out += ch + pattern[++i];
    } else if (ch === '[' && pattern.indexOf(']', i + 2) > 0) {
      const close = pattern.indexOf(']', i + 2);
      out += pattern.slice(i, close + 1);
      i = close;
    } else {
      out += /[\w*?{},/.-]/.test(ch) || ch.charCodeAt(0) > 127 ? ch : `\\${ch}`;
    }
  }
  return out;
}
