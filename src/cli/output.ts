import path from 'node:path';
import { outputRoot } from '../node/confinement';
import type { CliContext } from './context';
import { printable } from '../node/printable';

/**
 * Writes a command's result to `--out` (whole or not at all) or, without it, to stdout. A file
 * written is said on stderr with `what` it holds, so a run that prints nothing else still says
 * where its result went.
 */
export async function emit(text: string, out: string | undefined, context: CliContext, what?: string): Promise<void> {
  if (out === undefined || out === '-') {
    context.stdout.write(text);
    return;
  }
  // Loaded when a file is written: it needs crypto and net, which printing a result does not.
  const { writeOutputFile } = await import('../node/atomicWrite');
  await writeOutputFile(path.resolve(context.cwd, out), text, out, { within: await outputRoot(context) });
  if (what !== undefined) context.stderr.write(`rubrics: wrote ${printable(out)}: ${what} (${sizeOf(text)}).\n`);
}

/** The formats of results, as a sentence names them. */
export const FORMAT_NAMES: Readonly<Record<string, string>> = { md: 'Markdown', html: 'HTML', json: 'JSON', text: 'text' };

function sizeOf(text: string): string {
  const bytes = Buffer.byteLength(text);
  return bytes < 1024 ? `${bytes} byte${bytes === 1 ? '' : 's'}` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
