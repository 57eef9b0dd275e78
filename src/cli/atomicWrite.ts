import { randomBytes } from 'node:crypto';
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CliError, errorText } from './errors';

/**
 * Writes a file whole or not at all: the text goes to a temporary file in the same folder (so
 * the final rename stays on one file system and is atomic), which then replaces the target.
 * A reader never sees half a report, and a failed run leaves no stray file behind.
 */
export async function writeFileAtomic(target: string, text: string, shown = target): Promise<void> {
  const directory = path.dirname(target);
  const temporary = path.join(directory, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(directory, { recursive: true });
    await writeFile(temporary, text, { flag: 'wx' });
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw new CliError(`Cannot write ${shown}: ${errorText(error)}. Choose a folder you can write to.`);
  }
}
