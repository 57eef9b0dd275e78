import { realpath } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FileHost, FileRead } from './core';
import { readForEngine } from './fileRead';

/**
 * An absolute POSIX path already in normal form (no empty, `.` or `..` segment) of characters a
 * file URI keeps as they are: its URI is the path after `file://`.
 */
const PLAIN_ABSOLUTE_PATH = /^(?:\/[A-Za-z0-9_-][A-Za-z0-9._-]*)+$/;
const POSIX = process.platform !== 'win32';

/** The engine's URI for a path on disk. */
export function fileUri(path: string): string {
  // The common case without building a URL object: a run over a thousand files asks this for each.
  if (POSIX && PLAIN_ABSOLUTE_PATH.test(path)) return `file://${path}`;
  return pathToFileURL(path).toString();
}

/** A folder's file:// URI with the trailing slash SARIF's base URIs need. */
export function directoryUri(directory: string): string {
  const uri = fileUri(directory);
  return uri.endsWith('/') ? uri : `${uri}/`;
}

/**
 * Reads `file://` URIs from disk for the engine (referenced rubrics and baselines). Within one
 * run files do not change, so texts are kept: a rubric referenced by a hundred assessments is
 * read once (and, through the engine's cache, parsed once).
 *
 * A file that exists but is not read (a FIFO, a device, too large, no permission) comes back as
 * Unreadable with why, which the engine puts in its message and in FileAnalysis.incomplete; a
 * missing file, or a folder, is simply not there. Links are followed by `realUri`, so the engine
 * can keep references inside their roots (resolve/confinement.ts).
 */
export class NodeFileHost implements FileHost {
  private readonly texts = new Map<string, Promise<FileRead>>();
  private readonly realUris = new Map<string, Promise<string | undefined>>();

  constructor(private readonly options: { readonly cache?: boolean } = {}) {}

  readFile(uri: string): Promise<FileRead> {
    return this.once(this.texts, uri, () => this.read(uri));
  }

  /** Where a file really is cannot change within a run either: a rubric that a thousand assessments reference is looked up once. */
  realUri(uri: string): Promise<string | undefined> {
    return this.once(this.realUris, uri, () => this.lookUpRealUri(uri));
  }

  /** The answer for a URI, worked out once per host unless the host was made with `cache: false`. */
  private once<T>(answers: Map<string, Promise<T>>, uri: string, work: () => Promise<T>): Promise<T> {
    if (this.options.cache === false) return work();
    let answer = answers.get(uri);
    if (!answer) {
      answer = work();
      answers.set(uri, answer);
    }
    return answer;
  }

  private async lookUpRealUri(uri: string): Promise<string | undefined> {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return fileUri(await realpath(fileURLToPath(uri)));
    } catch {
      // Nothing there, a parent that cannot be read, or a URI that names no local file: the read says which.
      return undefined;
    }
  }

  private async read(uri: string): Promise<FileRead> {
    let file: string;
    try {
      file = fileURLToPath(uri);
    } catch {
      return undefined; // not a file of this machine (a file://host/ URI)
    }
    return readForEngine(file);
  }
}
