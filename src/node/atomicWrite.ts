import { randomBytes } from 'node:crypto';
import { constants, open as openCallback } from 'node:fs';
import { appendFile, chmod, copyFile, link, lstat, mkdir, open, realpath, rename, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import { Socket } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { CliError, errorText } from './errors';
import { nonRegularKind } from './fileRead';
import { printable } from './printable';
import { isInside } from './core';
import { fileUri } from './nodeFileHost';

/**
 * Where an output goes, decided before anything is written: a regular file (new, or replaced
 * whole; for a symbolic link, the file it points to, so the link stays), or a character device
 * or FIFO, which is written into and never replaced.
 */
type OutputTarget = RegularTarget | { readonly kind: 'device' | 'fifo'; readonly path: string };
/** `mode` is set when the file exists: the replacement keeps its permissions. */
type RegularTarget = { readonly kind: 'file'; readonly path: string; readonly mode?: number };

export interface WriteOptions {
  /**
   * The repository or workspace the command works in (node/confinement.ts: outputRoot). Below it,
   * nothing is written through a symbolic link, neither the file nor a folder on its way: a
   * checkout could have committed one (`rubrics.sarif -> /home/runner/.bashrc`) to send the
   * output elsewhere. Outside it, a link is the user's own, and is followed.
   */
  readonly within?: string;
}

/**
 * Writes an output file: a regular file whole or not at all (the text goes to a temporary file
 * in the same folder, so the final rename stays on one file system and is atomic; a reader
 * never sees half a report, and a failed run leaves no stray file behind); a character device
 * (`/dev/stdout` on a terminal, a private `/dev/null`) or a FIFO is written into, as a shell's
 * `>` would. Anything else (a folder, a socket, a link to nothing) is refused, and so is a link
 * below `options.within`. Missing folders are created.
 */
export async function writeOutputFile(target: string, text: string | Uint8Array, shown = target, options: WriteOptions = {}): Promise<void> {
  await refuseCommittedLinks(target, shown, options);
  const where = await outputTarget(target, shown);
  if (where.kind === 'file') {
    await replaceAll([{ file: target, text, shown, target: where }]);
  } else {
    try {
      await (where.kind === 'fifo' ? writeIntoFifo(where.path, text) : writeIntoDevice(where.path, text));
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENXIO' ? 'it is a FIFO (named pipe) that nothing is reading from' : errorText(error);
      throw new CliError(`Cannot write ${printable(shown)}: ${reason}.`);
    }
  }
}

/**
 * Writes several regular files all or nothing (`rubrics init`): every text goes to a temporary
 * file first; only when all are written are they renamed into place, and when a rename fails,
 * the files already renamed get their previous content back (or are removed, if they are new).
 */
export async function writeFilesAtomic(files: readonly OutputFile[], options: WriteOptions = {}): Promise<void> {
  // One after another: a problem is reported for the first file it affects, the same on every run
  // (in parallel, whichever check failed first named its file).
  const targets: OutputTarget[] = [];
  for (const f of files) {
    await refuseCommittedLinks(f.file, f.shown, options);
    targets.push(await outputTarget(f.file, f.shown));
  }
  await replaceAll(
    files.map((f, i) => {
      const where = targets[i] as OutputTarget;
      if (where.kind !== 'file') throw new CliError(`Cannot write ${printable(f.shown)}: it is ${where.kind === 'fifo' ? 'a FIFO (named pipe)' : 'a character device'}; this command writes only regular files. Nothing was changed.`);
      return { ...f, target: where };
    }),
  );
}

/**
 * Appends to a file that others write too (the Action's job summary and step outputs, which the
 * runner gives): created with its folders when missing, never through a link below
 * `options.within`, and only when it is a regular file.
 */
export async function appendOutputFile(target: string, text: string, shown = target, options: WriteOptions = {}): Promise<void> {
  await refuseCommittedLinks(target, shown, options);
  const info = await stat(target).catch(() => undefined);
  if (info && !info.isFile()) throw new CliError(`Cannot write ${printable(shown)}: it is ${nonRegularKind(info) ?? 'not a file'}. Choose a file path.`);
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await appendFile(target, text);
  } catch (error) {
    throw cannotWrite(shown, error);
  }
}

/**
 * Refuses a target below `options.within` that is, or lies in a folder that is, a symbolic link:
 * each part of the path below the root is looked at (without following it) until one is missing,
 * which is then created as a folder of its own. Whether a path is below the root is the engine's
 * one decision of what is inside a root (core/resolve/confinement.ts).
 */
async function refuseCommittedLinks(target: string, shown: string, options: WriteOptions): Promise<void> {
  if (options.within === undefined) return;
  const root = path.resolve(options.within);
  const absolute = path.resolve(target);
  if (!isInside(fileUri(absolute), [fileUri(root)])) return;
  let current = root;
  for (const part of path.relative(root, absolute).split(path.sep)) {
    current = path.join(current, part);
    const info = await lstat(current).catch(() => undefined);
    if (!info) return;
    if (info.isSymbolicLink()) {
      const which = current === absolute ? 'it is a symbolic link' : `${printable(path.relative(root, current).split(path.sep).join('/'))} on its way is a symbolic link`;
      throw new CliError(`Cannot write ${printable(shown)}: ${which} inside ${printable(root)}, which a checkout could have committed to send the output elsewhere, so nothing is written through it. Remove the link, or choose another path.`);
    }
  }
}

interface OutputFile {
  readonly file: string;
  readonly text: string | Uint8Array;
  /** The path as messages show it. */
  readonly shown: string;
}

interface Replacement extends OutputFile {
  readonly target: RegularTarget;
  readonly temporary: string;
  backup?: string;
}

async function replaceAll(files: readonly (OutputFile & { readonly target: RegularTarget })[]): Promise<void> {
  const plans: Replacement[] = files.map((f) => ({ ...f, temporary: siblingName(f.target.path, 'tmp') }));
  const createdFolders: string[] = [];
  let current: Replacement | undefined;
  try {
    for (const plan of plans) {
      current = plan;
      const folder = path.dirname(plan.target.path);
      const first = await mkdir(folder, { recursive: true });
      if (first !== undefined) createdFolders.push(...foldersBetween(first, folder));
      await writeFile(plan.temporary, plan.text, { flag: 'wx' });
      if (plan.target.mode !== undefined) await chmod(plan.temporary, plan.target.mode);
    }
    for (const plan of plans) {
      current = plan;
      if (plan.target.mode !== undefined) plan.backup = await keepCopy(plan.target.path);
    }
  } catch (error) {
    await undo(plans, [], createdFolders);
    throw cannotWrite(current?.shown, error);
  }
  const renamed: Replacement[] = [];
  for (const plan of plans) {
    try {
      await rename(plan.temporary, plan.target.path);
      renamed.push(plan);
    } catch (error) {
      await undo(plans, renamed, createdFolders);
      throw cannotWrite(plan.shown, error);
    }
  }
  await Promise.all(plans.map((p) => (p.backup ? unlink(p.backup).catch(() => undefined) : undefined)));
}

async function outputTarget(target: string, shown: string): Promise<OutputTarget> {
  let info;
  try {
    info = await lstat(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'file', path: target };
    throw cannotWrite(shown, error);
  }
  let real = target;
  if (info.isSymbolicLink()) {
    try {
      info = await stat(target);
      // A file is replaced where it really is, so the link stays a link. A device or a pipe is
      // opened through the link: /dev/stdout leads to a pipe that has no path of its own.
      if (info.isFile()) real = await realpath(target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' ? 'it is a symbolic link to a file that does not exist' : code === 'ELOOP' ? 'it is a symbolic link that loops' : errorText(error);
      throw new CliError(`Cannot write ${printable(shown)}: ${reason}. Point the link at a file, or choose another path.`);
    }
  }
  if (info.isFile()) return { kind: 'file', path: real, mode: info.mode & 0o7777 };
  if (info.isCharacterDevice()) return { kind: 'device', path: real };
  if (info.isFIFO()) return { kind: 'fifo', path: real };
  throw new CliError(`Cannot write ${printable(shown)}: it is ${nonRegularKind(info) ?? 'not a file'}. Choose a file path.`);
}

/** A device is opened as it is (no create, no truncate) and written, like `>` in a shell. */
async function writeIntoDevice(device: string, text: string | Uint8Array): Promise<void> {
  const handle = await open(device, constants.O_WRONLY);
  try {
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
}

/**
 * A FIFO is opened without waiting: with no reader that fails at once (ENXIO) instead of
 * blocking until one comes. The open pipe is then written through the event loop, which waits
 * for the reader to take the text rather than failing when the pipe is full.
 */
async function writeIntoFifo(fifo: string, text: string | Uint8Array): Promise<void> {
  const fd = await promisify(openCallback)(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
  const pipe = new Socket({ fd, readable: false, writable: true });
  await new Promise<void>((resolve, reject) => {
    pipe.once('error', reject);
    pipe.end(text, () => resolve());
  });
}

/** A copy of an existing file to restore it from: a hard link where the file system allows one. */
async function keepCopy(file: string): Promise<string> {
  const backup = siblingName(file, 'bak');
  try {
    await link(file, backup);
  } catch {
    await copyFile(file, backup, constants.COPYFILE_EXCL);
  }
  return backup;
}

/** Puts back what the plans changed: renamed files get their backup (or go, if new), and temporaries, backups and new folders go. */
async function undo(plans: readonly Replacement[], renamed: readonly Replacement[], createdFolders: readonly string[]): Promise<void> {
  for (const plan of renamed) {
    await (plan.backup ? rename(plan.backup, plan.target.path) : unlink(plan.target.path)).catch(() => undefined);
  }
  for (const plan of plans) {
    await unlink(plan.temporary).catch(() => undefined);
    if (plan.backup && !renamed.includes(plan)) await unlink(plan.backup).catch(() => undefined);
  }
  // Deepest first; rmdir removes only empty folders, so nothing else is touched.
  for (const folder of [...createdFolders].reverse()) await rmdir(folder).catch(() => undefined);
}

function siblingName(file: string, suffix: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.${suffix}`);
}

/** `first` and each folder below it down to `last` (what `mkdir -p` created), top first. */
function foldersBetween(first: string, last: string): string[] {
  const folders = [last];
  for (let folder = last; folder !== first && path.dirname(folder) !== folder; ) {
    folder = path.dirname(folder);
    folders.unshift(folder);
  }
  return folders;
}

function cannotWrite(shown: string | undefined, error: unknown): CliError {
  if (error instanceof CliError) return error;
  return new CliError(`Cannot write ${printable(shown ?? 'the output')}: ${errorText(error)}. Nothing was changed; choose a folder you can write to.`);
}
