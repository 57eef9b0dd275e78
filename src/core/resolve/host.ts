/**
 * How the engine reads other files (referenced rubrics, baseline assessments). The CLI reads
 * from disk, the extension through `vscode.workspace.fs` (so virtual workspaces work), tests
 * from memory. URIs are absolute strings: file:///..., vscode-vfs://..., untitled:...
 */
export interface FileHost {
  /**
   * The file's text; undefined when no file is there (or it is a folder); an Unreadable when a
   * file is there but was not read, with why, so that a reference to it says so.
   */
  readFile(uri: string): Promise<FileRead>;
  /**
   * Where the file really is once links are followed, as a URI; undefined when nothing is there.
   * Only a host whose files can be links has it (the disk); for the others a URI is where the file is.
   * References are confined to their roots by both (see resolve/confinement.ts).
   */
  realUri?(uri: string): Promise<string | undefined>;
}

/** A file that is there but was not read. */
export interface Unreadable {
  /** Why, as a clause that follows the file's name: "it is a FIFO (named pipe), not a regular file". */
  readonly unreadable: string;
  /** What to do about it, a sentence, when there is something to say. */
  readonly advice?: string;
}

export type FileRead = string | Unreadable | undefined;

export function isUnreadable(read: FileRead): read is Unreadable {
  return typeof read === 'object' && read !== null;
}

/** The text of a read, or undefined when there is none. */
export function textOf(read: FileRead): string | undefined {
  return typeof read === 'string' ? read : undefined;
}

/** A host over a fixed set of texts, for tests and for the language worker's open documents. */
export class MemoryFileHost implements FileHost {
  constructor(private readonly files: Map<string, string | Unreadable> = new Map(), private readonly fallback?: FileHost) {}

  set(uri: string, text: string | Unreadable): void {
    this.files.set(uri, text);
  }

  delete(uri: string): void {
    this.files.delete(uri);
  }

  async readFile(uri: string): Promise<FileRead> {
    const text = this.files.get(uri);
    if (text !== undefined) return text;
    return this.fallback?.readFile(uri);
  }
}
