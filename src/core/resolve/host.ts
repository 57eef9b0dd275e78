/**
 * How the engine reads other files (referenced rubrics, baseline assessments). The CLI reads
 * from disk, the extension through `vscode.workspace.fs` (so virtual workspaces work), tests
 * from memory. URIs are absolute strings: file:///..., vscode-vfs://..., untitled:...
 */
export interface FileHost {
  /** The file's text, or undefined when it does not exist or cannot be read. */
  readFile(uri: string): Promise<string | undefined>;
}

/** A host over a fixed set of texts, for tests and for the language worker's open documents. */
export class MemoryFileHost implements FileHost {
  constructor(private readonly files: Map<string, string> = new Map(), private readonly fallback?: FileHost) {}

  set(uri: string, text: string): void {
    this.files.set(uri, text);
  }

  delete(uri: string): void {
    this.files.delete(uri);
  }

  async readFile(uri: string): Promise<string | undefined> {
    const text = this.files.get(uri);
    if (text !== undefined) return text;
    return this.fallback?.readFile(uri);
  }
}
