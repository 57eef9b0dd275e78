import type { Connection } from 'vscode-languageserver';
import { builtinByUri, type FileHost } from './core';
import { FIND_FILES, READ_FILE, type FindFilesParams, type ReadFileParams } from './protocol';

/**
 * Where the server gets the files that are not open: referenced rubrics and baselines, and the
 * workspace's files for the start-up scan. Every read of the server goes through one FileSource,
 * so a rule about which files may be read (such as keeping references inside the workspace)
 * belongs in one place.
 */
export interface FileSource {
  /** The file's text, or undefined when it does not exist or cannot be read. */
  readFile(uri: string): Promise<string | undefined>;
  /** URIs of the files that match a glob relative to each of the workspace folders (given as URIs). */
  findFiles(folders: readonly string[], include: string, maxResults: number): Promise<string[]>;
}

/** The client reads for the server (VS Code, through its file system API: virtual workspaces and the browser work). */
export function clientFileSource(connection: Connection): FileSource {
  return {
    async readFile(uri) {
      try {
        const text = await connection.sendRequest<string | null>(READ_FILE, { uri } satisfies ReadFileParams);
        return typeof text === 'string' ? text : undefined;
      } catch {
        return undefined;
      }
    },
    // VS Code searches its own workspace folders (and honours files.exclude).
    async findFiles(_folders, include, maxResults) {
      try {
        const uris = await connection.sendRequest<string[] | null>(FIND_FILES, { include, maxResults } satisfies FindFilesParams);
        return Array.isArray(uris) ? uris.filter((u) => typeof u === 'string') : [];
      } catch {
        return [];
      }
    },
  };
}

/** A source that has no files (a server in a browser whose client does not read for it). */
export const NO_FILES: FileSource = {
  readFile: async () => undefined,
  findFiles: async () => [],
};

/**
 * The engine's FileHost in the server: an open document's text (unsaved edits included) wins,
 * built-in rubrics come from the engine, everything else from the FileSource.
 */
export class ServerFiles implements FileHost {
  constructor(
    private readonly openText: (uri: string) => string | undefined,
    private source: FileSource,
  ) {}

  setSource(source: FileSource): void {
    this.source = source;
  }

  async readFile(uri: string): Promise<string | undefined> {
    const open = this.openText(uri);
    if (open !== undefined) return open;
    const builtin = builtinByUri(uri);
    if (builtin) return builtin.text;
    return this.source.readFile(uri);
  }

  /** A file's text as saved (not the open document's): for checking a file that is not open. */
  readSaved(uri: string): Promise<string | undefined> {
    return this.source.readFile(uri);
  }

  findFiles(folders: readonly string[], include: string, maxResults: number): Promise<string[]> {
    return this.source.findFiles(folders, include, maxResults);
  }
}
