import { readFile } from 'node:fs/promises';
import { Engine } from '../core/engine';
import type { FileHost } from '../core/resolve/host';
import { CliError, errorText } from './errors';
import { decodeText, NodeFileHost } from './nodeFileHost';

/**
 * The one engine of a run. Its cache is what makes a rubric referenced by a hundred assessments
 * parse once, so commands create it once and analyze every file through it.
 */
export function createEngine(host: FileHost = new NodeFileHost()): Engine {
  return new Engine(host);
}

/** Reads a file the user named or that discovery found; failing to is a usage/I/O error (exit 2). */
export async function readUserFile(file: string, shown: string): Promise<string> {
  try {
    return decodeText(await readFile(file));
  } catch (error) {
    throw new CliError(`Cannot read ${shown}: ${errorText(error)}. Check the path and the file's permissions.`);
  }
}
