import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  FileChangeType,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocumentEdit,
  type CodeAction,
  type CodeActionParams,
  type ClientCapabilities,
  type CodeLens,
  type CompletionItem,
  type Connection,
  type DidChangeTextDocumentParams,
  type DidCloseTextDocumentParams,
  type DidOpenTextDocumentParams,
  type InitializeParams,
  type InitializeResult,
  type Location,
  type NotificationHandler,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { ChunkedTextDocument } from './chunkedDocument';
import { OpenAnalyses } from './analyses';
import { readSettings, type ServerSettings } from './config';
import { scanRefusal, workspaceConfinement } from './confinement';
import { toCompletionItem, toDiagnostic, toDocumentSymbol, toRange, DIAGNOSTIC_SOURCE, type Positions } from './convert';
import {
  addMissingDimensions,
  answerChangeProblems,
  answerEdits,
  answerAssessorOf,
  answerModelOf,
  baseName,
  buildReport,
  previewCarriesBody,
  previewReport,
  answerTarget,
  checkAgainstRubric,
  questionnairePreview,
  viewSwitch,
  changeSection,
  IGNORE_FILE_NAME,
  IgnoreList,
  diffReports,
  type ReportModel,
  builtinByUri,
  codeLenses,
  completionsAt,
  definitionAt,
  documentAt,
  documentSymbols,
  Engine,
  hoverAt,
  isBuiltinUri,
  isUnreadable,
  LineIndex,
  quickFixes,
  renderHtml,
  renderJson,
  renderMarkdown,
  summarize,
  textOf,
  type DiagnosticCode,
  type DocumentKind,
  type FileAnalysis,
  type TextEditData,
} from './core';
import { DependencyGraph } from './dependencyGraph';
import { PortfolioIndex } from './handlers/portfolio';
import { clientFileSource, NO_FILES, ServerFiles, type FileSource } from './files';
import { FileOwnership } from './ownership';
import {
  ANSWER_EDITS,
  ANSWER_MODEL,
  type AnswerEditsParams,
  type AnswerEditsResult,
  type AnswerModelParams,
  type AnswerModelResult,
  BUILTIN_TEXT,
  DOCUMENT_STATUS,
  DOCUMENT_SUMMARY,
  RENDER_REPORT,
  SERVER_COMMANDS,
  type AddMissingDimensionsResult,
  type BuiltinTextParams,
  type DocumentStatus,
  type DocumentSummary,
  type DocumentSummaryParams,
  type RenderReportParams,
  PORTFOLIO,
  PORTFOLIO_CHANGED,
  type PortfolioChanged,
  type PortfolioParams,
  PREVIEW_REPORT,
  type PreviewReportParams,
  type VersionedPreviewReport,
  type RubricsInitializationOptions,
} from './protocol';
import { PARAMS, problemWith, type Shape } from './params';
import { itemAtRubricOffset, itemDefinedAt, usesIn, type RubricItem } from './references';
import { snippetCompletions } from './snippets';

export interface ServerOptions {
  /** Where files that are not open are read from when the client does not read them (the CLI's server reads the disk). */
  readonly files?: FileSource;
  /**
   * A file an editor can open with the very text of a built-in rubric (the CLI's npm package ships
   * them as frameworks/*.rubric.yaml), by its file name; undefined when there is none. Without it
   * (VS Code, which opens the rubrics-builtin: scheme itself) or without a file, locations in a
   * built-in rubric keep their rubrics-builtin: URI, whose text `rubrics/builtinText` answers.
   */
  readonly builtinFile?: (fileName: string, text: string) => Promise<string | undefined>;
}

/** How long a YAML document that is not ours waits before it is looked at again (it may just be getting its apiVersion line). */
const RECLASSIFY_DELAY_MS = 300;

/**
 * The Rubrics language server: the same engine as the CLI behind standard LSP (diagnostics as you
 * type and for the workspace's files, completion with snippets, hover, definition, CodeLens,
 * quick fixes, outline) plus the report and summaries the VS Code preview asks for. One instance
 * serves one editor window, over any transport (a worker thread, a Web Worker, stdio).
 */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  new RubricsServer(connection, options).listen();
}

interface Scheduled {
  timer?: ReturnType<typeof setTimeout>;
  /** Whether the check also re-checks the files that read this one. */
  withDependents: boolean;
  /** A check of the document is running. */
  running?: boolean;
  /** The document changed while its check ran: check it again when that one ends. */
  again?: boolean;
}

class RubricsServer {
  /** The open documents, by URI, as the editor's notifications left them. */
  private readonly documents = new Map<string, ChunkedTextDocument>();
  private readonly ownership = new FileOwnership();
  private readonly files: ServerFiles;
  private readonly engine: Engine;
  private readonly analyses: OpenAnalyses;
  private readonly graph = new DependencyGraph();
  /** The portfolio's records of every checked file of ours, open or not. */
  private readonly portfolio = new PortfolioIndex(() => this.ownership.folders);
  /** Every file of ours checked (open or not), with its kind: for `rubric:` completion and the scan. */
  private readonly known = new Map<string, DocumentKind | undefined>();
  /** Open documents that are ours, as of their last check. */
  private readonly owned = new Set<string>();
  /** Files that have diagnostics published, so they can be cleared. */
  private readonly published = new Set<string>();
  private readonly scheduled = new Map<string, Scheduled>();
  private settings: ServerSettings = readSettings(undefined);
  private capabilities: ClientCapabilities = {};
  private init: RubricsInitializationOptions = {};
  private scanGeneration = 0;
  private scanWhenOwned = false;
  private initialized = false;
  /**
   * Settles once the start-up settings and the folders' `.rubricsignore` lists are in: whether a
   * file is ours depends on them, so no open document is checked before (a file the ignore list
   * names would otherwise get problems for a moment).
   */
  private readonly startedUp: Promise<void>;
  private startUpDone: () => void = () => undefined;

  constructor(private readonly connection: Connection, private readonly options: ServerOptions) {
    this.files = new ServerFiles((uri) => this.documents.get(uri)?.getText(), options.files ?? NO_FILES);
    this.engine = new Engine(this.files);
    this.analyses = new OpenAnalyses(this.engine);
    this.startedUp = new Promise((resolve) => (this.startUpDone = resolve));
  }

  listen(): void {
    const c = this.connection;
    c.onInitialize((params) => this.initialize(params));
    c.onInitialized(() => void this.initializedNotification());
    c.onDidChangeConfiguration((change) => void this.configurationChanged(change.settings));
    c.onDidChangeWatchedFiles(
      this.notification('workspace/didChangeWatchedFiles', PARAMS.didChangeWatchedFiles, ({ changes }: { changes: { uri: string; type: number }[] }) => {
        for (const change of changes) {
          if (change.type === FileChangeType.Deleted) this.fileDeleted(change.uri);
          else this.fileChangedOnDisk(change.uri);
        }
      }),
    );

    // The open documents follow the editor's notifications, each checked first: a change with a
    // position that is not a number would otherwise be applied at a guessed place and make the
    // document's positions null. Such a change is left out with a line in the log (the document
    // stays as it was until the editor sends it again).
    c.onDidOpenTextDocument(
      this.notification('textDocument/didOpen', PARAMS.didOpen, ({ textDocument: d }: DidOpenTextDocumentParams) => {
        this.documents.set(d.uri, new ChunkedTextDocument(d.uri, d.languageId, d.version, d.text));
        this.analyses.touch(d.uri);
        this.schedule(d.uri, 0, true);
      }),
    );
    c.onDidChangeTextDocument(
      this.notification('textDocument/didChange', PARAMS.didChange, ({ textDocument: { uri, version }, contentChanges }: DidChangeTextDocumentParams) => {
        const document = this.documents.get(uri);
        if (!document || contentChanges.length === 0) return;
        document.update(contentChanges, version);
        this.analyses.touch(uri);
        const delay = this.owned.has(uri) ? this.settings.delay : Math.max(RECLASSIFY_DELAY_MS, this.settings.delay);
        this.schedule(uri, delay, true);
      }),
    );
    c.onDidCloseTextDocument(
      this.notification('textDocument/didClose', PARAMS.didClose, ({ textDocument: { uri } }: DidCloseTextDocumentParams) => {
        if (this.documents.delete(uri)) this.closed(uri);
      }),
    );

    type At = { textDocument: { uri: string }; position: { line: number; character: number } };
    this.handle('textDocument/completion', PARAMS.textDocumentPosition, ({ textDocument, position }: At) => this.atCurrent(textDocument.uri, (doc) => this.completion(doc, doc.offsetAt(position))));
    this.handle(
      'textDocument/hover', PARAMS.textDocumentPosition, ({ textDocument, position }: At) =>
        this.atCurrent(textDocument.uri, async (doc) => {
          const hover = hoverAt(await this.analyses.snapshot(doc), doc.offsetAt(position));
          return hover ? { contents: { kind: 'markdown' as const, value: hover.markdown }, range: toRange(doc, hover.range) } : null;
        }),
    );
    this.handle(
      'textDocument/definition', PARAMS.textDocumentPosition, ({ textDocument, position }: At) =>
        this.atCurrent(textDocument.uri, async (doc) => {
          const target = await definitionAt(await this.analyses.snapshot(doc), doc.offsetAt(position), (uri) => this.engine.readReferenced(uri, doc.uri));
          // Lines and characters come from the very text the engine read (the target may not be open).
          return target ? { uri: await this.openableUri(target.uri), range: toRange(new LineIndex(target.text), target.range) } : null;
        }),
    );
    this.handle(
      'textDocument/references', PARAMS.references, ({ textDocument, position, context }: At & { context: { includeDeclaration: boolean } }) =>
        this.atCurrent(textDocument.uri, (doc) => this.references(doc, doc.offsetAt(position), context.includeDeclaration)),
    );
    this.handle(
      'textDocument/documentSymbol', PARAMS.textDocument, ({ textDocument }: { textDocument: { uri: string } }) =>
        this.atCurrent(textDocument.uri, async (doc) => documentSymbols(await this.analyses.analysisOf(doc)).map((s) => toDocumentSymbol(doc, s))),
    );
    this.handle(
      'textDocument/codeLens', PARAMS.textDocument, async ({ textDocument }: { textDocument: { uri: string } }) => {
        if (!this.settings.codeLens) return [];
        return this.atCurrent(textDocument.uri, async (doc) => this.lenses(doc));
      });
    this.handle(
      'textDocument/codeAction', PARAMS.codeAction, ({ textDocument, range, context }: CodeActionParams) =>
        this.atCurrent(textDocument.uri, async (doc) => {
          if (context.only && !context.only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`) || kind === CodeActionKind.Empty)) return [];
          const shown = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
          if (!shown.length) return [];
          const start = Math.min(doc.offsetAt(range.start), ...shown.map((d) => doc.offsetAt(d.range.start)));
          const end = Math.max(doc.offsetAt(range.end), ...shown.map((d) => doc.offsetAt(d.range.end)));
          const actions: CodeAction[] = [];
          for (const fix of quickFixes(await this.analyses.analysisOf(doc), { start, end })) {
            const wanted = toDiagnostic(doc, fix.diagnostic);
            const diagnostic = shown.find((d) => d.code === wanted.code && d.message === wanted.message && sameRange(d.range, wanted.range));
            if (!diagnostic) continue; // a fix for a problem the editor does not show (yet) would confuse
            actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred, edit: this.workspaceEdit(doc, fix.edits) });
          }
          return actions;
        }),
    );
    this.handle(
      'workspace/executeCommand', PARAMS.executeCommand, async ({ command, arguments: args }: { command: string; arguments?: unknown[] }) => {
        if (command === SERVER_COMMANDS.addMissingDimensions) return this.addMissingDimensions(typeof args?.[0] === 'string' ? args[0] : undefined);
        if (command === SERVER_COMMANDS.revalidateWorkspace) return this.revalidateAll();
        return null;
      });

    c.onRequest(
      RENDER_REPORT,
      this.request(RENDER_REPORT, { ...PARAMS.uri, format: 'string', 'html?': 'any' }, async (params: RenderReportParams) => {
        const report = await this.atCurrent(params.uri, async (doc) => {
          const model = buildReport(await this.analyses.analysisOf(doc));
          if (params.format === 'markdown') return renderMarkdown(model);
          if (params.format === 'json') return renderJson(model);
          return renderHtml(model, params.html ?? { mode: 'standalone' });
        });
        if (report === null) throw notOpen(params.uri);
        return report;
      }),
    );
    c.onRequest(
      PREVIEW_REPORT,
      this.request(PREVIEW_REPORT, { ...PARAMS.uri, 'compareWith?': { uri: 'string', label: 'string' }, 'omitBodyOnErrors?': 'boolean', 'view?': 'string', 'assessor?': 'string' }, async ({ uri, compareWith, omitBodyOnErrors, view, assessor }: PreviewReportParams) => {
        const report = await this.atCurrent(uri, async (doc): Promise<VersionedPreviewReport> => {
          const analysis = await this.analyses.analysisOf(doc);
          const model = buildReport(analysis);
          const answerable = model.kind === 'Assessment' && model.assessment !== undefined;
          if (view === 'questionnaire' && answerable) return { ...questionnairePreview(analysis, model, { omitBodyOnErrors, ...(assessor !== undefined ? { assessor } : {}) }), version: doc.version };
          // A report without its body needs no comparison with git either.
          const change = compareWith && previewCarriesBody(model, { omitBodyOnErrors }) ? await this.changeSince(model, compareWith) : '';
          const lead = (answerable ? viewSwitch('questionnaire') : '') + change;
          return { ...previewReport(model, lead, { omitBodyOnErrors }), version: doc.version };
        });
        if (report === null) throw notOpen(uri);
        return report;
      }),
    );
    c.onRequest(
      DOCUMENT_SUMMARY,
      this.request(DOCUMENT_SUMMARY, PARAMS.uri, ({ uri }: DocumentSummaryParams) =>
        this.atCurrent(uri, async (doc): Promise<DocumentSummary> => ({ uri, version: doc.version, ...summarize(await this.analyses.analysisOf(doc)) })),
      ),
    );
    c.onRequest(
      PORTFOLIO,
      this.request(PORTFOLIO, { 'folder?': 'string' }, async ({ folder }: PortfolioParams) => {
        await this.startedUp;
        // A workspace not scanned yet (the scan is off, or waits for a rubric document) is scanned now; the view follows as files come in.
        if (this.scanGeneration === 0) void this.scanWorkspace('the portfolio was opened');
        return this.portfolio.view(folder);
      }),
    );
    c.onRequest(BUILTIN_TEXT, this.request(BUILTIN_TEXT, PARAMS.uri, ({ uri }: BuiltinTextParams) => builtinByUri(uri)?.text ?? null));
    c.onRequest(ANSWER_MODEL, this.request(ANSWER_MODEL, { ...PARAMS.uri, 'assessor?': 'string' }, ({ uri, assessor }: AnswerModelParams) => this.answerModel(uri, assessor)));
    // Each change is checked by the format and by the edit itself (answerEdits verifies its result): the shape here is the envelope.
    c.onRequest(ANSWER_EDITS, this.request(ANSWER_EDITS, { ...PARAMS.uri, version: 'integer', changes: ['list', { dimension: 'string', criterion: 'string', 'answer?': 'any', 'note?': 'any', 'evidence?': 'any', 'notApplicable?': 'any', 'exemption?': 'any' }], 'assessor?': 'string' }, (params: AnswerEditsParams) => this.answerEditsFor(params)));

    c.listen();
  }

  /**
   * Handles an LSP request through `request` (registered by method name: the library's own
   * onHover and the like read the params before any check could run).
   */
  private handle<P, R>(method: string, shape: Shape, handler: (params: P) => R | Promise<R>): void {
    this.connection.onRequest(method, this.request(method, shape, handler));
  }

  /**
   * A request handler that answers InvalidParams when the params are not what `method` takes, and
   * an error that points to the log (never an exception's own text) when answering fails.
   */
  private request<P, R>(method: string, shape: Shape, handler: (params: P) => R | Promise<R>): (params: unknown) => Promise<R> {
    return async (params) => {
      const problem = problemWith(params, shape);
      if (problem) throw new ResponseError(ErrorCodes.InvalidParams, `${method}: ${problem}.`);
      try {
        return await handler(params as P);
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        this.connection.console.error(`${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        throw new ResponseError(ErrorCodes.InternalError, `Rubrics could not answer ${method} because of an internal error; the language server's log has the details.`);
      }
    };
  }

  /** A notification handler that leaves out (and logs) a notification whose params are not what `method` takes. */
  private notification<P>(method: string, shape: Shape, handler: (params: P) => void): NotificationHandler<P> {
    return (params) => {
      const problem = problemWith(params, shape);
      if (problem) {
        this.connection.console.error(`Ignored ${method}: ${problem}.`);
        return;
      }
      handler(params);
    };
  }

  // ------------------------------------------------------------------ start-up and settings

  private initialize(params: InitializeParams): InitializeResult {
    this.capabilities = params.capabilities;
    this.init = (params.initializationOptions ?? {}) as RubricsInitializationOptions;
    if (this.init.clientReadsFiles) this.files.setSource(clientFileSource(this.connection, this.init.clientResolvesLinks === true));
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.setFolders(folders);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: [':', ' ', '[', '/'] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: { label: 'Rubrics' },
        codeLensProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        executeCommandProvider: { commands: [SERVER_COMMANDS.addMissingDimensions, SERVER_COMMANDS.revalidateWorkspace] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'rubrics-language-server' },
    };
  }

  private async initializedNotification(): Promise<void> {
    this.initialized = true;
    // Only a client that said it sends these may be asked for them (the library throws otherwise).
    if (this.capabilities.workspace?.workspaceFolders) {
      this.connection.workspace.onDidChangeWorkspaceFolders(() => void this.refreshFolders().then(() => this.scanWorkspace('the workspace folders changed')));
    }
    const dynamic = this.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
    if (dynamic) void this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'rubrics' });
    // Clients that do not watch files for us (VS Code does, with its own watcher) are asked to.
    if (!this.init.clientReadsFiles && this.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml}' }] });
    }
    try {
      await this.pullSettings();
      await this.loadIgnoreLists();
    } finally {
      this.startUpDone();
    }
    if (this.settings.scan) void this.startupScan();
  }

  private async pullSettings(pushed?: unknown): Promise<void> {
    let section: unknown = pushed;
    if (this.capabilities.workspace?.configuration) {
      try {
        section = await this.connection.workspace.getConfiguration('rubrics');
      } catch {
        section = pushed;
      }
    }
    const before = this.settings.allowOutside;
    this.settings = readSettings(section);
    this.ownership.setPatterns(this.settings.files);
    if (JSON.stringify(before) !== JSON.stringify(this.settings.allowOutside)) this.confine();
  }

  /** The workspace folders changed: they are where files are ours, and where references may point. */
  private setFolders(folders: readonly string[]): void {
    this.ownership.setFolders(folders);
    this.confine();
  }

  /** Tells the engine where references may point; every analysis after this follows it. */
  private confine(): void {
    this.engine.setConfinement(workspaceConfinement(this.ownership.folders, this.settings.allowOutside));
    for (const uri of this.documents.keys()) {
      this.analyses.touch(uri);
      this.schedule(uri, 0, false);
    }
  }

  private async configurationChanged(settings: unknown): Promise<void> {
    const before = JSON.stringify([this.settings.files, this.settings.allowOutside]);
    const pushed = settings && typeof settings === 'object' ? (settings as { rubrics?: unknown }).rubrics : undefined;
    await this.pullSettings(pushed);
    if (JSON.stringify([this.settings.files, this.settings.allowOutside]) !== before) {
      for (const doc of this.documents.values()) this.schedule(doc.uri, 0, false);
      if (this.settings.scan) void this.scanWorkspace('the rubrics.files setting changed');
    }
    if (this.capabilities.workspace?.codeLens?.refreshSupport) void this.connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
  }

  private async refreshFolders(): Promise<void> {
    const folders = await this.connection.workspace.getWorkspaceFolders().catch(() => null);
    this.setFolders(folders?.map((f) => f.uri) ?? []);
    await this.loadIgnoreLists();
  }

  /** Each workspace folder's `.rubricsignore` (read at start-up, when folders change, and when the workspace is checked again). */
  private async loadIgnoreLists(): Promise<void> {
    const lists = new Map<string, IgnoreList>();
    for (const folder of this.ownership.folders) {
      const text = textOf(await this.files.readFile(`${folder}${IGNORE_FILE_NAME}`));
      if (text !== undefined) lists.set(folder, new IgnoreList(text));
    }
    this.ownership.setIgnoreLists(lists);
  }

  // ------------------------------------------------------------------ checking open documents

  /**
   * Checks a document after `delay` (the user's rubrics.validation.delay after a change). One check
   * of a document runs at a time: a change while one runs makes one more check follow it at once,
   * of the text as it is then. So a keystroke's problems show as soon as the check before it and its
   * own are done, and a burst of typing in a large file costs at most one check that is thrown away.
   */
  private schedule(uri: string, delay: number, withDependents: boolean): void {
    const entry = this.scheduled.get(uri) ?? { withDependents: false };
    if (entry.timer) clearTimeout(entry.timer);
    entry.withDependents ||= withDependents;
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      if (entry.running) {
        entry.again = true;
        return;
      }
      const dependents = entry.withDependents;
      entry.withDependents = false;
      entry.running = true;
      void this.checkOpen(uri, dependents)
        .catch((error) => this.internalError(uri, error))
        .finally(() => {
          entry.running = false;
          if (entry.again) {
            entry.again = false;
            this.schedule(uri, 0, false);
          }
        });
    }, delay);
    this.scheduled.set(uri, entry);
  }

  private async checkOpen(uri: string, withDependents: boolean): Promise<void> {
    await this.startedUp;
    const doc = this.documents.get(uri);
    if (!doc) return;
    if (!this.ownership.owns(uri, doc.getText(), doc.languageId)) {
      if (this.owned.delete(uri)) {
        this.forgetFile(uri);
        this.sendStatus({ uri, owned: false });
      }
      return;
    }
    const firstTime = !this.owned.has(uri);
    this.owned.add(uri);
    if (firstTime && this.scanWhenOwned) {
      this.scanWhenOwned = false;
      void this.scanWorkspace('first rubric document');
    }
    const version = doc.version;
    const started = performance.now();
    const analysis = await this.analyses.analysisOf(doc);
    const current = this.documents.get(uri);
    if (!current || current.version !== version) return; // typed on meanwhile: that version's check reports
    this.publish(uri, analysis, current, version);
    this.record(uri, analysis, 'Checked', performance.now() - started);
    if (this.init.documentStatus) this.sendStatus({ uri, owned: true, summary: { uri, version, ...summarize(analysis) } });
    if (withDependents) this.recheckDependents(uri);
  }

  private publish(uri: string, analysis: FileAnalysis, positions: Positions, version?: number): void {
    this.published.add(uri);
    void this.connection.sendDiagnostics({ uri, ...(version !== undefined ? { version } : {}), diagnostics: analysis.diagnostics.map((d) => toDiagnostic(positions, d)) });
  }

  private record(uri: string, analysis: FileAnalysis, verb: string, durationMs: number): void {
    this.graph.set(uri, analysis.dependencies);
    this.known.set(uri, analysis.documents.find((d) => d.kind !== undefined)?.kind);
    if (this.portfolio.record(uri, analysis)) this.portfolioChanged();
    const errors = analysis.diagnostics.filter((d) => d.severity === 'error').length;
    const others = analysis.diagnostics.length - errors;
    const lines = new LineIndex(analysis.text).lineCount;
    this.connection.console.log(`${verb} ${baseName(uri)}: ${lines.toLocaleString('en-US')} lines in ${Math.round(durationMs)} ms (${analysis.parser} parser), ${errors} error${errors === 1 ? '' : 's'}${others ? `, ${others} other` : ''}.`);
  }

  private sendStatus(status: DocumentStatus): void {
    if (this.init.documentStatus) void this.connection.sendNotification(DOCUMENT_STATUS, status);
  }

  private closed(uri: string): void {
    const entry = this.scheduled.get(uri);
    if (entry?.timer) clearTimeout(entry.timer);
    this.scheduled.delete(uri);
    const wasOwned = this.owned.delete(uri);
    this.analyses.forget(uri);
    if (!wasOwned) return;
    if (uri.startsWith('untitled:') || isBuiltinUri(uri)) {
      this.forgetFile(uri);
      this.recheckDependents(uri);
      return;
    }
    // Unsaved edits are gone: what counts now is the file as saved.
    void this.checkClosedFile(uri).then(() => this.recheckDependents(uri));
  }

  // ------------------------------------------------------------------ files that are not open

  private async checkClosedFile(uri: string): Promise<void> {
    if (this.documents.get(uri) || this.ownership.isIgnored(uri)) return;
    // A file that leads out of the workspace (a committed link) is never read; if ours by its name, it says so.
    const refused = await scanRefusal(this.engine, uri, this.ownership.matchesGlobs(uri));
    if (refused) {
      this.forgetFile(uri);
      if (refused.diagnostic && !this.documents.get(uri)) {
        this.published.add(uri);
        void this.connection.sendDiagnostics({ uri, diagnostics: [toDiagnostic(new LineIndex(''), refused.diagnostic)] });
      }
      return;
    }
    const saved = await this.files.readSaved(uri);
    if (this.documents.get(uri)) return; // opened meanwhile: the open document's check wins
    if (isUnreadable(saved)) this.connection.console.log(`Skipped ${baseName(uri)}: ${saved.unreadable}.`);
    const text = textOf(saved);
    if (text === undefined || !this.ownership.owns(uri, text)) {
      this.forgetFile(uri);
      return;
    }
    const started = performance.now();
    let analysis: FileAnalysis;
    try {
      analysis = await this.engine.analyze(uri, text);
    } catch (error) {
      this.internalError(uri, error);
      return;
    }
    if (this.documents.get(uri)) return;
    this.publish(uri, analysis, new LineIndex(text));
    this.record(uri, analysis, 'Checked (not open)', performance.now() - started);
  }

  private forgetFile(uri: string): void {
    if (this.published.delete(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.graph.delete(uri);
    this.known.delete(uri);
    if (this.portfolio.forget(uri)) this.portfolioChanged();
  }

  private portfolioChanged(): void {
    if (this.init.portfolioChanges) void this.connection.sendNotification(PORTFOLIO_CHANGED, { generation: this.portfolio.generation } satisfies PortfolioChanged);
  }

  private recheckDependents(uri: string): void {
    let openDependents = false;
    for (const dependent of this.graph.dependentsOf(uri)) {
      if (this.documents.get(dependent)) {
        openDependents = true;
        this.schedule(dependent, 0, false);
      } else void this.checkClosedFile(dependent);
    }
    // CodeLens of open dependents (levels from the rubric) changed too.
    if (openDependents && this.capabilities.workspace?.codeLens?.refreshSupport) {
      setTimeout(() => void this.connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined), 50);
    }
  }

  private fileChangedOnDisk(uri: string): void {
    if (this.ownership.isIgnored(uri)) return;
    this.analyses.touch(uri);
    if (this.documents.get(uri)) return; // the open document (and its unsaved text) wins
    void this.checkClosedFile(uri).then(() => this.recheckDependents(uri));
  }

  private fileDeleted(uri: string): void {
    this.analyses.touch(uri);
    if (this.documents.get(uri)) return;
    this.forgetFile(uri);
    this.recheckDependents(uri);
  }

  // ------------------------------------------------------------------ the workspace scan

  /**
   * Scans at start-up when the workspace has files the globs name or a rubric document is open;
   * otherwise (the server woke up for some other YAML file) waits for a rubric document, so an
   * unrelated YAML workspace is not read through.
   */
  private async startupScan(): Promise<void> {
    if (this.owned.size === 0) {
      let found = false;
      for (const pattern of this.ownership.patterns) {
        if ((await this.files.findFiles(this.ownership.folders, pattern, 1)).length) {
          found = true;
          break;
        }
      }
      if (!found && this.owned.size === 0) {
        this.scanWhenOwned = true;
        this.connection.console.log('No rubric files by name in this workspace; the workspace scan waits for the first rubric document.');
        return;
      }
    }
    await this.scanWorkspace('start-up');
  }

  private async revalidateAll(): Promise<null> {
    await this.loadIgnoreLists();
    for (const doc of this.documents.values()) this.schedule(doc.uri, 0, false);
    await this.scanWorkspace('on request');
    return null;
  }

  /** Checks every rubric file of the workspace in the background, so the Problems panel lists them all. */
  private async scanWorkspace(reason: string): Promise<void> {
    if (!this.initialized) return;
    const generation = ++this.scanGeneration;
    const cancelled = () => generation !== this.scanGeneration;
    const started = Date.now();
    const progress = this.capabilities.window?.workDoneProgress ? await this.connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin('Rubrics', 0, 'finding rubric files…');
    try {
      const byName = new Set<string>();
      for (const pattern of this.ownership.patterns) for (const uri of await this.files.findFiles(this.ownership.folders, pattern, this.settings.scanMaxFiles)) byName.add(uri);
      const candidates = (await this.files.findFiles(this.ownership.folders, '**/*.{yaml,yml}', this.settings.scanMaxFiles)).filter((u) => !byName.has(u));
      if (cancelled()) return;
      const queue = [...byName, ...candidates];
      const total = queue.length;
      if (total === 0) {
        this.connection.console.log(`Workspace scan (${reason}): no YAML files.`);
        return;
      }
      let done = 0;
      const worker = async () => {
        for (let next = queue.shift(); next !== undefined && !cancelled(); next = queue.shift()) {
          if (!this.documents.get(next)) await this.checkClosedFile(next);
          done++;
          progress?.report(Math.round((done / total) * 100), `checking ${done}/${total} YAML files`);
        }
      };
      // A few reads in flight keep the engine busy while the files arrive; it checks one at a time anyway.
      await Promise.all([worker(), worker(), worker(), worker()]);
      const checked = [...byName, ...candidates].filter((u) => this.known.has(u)).length;
      this.connection.console.log(`Workspace scan (${reason}): ${checked} rubric file${checked === 1 ? '' : 's'} among ${total} YAML file${total === 1 ? '' : 's'}, in ${Date.now() - started} ms${cancelled() ? ' (superseded)' : ''}.`);
    } finally {
      progress?.done();
    }
  }

  // ------------------------------------------------------------------ language features

  /**
   * Runs a request against the document's current version. A result computed for a version the
   * user has typed past would point at the wrong text, so it is computed again (a few times).
   */
  private async atCurrent<T>(uri: string, compute: (doc: ChunkedTextDocument) => Promise<T>): Promise<T | null> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const doc = this.documents.get(uri);
      if (!doc || !this.ownership.owns(uri, doc.getText(), doc.languageId)) return null;
      const version = doc.version;
      const result = await compute(doc);
      if (this.documents.get(uri)?.version === version) return result;
    }
    return null;
  }

  private async completion(doc: ChunkedTextDocument, offset: number): Promise<CompletionItem[]> {
    const snapshot = await this.analyses.completionSnapshot(doc);
    const text = doc.getText();
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    const lineIndent = /^[ \t]*/.exec(text.slice(lineStart, offset))?.[0] ?? '';
    const completionCaps = this.capabilities.textDocument?.completion?.completionItem;
    const adjustsIndentation = completionCaps?.insertTextModeSupport?.valueSet.includes(2) ?? false;
    const entries = await completionsAt(snapshot, offset, { listDocuments: (kind) => this.listDocuments(kind) });
    const items = entries.map((entry) => toCompletionItem(doc, entry, { adjustsIndentation, lineIndent, ...(this.init.retriggerCommand ? { retriggerCommand: this.init.retriggerCommand } : {}) }));
    if (completionCaps?.snippetSupport) items.push(...snippetCompletions(snapshot, text, offset, doc, { adjustsIndentation, lineIndent }));
    return items;
  }

  /**
   * Find all references of a rubric's dimension or criterion: from its id in the rubric, or from
   * a use of it in an assessment or plan. Every open file and every file of the workspace whose
   * last check read the rubric is looked at.
   */
  private async references(doc: ChunkedTextDocument, offset: number, includeDeclaration: boolean): Promise<Location[]> {
    const snapshot = await this.analyses.snapshot(doc);
    let item: RubricItem | undefined = itemAtRubricOffset(snapshot.analysis, offset);
    let rubricText = snapshot.analysis.text;
    if (!item) {
      const rubric = documentAt(snapshot, offset).rubric;
      const target = rubric ? await definitionAt(snapshot, offset, (uri) => this.engine.readReferenced(uri, doc.uri)) : undefined;
      if (!rubric || !target || target.uri !== rubric.uri) return [];
      item = itemDefinedAt(rubric, target.range);
      rubricText = rubric.text;
    }
    if (!item) return [];
    const locations: Location[] = includeDeclaration ? [{ uri: await this.openableUri(item.rubricUri), range: toRange(new LineIndex(rubricText), item.definition) }] : [];
    const candidates = new Set<string>([doc.uri, item.rubricUri, ...this.documents.keys(), ...this.graph.dependentsOf(item.rubricUri)]);
    for (const uri of candidates) {
      const open = this.documents.get(uri);
      if (open && !this.owned.has(uri) && uri !== doc.uri) continue;
      let analysis: FileAnalysis | undefined;
      if (open) analysis = await this.analyses.analysisOf(open);
      else {
        const text = textOf(await this.files.readSaved(uri));
        analysis = text !== undefined && this.ownership.owns(uri, text) ? await this.engine.analyze(uri, text) : undefined;
      }
      if (!analysis) continue;
      const positions: Positions = open ?? new LineIndex(analysis.text);
      for (const range of usesIn(analysis, item)) locations.push({ uri, range: toRange(positions, range) });
    }
    return locations;
  }

  /** The preview's "since HEAD" section: the other version analysed (its references read at its revision) and compared by the core's diff. */
  private async changeSince(current: ReportModel, other: { readonly uri: string; readonly label: string }): Promise<string> {
    const text = textOf(await this.files.readFile(other.uri));
    if (text === undefined) return changeSection(undefined, other.label);
    const before = buildReport(await this.engine.analyze(other.uri, text), current.source.documentIndex);
    return changeSection(diffReports(before, current), other.label);
  }

  private async listDocuments(kind: DocumentKind): Promise<string[]> {
    const uris = new Set<string>();
    for (const [uri, k] of this.known) if (k === kind) uris.add(uri);
    for (const uri of await this.files.findFiles(this.ownership.folders, `**/*.${kind.toLowerCase()}.{yaml,yml}`, 500)) uris.add(uri);
    return [...uris].sort();
  }

  private async lenses(doc: ChunkedTextDocument): Promise<CodeLens[]> {
    const analysis = await this.analyses.analysisOf(doc);
    return codeLenses(analysis).map((lens) => ({
      range: toRange(doc, lens.range),
      command: { title: lens.title, command: this.init.previewCommand ?? '', ...(this.init.previewCommand ? { arguments: [doc.uri] } : {}) },
      // LSP commands have no tooltip: clients that show one (the VS Code extension) read it here.
      data: { tooltip: lens.tooltip },
    }));
  }

  /** A URI the editor can open for a location: a built-in rubric's file, where the server has one. */
  private async openableUri(uri: string): Promise<string> {
    const builtin = isBuiltinUri(uri) ? builtinByUri(uri) : undefined;
    if (!builtin || !this.options.builtinFile) return uri;
    return (await this.options.builtinFile(builtin.fileName, builtin.text)) ?? uri;
  }

  private workspaceEdit(doc: ChunkedTextDocument, edits: readonly TextEditData[]): WorkspaceEdit {
    const textEdits: TextEdit[] = edits.map((e) => ({ range: toRange(doc, e.range), newText: e.newText }));
    // With the version, the editor refuses an edit computed for text the user has changed since.
    if (this.capabilities.workspace?.workspaceEdit?.documentChanges) return { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, textEdits)] };
    return { changes: { [doc.uri]: textEdits } };
  }

  private async addMissingDimensions(uri: string | undefined): Promise<AddMissingDimensionsResult> {
    if (!uri) return 'not-an-assessment';
    const edit = await this.atCurrent(uri, async (doc) => {
      const analysis = await this.analyses.analysisOf(doc);
      if (!analysis.documents.some((d) => d.kind === 'Assessment' && d.rubric)) return 'not-an-assessment' as const;
      const edits = addMissingDimensions(analysis);
      return edits.length ? this.workspaceEdit(doc, edits) : ('nothing-missing' as const);
    });
    if (edit === null) return 'not-an-assessment';
    if (typeof edit === 'string') return edit;
    const applied = await this.connection.workspace.applyEdit({ label: 'Add missing dimensions', edit });
    return applied.applied ? 'added' : 'not-applied';
  }

  /** The answers of an open assessment as rows (its agreed answers, or an assessor's), for the spreadsheet export and import. */
  private async answerModel(uri: string, assessor: string | undefined): Promise<AnswerModelResult> {
    const result = await this.atCurrent(uri, async (doc): Promise<AnswerModelResult> => {
      const analysis = await this.analyses.analysisOf(doc);
      const assessment = analysis.documents.find((d) => d.kind === 'Assessment');
      if (!assessment || assessment.kind !== 'Assessment') return { reason: `${baseName(uri)} holds no assessment.` };
      const target = answerTarget(assessment, assessor);
      if ('refused' in target) return { reason: target.refused };
      const model = answerModelOf(assessment, target.assessor && answerAssessorOf(target.assessor));
      if (!model) return { reason: `The rubric of ${baseName(uri)} cannot be used; fix the problems shown for it first.` };
      if (model.rows.length === 0) return { reason: `The rubric ${model.rubric.id} has no criteria: its dimensions are rated as a whole, so there are no answers to put in a sheet.` };
      return { version: doc.version, model, assessors: (assessment.facts?.responses ?? []).map(answerAssessorOf) };
    });
    return result ?? { reason: `${baseName(uri)} is not open as a rubric document.` };
  }

  /** The edits that set answers in an open assessment's first assessment document, checked by the format first. */
  private async answerEditsFor({ uri, version, changes, assessor }: AnswerEditsParams): Promise<AnswerEditsResult> {
    const doc = this.documents.get(uri);
    if (!doc || doc.version !== version) return { refused: `${baseName(uri)} changed since its answers were read; try again.` };
    const problems = answerChangeProblems(changes);
    if (problems.length) return { problems };
    const analysis = await this.analyses.analysisOf(doc);
    const index = analysis.documents.findIndex((d) => d.kind === 'Assessment');
    const assessment = analysis.documents[index];
    if (!assessment || assessment.kind !== 'Assessment') return { refused: `${baseName(uri)} holds no assessment.` };
    // Whose answers: the agreed ones, or an assessor's the assessment has (a page of a response since removed is refused).
    const target = answerTarget(assessment, assessor);
    if ('refused' in target) return target;
    // The questionnaire's page and a spreadsheet both name criteria and answers: the rubric has the last word.
    const checked = checkAgainstRubric(assessment, changes, target);
    if ('refused' in checked) return checked;
    if (checked.problems.length) return { problems: checked.problems };
    const result = answerEdits(doc.getText(), assessment.parsed, checked.changes, { documentIndex: index, dimensionsPath: target.dimensionsPath });
    if ('refused' in result) return result;
    if (this.documents.get(uri)?.version !== version) return { refused: `${baseName(uri)} changed while the edits were computed; try again.` };
    return { edits: result.edits.map((e) => ({ range: toRange(doc, e.range), newText: e.newText })) };
  }


  private internalError(uri: string, error: unknown): void {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.connection.console.error(`The engine failed on ${uri}: ${detail}`);
    this.published.add(uri);
    void this.connection.sendDiagnostics({
      uri,
      diagnostics: [{
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 1,
        source: DIAGNOSTIC_SOURCE,
        code: 'internal-error' satisfies DiagnosticCode,
        message: 'Rubrics could not check this file because of an internal error; the problems shown may be out of date. See the language server\'s log for details.',
      }],
    });
  }
}

/** What a request about a document that is not open (or not ours) answers. */
function notOpen(uri: string): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestFailed, `${baseName(uri)} is not open as a rubric document.`);
}

function sameRange(a: { start: { line: number; character: number }; end: { line: number; character: number } }, b: typeof a): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
