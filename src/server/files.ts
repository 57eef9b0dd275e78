import type { Connection } from 'vscode-languageserver';
import { builtinByUri, type FileHost, type FileRead } from './core';
import { FIND_FILES, READ_FILE, REAL_URI, type FindFilesParams, type ReadFileParams, type ReadFileResult, type RealUriParams } from './protocol';

/**
 * Where the server gets the files that are not open: referenced rubrics and baselines, and the
 * workspace's files for the start-up scan. Every read of the server goes through one FileSource,
 * and the engine keeps references inside the workspace folders (its confinement), asking the
 * source where links lead when the source can see links.
 */
export interface FileSource {
  /** The file's text; undefined when no file is there; Unreadable when one is there but was not read. */
  readFile(uri: string): Promise<FileRead>;
  /** Where the file really is once links are followed (see FileHost.realUri); absent where there are no links. */
  readonly realUri?: (uri: string) => Promise<string | undefined>;
  /** URIs of the files that match a glob relative to each of the workspace folders (given as URIs). */
  findFiles(folders: readonly string[], include: string, maxResults: number): Promise<string[]>;
}

/**
 * The client reads for the server (VS Code, through its file system API: virtual workspaces and
 * the browser work). `resolvesLinks`: the client answers where links lead (the desktop).
 */
export function clientFileSource(connection: Connection, resolvesLinks: boolean): FileSource {
  return {
    async readFile(uri) {
      try {
        return fromClient(await connection.sendRequest<ReadFileResult>(READ_FILE, { uri } satisfies ReadFileParams));
      } catch {
        return undefined;
      }
    },
    ...(resolvesLinks
      ? {
          async realUri(uri: string) {
            try {
              const real = await connection.sendRequest<string | null>(REAL_URI, { uri } satisfies RealUriParams);
              return typeof real === 'string' ? real : undefined;
            } catch {
              return undefined;
            }
          },
        }
      : {}),
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

function fromClient(result: unknown): FileRead {
  if (typeof result === 'string') return result;
  if (result && typeof result === 'object' && typeof (result as { unreadable?: unknown }).unreadable === 'string') {
    const { unreadable, advice } = result as { unreadable: string; advice?: unknown };
    return { unreadable, ...(typeof advice === 'string' ? { advice } : {}) };
  }
  return undefined;
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

  async readFile(uri: string): Promise<FileRead> {
    const open = this.openText(uri);
    if (open !== undefined) return open;
    const builtin = builtinByUri(uri);
    if (builtin) return builtin.text;
    return this.source.readFile(uri);
  }

  /** Where links lead, from the source (an open document may be a link too: where it leads still counts). */
  realUri(uri: string): Promise<string | undefined> {
    return this.source.realUri ? this.source.realUri(uri) : Promise.resolve(uri);
  }

  /** A file as saved (not the open document's): for checking a file that is not open. */
  readSaved(uri: string): Promise<FileRead> {
    return this.source.readFile(uri);
  }

  findFiles(folders: readonly string[], include: string, maxResults: number): Promise<string[]> {
    return this.source.findFiles(folders, include, maxResults);
  }
}
