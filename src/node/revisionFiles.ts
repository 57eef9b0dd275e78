import path from 'node:path';
import { declaresApiVersion, DEFAULT_RUBRIC_FILE_GLOBS, type Engine, GlobSet, type Refusal } from './core';
import { CliError } from './errors';
import { git, gitUri, LINK_MODE, type GitRepository } from './gitSource';
import { hasGlobMagic, matchesGlob } from './glob';

/**
 * Files of a repository as git holds them: which YAML files a revision (or the working tree) has,
 * which of them are ours, and their text at a revision read through the one decision of where
 * files may be. The review of a change (`rubrics diff --base`) and the portfolio at a revision
 * (`rubrics portfolio --ref`) both read this way.
 */

const OUR_FILES = new GlobSet(DEFAULT_RUBRIC_FILE_GLOBS);
const YAML_FILE = /\.ya?ml$/i;

/** Whether a path from the repository root is one of ours: by its name, or by its apiVersion line. */
export function isRubricPath(repoPath: string, text: string | undefined): boolean {
  if (!YAML_FILE.test(repoPath)) return false;
  return OUR_FILES.matches(repoPath, `/${repoPath}`) || (text !== undefined && declaresApiVersion(text));
}

/** The paths given, from the repository root; undefined for the whole repository. */
export function scopeOf(paths: readonly string[], cwd: string, root: string): string[] | undefined {
  if (paths.length === 0) return undefined;
  return paths.map((p) => {
    const relative = path.relative(root, path.resolve(cwd, p)).split(path.sep).join('/');
    if (relative.startsWith('..')) throw new CliError(`"${p}" is outside the repository at ${root}.`);
    return relative;
  });
}

/** Whether a file is in one of the paths given: a file, a folder, or a glob (the dialect of src/core/format/glob.ts). */
export function inScope(repoPath: string, scope: readonly string[] | undefined): boolean {
  return !scope || scope.some((s) => s === '' || repoPath === s || repoPath.startsWith(`${s}/`) || (hasGlobMagic(s) && matchesGlob(s, repoPath)));
}

export interface RevisionFile {
  /** From the repository root. */
  readonly path: string;
  /** git holds it as a symbolic link (a blob naming where it leads). */
  readonly link: boolean;
}

/** Every YAML file of the working tree: tracked and untracked (on disk, the confined reader sees links itself). */
export async function workingTreeFiles(root: string): Promise<RevisionFile[]> {
  const listing = `${await git(root, ['ls-files', '-z'])}${await git(root, ['ls-files', '--others', '--exclude-standard', '-z'])}`;
  return [...new Set(listing.split('\0').filter((f) => f && YAML_FILE.test(f)))].sort().map((file) => ({ path: file, link: false }));
}

/** Every YAML file of a commit, and whether git holds it as a link. */
export async function filesAtRevision(root: string, ref: string): Promise<RevisionFile[]> {
  // `<mode> <type> <object>\t<path>` per file.
  const entries = (await git(root, ['ls-tree', '-r', '-z', '--end-of-options', ref])).split('\0').filter(Boolean);
  const files = new Map<string, boolean>();
  for (const entry of entries) {
    const tab = entry.indexOf('\t');
    const file = entry.slice(tab + 1);
    if (tab > 0 && YAML_FILE.test(file)) files.set(file, entry.startsWith(`${LINK_MODE} `));
  }
  return [...files.keys()].sort().map((file) => ({ path: file, link: files.get(file) === true }));
}

/** A file at a revision: its text (undefined: no file there), or why it was not read. */
export type SideRead = { readonly text: string | undefined } | Refused;
export interface Refused {
  readonly refused: Refusal;
}

/**
 * A file's text at a revision. A link is a blob that names where it leads: it is followed only
 * while it stays inside the tree and out of .git (Engine.checkedFileRefusal), else refused as
 * `leavesTree` says.
 */
export async function readAtRevision(repository: GitRepository, engine: Pick<Engine, 'checkedFileRefusal'>, ref: string, repoPath: string, link: boolean, leavesTree: Refusal): Promise<SideRead> {
  if (!link) return { text: await repository.show(ref, repoPath) };
  const target = await repository.linkTarget(ref, repoPath);
  if (target === undefined) return { refused: leavesTree };
  const refused = await engine.checkedFileRefusal(gitUri(ref, target));
  return refused ? { refused: { ...refused, link: true } } : { text: await repository.show(ref, target) };
}
