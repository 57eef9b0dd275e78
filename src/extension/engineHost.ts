import * as vscode from 'vscode';
import type { DocumentKind } from '../core/format/types';
import { BUILTIN_SCHEME } from '../core/builtins';
import { baseName } from '../core/resolve/uris';
import { LineIndex } from '../core/text/lineIndex';
import { readConfig } from './config';
import { toDiagnostic, toRange, toRangeIn, DIAGNOSTIC_SOURCE } from './convert';
import { DependencyGraph } from './dependencyGraph';
import type { Output } from './output';
import { declaresApiVersion } from '../core/format/files';
import { RubricDocumentClassifier } from './rubricDocuments';
import type { PreviewReport } from '../core/render/html/renderHtml';
import type { DocumentSummary, HtmlReportOptions, ReportFormat, RubricServices } from './services';
import { EngineClient } from './worker/client';
import type { AnalyzeResult, HostRequests } from './worker/protocol';
import type { Outcome } from './worker/rpc';

interface Tracked {
  readonly document: vscode.TextDocument;
  timer?: ReturnType<typeof setTimeout>;
  inflight?: AbortController;
  analyzedVersion?: number;
}

const decoder = new TextDecoder('utf-8');

/**
 * The extension host's side of the engine: decides which documents are ours, keeps the worker's
 * copy of them in sync, checks them as the user types (debounced), checks the whole workspace
 * at start-up and when files change on disk, re-checks the assessments and plans that read a
 * changed rubric, and publishes every result to the Problems panel. It is also the
 * RubricServices the preview and the language features use.
 */
export class EngineHost implements RubricServices, vscode.Disposable {
  readonly client: EngineClient;
  readonly classifier: RubricDocumentClassifier;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly graph = new DependencyGraph();
  private readonly tracked = new Map<string, Tracked>();
  /** Every file of ours the engine has checked (open or not), with its kind: for `rubric:` completion. */
  private readonly known = new Map<string, DocumentKind | undefined>();
  private readonly summaries = new Map<string, DocumentSummary>();
  private readonly analyzeEmitter = new vscode.EventEmitter<DocumentSummary>();
  readonly onDidAnalyze = this.analyzeEmitter.event;
  /** Every check of an open document that finished for its current version, successful or not. */
  private readonly settledEmitter = new vscode.EventEmitter<{ uri: string; version: number; ok: boolean }>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly reclassify = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changedOnDisk = new Set<string>();
  private diskTimer: ReturnType<typeof setTimeout> | undefined;
  private scan: vscode.CancellationTokenSource | undefined;
  /** The start-up scan waits for the first rubric document in a workspace whose file names say nothing. */
  private scanWhenTracked = false;
  private stopped = false;

  constructor(context: vscode.ExtensionContext, private readonly output: Output) {
    this.classifier = new RubricDocumentClassifier(readConfig().files);
    this.client = new EngineClient({
      workerPath: vscode.Uri.joinPath(context.extensionUri, 'dist', 'worker.js').fsPath,
      readFile: (uri) => this.readFile(uri),
      listDocuments: (kind) => this.listDocuments(kind),
      log: (message) => output.info(message),
      onRestart: () => {
        output.warn('The engine worker was restarted; checking the open rubric documents again.');
        for (const uri of this.tracked.keys()) this.schedule(uri, 0, false);
      },
      onGiveUp: (reason) => this.giveUp(reason),
    });
  }

  /** Starts following the editor and the workspace. Nothing heavy runs until a rubric document shows up. */
  start(): void {
    this.disposables.push(
      this.diagnostics,
      this.analyzeEmitter,
      this.settledEmitter,
      vscode.workspace.onDidOpenTextDocument((d) => this.opened(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.changed(e)),
      vscode.workspace.onDidCloseTextDocument((d) => this.closed(d)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('rubrics.files')) {
          this.classifier.setPatterns(readConfig().files);
          for (const d of vscode.workspace.textDocuments) this.opened(d);
          void this.scanWorkspace('the rubrics.files setting changed');
        }
      }),
    );
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.diskChanged(uri)),
      watcher.onDidChange((uri) => this.diskChanged(uri)),
      watcher.onDidDelete((uri) => this.diskDeleted(uri)),
    );
    for (const document of vscode.workspace.textDocuments) this.opened(document);
    if (readConfig().scanWorkspace) void this.startupScan();
  }

  /**
   * Scans at start-up when the workspace has files the globs name or a rubric document is open;
   * otherwise (the extension woke up for some other YAML file) waits for a rubric document, so
   * an unrelated YAML workspace is not read through.
   */
  private async startupScan(): Promise<void> {
    if (this.tracked.size === 0) {
      let found = false;
      for (const pattern of this.classifier.patterns) {
        if ((await vscode.workspace.findFiles(pattern, excludeGlob(), 1)).length) {
          found = true;
          break;
        }
      }
      if (!found && this.tracked.size === 0) {
        this.scanWhenTracked = true;
        this.output.info('No rubric files by name in this workspace; the workspace scan waits for the first rubric document.');
        return;
      }
    }
    await this.scanWorkspace('start-up');
  }

  // ------------------------------------------------------------------ RubricServices

  isRubricDocument(document: vscode.TextDocument): boolean {
    return this.classifier.isRubricDocument(document);
  }

  async summary(document: vscode.TextDocument): Promise<DocumentSummary | undefined> {
    if (!this.isRubricDocument(document)) return undefined;
    const uri = this.ensureTracked(document);
    const cached = this.summaries.get(uri);
    if (cached && cached.version === document.version) return cached;
    const outcome = await this.atCurrentVersion(document, (version) => this.client.request('summary', { uri, version }));
    return outcome.ok ? { uri, version: document.version, ...outcome.value } : undefined;
  }

  async renderReport(document: vscode.TextDocument, format: ReportFormat, html?: HtmlReportOptions): Promise<string> {
    const uri = this.ensureTracked(document);
    const outcome = await this.atCurrentVersion(document, (version) => this.client.request('renderReport', { uri, version, format, ...(html ? { html } : {}) }));
    if (!outcome.ok) throw new Error(`The report of ${baseName(uri)} could not be made: ${outcome.error.message}`);
    return outcome.value;
  }

  async previewReport(document: vscode.TextDocument): Promise<PreviewReport & { readonly version: number }> {
    const uri = this.ensureTracked(document);
    let version = document.version;
    const outcome = await this.atCurrentVersion(document, (v) => {
      version = v;
      return this.client.request('previewReport', { uri, version: v });
    });
    if (!outcome.ok) throw new Error(`The report of ${baseName(uri)} could not be made: ${outcome.error.message}`);
    return { ...outcome.value, version };
  }

  // ------------------------------------------------------------------ for the language features

  /** The document's URI in the worker, opening it there first if needed. */
  ensureTracked(document: vscode.TextDocument): string {
    const uri = document.uri.toString();
    if (!this.tracked.has(uri)) this.track(document);
    return uri;
  }

  /**
   * Resolves when the document's current version has been checked (diagnostics published), so
   * CodeLens and the outline follow the debounced checks instead of starting their own.
   */
  whenAnalyzed(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<boolean> {
    const uri = this.ensureTracked(document);
    const version = document.version;
    if (this.tracked.get(uri)?.analyzedVersion === version) return Promise.resolve(true);
    if (this.stopped) return Promise.resolve(false);
    return new Promise((resolve) => {
      const done = (value: boolean) => {
        listener.dispose();
        cancel.dispose();
        resolve(value);
      };
      const listener = this.settledEmitter.event((settled) => {
        if (settled.uri === uri && settled.version >= version) done(settled.ok);
      });
      const cancel = token.onCancellationRequested(() => done(false));
    });
  }

  /** A request for the document's current version; retried when the document moved on meanwhile. */
  async atCurrentVersion<T>(document: vscode.TextDocument, send: (version: number) => Promise<Outcome<T>>): Promise<Outcome<T>> {
    let outcome: Outcome<T> = { ok: false, error: { code: 'stale', message: 'The document kept changing.' } };
    for (let attempt = 0; attempt < 3; attempt++) {
      outcome = await send(document.version);
      if (outcome.ok || (outcome.error.code !== 'stale' && outcome.error.code !== 'superseded')) return outcome;
    }
    return outcome;
  }

  request<M extends keyof HostRequests & string>(method: M, params: HostRequests[M]['params'], signal?: AbortSignal): Promise<Outcome<HostRequests[M]['result']>> {
    return this.client.request(method, params, signal);
  }

  /** Logs a failed request unless it simply lost a race with the user's typing. */
  reportFailure(what: string, outcome: Outcome<unknown>): void {
    if (outcome.ok) return;
    if (['cancelled', 'stale', 'superseded', 'worker-stopped'].includes(outcome.error.code)) return;
    this.output.error(`${what} failed: ${outcome.error.message}`);
  }

  // ------------------------------------------------------------------ open documents

  private opened(document: vscode.TextDocument): void {
    if (this.tracked.has(document.uri.toString()) || !this.isRubricDocument(document)) return;
    this.track(document);
  }

  private track(document: vscode.TextDocument): void {
    const uri = document.uri.toString();
    const entry: Tracked = { document };
    this.tracked.set(uri, entry);
    this.client.open(uri, document.version, document.getText(), () => (document.isClosed ? undefined : { version: document.version, text: document.getText() }));
    if (this.scanWhenTracked) {
      this.scanWhenTracked = false;
      void this.scanWorkspace('first rubric document');
    }
    this.schedule(uri, 0, true);
  }

  private untrack(uri: string): void {
    const entry = this.tracked.get(uri);
    if (!entry) return;
    if (entry.timer) clearTimeout(entry.timer);
    entry.inflight?.abort();
    this.tracked.delete(uri);
    this.client.close(uri);
  }

  private changed(event: vscode.TextDocumentChangeEvent): void {
    const document = event.document;
    const uri = document.uri.toString();
    if (event.contentChanges.length === 0) return;
    if (this.tracked.has(uri)) {
      this.client.change(
        uri,
        document.version,
        event.contentChanges.map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, text: c.text })),
      );
      this.schedule(uri, readConfig(document.uri).validationDelay, true);
      return;
    }
    // A YAML file may become ours when its apiVersion line is typed: look again after a pause.
    if (document.languageId !== 'yaml' || this.classifier.isIgnoredUri(document.uri)) return;
    const pending = this.reclassify.get(uri);
    if (pending) clearTimeout(pending);
    this.reclassify.set(uri, setTimeout(() => {
      this.reclassify.delete(uri);
      if (!document.isClosed) this.opened(document);
    }, Math.max(300, readConfig(document.uri).validationDelay)));
  }

  private closed(document: vscode.TextDocument): void {
    const uri = document.uri.toString();
    this.classifier.forget(document.uri);
    if (!this.tracked.has(uri)) return;
    this.untrack(uri);
    this.summaries.delete(uri);
    if (document.uri.scheme === 'untitled' || document.uri.scheme === BUILTIN_SCHEME) {
      this.forgetFile(uri);
      this.recheckDependents(uri);
      return;
    }
    // Unsaved edits are gone: what counts now is the file as saved.
    void this.checkClosedFile(document.uri).then(() => this.recheckDependents(uri));
  }

  private schedule(uri: string, delay: number, withDependents: boolean): void {
    const entry = this.tracked.get(uri);
    if (!entry) return;
    if (entry.timer) clearTimeout(entry.timer);
    entry.inflight?.abort();
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      void this.checkOpen(uri, withDependents);
    }, delay);
  }

  private async checkOpen(uri: string, withDependents: boolean): Promise<void> {
    const entry = this.tracked.get(uri);
    if (!entry || this.stopped) return;
    const document = entry.document;
    if (document.isClosed) return;
    if (!this.isRubricDocument(document)) {
      // The apiVersion line was removed from a file the globs do not cover: it is not ours any more.
      this.untrack(uri);
      this.forgetFile(uri);
      return;
    }
    const version = document.version;
    const controller = new AbortController();
    entry.inflight = controller;
    const outcome = await this.client.request('analyze', { uri, version }, controller.signal);
    if (entry.inflight === controller) entry.inflight = undefined;
    if (this.tracked.get(uri) !== entry || document.isClosed || document.version !== version) return;
    if (!outcome.ok) {
      if (outcome.error.code === 'failed') {
        this.publishFailure(document.uri, outcome.error.message);
        this.settledEmitter.fire({ uri, version, ok: false });
      } else this.reportFailure(`Checking ${baseName(uri)}`, outcome);
      return;
    }
    const result = outcome.value;
    this.diagnostics.set(document.uri, result.diagnostics.map((d) => toDiagnostic(d, toRange(document, d.range))));
    entry.analyzedVersion = version;
    this.record(uri, version, result, 'Checked');
    this.settledEmitter.fire({ uri, version, ok: true });
    if (withDependents) this.recheckDependents(uri);
  }

  // ------------------------------------------------------------------ files that are not open

  private async checkClosedFile(resource: vscode.Uri): Promise<void> {
    const uri = resource.toString();
    if (this.tracked.has(uri) || this.stopped) return;
    const text = await this.readFromDisk(resource);
    if (text === undefined || !(this.classifier.matchesGlobs(resource) || declaresApiVersion(text))) {
      this.forgetFile(uri);
      return;
    }
    let outcome = await this.client.request('analyzeText', { uri, text });
    // The worker stopped during the check: the restarted one checks it (once).
    if (!outcome.ok && outcome.error.code === 'worker-stopped' && !this.stopped) outcome = await this.client.request('analyzeText', { uri, text });
    if (this.tracked.has(uri)) return; // opened meanwhile: the open document's check wins
    if (!outcome.ok) {
      if (outcome.error.code === 'failed') this.publishFailure(resource, outcome.error.message);
      return;
    }
    const lines = new LineIndex(text);
    this.diagnostics.set(resource, outcome.value.diagnostics.map((d) => toDiagnostic(d, toRangeIn(lines, d.range))));
    this.record(uri, undefined, outcome.value, 'Checked (not open)');
  }

  private record(uri: string, version: number | undefined, result: AnalyzeResult, verb: string): void {
    this.graph.set(uri, result.dependencies);
    this.known.set(uri, result.summary.kind);
    const errors = result.summary.errors;
    const others = result.diagnostics.length - errors;
    this.output.info(`${verb} ${baseName(uri)}: ${result.lines.toLocaleString('en-US')} lines in ${Math.round(result.durationMs)} ms (${result.parser} parser), ${errors} error${errors === 1 ? '' : 's'}${others ? `, ${others} other` : ''}.`);
    if (version === undefined) return;
    const summary: DocumentSummary = { uri, version, ...result.summary };
    this.summaries.set(uri, summary);
    this.analyzeEmitter.fire(summary);
  }

  private forgetFile(uri: string): void {
    this.diagnostics.delete(vscode.Uri.parse(uri));
    this.graph.delete(uri);
    this.known.delete(uri);
    this.summaries.delete(uri);
  }

  private recheckDependents(uri: string): void {
    for (const dependent of this.graph.dependentsOf(uri)) {
      if (this.tracked.has(dependent)) this.schedule(dependent, 0, false);
      else void this.checkClosedFile(vscode.Uri.parse(dependent));
    }
  }

  private diskChanged(resource: vscode.Uri): void {
    if (this.classifier.isIgnoredUri(resource)) return;
    this.changedOnDisk.add(resource.toString());
    // A branch switch touches many files at once: handle them together.
    if (this.diskTimer) clearTimeout(this.diskTimer);
    this.diskTimer = setTimeout(() => {
      this.diskTimer = undefined;
      const uris = [...this.changedOnDisk];
      this.changedOnDisk.clear();
      for (const uri of uris) {
        if (this.tracked.has(uri)) continue; // the open document (and its unsaved text) wins
        this.client.fileChanged(uri);
        void this.checkClosedFile(vscode.Uri.parse(uri)).then(() => this.recheckDependents(uri));
      }
    }, 300);
  }

  private diskDeleted(resource: vscode.Uri): void {
    const uri = resource.toString();
    if (this.tracked.has(uri)) return;
    this.client.fileChanged(uri);
    this.forgetFile(uri);
    this.recheckDependents(uri);
  }

  /** `rubrics.revalidateWorkspace`: checks the open rubric documents again, then every file of the workspace. */
  async revalidateAll(): Promise<void> {
    for (const document of vscode.workspace.textDocuments) this.opened(document);
    for (const uri of this.tracked.keys()) this.schedule(uri, 0, false);
    await this.scanWorkspace('on request');
  }

  /** Checks every rubric file of the workspace in the background, so the Problems panel lists them all. */
  async scanWorkspace(reason: string): Promise<void> {
    if (!vscode.workspace.workspaceFolders?.length) return;
    this.scan?.cancel();
    const source = new vscode.CancellationTokenSource();
    this.scan = source;
    const token = source.token;
    const config = readConfig();
    const started = Date.now();
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Rubrics' }, async (progress) => {
      progress.report({ message: 'finding rubric files…' });
      const exclude = excludeGlob();
      const byName = new Map<string, vscode.Uri>();
      for (const pattern of this.classifier.patterns) {
        for (const uri of await vscode.workspace.findFiles(pattern, exclude, config.scanMaxFiles, token)) byName.set(uri.toString(), uri);
      }
      const candidates = (await vscode.workspace.findFiles('**/*.{yaml,yml}', exclude, config.scanMaxFiles, token)).filter((u) => !byName.has(u.toString()));
      if (token.isCancellationRequested) return;
      const files = [...byName.values(), ...candidates];
      if (files.length === 0) {
        this.output.info(`Workspace scan (${reason}): no YAML files.`);
        return;
      }
      let done = 0;
      const queue = [...files];
      const worker = async () => {
        for (let next = queue.shift(); next && !token.isCancellationRequested; next = queue.shift()) {
          if (!this.tracked.has(next.toString())) await this.checkClosedFile(next);
          done++;
          progress.report({ message: `checking ${done}/${files.length} YAML files`, increment: 100 / files.length });
        }
      };
      // A few reads in flight keep the worker busy while the disk answers; it checks one at a time anyway.
      await Promise.all([worker(), worker(), worker(), worker()]);
      const checked = files.filter((f) => this.known.has(f.toString()) || this.tracked.has(f.toString())).length;
      this.output.info(`Workspace scan (${reason}): ${checked} rubric file${checked === 1 ? '' : 's'} among ${files.length} YAML file${files.length === 1 ? '' : 's'}, in ${Date.now() - started} ms${token.isCancellationRequested ? ' (cancelled)' : ''}.`);
    });
  }

  // ------------------------------------------------------------------ reading for the engine

  private async readFile(uri: string): Promise<string | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    if (open) return open.getText();
    return this.readFromDisk(vscode.Uri.parse(uri));
  }

  private async readFromDisk(resource: vscode.Uri): Promise<string | undefined> {
    try {
      return decoder.decode(await vscode.workspace.fs.readFile(resource));
    } catch {
      return undefined;
    }
  }

  private async listDocuments(kind: DocumentKind): Promise<string[]> {
    const uris = new Set<string>();
    for (const [uri, k] of this.known) if (k === kind) uris.add(uri);
    const suffix = kind.toLowerCase();
    for (const file of await vscode.workspace.findFiles(`**/*.${suffix}.{yaml,yml}`, excludeGlob(), 500)) uris.add(file.toString());
    return [...uris].sort();
  }

  private publishFailure(resource: vscode.Uri, message: string): void {
    this.output.error(`The engine failed on ${resource.toString()}: ${message}`);
    const diagnostic = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), 'Rubrics could not check this file because of an internal error; the problems shown may be out of date. See the "Rubrics" output for details.', vscode.DiagnosticSeverity.Error);
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostic.code = 'internal-error';
    this.diagnostics.set(resource, [diagnostic]);
  }

  private giveUp(reason: string): void {
    this.stopped = true;
    this.output.error(reason);
    // Diagnostics that can no longer be refreshed would mislead: remove them and say why.
    this.diagnostics.clear();
    void vscode.window.showErrorMessage(`Rubrics: ${reason}`, 'Show Output').then((choice) => {
      if (choice) this.output.show();
    });
  }

  dispose(): void {
    this.scan?.cancel();
    for (const entry of this.tracked.values()) if (entry.timer) clearTimeout(entry.timer);
    for (const timer of this.reclassify.values()) clearTimeout(timer);
    if (this.diskTimer) clearTimeout(this.diskTimer);
    for (const d of this.disposables.splice(0)) d.dispose();
    void this.client.dispose();
  }
}

/**
 * What searches leave out: the user's `files.exclude` (which findFiles drops once an exclude is
 * given) plus dependencies in node_modules, which may hold YAML but never the user's rubrics.
 */
function excludeGlob(): string {
  const excluded = vscode.workspace.getConfiguration('files').get<Record<string, unknown>>('exclude') ?? {};
  const patterns = ['**/node_modules/**', ...Object.entries(excluded).filter(([pattern, on]) => on === true && !/[{}]/.test(pattern)).map(([pattern]) => pattern)];
  return patterns.length === 1 ? (patterns[0] as string) : `{${patterns.join(',')}}`;
}
