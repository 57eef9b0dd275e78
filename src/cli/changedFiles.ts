import { CliError } from './errors';
import { git, GitError } from './gitSource';

/**
 * What a change did to the files of a repository, as git itself sees it: `git diff --name-status
 * -M` from the merge base of BASE and HEAD to HEAD, so a pull request's listing holds its own
 * changes and not what landed on the base branch since it branched off. The GitHub Action uses it
 * to keep annotations and score diffs to the files a pull request touches.
 */
export type ChangeStatus = 'added' | 'modified' | 'deleted' | 'renamed' | 'copied' | 'type-changed';

export interface ChangedFile {
  readonly status: ChangeStatus;
  /** From the repository root, forward slashes: where the file is after the change (for a deletion, where it was). */
  readonly path: string;
  /** A renamed or copied file's path before the change. */
  readonly previousPath?: string;
}

export interface ChangeSet {
  /** The repository's top folder. */
  readonly root: string;
  /** The commit the change is compared with: the merge base of BASE and HEAD. */
  readonly base: string;
  readonly head: string;
  readonly files: readonly ChangedFile[];
}

const STATUS: Record<string, ChangeStatus> = { A: 'added', M: 'modified', D: 'deleted', R: 'renamed', C: 'copied', T: 'type-changed' };

/** The files changed between `base` and `head` (branches, tags or commits) in the repository around `cwd`. */
export async function listChanges(cwd: string, base: string, head = 'HEAD'): Promise<ChangeSet> {
  const root = (await runGit(cwd, ['rev-parse', '--show-toplevel'], `${cwd} is not inside a git repository`)).trim();
  const [baseCommit, headCommit] = [await commitOf(root, base), await commitOf(root, head)];
  const mergeBase = (await runGit(root, ['merge-base', baseCommit, headCommit],
    `"${base}" and "${head}" have no common history here. In a shallow clone, fetch the whole history first (actions/checkout with fetch-depth: 0)`)).trim();
  const listing = await runGit(root, ['diff', '--name-status', '-M', '-z', mergeBase, headCommit], `git diff ${base}...${head} failed`);
  return { root, base: mergeBase, head: headCommit, files: parseNameStatus(listing) };
}

/** Parses `git diff --name-status -z` output: a status field, then one path (two for renames and copies). */
export function parseNameStatus(output: string): ChangedFile[] {
  const fields = output.split('\0');
  if (fields[fields.length - 1] === '') fields.pop();
  const files: ChangedFile[] = [];
  for (let i = 0; i < fields.length; ) {
    const code = fields[i++] ?? '';
    const status = STATUS[code.charAt(0)];
    if (!status) throw new CliError(`Unexpected status "${code}" in git's list of changed files.`);
    if (status === 'renamed' || status === 'copied') {
      const [previousPath, path] = [fields[i++] ?? '', fields[i++] ?? ''];
      files.push({ status, path, previousPath });
    } else {
      files.push({ status, path: fields[i++] ?? '' });
    }
  }
  return files;
}

async function commitOf(root: string, ref: string): Promise<string> {
  const output = await runGit(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`],
    `"${ref}" is not a branch, tag or commit of this repository. In CI, fetch it first (actions/checkout with fetch-depth: 0), and check the name with "git rev-parse ${ref}"`);
  return output.trim();
}

async function runGit(cwd: string, args: readonly string[], failure: string): Promise<string> {
  try {
    return await git(cwd, args);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new CliError('Listing the changed files needs git, which is not installed or not on the PATH.');
    const detail = error instanceof GitError && error.stderr ? ` (${error.stderr})` : '';
    throw new CliError(`${failure}${detail}.`);
  }
}
