import path from 'node:path';
import type { Engine, FileAnalysis } from '../core/engine';
import { parseDocuments } from '../core/document/located';
import { asFolder, folderOf, refusalSentence, type Confinement, type Refusal } from '../core/resolve/confinement';
import { textOf } from '../core/resolve/host';
import { referencedUrisIn } from '../core/resolve/references';
import { baseName } from '../core/resolve/uris';
import { rubricsDefinedIn, rubricUsers, type RubricRef } from '../core/review/dependents';
import { reviewChange, type ChangeReview, type FileStatus, type FileVersions } from '../core/review/change';
import { createEngine, FileChecker } from './analyze';
import { defaultBase, listChanges, type ChangeSet, type ChangedFile } from './changedFiles';
import { CliError } from './errors';
import { git, gitUri, type GitRepository } from './gitSource';
import { filesAtRevision, inScope, isRubricPath, readAtRevision, scopeOf, workingTreeFiles, type Refused, type SideRead } from './revisionFiles';
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
    const { scope: rootScope } = await request.confinement.rootsFor(asFolder(fileUri(change.root)));
    const sides = new ChangeSides(repository, reader, engine, change, { unavailable: 'outside', link: true, scope: rootScope, allow: request.confinement.allow });
    const incomplete: { path: string; reasons: string[] }[] = [];
    const analyze = async (shown: string, uri: string, text: string | undefined): Promise<FileAnalysis> => {
      // No file at this side (added, or deleted): nothing, not an empty file with an error to report.
      if (text === undefined) return engine.analyzeAbsent(uri);
      const checked = await checker.check(uri, text);
      if (checked.incomplete.length > 0 || !checked.analysis) incomplete.push({ path: shown, reasons: [...checked.incomplete] });
      return checked.analysis ?? (await engine.analyze(uri, ''));
    };

    const versions: FileVersions[] = [];
    for (const file of change.files) {
      if (!inScope(file.path, scope) || ignore.ignores(file.path, change.root)) continue;
      const beforePath = file.previousPath ?? file.path;
      const before = file.status === 'added' ? NOTHING : await sides.atBase(beforePath, file.links?.before === true);
      const after = file.status === 'deleted' ? NOTHING : await sides.atHead(file.path, file.links?.after === true);
      // A side that leads out of the root was not read: the file cannot be compared, and says why.
      const refused = [before, after].filter((side): side is Refused => 'refused' in side);
      if (refused.length > 0) {
        if (isRubricPath(file.path, undefined) || isRubricPath(beforePath, undefined) || [before, after].some((side) => 'text' in side && isRubricPath(file.path, side.text))) {
          incomplete.push({ path: file.path, reasons: refused.map((side) => refusalSentence(side === before ? `${change.base.slice(0, 12)}:${beforePath}` : file.path, side.refused, 'file')) });
        }
        continue;
      }
      const beforeText = 'text' in before ? before.text : undefined;
      const afterText = 'text' in after ? after.text : undefined;
      if (!isRubricPath(file.path, afterText) && !isRubricPath(beforePath, beforeText)) continue;
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
      for (const { path: file, link } of change.workingTree ? await workingTreeFiles(repository.root) : await filesAtRevision(repository.root, change.head)) {
        if (reviewed.has(file) || !inScope(file, scope) || ignore.ignores(file, change.root)) continue;
        const read = await sides.atHead(file, link);
        const text = 'text' in read ? read.text : undefined;
        if (text === undefined || !isRubricPath(file, text)) continue;
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
        const beforeRead = await sides.atBase(file, link);
        const beforeText = 'text' in beforeRead ? beforeRead.text : undefined;
        if (beforeText === undefined) continue;
        versions.push({ path: file, status: 'unchanged', before: await analyze(`${change.base.slice(0, 12)}:${file}`, gitUri(change.base, file), beforeText), after });
      }
    }

    const review = reviewChange({
      base: { ref: base, commit: change.base },
      head: { ref: request.head ?? (await workingTreeName(change)), commit: change.head },
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

const NOTHING: SideRead = { text: undefined };

/**
 * Reads the two sides of a change for the review, through the one decision of where files may be
 * (Engine.checkedFileRefusal): the working tree's files are asked about before they are read, so a
 * committed link out of the repository (or into .git) is never read; at a git revision, a link is
 * a blob that names where it leads, followed only while it stays inside the tree and out of .git.
 */
class ChangeSides {
  constructor(
    private readonly repository: GitRepository,
    private readonly disk: SourceReader,
    private readonly engine: Engine,
    private readonly change: ChangeSet,
    /** What a link that leaves the tree at a revision is refused as (the review's root). */
    private readonly leavesTree: Refusal,
  ) {}

  atBase(repoPath: string, link: boolean): Promise<SideRead> {
    return this.atRevision(this.change.base, repoPath, link);
  }

  async atHead(repoPath: string, link: boolean): Promise<SideRead> {
    if (!this.change.workingTree) return this.atRevision(this.change.head, repoPath, link);
    const uri = fileUri(path.join(this.change.root, repoPath));
    const refused = await this.engine.checkedFileRefusal(uri);
    return refused ? { refused } : { text: textOf(await this.disk.readFile(uri)) };
  }

  private atRevision(ref: string, repoPath: string, link: boolean): Promise<SideRead> {
    return readAtRevision(this.repository, this.engine, ref, repoPath, link, this.leavesTree);
  }
}

/**
 * What the review calls a working tree that it compares: the branch it is on, or its commit when
 * detached (a CI checkout), while no YAML file (all the review reads) is uncommitted, since the
 * change is then that commit's; "working tree" only when uncommitted or untracked YAML files make
 * it something else. Other files (a SARIF file the Action just wrote) do not count.
 */
async function workingTreeName(change: ChangeSet): Promise<string> {
  const status = await git(change.root, ['status', '--porcelain', '-z', '--untracked-files=all']).catch(() => undefined);
  if (status === undefined || status.split('\0').some((entry) => YAML_FILE.test(entry))) return 'working tree';
  const branch = (await git(change.root, ['symbolic-ref', '--quiet', '--short', 'HEAD']).catch(() => '')).trim();
  return branch || change.head.slice(0, 12);
}

export type { RubricRef };
