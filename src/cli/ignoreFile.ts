import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { IGNORE_FILE_NAME, IgnoreList } from '../core/format/ignoreFile';
import { CliError, errorText } from './errors';

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
      const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
        throw new CliError(`Cannot read ${file}: ${errorText(error)}.`);
      });
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
