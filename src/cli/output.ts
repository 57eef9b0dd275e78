import path from 'node:path';
import { outputRoot } from './confinement';
import type { CliContext } from './context';

/** Writes a command's result to `--out` (whole or not at all) or, without it, to stdout. */
export async function emit(text: string, out: string | undefined, context: CliContext): Promise<void> {
  if (out === undefined || out === '-') {
    context.stdout.write(text);
    return;
  }
  // Loaded when a file is written: it needs crypto and net, which printing a result does not.
  const { writeOutputFile } = await import('./atomicWrite');
  await writeOutputFile(path.resolve(context.cwd, out), text, out, { within: await outputRoot(context) });
}
