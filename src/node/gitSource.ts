import { execFile } from 'node:child_process';
import path from 'node:path';
import { type FileHost, type FileRead, parseRevisionUri, type Revision, revisionUri } from './core';
import { CliError, errorText } from './errors';
import { GitBatch } from './gitBatch';
import { decodeText, MAX_READ_BYTES, tooLarge, UnreadableFile } from './fileRead';
import { printable } from './printable';

// Files as they were at a git revision, for `rubrics diff origin/main:path/x.assessment.yaml …`,
// get URIs of their own (core/review/revisionUri.ts), so that their relative references resolve
// to the same revision, not to today's working tree.

/** git's file mode of a symbolic link. */
export const LINK_MODE = '120000';
/** Links to links followed at a revision, at most (as the system's own limit on nested links). */
const MAX_LINK_HOPS = 8;

/** git's output is read up to the engine's size limit; a larger file stops the read there. */
const MAX_OUTPUT_BYTES = MAX_READ_BYTES;

export type GitSpec = Revision;

/** `REF:path` → its parts; undefined when the text is not of that form (or is a Windows drive path). */
export function parseGitSpec(text: string): GitSpec | undefined {
  if (/^[A-Za-z]:[\\/]/.test(text)) return undefined;
  const colon = text.indexOf(':');
  if (colon <= 0 || colon === text.length - 1) return undefined;
  return { ref: text.slice(0, colon), path: text.slice(colon + 1) };
}

/** A path from the repository root at a revision, as the engine's URI for it. */
export const gitUri = revisionUri;
export const parseGitUri = parseRevisionUri;

export interface GitFile {
  readonly uri: string;
  /** undefined when the path does not exist at that revision. */
  readonly text: string | undefined;
  /** Path from the repository root. */
  readonly repoPath: string;
}

/** One repository, as seen from the working directory. */
export class GitRepository implements FileHost {
  private readonly verifiedRefs = new Map<string, Promise<void>>();
  private batch: GitBatch | undefined;

  private constructor(readonly root: string, private readonly prefix: string) {}

  static async open(cwd: string): Promise<GitRepository> {
    let output: string;
    try {
      output = await git(cwd, ['rev-parse', '--show-toplevel', '--show-prefix']);
    } catch (error) {
      const message = error instanceof GitError ? error.stderr : '';
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new CliError('Reading REF:path needs git, which is not installed or not on the PATH.');
      throw new CliError(`REF:path reads from git, but ${cwd} is not inside a git repository${message ? ` (${message})` : ''}. Run the command from your repository, or compare two files.`);
    }
    const [root = cwd, prefix = ''] = output.split('\n');
    return new GitRepository(path.resolve(root.trim()), prefix.trim());
  }

  /**
   * Reads `REF:path` as git would: a path starting with ./ or ../ is relative to the working
   * directory, any other path is relative to the repository root.
   */
  async read(spec: GitSpec, shown: string): Promise<GitFile> {
    const relative = spec.path.replace(/\\/g, '/');
    const fromRoot = /^\.\.?\//.test(relative) ? path.posix.join(this.prefix, relative) : path.posix.normalize(relative);
    if (fromRoot.startsWith('../') || fromRoot === '..' || path.posix.isAbsolute(fromRoot)) {
      throw new CliError(`"${shown}" points outside the git repository at ${this.root}. Give the path from the repository's root, e.g. "${spec.ref}:rubrics/team.assessment.yaml".`);
    }
    await this.verifyRef(spec.ref, shown);
    try {
      return { uri: gitUri(spec.ref, fromRoot), text: await this.show(spec.ref, fromRoot), repoPath: fromRoot };
    } catch (error) {
      if (error instanceof UnreadableFile) throw new CliError(`Cannot read ${printable(shown)}: ${error.reason}. ${error.advice ?? ''}`.trimEnd());
      throw error;
    }
  }

  /**
   * FileHost: references inside files read from git, read at the same revision. A blob is never
   * a link to follow (git stores a link as its target's name), so there is no realUri.
   */
  async readFile(uri: string): Promise<FileRead> {
    const spec = parseGitUri(uri);
    if (!spec) return undefined;
    try {
      return await this.show(spec.ref, spec.path);
    } catch (error) {
      if (error instanceof UnreadableFile) return { unreadable: error.reason, ...(error.advice ? { advice: error.advice } : {}) };
      if (error instanceof CliError) return { unreadable: error.message.replace(/\.$/, '') };
      if (error instanceof GitError) return { unreadable: `git could not read it (${error.stderr})` };
      return { unreadable: `git could not read it (${errorText(error)})` };
    }
  }

  /** Fails with a message that says what to fetch when `ref` is not a commit of this repository. */
  verifyRef(ref: string, shown: string): Promise<void> {
    let verified = this.verifiedRefs.get(ref);
    if (!verified) {
      verified = git(this.root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).then(
        () => undefined,
        () => {
          throw new CliError(`"${ref}" (in "${shown}") is not a branch, tag or commit of this repository. In CI, fetch the base branch first (actions/checkout with fetch-depth: 0), and check the name with "git rev-parse ${ref}".`);
        },
      );
      this.verifiedRefs.set(ref, verified);
    }
    return verified;
  }

  /** The file's text at the revision, or undefined when it does not exist there. */
  async show(ref: string, repoPath: string): Promise<string | undefined> {
    const object = `${ref}:${repoPath}`;
    if (/[\r\n]/.test(object)) return this.showAlone(object);
    this.batch ??= new GitBatch(this.root, MAX_OUTPUT_BYTES);
    const answer = await this.batch.read(object);
    if (answer.type === 'missing') return undefined;
    if (answer.type !== 'blob') throw new CliError(`"${object}" is a ${answer.type} in git, not a file.`);
    if (!('content' in answer) || !answer.content) throw tooLarge();
    return decodeText(answer.content);
  }

  /**
   * Where the link at `repoPath` leads at the revision, as a path from the repository root at the
   * same revision, through links to links; undefined when it leaves the tree (an absolute target,
   * or `..` past the root) or goes round. git stores a link as a blob that holds where it leads.
   */
  async linkTarget(ref: string, repoPath: string): Promise<string | undefined> {
    let current = repoPath;
    for (let hop = 0; hop < MAX_LINK_HOPS; hop++) {
      const target = await this.show(ref, current);
      if (target === undefined || target.startsWith('/') || /^[A-Za-z]:/.test(target)) return undefined;
      const next = path.posix.normalize(path.posix.join(path.posix.dirname(current), target.replace(/\\/g, '/')));
      if (next === '..' || next.startsWith('../')) return undefined;
      const entry = await git(this.root, ['ls-tree', '-z', ref, '--', next]).catch(() => '');
      if (!entry.startsWith(`${LINK_MODE} `)) return next;
      current = next;
    }
    return undefined;
  }

  /** Ends the process that reads objects, once the command is done with the repository. */
  close(): void {
    this.batch?.close();
  }

  /** One object by its own git processes: for names that the batch reader cannot take. */
  private async showAlone(object: string): Promise<string | undefined> {
    const type = await git(this.root, ['cat-file', '-t', '--end-of-options', object]).catch(() => undefined);
    if (type === undefined) return undefined;
    if (type.trim() !== 'blob') throw new CliError(`"${object}" is a ${type.trim()} in git, not a file.`);
    try {
      return decodeText(await gitBytes(this.root, ['cat-file', 'blob', '--end-of-options', object]));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') throw tooLarge();
      throw error;
    }
  }
}

export class GitError extends Error {
  constructor(readonly stderr: string) {
    super(stderr);
  }
}

/** Runs git in `cwd` and returns its stdout; rejects with GitError (its stderr) when git fails. */
export function git(cwd: string, args: readonly string[]): Promise<string> {
  return gitBytes(cwd, args).then((b) => b.toString('utf8'));
}

function gitBytes(cwd: string, args: readonly string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile('git', [...args], { cwd, encoding: 'buffer', maxBuffer: MAX_OUTPUT_BYTES, windowsHide: true }, (error, stdout, stderr) => {
      if (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') reject(error);
        else reject(new GitError(stderr.toString('utf8').trim().replace(/^fatal: /, '')));
      } else {
        resolve(stdout);
      }
    });
  });
}
