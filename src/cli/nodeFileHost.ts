import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FileHost } from '../core/resolve/host';
import { readTextFile, RefusalLog, UnreadableFile, type ReadRefusals } from './fileRead';

/** The engine's URI for a path on disk. */
export function fileUri(path: string): string {
  return pathToFileURL(path).toString();
}

/**
 * Reads `file://` URIs from disk for the engine (referenced rubrics and baselines). Within one
 * run files do not change, so texts are kept: a rubric referenced by a hundred assessments is
 * read once (and, through the engine's cache, parsed once).
 *
 * A file that exists but is not read (a FIFO, a device, too large, no permission) is, to the
 * engine, not there; the host keeps why, so the CLI can say it and fail the run instead of
 * leaving "not found" as the only trace (see `refusals`).
 */
export class NodeFileHost implements FileHost, ReadRefusals {
  private readonly texts = new Map<string, Promise<string | undefined>>();
  private readonly refused = new RefusalLog();

  constructor(private readonly options: { readonly cache?: boolean } = {}) {}

  readFile(uri: string): Promise<string | undefined> {
    if (this.options.cache === false) return this.read(uri);
    let text = this.texts.get(uri);
    if (!text) {
      text = this.read(uri);
      this.texts.set(uri, text);
    }
    return text;
  }

  /** Why each of these URIs was not read, for those that exist but were refused. */
  refusals(uris: Iterable<string>): { uri: string; reason: string }[] {
    return this.refused.refusals(uris);
  }

  private async read(uri: string): Promise<string | undefined> {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return await readTextFile(fileURLToPath(uri));
    } catch (error) {
      // A missing file, or a folder, is what the engine's "not found" says; anything else is kept.
      if (!(error instanceof UnreadableFile)) this.refused.note(uri, String(error));
      else if (!error.absent) this.refused.note(uri, error.reason);
      return undefined;
    }
  }
}
