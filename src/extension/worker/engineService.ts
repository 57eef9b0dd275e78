import { builtinByUri } from '../../core/builtins';
import type { Diagnostic } from '../../core/diagnostics/types';
import { Engine, type FileAnalysis } from '../../core/engine';
import { codeLenses } from '../../core/language/codeLens';
import { completionsAt } from '../../core/language/completion';
import { definitionAt } from '../../core/language/definition';
import { hoverAt } from '../../core/language/hover';
import { addMissingDimensions, quickFixes } from '../../core/language/quickFixes';
import type { LanguageSnapshot } from '../../core/language/snapshot';
import { summarize } from '../../core/language/summary';
import { documentSymbols } from '../../core/language/symbols';
import { previewReport, renderHtml, renderJson, renderMarkdown } from '../../core/render';
import { buildReport } from '../../core/report';
import type { FileHost } from '../../core/resolve/host';
import { LineIndex } from '../../core/text/lineIndex';
import { applyChanges, type AnalyzeResult, type HostNotifications, type HostRequests, type WireDiagnostic, type WorkerNotifications, type WorkerRequests } from './protocol';
import { RpcFailure, type RpcEndpoint } from './rpc';

/** Characters from which completion stops waiting for a fresh analysis (about 5,000 lines). */
const LARGE_DOCUMENT = 200_000;

export type WorkerEndpoint = RpcEndpoint<WorkerRequests, HostRequests, WorkerNotifications, HostNotifications>;

interface OpenDocument {
  version: number;
  text: string;
  /**
   * The analysis of `version`, started on demand and shared by every request for that version,
   * as long as none of the files it read changed since it started (`generation`).
   */
  analysis?: { version: number; generation: number; promise: Promise<FileAnalysis>; dependencies?: readonly string[]; done?: boolean };
  /** The latest analysis that parsed and resolved its references: what completion falls back on while the text is broken. */
  lastGood?: FileAnalysis;
  /** The latest finished analysis, whatever its version. */
  lastFinished?: FileAnalysis;
}

/**
 * The engine's side of the worker: keeps the open documents' text (synchronised by edits),
 * analyses them on demand (one analysis per version, shared by every request), and answers the
 * host's requests with small results. Files that are not open are read back through the host.
 */
export class EngineService {
  private readonly documents = new Map<string, OpenDocument>();
  private readonly engine: Engine;
  /** A counter of changes to any file, and when each file last changed: decides whether an analysis is still current. */
  private generation = 0;
  private readonly changedAt = new Map<string, number>();

  constructor(private readonly endpoint: WorkerEndpoint) {
    const host: FileHost = {
      readFile: async (uri) => {
        const open = this.documents.get(uri);
        if (open) return open.text;
        const outcome = await endpoint.request('readFile', { uri });
        return outcome.ok ? (outcome.value ?? undefined) : undefined;
      },
    };
    this.engine = new Engine(host);
    this.register();
  }

  private register(): void {
    const e = this.endpoint;
    e.onNotification('didOpen', ({ uri, version, text }) => {
      this.documents.set(uri, { version, text });
      this.touch(uri);
    });
    e.onNotification('didChange', ({ uri, version, changes }) => {
      const doc = this.documents.get(uri);
      if (!doc) return;
      doc.text = applyChanges(doc.text, changes);
      doc.version = version;
      this.touch(uri);
    });
    e.onNotification('didClose', ({ uri }) => {
      this.documents.delete(uri);
      this.touch(uri);
    });
    e.onNotification('didChangeFile', ({ uri }) => this.touch(uri));

    e.handle('analyze', async ({ uri, version }, signal) => {
      const doc = this.open(uri, version);
      const started = performance.now();
      const analysis = await this.analysisOf(uri, doc);
      // A newer version arrived while this one was analysed: its own request will report it.
      if (doc.version !== version || this.documents.get(uri) !== doc) throw new RpcFailure('superseded', `Version ${version} of ${uri} was replaced while it was analysed.`);
      if (signal.aborted) throw new RpcFailure('cancelled', 'analysis cancelled');
      return result(analysis, performance.now() - started, version);
    });
    e.handle('analyzeText', async ({ uri, text }) => {
      const started = performance.now();
      return result(await this.engine.analyze(uri, text), performance.now() - started);
    });
    e.handle('completion', async ({ uri, version, offset }) => {
      const snapshot = await this.completionSnapshot(uri, version);
      return completionsAt(snapshot, offset, {
        listDocuments: async (kind) => {
          const outcome = await e.request('listDocuments', { kind });
          return outcome.ok ? outcome.value : [];
        },
      });
    });
    e.handle('hover', async ({ uri, version, offset }) => hoverAt(await this.snapshot(uri, version), offset) ?? null);
    e.handle('definition', async ({ uri, version, offset }) => {
      const target = await definitionAt(await this.snapshot(uri, version), offset, async (other) => this.readText(other));
      if (!target) return null;
      const lines = new LineIndex(target.text);
      return { uri: target.uri, range: target.range, start: lines.positionAt(target.range.start), end: lines.positionAt(target.range.end) };
    });
    e.handle('symbols', async ({ uri, version }) => documentSymbols(await this.current(uri, version)));
    e.handle('codeLenses', async ({ uri, version }) => codeLenses(await this.current(uri, version)));
    e.handle('codeActions', async ({ uri, version, range }) =>
      quickFixes(await this.current(uri, version), range).map((fix) => ({ title: fix.title, edits: fix.edits, preferred: fix.preferred, diagnostic: wire(fix.diagnostic) })),
    );
    e.handle('addMissingDimensions', async ({ uri, version }) => addMissingDimensions(await this.current(uri, version)));
    e.handle('summary', async ({ uri, version }) => summarize(await this.current(uri, version)));
    e.handle('renderReport', async ({ uri, version, format, html }) => {
      const model = buildReport(await this.current(uri, version));
      if (format === 'markdown') return renderMarkdown(model);
      if (format === 'json') return renderJson(model);
      return renderHtml(model, html ?? { mode: 'standalone' });
    });
    e.handle('previewReport', async ({ uri, version }) => previewReport(buildReport(await this.current(uri, version))));
    e.handle('builtinText', ({ uri }) => builtinByUri(uri)?.text ?? null);
  }

  private open(uri: string, version: number): OpenDocument {
    const doc = this.documents.get(uri);
    if (!doc) throw new RpcFailure('not-open', `${uri} is not open in the engine.`);
    // Edits arrive before requests, so a mismatch means the host moved on: the answer would be for text nobody sees.
    if (doc.version !== version) throw new RpcFailure('stale', `${uri} is at version ${doc.version}, not ${version}.`);
    return doc;
  }

  private touch(uri: string): void {
    this.changedAt.set(uri, ++this.generation);
  }

  /** Whether a cached analysis still describes the document: same version, and nothing it read changed since. */
  private isCurrent(doc: OpenDocument): boolean {
    const cached = doc.analysis;
    if (!cached || cached.version !== doc.version) return false;
    if (!cached.dependencies) return true; // still running: it reads the files as they are now
    return cached.dependencies.every((dep) => (this.changedAt.get(dep) ?? 0) <= cached.generation);
  }

  private analysisOf(uri: string, doc: OpenDocument): Promise<FileAnalysis> {
    if (doc.analysis && this.isCurrent(doc)) return doc.analysis.promise;
    const entry: NonNullable<OpenDocument['analysis']> = { version: doc.version, generation: this.generation, promise: Promise.resolve(undefined as never) };
    entry.promise = this.engine.analyze(uri, doc.text).then((analysis) => {
      entry.dependencies = analysis.dependencies;
      entry.done = true;
      doc.lastFinished = analysis;
      if (isGood(analysis)) doc.lastGood = analysis;
      return analysis;
    });
    doc.analysis = entry;
    return entry.promise;
  }

  private async current(uri: string, version: number): Promise<FileAnalysis> {
    return this.analysisOf(uri, this.open(uri, version));
  }

  /** The engine finds the rubric of a half-typed document itself, so the snapshot needs only the analyses. */
  private async snapshot(uri: string, version: number): Promise<LanguageSnapshot> {
    const doc = this.open(uri, version);
    const analysis = await this.analysisOf(uri, doc);
    return { analysis, ...(doc.lastGood && doc.lastGood !== analysis ? { previous: doc.lastGood } : {}) };
  }

  /**
   * Completion comes with every keystroke. In a very large document it does not wait for an
   * analysis of each new version (which takes a while): the cursor's place is read from the
   * current text, and the rubric and the document's data from the latest finished analysis.
   */
  private async completionSnapshot(uri: string, version: number): Promise<LanguageSnapshot> {
    const doc = this.open(uri, version);
    const fresh = doc.analysis?.done && this.isCurrent(doc);
    if (fresh || doc.text.length < LARGE_DOCUMENT || !doc.lastFinished) return this.snapshot(uri, version);
    return {
      analysis: doc.lastFinished,
      text: doc.text,
      ...(doc.lastGood && doc.lastGood !== doc.lastFinished ? { previous: doc.lastGood } : {}),
    };
  }

  private async readText(uri: string): Promise<string | undefined> {
    const open = this.documents.get(uri);
    if (open) return open.text;
    const builtin = builtinByUri(uri);
    if (builtin) return builtin.text;
    const outcome = await this.endpoint.request('readFile', { uri });
    return outcome.ok ? (outcome.value ?? undefined) : undefined;
  }
}

/** An analysis worth falling back on: it parsed, and every assessment and plan found its rubric. */
function isGood(analysis: FileAnalysis): boolean {
  if (analysis.diagnostics.some((d) => d.code.startsWith('yaml-'))) return false;
  return analysis.documents.every((d) => (d.kind === 'Assessment' || d.kind === 'Plan' ? d.rubric !== undefined : true));
}

function wire(d: Diagnostic): WireDiagnostic {
  return { code: d.code, severity: d.severity, message: d.message, range: d.range };
}

function result(analysis: FileAnalysis, durationMs: number, version?: number): AnalyzeResult {
  return {
    ...(version !== undefined ? { version } : {}),
    diagnostics: analysis.diagnostics.map(wire),
    summary: summarize(analysis),
    dependencies: analysis.dependencies,
    parser: analysis.parser,
    durationMs,
    lines: new LineIndex(analysis.text).lineCount,
  };
}
