import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { asFolder, declaresApiVersion, DEFAULT_RUBRIC_FILE_GLOBS, GlobSet, type Refusal, refusalSentence } from './core';
import { CliError, errorText } from './errors';
import { decodeText, MAX_READ_BYTES, nonRegularKind, readPrefix, UnreadableFile } from './fileRead';
import { hasGlobMagic, parseGlob } from './glob';
import { IgnoreRules } from './ignoreFile';
import { fileUri } from './nodeFileHost';
import { printable } from './printable';

/** Folders that never hold a project's own rubric files, and are huge when they exist: dependencies and version control. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn']);
const YAML_FILE = /\.ya?ml$/i;
/** The editor's default `rubrics.files` globs; other YAML files are ours when they say so at their root. */
const OUR_FILES = new GlobSet(DEFAULT_RUBRIC_FILE_GLOBS);

/** A path as shown to people and in reports: relative to `cwd`, with forward slashes. */
export function displayPath(file: string, cwd: string): string {
  // The common case, a file found under a folder in normal form, without path.relative's two
  // resolves of each path: a run over a thousand files shows a thousand paths.
  const prefix = folderPrefix(cwd);
  if (prefix !== undefined && file.startsWith(prefix)) {
    const rest = file.slice(prefix.length);
    if (rest !== '' && !NOT_NORMAL.test(rest)) return path.sep === '/' ? rest : rest.split(path.sep).join('/');
  }
  const relative = path.relative(cwd, file);
  return (relative === '' ? path.basename(file) : relative).split(path.sep).join('/');
}

/** A `.` or `..` segment, an empty one, or a leading or trailing separator: left to path.relative. */
const NOT_NORMAL = /(?:^|[\\/])\.{1,2}(?:[\\/]|$)|[\\/]{2}|^[\\/]|[\\/]$/;
let lastFolder: { readonly folder: string; readonly prefix: string | undefined } | undefined;

/** `folder` with a separator after it, when it is absolute and in normal form. */
function folderPrefix(folder: string): string | undefined {
  if (lastFolder?.folder !== folder) {
    const normal = path.isAbsolute(folder) && path.resolve(folder) === folder;
    lastFolder = { folder, prefix: normal ? (folder.endsWith(path.sep) ? folder : folder + path.sep) : undefined };
  }
  return lastFolder.prefix;
}

/** What a search found: the files to check, and why some entries that looked like ours were left out. */
export interface Discovery {
  readonly files: string[];
  /**
   * Those of the files that discovery saw to be regular files (a folder's entry, or a named
   * file's stat): reading them need not look at the path again before opening it.
   */
  readonly regular: ReadonlySet<string>;
  /** One sentence per skipped entry (a FIFO, a device, a socket, a link out of the root that is not ours by its name), for the user to see. */
  readonly skipped: string[];
  /**
   * Files and folders to check that lie outside the root, or lead out of it through a link
   * (named, or ours by their name): never read, each reported in its place (refusedFileDiagnostic).
   */
  readonly refused: RefusedEntry[];
}

export interface RefusedEntry {
  /** As written or found (the link, not where it leads). */
  readonly path: string;
  readonly refusal: Refusal;
  readonly what: 'file' | 'folder';
}

/** Whether a file or folder to check may be read: Engine.checkedFileRefusal, the one decision (core/resolve/confinement.ts). */
export type RefusalCheck = (uri: string) => Promise<Refusal | undefined>;

/** No file to check: no path matched, or every path matched nothing (exit 2, the outputs still written). */
export class NothingToCheck extends CliError {}

/**
 * Turns command-line arguments (files, directories, globs) into the sorted list of files to
 * validate. Files named explicitly are always taken; files found in directories or by globs are
 * taken when they look like rubric files (see `isRubricFile`) and the nearest `.rubricsignore`
 * does not leave them out. Entries in folders that are not
 * regular files are never opened: those with a YAML name are listed in `skipped`. Before
 * anything is read, each named path, each folder walked and each link found is asked about
 * (`refusal`): one outside the root is never read, and is listed in `refused` (or, for a link
 * whose name is not one of ours, in `skipped`). Throws NothingToCheck (exit 2) for a path that
 * does not exist or a glob that matches nothing, and CliError for a directory that cannot be read.
 */
export async function discoverFiles(inputs: readonly string[], cwd: string, refusal: RefusalCheck): Promise<Discovery> {
  const found = new Set<string>();
  const regular = new Set<string>();
  const skipped = new Map<string, string>();
  const refused = new Map<string, RefusedEntry>();
  const ignore = await IgnoreRules.load(cwd);
  /** Whether a path may be read; a refused one is listed, as ours (`refused`) or not (`skipped`). */
  const allowed = async (file: string, what: 'file' | 'folder', ours: boolean): Promise<boolean> => {
    const why = await refusal(what === 'folder' ? asFolder(fileUri(file)) : fileUri(file));
    if (!why) return true;
    if (ours) refused.set(file, { path: file, refusal: why, what });
    else skipped.set(file, `Skipped ${printable(displayPath(file, cwd))}: it leads through a link ${why.versionControl !== undefined ? `into ${why.versionControl}, version control's own folder` : `out of ${why.scope}`}, so it was not read.`);
    return false;
  };
  const take = async (entry: WalkEntry) => {
    if (ignore.ignores(entry.path)) return;
    if (entry.kind === 'file') {
      // A link is asked about before anything of it is read, even the line that would make it ours.
      if (entry.link && !(await allowed(entry.path, 'file', YAML_FILE.test(entry.path) && isOursByName(entry.path, cwd)))) return;
      if (await isRubricFile(entry.path, cwd)) {
        found.add(entry.path);
        regular.add(entry.path);
      }
    } else if (YAML_FILE.test(entry.path) && !skipped.has(entry.path)) {
      skipped.set(entry.path, `Skipped ${printable(displayPath(entry.path, cwd))}: it is ${entry.what}, not a regular file.`);
    }
  };
  for (const input of inputs.length > 0 ? inputs : ['.']) {
    const absolute = path.resolve(cwd, input);
    const kind = await pathKind(absolute, input);
    if (kind === 'file' || kind === 'special') {
      if (!(await allowed(absolute, 'file', true))) continue;
      found.add(absolute);
      if (kind === 'file') regular.add(absolute);
    } else if (kind === 'directory') {
      if (!(await allowed(absolute, 'folder', true))) continue;
      for await (const entry of walkFiles(absolute, Infinity)) await take(entry);
    } else if (hasGlobMagic(input)) {
      let matchedAny = false;
      const glob = parseGlob(toPosix(input));
      const base = path.resolve(cwd, glob.base || '.');
      if ((await pathKind(base, glob.base)) === 'directory') {
        // A refused base is reported (as a match) by allowed(), never walked.
        if (!(await allowed(base, 'folder', true))) matchedAny = true;
        else {
          for await (const entry of walkFiles(base, glob.maxDepth)) {
            if (!glob.matcher.test(toPosix(path.relative(base, entry.path)))) continue;
            matchedAny = true;
            await take(entry);
          }
        }
      }
      if (!matchedAny) throw new NothingToCheck(`No files match ${JSON.stringify(input)}. Check the pattern; quote it so the shell passes it on unchanged (e.g. 'samples/**/*.yaml').`);
    } else {
      throw new NothingToCheck(`Cannot find ${JSON.stringify(input)} (looked in ${path.resolve(cwd, input)}). Check the path, or pass a directory or a quoted glob such as '**/*.assessment.yaml'.`);
    }
  }
  // Each path is made relative once, not in every comparison of the sort.
  const byShownPath = (files: Iterable<string>) =>
    [...files].map((file) => ({ file, shown: displayPath(file, cwd) })).sort((a, b) => compareStrings(a.shown, b.shown)).map((f) => f.file);
  return {
    files: byShownPath(found),
    regular,
    skipped: byShownPath([...skipped.keys()].filter((file) => !found.has(file))).map((file) => skipped.get(file) as string),
    refused: byShownPath(refused.keys()).map((file) => refused.get(file) as RefusedEntry),
  };
}

/** The refused entries as notes, for commands that list what they found rather than check it (uses, history). */
export function refusedNotes(refused: readonly RefusedEntry[], cwd: string): string[] {
  return refused.map((entry) => printable(refusalSentence(displayPath(entry.path, cwd), entry.refusal, entry.what)));
}

/** Whether a YAML file's name (or a folder on its path) makes it one of ours, without reading it. */
function isOursByName(file: string, cwd: string): boolean {
  return OUR_FILES.matches(displayPath(file, cwd), toPosix(file));
}

/**
 * Whether a file found by a walk or a glob is one of ours, as the editor decides it (named files
 * skip this test). Reading stops at the engine's size limit: a larger file is ours if the part read
 * says so, and is then refused for its size when it is checked.
 */
export async function isRubricFile(file: string, cwd: string): Promise<boolean> {
  if (!YAML_FILE.test(file)) return false;
  const shown = displayPath(file, cwd);
  if (isOursByName(file, cwd)) return true;
  try {
    return declaresApiVersion(decodeText((await readPrefix(file, MAX_READ_BYTES)).bytes));
  } catch (error) {
    const reason = error instanceof UnreadableFile ? error.reason : errorText(error);
    throw new CliError(`Cannot read ${printable(shown)}: ${reason}. Fix its permissions, or leave it out by naming the files or folders to check.`);
  }
}

/**
 * An entry of a folder: a regular file (or, with `link`, a link to one: where it leads is for the
 * caller to judge before reading it), or something else that is never opened.
 */
export type WalkEntry = { readonly kind: 'file'; readonly path: string; readonly link?: true } | { readonly kind: 'other'; readonly path: string; readonly what: string };

export interface WalkOptions {
  /** A folder below the root that cannot be read is passed here and skipped; without it, the walk stops with a CliError. */
  readonly unreadableFolder?: (folder: string, error: unknown) => void;
}

/**
 * Every entry below `root` that is not a folder, in a stable order, skipping dependencies and
 * version control (node_modules, .git, .hg, .svn) and not following directory links (no cycles,
 * and nothing below a root that is not really below it). FIFOs, sockets and devices, and links to
 * them, come as `other`: they are never opened; links to files are marked, for the caller to ask
 * where they lead. The CLI's discovery and the language server's workspace scan (`rubrics lsp`)
 * both walk with this.
 */
export async function* walkFiles(root: string, maxDepth: number, options: WalkOptions = {}, depth = 1): AsyncGenerator<WalkEntry> {
  let entries: Dirent[];
  try {
    entries = await readdir(root, { withFileTypes: true });
  } catch (error) {
    if (depth > 1 && options.unreadableFolder) {
      options.unreadableFolder(root, error);
      return;
    }
    throw new CliError(`Cannot read the folder ${root}: ${errorText(error)}.`);
  }
  entries.sort((a, b) => compareStrings(a.name, b.name));
  for (const entry of entries) {
    const full = path.join(root, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name) && depth < maxDepth) yield* walkFiles(full, maxDepth, options, depth + 1);
    } else if (entry.isFile()) {
      yield { kind: 'file', path: full };
    } else if (entry.isSymbolicLink()) {
      // A link to a file counts; a link to a folder is not followed, so links cannot loop.
      const target = await stat(full).catch(() => undefined);
      if (target?.isFile()) yield { kind: 'file', path: full, link: true };
      else if (target && !target.isDirectory()) yield { kind: 'other', path: full, what: `a link to ${nonRegularKind(target) ?? 'a file'}` };
    } else {
      yield { kind: 'other', path: full, what: nonRegularKind(entry) ?? 'a file' };
    }
  }
}

/** What a path names; `special` is a FIFO, a device or a socket, which reading refuses. */
async function pathKind(absolute: string, shown: string): Promise<'file' | 'special' | 'directory' | 'missing'> {
  try {
    const info = await stat(absolute);
    return info.isDirectory() ? 'directory' : info.isFile() ? 'file' : 'special';
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
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
