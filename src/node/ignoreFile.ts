import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { IGNORE_FILE_NAME, IgnoreList } from './core';
import { CliError, errorText } from './errors';
import { readTextFile, UnreadableFile } from './fileRead';

/**
 * The `.rubricsignore` that applies to a folder: the nearest one in it or above it, up to the
 * repository's top folder (the first with a `.git`). Its patterns are relative to its own folder.
 */
export class IgnoreRules {
  private constructor(
    /** The folder of the ignore file, or undefined when there is none. */
    readonly folder: string | undefined,
    private readonly list: IgnoreList | undefined,
  ) {}

  static readonly NONE = new IgnoreRules(undefined, undefined);

  static async load(from: string): Promise<IgnoreRules> {
    for (let folder = path.resolve(from); ; folder = path.dirname(folder)) {
      const file = path.join(folder, IGNORE_FILE_NAME);
      const text = await readIgnoreFile(file);
      if (text !== undefined) return new IgnoreRules(folder, new IgnoreList(text));
      const top = await readFile(path.join(folder, '.git')).then(() => true, (error: NodeJS.ErrnoException) => error.code === 'EISDIR');
      if (top || path.dirname(folder) === folder) return IgnoreRules.NONE;
    }
  }

  /** Whether a file is left out. `file` is absolute, or relative to `relativeTo` (the ignore file's folder by default). */
  ignores(file: string, relativeTo?: string): boolean {
    if (!this.list || !this.folder) return false;
    const absolute = path.resolve(relativeTo ?? this.folder, file);
    return this.list.ignores(path.relative(this.folder, absolute).split(path.sep).join('/'));
  }
}

/**
 * An ignore file's text; undefined when there is none. It is read as the files to check are: a
 * regular file, at most the engine's size limit, never a FIFO or a device (/dev/zero would never
 * end). A symbolic link is refused: a checkout (a pull request) could point it anywhere on the
 * machine, and nothing outside the repository is read unless the user asks.
 */
async function readIgnoreFile(file: string): Promise<string | undefined> {
  const refuse = (why: string): never => {
    throw new CliError(`Cannot read ${file}: ${why}. Replace it with a regular file that lists the patterns, or remove it.`);
  };
  const info = await lstat(file).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' || error.code === 'ENOTDIR' ? undefined : refuse(errorText(error))));
  if (!info) return undefined;
  if (info.isSymbolicLink()) refuse('it is a symbolic link, and an ignore file is read only as a file of its own');
  if (info.isDirectory()) return undefined;
  try {
    return await readTextFile(file);
  } catch (error) {
    return refuse(error instanceof UnreadableFile ? error.reason : errorText(error));
  }
}
