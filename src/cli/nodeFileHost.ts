import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FileHost } from '../core/resolve/host';

/** The engine's URI for a path on disk. */
export function fileUri(path: string): string {
  return pathToFileURL(path).toString();
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

/**
 * Reads `file://` URIs from disk for the engine (referenced rubrics and baselines). Within one
 * run files do not change, so texts are kept: a rubric referenced by a hundred assessments is
 * read once (and, through the engine's cache, parsed once).
 */
export class NodeFileHost implements FileHost {
  private readonly texts = new Map<string, Promise<string | undefined>>();

  constructor(private readonly options: { readonly cache?: boolean } = {}) {}

  readFile(uri: string): Promise<string | undefined> {
    if (this.options.cache === false) return readFileUri(uri);
    let text = this.texts.get(uri);
    if (!text) {
      text = readFileUri(uri);
      this.texts.set(uri, text);
    }
    return text;
  }
}

async function readFileUri(uri: string): Promise<string | undefined> {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return decodeText(await readFile(fileURLToPath(uri)));
  } catch {
    // Missing, unreadable or a directory: the engine reports "not found" at the reference.
    return undefined;
  }
}
