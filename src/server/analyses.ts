import { Engine, type FileAnalysis, type LanguageSnapshot } from './core';

/** Characters from which completion stops waiting for a fresh analysis (about 5,000 lines). */
const LARGE_DOCUMENT = 200_000;

/** An open document as the analyses see it: its URI, version and text now. */
export interface OpenText {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

interface Cached {
  readonly version: number;
  /** The change counter when the analysis started: files it read that changed later make it stale. */
  readonly generation: number;
  readonly promise: Promise<FileAnalysis>;
  dependencies?: readonly string[];
  done?: boolean;
}

interface Entry {
  analysis?: Cached;
  /** The latest analysis that parsed and resolved its references: what completion falls back on while the text is broken. */
  lastGood?: FileAnalysis;
  /** The latest finished analysis, whatever its version. */
  lastFinished?: FileAnalysis;
}

/**
 * Analyses of the open documents: one per version, shared by every request for that version
 * (diagnostics, hover, CodeLens, the report), as long as none of the files it read changed
 * since it started. Also keeps the last good analysis, which the language features use while
 * the text is half typed.
 */
export class OpenAnalyses {
  private readonly entries = new Map<string, Entry>();
  /** A counter of changes to any file, and when each file last changed. */
  private generation = 0;
  private readonly changedAt = new Map<string, number>();

  constructor(private readonly engine: Engine) {}

  /** A file changed (an open document was edited, opened or closed, or a file changed on disk). */
  touch(uri: string): void {
    this.changedAt.set(uri, ++this.generation);
  }

  forget(uri: string): void {
    this.entries.delete(uri);
    this.touch(uri);
  }

  /** The analysis of the document's current text. */
  analysisOf(document: OpenText): Promise<FileAnalysis> {
    const entry = this.entry(document.uri);
    if (entry.analysis && this.isCurrent(entry, document)) return entry.analysis.promise;
    const cached: Cached = {
      version: document.version,
      generation: this.generation,
      promise: this.engine.analyze(document.uri, document.getText()).then((analysis) => {
        cached.dependencies = analysis.dependencies;
        cached.done = true;
        entry.lastFinished = analysis;
        if (isGood(analysis)) entry.lastGood = analysis;
        return analysis;
      }),
    };
    entry.analysis = cached;
    return cached.promise;
  }

  /** What hovers, definitions and quick fixes work from: the analysis now, and what the last good one knew. */
  async snapshot(document: OpenText): Promise<LanguageSnapshot> {
    const analysis = await this.analysisOf(document);
    const entry = this.entry(document.uri);
    // The engine resolves the rubric of a half-typed document itself, so the analysis is all the features need.
    return { analysis, ...(entry.lastGood && entry.lastGood !== analysis ? { previous: entry.lastGood } : {}) };
  }

  /**
   * Completion comes with every keystroke. In a very large document it does not wait for an
   * analysis of each new version: the cursor's place is read from the current text, and the
   * rubric and the document's data from the latest finished analysis.
   */
  async completionSnapshot(document: OpenText): Promise<LanguageSnapshot> {
    const entry = this.entry(document.uri);
    const fresh = entry.analysis?.done && this.isCurrent(entry, document);
    const text = document.getText();
    if (fresh || text.length < LARGE_DOCUMENT || !entry.lastFinished) return this.snapshot(document);
    return {
      analysis: entry.lastFinished,
      text,
      ...(entry.lastGood && entry.lastGood !== entry.lastFinished ? { previous: entry.lastGood } : {}),
    };
  }

  private entry(uri: string): Entry {
    let entry = this.entries.get(uri);
    if (!entry) {
      entry = {};
      this.entries.set(uri, entry);
    }
    return entry;
  }

  private isCurrent(entry: Entry, document: OpenText): boolean {
    const cached = entry.analysis;
    if (!cached || cached.version !== document.version) return false;
    if (!cached.dependencies) return true; // still running: it reads the files as they are now
    return cached.dependencies.every((dep) => (this.changedAt.get(dep) ?? 0) <= cached.generation);
  }
}

/** An analysis worth falling back on: it parsed, and every assessment and plan found its rubric. */
function isGood(analysis: FileAnalysis): boolean {
  if (analysis.diagnostics.some((d) => d.code.startsWith('yaml-'))) return false;
  return analysis.documents.every((d) => (d.kind === 'Assessment' || d.kind === 'Plan' ? d.rubric !== undefined : true));
}
