import { CliError } from './errors';
import { git, GitError, LINK_MODE } from './gitSource';

/**
 * What a change did to the files of a repository, as git itself sees it: `git diff --raw -M` from
 * the merge base of BASE and HEAD to HEAD, so a pull request's listing holds its own
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
  /**
   * The sides at which git holds the file as a symbolic link (whose blob is where it leads, not
   * a file's text); absent when it is a link at neither.
   */
  readonly links?: { readonly before?: true; readonly after?: true };
}

export interface ChangeSet {
  /** The repository's top folder. */
  readonly root: string;
  /** The commit the change is compared with: the merge base of BASE and HEAD (or BASE itself in a shallow clone). */
  readonly base: string;
  /** The head commit; with `workingTree`, the commit the working tree sits on. */
  readonly head: string;
  /** The head side is the working tree (uncommitted and untracked files included), not `head`. */
  readonly workingTree?: boolean;
  /** Said when the base is not the merge base: a shallow clone that lacks the common history. */
  readonly note?: string;
  readonly files: readonly ChangedFile[];
}

const STATUS: Record<string, ChangeStatus> = { A: 'added', M: 'modified', D: 'deleted', R: 'renamed', C: 'copied', T: 'type-changed' };

export interface ListOptions {
  /** Compare with the working tree instead of a head commit (HEAD then only names where it sits). */
  readonly workingTree?: boolean;
}

/**
 * The files changed between `base` and `head` (branches, tags or commits) in the repository
 * around `cwd`, or between `base` and the working tree. In a shallow clone that holds the base
 * commit but not the history it shares with the head, the change is taken from the base commit
 * itself, and `note` says so; a base that is not in the clone at all is an error that says what
 * to fetch.
 */
export async function listChanges(cwd: string, base: string, head = 'HEAD', options: ListOptions = {}): Promise<ChangeSet> {
  const root = (await runGit(cwd, ['rev-parse', '--show-toplevel'], `${cwd} is not inside a git repository`)).trim();
  const [baseCommit, headCommit] = [await commitOf(root, base), await commitOf(root, head)];
  let from: string;
  let note: string | undefined;
  try {
    from = (await git(root, ['merge-base', baseCommit, headCommit])).trim();
  } catch {
    const shallow = (await git(root, ['rev-parse', '--is-shallow-repository']).catch(() => 'false')).trim() === 'true';
    if (!shallow) throw new CliError(`"${base}" and "${head}" have no common history here, so there is no point where the change branched off. Compare with a commit on the same history.`);
    from = baseCommit;
    note = `This is a shallow clone without the history "${base}" and "${head}" share, so the change is compared with "${base}" itself; what landed on it since the branch left it shows as part of the change. Fetch the history (git fetch --unshallow, or actions/checkout with fetch-depth: 0) to compare with the merge base.`;
  }
  const range = options.workingTree ? [from] : [from, headCommit];
  const listing = await runGit(root, ['diff', '--raw', '-M', '-z', ...range, '--'], `git diff ${base}...${head} failed`);
  const files = parseRawDiff(listing);
  if (options.workingTree) {
    // Files git does not track yet (and does not ignore) are part of the working tree's change.
    const untracked = await runGit(root, ['ls-files', '--others', '--exclude-standard', '-z'], 'git ls-files failed');
    for (const file of untracked.split('\0').filter(Boolean)) files.push({ status: 'added', path: file });
  }
  return { root, base: from, head: headCommit, ...(options.workingTree ? { workingTree: true } : {}), ...(note ? { note } : {}), files };
}

/**
 * The branch a change is usually compared with: the remote's default branch (origin/HEAD), or
 * the first of origin/main, origin/master, main, master that exists.
 */
export async function defaultBase(cwd: string): Promise<string | undefined> {
  const remoteHead = await git(cwd, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']).catch(() => undefined);
  if (remoteHead?.trim()) return remoteHead.trim();
  for (const candidate of ['origin/main', 'origin/master', 'main', 'master']) {
    const found = await git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${candidate}^{commit}`]).catch(() => undefined);
    if (found?.trim()) return candidate;
  }
  return undefined;
}

/**
 * Parses `git diff --raw -z` output: per file, `:<mode before> <mode after> <object> <object>
 * <status>`, then one path (two for renames and copies). The modes tell which side holds a link.
 */
export function parseRawDiff(output: string): ChangedFile[] {
  const fields = output.split('\0');
  if (fields[fields.length - 1] === '') fields.pop();
  const files: ChangedFile[] = [];
  for (let i = 0; i < fields.length; ) {
    const header = fields[i++] ?? '';
    const [modeBefore = '', modeAfter = '', , , code = ''] = header.replace(/^:/, '').split(' ');
    const status = STATUS[code.charAt(0)];
    if (!header.startsWith(':') || !status) throw new CliError(`Unexpected entry ${JSON.stringify(header)} in git's list of changed files.`);
    const links = { ...(modeBefore === LINK_MODE ? { before: true as const } : {}), ...(modeAfter === LINK_MODE ? { after: true as const } : {}) };
    const linked = links.before || links.after ? { links } : {};
    if (status === 'renamed' || status === 'copied') {
      const [previousPath, path] = [fields[i++] ?? '', fields[i++] ?? ''];
      files.push({ status, path, previousPath, ...linked });
    } else {
      files.push({ status, path: fields[i++] ?? '', ...linked });
    }
  }
  return files;
}

async function commitOf(root: string, ref: string): Promise<string> {
  const found = await git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).catch(() => undefined);
  if (found?.trim()) return found.trim();
  throw new CliError(`"${ref}" is not a branch, tag or commit in this clone. Fetch it first (${await fetchCommand(root, ref)}, or in GitHub Actions actions/checkout with fetch-depth: 0), and check the name with "git rev-parse ${ref}".`);
}

/**
 * A git command that brings `ref` into this clone, for the message that says it is missing. A
 * remote-tracking name such as "origin/main" is the branch "main" of the remote "origin": `git
 * fetch origin origin/main` is refused (the remote has no branch "origin/main"), and `git fetch
 * origin main` alone does not create origin/main in a clone of one branch (actions/checkout's),
 * so the refspec names where it goes.
 */
export async function fetchCommand(root: string, ref: string): Promise<string> {
  const remotes = (await git(root, ['remote']).catch(() => '')).split('\n').map((r) => r.trim()).filter(Boolean);
  const tracking = remotes.filter((r) => ref.startsWith(`${r}/`) && ref.length > r.length + 1).sort((a, b) => b.length - a.length)[0];
  if (tracking) {
    const branch = ref.slice(tracking.length + 1);
    return `git fetch ${tracking} ${branch}:refs/remotes/${tracking}/${branch}`;
  }
  const remote = remotes.includes('origin') ? 'origin' : (remotes[0] ?? 'origin');
  // A full commit id can be fetched by itself; an abbreviated one or a relative name (HEAD~3) needs the history.
  if (/^[0-9a-f]{40}$/i.test(ref)) return `git fetch ${remote} ${ref}`;
  if (/^[0-9a-f]{4,39}$/i.test(ref) || /[~^@{}:]/.test(ref)) return 'git fetch --unshallow';
  // A branch (or other) name: fetched to the same name here, so that it then names the fetched commit.
  return `git fetch ${remote} ${ref}:${ref}`;
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
