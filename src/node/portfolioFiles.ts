import { asFolder, type Confinement, type Engine, portfolioEntries, type PortfolioEntry, refusalSentence } from './core';
import { createEngine, FileChecker } from './analyze';
import { displayPath, discoverFiles, NothingToCheck } from './discover';
import { readTextFile, UnreadableFile } from './fileRead';
import { IgnoreRules } from './ignoreFile';
import { fileUri, NodeFileHost } from './nodeFileHost';
import { printable } from './printable';

/**
 * The files a portfolio (or a comparison) reads, found and checked as `rubrics validate` finds and
 * checks them (discovery through the confined reader, one engine for all files), or as a git
 * revision holds them; each file's assessments and plans are kept as the small records the core's
 * views build from (views/sources.ts), not as whole analyses.
 */
export interface PortfolioRequest {
  readonly cwd: string;
  /** Files, folders or globs (empty: the current folder), or, with `ref`, files and folders in the repository. */
  readonly paths: readonly string[];
  /** Read the files as this git revision holds them, instead of the working tree. */
  readonly ref?: string;
  readonly confinement: Confinement;
  /** Said on stderr as it is found: entries skipped or refused. */
  readonly note: (text: string) => void;
}

export interface PortfolioRead {
  readonly entries: PortfolioEntry[];
  /** Files that could not be read or fully checked, and why: left out of the portfolio. */
  readonly incomplete: { readonly path: string; readonly reasons: readonly string[] }[];
  /** Files read whose documents have errors (their assessments still count where they could be scored). */
  readonly withErrors: string[];
  /** The files read, as shown. */
  readonly files: readonly string[];
}

export async function readPortfolioFiles(request: PortfolioRequest): Promise<PortfolioRead> {
  return request.ref === undefined ? readWorkingTree(request) : readRevision(request, request.ref);
}

class Collector {
  readonly entries: PortfolioEntry[] = [];
  readonly incomplete: { path: string; reasons: string[] }[] = [];
  readonly withErrors: string[] = [];
  readonly files: string[] = [];
  private readonly checker: FileChecker;

  constructor(engine: Engine) {
    this.checker = new FileChecker(engine);
  }

  async check(shown: string, uri: string, text: string): Promise<void> {
    this.files.push(shown);
    const { analysis, incomplete } = await this.checker.check(uri, text);
    if (!analysis || incomplete.length > 0) {
      this.incomplete.push({ path: shown, reasons: [...incomplete] });
      return;
    }
    if (analysis.diagnostics.some((d) => d.severity === 'error')) this.withErrors.push(shown);
    this.entries.push(...portfolioEntries(analysis, shown));
  }

  result(): PortfolioRead {
    return { entries: this.entries, incomplete: this.incomplete, withErrors: this.withErrors, files: this.files };
  }
}

async function readWorkingTree(request: PortfolioRequest): Promise<PortfolioRead> {
  const engine = createEngine(new NodeFileHost(), request.confinement);
  const { files, skipped, regular, refused } = await discoverFiles(request.paths, request.cwd, (uri) => engine.checkedFileRefusal(uri));
  skipped.forEach(request.note);
  const collector = new Collector(engine);
  for (const entry of refused) {
    const shown = displayPath(entry.path, request.cwd);
    collector.incomplete.push({ path: shown, reasons: [printable(refusalSentence(shown, entry.refusal, entry.what))] });
  }
  if (files.length === 0 && refused.length === 0) throw nothingFound(request.paths);
  for (const file of files) {
    const shown = displayPath(file, request.cwd);
    let text: string;
    try {
      text = await readTextFile(file, { seenRegular: regular.has(file) });
    } catch (error) {
      if (!(error instanceof UnreadableFile)) throw error;
      collector.incomplete.push({ path: shown, reasons: [printable(`It was not read: ${error.reason}.${error.advice ? ` ${error.advice}` : ''}`)] });
      continue;
    }
    await collector.check(shown, fileUri(file), text);
  }
  return collector.result();
}

/** The files as a git revision holds them; git's modules are loaded only for this. */
async function readRevision(request: PortfolioRequest, ref: string): Promise<PortfolioRead> {
  const [{ gitUri }, { filesAtRevision, inScope, isRubricPath, readAtRevision, scopeOf }, { SourceReader }] = await Promise.all([import('./gitSource'), import('./revisionFiles'), import('./sources')]);
  const reader = new SourceReader(request.cwd);
  try {
    const repository = await reader.repository();
    await repository.verifyRef(ref, `--ref ${ref}`);
    const engine = createEngine(reader, request.confinement);
    const scope = scopeOf(request.paths, request.cwd, repository.root);
    const ignore = await IgnoreRules.load(request.cwd);
    const { scope: rootScope } = await request.confinement.rootsFor(asFolder(fileUri(repository.root)));
    const leavesTree = { unavailable: 'outside', link: true, scope: rootScope, allow: request.confinement.allow } as const;
    const collector = new Collector(engine);
    for (const { path: file, link } of await filesAtRevision(repository.root, ref)) {
      if (!inScope(file, scope) || ignore.ignores(file, repository.root)) continue;
      const shown = `${ref}:${file}`;
      const read = await readAtRevision(repository, engine, ref, file, link, leavesTree);
      if ('refused' in read) {
        if (isRubricPath(file, undefined)) collector.incomplete.push({ path: shown, reasons: [printable(refusalSentence(shown, read.refused, 'file'))] });
        continue;
      }
      if (read.text === undefined || !isRubricPath(file, read.text)) continue;
      await collector.check(shown, gitUri(ref, file), read.text);
    }
    if (collector.files.length === 0 && collector.incomplete.length === 0) throw nothingFound(request.paths, ref);
    return collector.result();
  } finally {
    await reader.close();
  }
}

function nothingFound(paths: readonly string[], ref?: string): NothingToCheck {
  const where = paths.length > 0 ? paths.map((p) => JSON.stringify(p)).join(', ') : 'the current folder';
  return new NothingToCheck(
    `Found no rubric files in ${where}${ref !== undefined ? ` at ${ref}` : ''}. Files are read when named *.rubric.yaml, *.assessment.yaml or *.plan.yaml, placed under a rubrics/ folder, or declaring "apiVersion: rubrics-as-code/v1".`,
  );
}
