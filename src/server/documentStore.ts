import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { OpenAnalyses } from './analyses';
import { ChunkedTextDocument } from './chunkedDocument';
import { Engine, type DocumentKind, type FileAnalysis } from './core';
import { DependencyGraph } from './dependencyGraph';
import { ServerFiles, type FileSource } from './files';
import { FileOwnership } from './ownership';

/**
 * What the server knows of the workspace's documents, shared by every handler: the open documents
 * as the editor's notifications left them (text and version), which of them are ours, the engine
 * and the analyses of the open documents, and what the last check of every file of ours (open or
 * not) found out: its kind and the files it read. Handlers read documents here, never keep their own.
 */
export class DocumentStore {
  readonly ownership = new FileOwnership();
  /** Every read of the server: an open document's text wins over the file as saved. */
  readonly files: ServerFiles;
  readonly engine: Engine;
  readonly analyses: OpenAnalyses;
  /** Which checked files read which, as of their last check: for re-checking dependents and for find all references. */
  readonly graph = new DependencyGraph();
  /**
   * Settles once the start-up settings and the folders' `.rubricsignore` lists are in: whether a
   * file is ours depends on them, so no open document is checked before (a file the ignore list
   * names would otherwise get problems for a moment).
   */
  readonly startedUp: Promise<void>;
  private startUpDone: () => void = () => undefined;
  /** The open documents, by URI. */
  private readonly documents = new Map<string, ChunkedTextDocument>();
  /** Open documents that are ours, as of their last check. */
  private readonly owned = new Set<string>();
  /** Every file of ours checked (open or not), with its kind: for `rubric:` completion and the scan. */
  private readonly known = new Map<string, DocumentKind | undefined>();

  constructor(source: FileSource) {
    this.files = new ServerFiles((uri) => this.documents.get(uri)?.getText(), source);
    this.engine = new Engine(this.files);
    this.analyses = new OpenAnalyses(this.engine);
    this.startedUp = new Promise((resolve) => (this.startUpDone = resolve));
  }

  /** The settings and ignore lists are in: checks may start. */
  startUpFinished(): void {
    this.startUpDone();
  }

  /** The open document, as the editor has it now. */
  get(uri: string): ChunkedTextDocument | undefined {
    return this.documents.get(uri);
  }

  /** The URIs of the open documents. */
  openUris(): IterableIterator<string> {
    return this.documents.keys();
  }

  opened(uri: string, languageId: string, version: number, text: string): void {
    this.documents.set(uri, new ChunkedTextDocument(uri, languageId, version, text));
    this.analyses.touch(uri);
  }

  /** Applies the editor's changes; false when the document is not open or nothing changed. */
  changed(uri: string, changes: readonly TextDocumentContentChangeEvent[], version: number): boolean {
    const document = this.documents.get(uri);
    if (!document || changes.length === 0) return false;
    document.update(changes, version);
    this.analyses.touch(uri);
    return true;
  }

  /** The editor closed the document; false when it was not open. */
  closed(uri: string): boolean {
    return this.documents.delete(uri);
  }

  /**
   * Runs a request against the document's current version, while it is open and ours. A result
   * computed for a version the user has typed past would point at the wrong text, so it is
   * computed again (a few times); null when it cannot be had.
   */
  async atCurrent<T>(uri: string, compute: (doc: ChunkedTextDocument) => Promise<T>): Promise<T | null> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const doc = this.documents.get(uri);
      if (!doc || !this.ownership.owns(uri, doc.getText(), doc.languageId)) return null;
      const version = doc.version;
      const result = await compute(doc);
      if (this.documents.get(uri)?.version === version) return result;
    }
    return null;
  }

  /** Whether the open document was ours at its last check. */
  isOwned(uri: string): boolean {
    return this.owned.has(uri);
  }

  /** How many open documents are ours. */
  get ownedCount(): number {
    return this.owned.size;
  }

  /** The open document's check found it ours; true the first time. */
  own(uri: string): boolean {
    if (this.owned.has(uri)) return false;
    this.owned.add(uri);
    return true;
  }

  /** The open document is no longer ours (or was closed); true when it was. */
  disown(uri: string): boolean {
    return this.owned.delete(uri);
  }

  /** Keeps what a check of a file of ours found out: the files it read and its kind. */
  remember(uri: string, analysis: FileAnalysis): void {
    this.graph.set(uri, analysis.dependencies);
    this.known.set(uri, analysis.documents.find((d) => d.kind !== undefined)?.kind);
  }

  /** The file is gone or no longer ours. */
  forget(uri: string): void {
    this.graph.delete(uri);
    this.known.delete(uri);
  }

  /** Whether a check found the file ours (open or not). */
  isKnown(uri: string): boolean {
    return this.known.has(uri);
  }

  /** The checked files of ours whose first document is of `kind`. */
  knownOfKind(kind: DocumentKind): string[] {
    const uris: string[] = [];
    for (const [uri, k] of this.known) if (k === kind) uris.push(uri);
    return uris;
  }
}
