import path from 'node:path';
import type { FileAnalysis } from '../core/engine';
import { parseDocuments } from '../core/document/located';
import { DEFAULT_RUBRIC_FILE_GLOBS, declaresApiVersion, GlobSet } from '../core/format/files';
import { hasGlobMagic, matchesGlob } from './glob';
import { folderOf, type Confinement } from '../core/resolve/confinement';
import { textOf } from '../core/resolve/host';
import { referencedUrisIn } from '../core/resolve/references';
import { baseName } from '../core/resolve/uris';
import { rubricsDefinedIn, rubricUsers, type RubricRef } from '../core/review/dependents';
import { reviewChange, type ChangeReview, type FileStatus, type FileVersions } from '../core/review/change';
import { createEngine, FileChecker } from './analyze';
import { defaultBase, listChanges, type ChangeSet, type ChangedFile } from './changedFiles';
import { CliError } from './errors';
import { git, gitUri } from './gitSource';
import { IgnoreRules } from './ignoreFile';
import { fileUri } from './nodeFileHost';
import { SourceReader } from './sources';

/**
 * The whole-change review from git: lists what a change did with git's rename detection, reads
 * each changed rubric file at the base (the merge base) and at the head (the working tree, or a
 * commit), analyses both through one engine, finds every file that uses a rubric the change
 * touched, and hands it all to the core's `reviewChange`. `rubrics diff --base` and the GitHub
 * Action both call this, so a pull request reads the same in a terminal, a comment and a summary.
 */
export interface ReviewRequest {
  readonly cwd: string;
  /** What to compare with; undefined: the remote's default branch. */
  readonly base?: string;
  /** A commit to compare; undefined: the working tree. */
  readonly head?: string;
  /** Files or folders (from `cwd`) the review is limited to; empty: the whole repository. */
  readonly paths: readonly string[];
  /** Said on stderr: how the comparison was made, when that needs saying. */
  readonly note?: (text: string) => void;
  /** Where references may point, on both sides (cliConfinement: the repository, or GITHUB_WORKSPACE in the Action). */
  readonly confinement: Confinement;
}

export interface ReviewedAnalysis {
  /** From the repository root. */
  readonly path: string;
  readonly analysis: FileAnalysis;
}

export interface ReviewResult {
  readonly review: ChangeReview;
  readonly change: ChangeSet;
  /** Why files could not be fully checked, by file (either side): the comparison is then not trusted. */
  readonly incomplete: readonly { readonly path: string; readonly reasons: readonly string[] }[];
  /** The head side of every reviewed file, for listing its problems. */
  readonly heads: readonly ReviewedAnalysis[];
}

const OUR_FILES = new GlobSet(DEFAULT_RUBRIC_FILE_GLOBS);
const YAML_FILE = /\.ya?ml$/i;

export async function reviewRepository(request: ReviewRequest): Promise<ReviewResult> {
  await git(request.cwd, ['rev-parse', '--show-toplevel']).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new CliError('Comparing a whole change needs git, which is not installed or not on the PATH.');
    throw new CliError(`Comparing a whole change needs a git repository, and ${request.cwd} is not inside one. To compare two versions of a file, name both: rubrics diff BEFORE AFTER.`);
  });
  const base = request.base ?? (await defaultBase(request.cwd));
  if (!base) throw new CliError('There is no default branch to compare with (no origin/HEAD, origin/main, main or master here). Name one with --base REF.');
  const change = await listChanges(request.cwd, base, request.head ?? 'HEAD', { workingTree: request.head === undefined });
  if (change.note) request.note?.(change.note);
  const reader = new SourceReader(request.cwd);
  try {
    const repository = await reader.repository();
    const engine = createEngine(reader, request.confinement);
    const checker = new FileChecker(engine);
    const scope = scopeOf(request.paths, request.cwd, change.root);
    const ignore = await IgnoreRules.load(request.cwd);
    const headUri = (file: string) => (change.workingTree ? fileUri(path.join(change.root, file)) : gitUri(change.head, file));
    const headText = async (file: string) => (change.workingTree ? textOf(await reader.readFile(fileUri(path.join(change.root, file)))) : repository.show(change.head, file));
    const incomplete: { path: string; reasons: string[] }[] = [];
    const analyze = async (shown: string, uri: string, text: string | undefined): Promise<FileAnalysis> => {
      const checked = await checker.check(uri, text ?? '');
      if (checked.incomplete.length > 0 || !checked.analysis) incomplete.push({ path: shown, reasons: [...checked.incomplete] });
      return checked.analysis ?? (await engine.analyze(uri, ''));
    };

    const versions: FileVersions[] = [];
    for (const file of change.files) {
      if (!inScope(file.path, scope) || ignore.ignores(file.path, change.root)) continue;
      const beforePath = file.previousPath ?? file.path;
      const beforeText = file.status === 'added' ? undefined : await repository.show(change.base, beforePath);
      const afterText = file.status === 'deleted' ? undefined : await headText(file.path);
      if (!isRubricFile(file.path, afterText) && !isRubricFile(beforePath, beforeText)) continue;
      versions.push({
        path: file.path,
        ...(file.previousPath !== undefined ? { previousPath: file.previousPath } : {}),
        status: statusOf(file),
        before: await analyze(`${change.base.slice(0, 12)}:${beforePath}`, gitUri(change.base, beforePath), beforeText),
        after: await analyze(file.path, headUri(file.path), afterText),
      });
    }

    // Every other file that uses a rubric the change touched: its scores can move although it did not change.
    const touched = versions.flatMap((v) => rubricsDefinedIn(v.after));
    if (touched.length > 0) {
      const reviewed = new Set(versions.map((v) => v.path));
      for (const file of await headFiles(change, repository.root)) {
        if (reviewed.has(file) || !inScope(file, scope) || ignore.ignores(file, change.root)) continue;
        const text = await headText(file);
        if (text === undefined || !isRubricFile(file, text)) continue;
        // A file that cannot name a touched rubric, by its path or its id, cannot use it.
        const uri = headUri(file);
        const candidates = touched.filter((ref) => mayNamePath(text, uri, ref.uri) || text.includes(ref.id));
        if (candidates.length === 0) continue;
        // Nor can a file whose rubric references name other files: only a file whose `rubric:`
        // leads to a touched rubric's file is analysed, at both revisions.
        const named = referencedUrisIn(parseDocuments(text).documents.map((doc) => doc.value), uri, ['rubric']);
        if (!candidates.some((ref) => named.includes(ref.uri))) continue;
        const after = await analyze(file, uri, text);
        if (!candidates.some((ref) => rubricUsers(after, ref).length > 0)) continue;
        const beforeText = await repository.show(change.base, file);
        if (beforeText === undefined) continue;
        versions.push({ path: file, status: 'unchanged', before: await analyze(`${change.base.slice(0, 12)}:${file}`, gitUri(change.base, file), beforeText), after });
      }
    }

    const review = reviewChange({
      base: { ref: base, commit: change.base },
      head: { ref: request.head ?? 'working tree', commit: change.head },
      files: versions,
    });
    return { review, change, incomplete, heads: versions.filter((v) => v.status !== 'deleted').map((v) => ({ path: v.path, analysis: v.after })) };
  } finally {
    await reader.close();
  }
}

/**
 * Whether `text`, the file at `fromUri`, can name the rubric file at `rubricUri` in a path. The
 * path holds the file's name and, unless the rubric sits in the file's own folder or one above
 * it, the name of the rubric's folder too: a relative path reaches another folder only by naming
 * it. In a repository where every folder has its own "team.rubric.yaml", the file's name alone
 * matched every file, and each had to be parsed to be ruled out.
 */
function mayNamePath(text: string, fromUri: string, rubricUri: string): boolean {
  if (!text.includes(baseName(rubricUri))) return false;
  const rubricFolder = folderOf(rubricUri);
  return folderOf(fromUri).startsWith(rubricFolder) || text.includes(baseName(rubricFolder.slice(0, -1)));
}

function statusOf(file: ChangedFile): FileStatus {
  return file.status === 'type-changed' ? 'modified' : file.status;
}

/** Whether a path from the repository root is one of ours: by its name, or by its apiVersion line. */
function isRubricFile(repoPath: string, text: string | undefined): boolean {
  if (!YAML_FILE.test(repoPath)) return false;
  return OUR_FILES.matches(repoPath, `/${repoPath}`) || (text !== undefined && declaresApiVersion(text));
}

/** The paths given, from the repository root; undefined for the whole repository. */
function scopeOf(paths: readonly string[], cwd: string, root: string): string[] | undefined {
  if (paths.length === 0) return undefined;
  return paths.map((p) => {
    const relative = path.relative(root, path.resolve(cwd, p)).split(path.sep).join('/');
    if (relative.startsWith('..')) throw new CliError(`"${p}" is outside the repository at ${root}.`);
    return relative;
  });
}

/** Whether a file is in one of the paths given: a file, a folder, or a glob (the dialect of src/core/format/glob.ts). */
function inScope(repoPath: string, scope: readonly string[] | undefined): boolean {
  return !scope || scope.some((s) => s === '' || repoPath === s || repoPath.startsWith(`${s}/`) || (hasGlobMagic(s) && matchesGlob(s, repoPath)));
}

/** Every file of the head: tracked files (and untracked ones, for the working tree). */
async function headFiles(change: ChangeSet, root: string): Promise<string[]> {
  const listing = change.workingTree
    ? `${await git(root, ['ls-files', '-z'])}${await git(root, ['ls-files', '--others', '--exclude-standard', '-z'])}`
    : await git(root, ['ls-tree', '-r', '--name-only', '-z', change.head]);
  return [...new Set(listing.split('\0').filter((f) => f && YAML_FILE.test(f)))].sort();
}

export type { RubricRef };
