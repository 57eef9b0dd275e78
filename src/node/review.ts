import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  asFolder,
  baseName,
  buildPortfolio,
  type ChangeReview,
  type Confinement,
  type DependentReason,
  type Engine,
  type FileAnalysis,
  type FileStatus,
  type FileVersions,
  folderOf,
  latestAssessmentFiles,
  parseDocuments,
  portfolioEntries,
  type PortfolioEntry,
  portfolioReview,
  type PortfolioReviewSection,
  referencedUrisIn,
  type Refusal,
  refusalSentence,
  reviewChange,
  type RubricRef,
  rubricsDefinedIn,
  rubricUsers,
  type StatusChangeCause,
  textOf,
} from './core';
import { createEngine, FileChecker } from './analyze';
import { defaultBase, listChanges, type ChangeSet, type ChangedFile } from './changedFiles';
import { CliError } from './errors';
import { git, gitUri, parseGitUri, type GitRepository } from './gitSource';
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

    // The head's other files (not reviewed so far), read once for the searches below, when one needs them.
    let headTexts: HeadFile[] | undefined;
    const otherHeadFiles = async (): Promise<HeadFile[]> => {
      if (!headTexts) {
        headTexts = [];
        for (const { path: file, link } of change.workingTree ? await workingTreeFiles(repository.root) : await filesAtRevision(repository.root, change.head)) {
          if (!inScope(file, scope) || ignore.ignores(file, change.root)) continue;
          const read = await sides.atHead(file, link);
          const text = 'text' in read ? read.text : undefined;
          if (text !== undefined && isRubricPath(file, text)) headTexts.push({ path: file, link, text, uri: headUri(file) });
        }
      }
      const reviewed = new Set(versions.map((v) => v.path));
      return headTexts.filter((f) => !reviewed.has(f.path));
    };
    const unchangedVersions = async (file: HeadFile, after: FileAnalysis, reason: DependentReason): Promise<FileVersions | undefined> => {
      const beforeRead = await sides.atBase(file.path, file.link);
      const beforeText = 'text' in beforeRead ? beforeRead.text : undefined;
      if (beforeText === undefined) return undefined;
      return { path: file.path, status: 'unchanged', before: await analyze(`${change.base.slice(0, 12)}:${file.path}`, gitUri(change.base, file.path), beforeText), after, reason };
    };

    // Every other file that uses a rubric the change touched: its scores can move although it did not change.
    const touched = versions.flatMap((v) => rubricsDefinedIn(v.after));
    if (touched.length > 0) {
      for (const file of await otherHeadFiles()) {
        const { text, uri } = file;
        // A file that cannot name a touched rubric, by its path or its id, cannot use it.
        const candidates = touched.filter((ref) => mayNamePath(text, uri, ref.uri) || text.includes(ref.id));
        if (candidates.length === 0) continue;
        // Nor can a file whose rubric references name other files: only a file whose `rubric:`
        // leads to a touched rubric's file is analysed, at both revisions.
        const named = referencedUrisIn(parseDocuments(text).documents.map((doc) => doc.value), uri, ['rubric']);
        if (!candidates.some((ref) => named.includes(ref.uri))) continue;
        const after = await analyze(file.path, uri, text);
        if (!candidates.some((ref) => rubricUsers(after, ref).length > 0)) continue;
        const reviewed = await unchangedVersions(file, after, 'rubric');
        if (reviewed) versions.push(reviewed);
      }
    }

    // Every other assessment that inherits from an assessment the change touched, directly or through others.
    const bases = new Set(versions.filter((v) => v.status !== 'unchanged' && v.after.documents.some((d) => d.kind === 'Assessment')).map((v) => v.after.uri));
    for (let grew = bases.size > 0; grew; ) {
      grew = false;
      for (const file of await otherHeadFiles()) {
        if (!file.text.includes('inherits')) continue;
        const named = referencedUrisIn(parseDocuments(file.text).documents.map((doc) => doc.value), file.uri, ['inherits']);
        if (!named.some((uri) => bases.has(uri))) continue;
        const reviewed = await unchangedVersions(file, await analyze(file.path, file.uri, file.text), 'inheritance');
        if (!reviewed) continue;
        versions.push(reviewed);
        bases.add(file.uri);
        grew = true;
      }
    }

    const reviewed = reviewChange({
      base: { ref: base, commit: change.base },
      head: { ref: request.head ?? (await workingTreeName(change)), commit: change.head },
      files: versions,
    });
    const portfolio = await portfolioOfChange(reviewed, versions, otherHeadFiles, analyze, (uri) => repositoryPath(uri, change.root));
    const review = portfolio ? { ...reviewed, portfolio } : reviewed;
    return { review, change, incomplete, heads: versions.filter((v) => v.status !== 'deleted').map((v) => ({ path: v.path, analysis: v.after })) };
  } finally {
    await reader.close();
  }
}

/** A file of the head, read. */
interface HeadFile {
  /** From the repository root. */
  readonly path: string;
  readonly link: boolean;
  readonly text: string;
  readonly uri: string;
}

/**
 * The portfolio's part of the review, when the change moves some assessment's overall level or
 * threshold status: the portfolios at the two revisions, over the reviewed files and, the same at
 * both, the latest assessments of the other units of the organizations concerned (found from what
 * the head's files write, and only those analysed).
 */
async function portfolioOfChange(
  review: ChangeReview,
  versions: readonly FileVersions[],
  otherHeadFiles: () => Promise<HeadFile[]>,
  analyze: (shown: string, uri: string, text: string) => Promise<FileAnalysis>,
  pathOf: (uri: string) => string,
): Promise<PortfolioReviewSection | undefined> {
  const moved = review.files.some((f) =>
    f.documents.some((d) => d.kind === 'Assessment' && (d.diff.overall?.levelBefore !== d.diff.overall?.levelAfter || d.diff.overall?.thresholdBefore !== d.diff.overall?.thresholdAfter)),
  );
  if (!moved) return undefined;
  const organizations = new Set(
    versions.flatMap((v) => [v.before, v.after].flatMap((a) => a.documents.flatMap((d) => (d.kind === 'Assessment' && d.data ? [d.data.subject.organization] : [])))),
  );
  const others: PortfolioEntry[] = [];
  const files = latestAssessmentFiles(await otherHeadFiles(), organizations);
  for (const file of files) others.push(...portfolioEntries(await analyze(file.path, file.uri, file.text), file.path));
  const before = buildPortfolio([...versions.flatMap((v) => portfolioEntries(v.before, v.previousPath ?? v.path)), ...others]);
  const after = buildPortfolio([...versions.flatMap((v) => portfolioEntries(v.after, v.path)), ...others]);
  const causes = new Map<string, StatusChangeCause>();
  for (const v of versions) for (const p of [v.path, v.previousPath ?? v.path]) causes.set(p, v.status === 'unchanged' ? (v.reason ?? 'rubric') : 'assessment');
  return portfolioReview(before, after, (table) => `${pathOf(table.rubricUri)}#${table.rubric.id}`, (p) => causes.get(p));
}

/** A file's URI as a path from the repository root, at either revision (a built-in rubric's URI as it is). */
function repositoryPath(uri: string, root: string): string {
  const revision = parseGitUri(uri);
  if (revision) return revision.path;
  if (!uri.startsWith('file:')) return uri;
  return path.relative(root, fileURLToPath(uri)).split(path.sep).join('/');
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
