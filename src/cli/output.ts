import path from 'node:path';
import { writeOutputFile } from './atomicWrite';
import type { CliContext } from './context';

/** Writes a command's result to `--out` (whole or not at all) or, without it, to stdout. */
export async function emit(text: string, out: string | undefined, context: CliContext): Promise<void> {
  if (out === undefined || out === '-') {
    context.stdout.write(text);
    return;
  }
  await writeOutputFile(path.resolve(context.cwd, out), text, out);
}
