import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { type FileRead, REGULAR_FILES_ONLY, SPLIT_ADVICE, tooLargeReason, YAML_LIMITS } from './core';
import { errorText } from './errors';

/**
 * The most bytes the CLI reads of one file: the engine's size limit, which counts characters,
 * applied to bytes. A text never has more characters than its UTF-8 file has bytes, so all
 * that the CLI reads is within the engine's limit; the other way round, a file of mostly
 * non-Latin text between 16 and 48 MiB, which the engine would take, is refused here, the
 * price of never reading more than the limit.
 */
export const MAX_READ_BYTES = YAML_LIMITS.maxBytes;
const CHUNK_BYTES = 64 * 1024;
/** Opening a FIFO without this waits for a writer; a regular file ignores it. Windows has no FIFOs. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Why a file was not read: a clause that follows its name ("it is a FIFO (named pipe), …"), and what to do. */
export class UnreadableFile extends Error {
  /** No file is there (nothing, or a folder): what the engine's "not found" at a reference says. */
  readonly absent: boolean;
  /** A sentence on what to do, when there is one. */
  readonly advice: string | undefined;

  constructor(readonly reason: string, options: { readonly absent?: boolean; readonly advice?: string } = {}) {
    super(reason);
    this.name = 'UnreadableFile';
    this.absent = options.absent ?? false;
    this.advice = options.advice;
  }
}

/** What a file system entry is when it is not a regular file, in words; undefined for a regular file. */
export function nonRegularKind(info: Pick<Stats, 'isFile' | 'isDirectory' | 'isFIFO' | 'isCharacterDevice' | 'isBlockDevice' | 'isSocket'>): string | undefined {
  if (info.isFile()) return undefined;
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'an unknown kind of file';
}

export interface ReadOptions {
  /**
   * The caller saw a moment ago that the path is a regular file (discovery's folder entry or
   * stat), so it is opened without looking again. Opening stays non-blocking and the opened file
   * is still checked, which covers a path swapped for a FIFO or a device since.
   */
  readonly seenRegular?: boolean;
}

/**
 * Reads a regular file whole, as text, never more than MAX_READ_BYTES of it. The path is
 * looked at before it is opened (here, or by the caller: ReadOptions.seenRegular), so a FIFO,
 * a device or a socket is never opened (opening or reading one can block forever, or never end,
 * as /dev/zero does); the opened file is checked again, in case the path was swapped in between.
 * Throws UnreadableFile saying why.
 */
export async function readTextFile(file: string, options: ReadOptions = {}): Promise<string> {
  const { bytes, complete, size } = await readBounded(file, MAX_READ_BYTES, false, options.seenRegular ?? false);
  if (!complete) throw tooLarge(size);
  return decodeText(bytes);
}

/**
 * A file as the engine's file hosts give it (FileHost.readFile): its text; undefined when no file
 * is there (or a folder); why, when one is there but is not read. The CLI's host and the
 * desktop editor's both read files on disk with this.
 */
export async function readForEngine(file: string): Promise<FileRead> {
  try {
    return await readTextFile(file);
  } catch (error) {
    if (!(error instanceof UnreadableFile)) return { unreadable: errorText(error) };
    if (error.absent) return undefined;
    return { unreadable: error.reason, ...(error.advice ? { advice: error.advice } : {}) };
  }
}

/** The refusal of a file over MAX_READ_BYTES; `size` when it is known. */
export function tooLarge(size?: number): UnreadableFile {
  return new UnreadableFile(tooLargeReason(size), { advice: SPLIT_ADVICE });
}

/**
 * The first `limit` bytes of a regular file, whether it has more (`complete: false`), and its
 * size as the file system reports it. Same checks as readTextFile.
 */
export function readPrefix(file: string, limit: number): Promise<BoundedRead> {
  return readBounded(file, limit, true, false);
}

interface BoundedRead {
  readonly bytes: Buffer;
  readonly complete: boolean;
  readonly size: number;
}

/**
 * Reads up to `limit` bytes; with `evenWhenLarger` false, a file that says it is larger is not read
 * at all. The calls are synchronous: a regular file answers at once, and a run over a thousand
 * files spent more in handing each of five calls per file to the thread pool and back than in
 * reading (see `npm run bench`). Nothing here can wait on a pipe or a device: those are refused
 * before they are opened, and opened without blocking in case the path was swapped in between.
 */
async function readBounded(file: string, limit: number, evenWhenLarger: boolean, seenRegular: boolean): Promise<BoundedRead> {
  if (!seenRegular) ensureRegular(() => statSync(file));
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (error) {
    throw fromErrno(error);
  }
  try {
    const info = ensureRegular(() => fstatSync(fd));
    // Stop without reading when the file says it is too large; otherwise read until the end,
    // but no further than the limit, since a file can grow while it is read.
    if (info.size > limit && !evenWhenLarger) return { bytes: Buffer.alloc(0), complete: false, size: info.size };
    const chunks: Buffer[] = [];
    let total = 0;
    // One read for a file whose size is known (one byte more, to see that it ends there).
    let wanted = info.size > 0 ? Math.min(info.size, limit) + 1 : CHUNK_BYTES;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(wanted, limit + 1 - total));
      wanted = CHUNK_BYTES;
      const bytesRead = readSync(fd, chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      // A short read that ends where the size said is the end; no need to ask once more.
      if (total === info.size && bytesRead < chunk.length) break;
      if (total > limit) return { bytes: Buffer.concat(chunks).subarray(0, limit), complete: false, size: Math.max(info.size, total) };
    }
    // Nearly every file is read in one chunk: that chunk is the file, with no copy into another.
    return { bytes: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total), complete: true, size: total };
  } catch (error) {
    throw error instanceof UnreadableFile ? error : fromErrno(error);
  } finally {
    closeSync(fd);
  }
}

/**
 * Decodes file bytes the way VS Code does for YAML: UTF-8, with a leading byte-order mark
 * dropped. Without this the CLI would put every first-line column one further right than the
 * editor does.
 */
export function decodeText(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function ensureRegular(look: () => Stats): Stats {
  let info: Stats;
  try {
    info = look();
  } catch (error) {
    throw fromErrno(error);
  }
  const kind = nonRegularKind(info);
  if (kind) throw new UnreadableFile(`it is ${kind}, not a regular file`, { absent: info.isDirectory(), advice: REGULAR_FILES_ONLY });
  return info;
}

function fromErrno(error: unknown): UnreadableFile {
  const code = (error as NodeJS.ErrnoException).code;
  return new UnreadableFile(errorText(error), { absent: code === 'ENOENT' || code === 'ENOTDIR', advice: "Check the path and the file's permissions." });
}
