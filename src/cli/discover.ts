import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_RUBRIC_FILE_GLOBS, declaresApiVersion, GlobSet } from '../core/format/files';
import { CliError, errorText } from './errors';
import { hasGlobMagic, parseGlob } from './glob';

/** Folders that never hold a project's own rubric files, and are huge when they exist. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);
const YAML_FILE = /\.ya?ml$/i;
/** The editor's default `rubrics.files` globs; other YAML files are ours when they say so at their root. */
const OUR_FILES = new GlobSet(DEFAULT_RUBRIC_FILE_GLOBS);

/** A path as shown to people and in reports: relative to `cwd`, with forward slashes. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return (relative === '' ? path.basename(file) : relative).split(path.sep).join('/');
}

/**
 * Turns command-line arguments (files, directories, globs) into the sorted list of files to
 * validate. Files named explicitly are always taken; files found in directories or by globs are
 * taken when they look like rubric files (see `isRubricFile`). Throws CliError (exit 2) for a
 * path that does not exist, a glob that matches nothing, or a directory that cannot be read.
 */
export async function discoverFiles(inputs: readonly string[], cwd: string): Promise<string[]> {
  const found = new Set<string>();
  for (const input of inputs.length > 0 ? inputs : ['.']) {
    const absolute = path.resolve(cwd, input);
    const kind = await pathKind(absolute, input);
    if (kind === 'file') {
      found.add(absolute);
    } else if (kind === 'directory') {
      for await (const file of walkFiles(absolute, Infinity)) if (await isRubricFile(file, cwd)) found.add(file);
    } else if (hasGlobMagic(input)) {
      let matchedAny = false;
      for (const glob of parseGlob(toPosix(input))) {
        const base = path.resolve(cwd, glob.base || '.');
        if ((await pathKind(base, glob.base)) !== 'directory') continue;
        for await (const file of walkFiles(base, glob.maxDepth)) {
          if (!glob.matcher.test(toPosix(path.relative(base, file)))) continue;
          matchedAny = true;
          if (await isRubricFile(file, cwd)) found.add(file);
        }
      }
      if (!matchedAny) throw new CliError(`No files match "${input}". Check the pattern; quote it so the shell passes it on unchanged (e.g. 'samples/**/*.yaml').`);
    } else {
      throw new CliError(`Cannot find "${input}" (looked in ${path.resolve(cwd, input)}). Check the path, or pass a directory or a quoted glob such as '**/*.assessment.yaml'.`);
    }
  }
  return [...found].sort((a, b) => compareStrings(displayPath(a, cwd), displayPath(b, cwd)));
}

/** Whether a file found by a walk or a glob is one of ours, as the editor decides it (named files skip this test). */
export async function isRubricFile(file: string, cwd: string): Promise<boolean> {
  if (!YAML_FILE.test(file)) return false;
  const shown = displayPath(file, cwd);
  if (OUR_FILES.matches(shown, toPosix(file))) return true;
  try {
    return declaresApiVersion(await readFile(file, 'utf8'));
  } catch (error) {
    throw new CliError(`Cannot read ${shown}: ${errorText(error)}. Fix its permissions, or leave it out by naming the files or folders to check.`);
  }
}

/** Every file below `root`, in a stable order, skipping node_modules and .git and not following directory links (no cycles). */
export async function* walkFiles(root: string, maxDepth: number, depth = 1): AsyncGenerator<string> {
  let entries: Dirent[];
  try {
    entries = await readdir(root, { withFileTypes: true });
  } catch (error) {
    throw new CliError(`Cannot read the folder ${root}: ${errorText(error)}.`);
  }
  entries.sort((a, b) => compareStrings(a.name, b.name));
  for (const entry of entries) {
    const full = path.join(root, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name) && depth < maxDepth) yield* walkFiles(full, maxDepth, depth + 1);
    } else if (entry.isFile()) {
      yield full;
    } else if (entry.isSymbolicLink()) {
      // A link to a file counts; a link to a folder is not followed, so links cannot loop.
      const target = await stat(full).catch(() => undefined);
      if (target?.isFile()) yield full;
    }
  }
}

async function pathKind(absolute: string, shown: string): Promise<'file' | 'directory' | 'missing'> {
  try {
    const info = await stat(absolute);
    return info.isDirectory() ? 'directory' : 'file';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
    throw new CliError(`Cannot read "${shown}": ${errorText(error)}.`);
  }
}

function toPosix(text: string): string {
  return path.sep === '\\' ? text.replace(/\\/g, '/') : text;
}

/** Code-point order, independent of the machine's locale, so output is the same everywhere. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
