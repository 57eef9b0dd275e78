import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions, Middleware } from 'vscode-languageclient';
import {
  ANSWER_EDITS,
  ANSWER_MODEL,
  ASSESSOR_EDITS,
  type AnswerEditsParams,
  type AnswerEditsResult,
  type AnswerModelParams,
  type AnswerModelResult,
  type AssessorEditsParams,
  type AssessorEditsResult,
  BUILTIN_TEXT,
  DOCUMENT_STATUS,
  DOCUMENT_SUMMARY,
  FIND_FILES,
  PORTFOLIO,
  PORTFOLIO_CHANGED,
  type PortfolioParams,
  type PortfolioView,
  READ_FILE,
  REAL_URI,
  PREVIEW_REPORT,
  RENDER_REPORT,
  type DocumentStatus,
  type FindFilesParams,
  type PreviewReportParams,
  type ReadFileParams,
  type ReadFileResult,
  type RealUriParams,
  type RubricsInitializationOptions,
} from '../server/protocol';
import type { VersionedPreviewReport } from '../server/protocol';
import { GitBase, REVISION_SCHEME } from './gitBase';
import type { DocumentSummary, HtmlReportOptions, ReportFormat, RubricServices } from './services';
import { vscodeWorkspaceFiles, type WorkspaceFiles } from './workspaceFiles';

export const CLIENT_ID = 'rubrics';
export const PREVIEW_TO_SIDE_COMMAND = 'rubrics.openPreviewToSide';

/** Makes the platform's language client (a worker thread on the desktop, a Web Worker in the browser). */
export type ClientFactory = (options: LanguageClientOptions) => BaseLanguageClient;

/**
 * The extension's side of the language server: starts it, reads files for it through VS Code's
 * file system API (so virtual workspaces and the browser work), and gives the preview, the status
 * bar and the export what they ask for. Every language feature (diagnostics, completion, hovers,
 * CodeLens, quick fixes, the outline) is the language client's, straight from the server.
 */
export class RubricsClient implements RubricServices, vscode.Disposable {
  readonly client: BaseLanguageClient;
  private readonly ready: Promise<void>;
  private readonly owned = new Set<string>();
  private readonly summaries = new Map<string, DocumentSummary>();
  private readonly analyzeEmitter = new vscode.EventEmitter<DocumentSummary>();
  private readonly releaseEmitter = new vscode.EventEmitter<string>();
  private readonly portfolioEmitter = new vscode.EventEmitter<void>();
  /** Fires when what the workspace's portfolio is built from changed (the server says so). */
  readonly onDidChangePortfolio = this.portfolioEmitter.event;
  readonly onDidAnalyze = this.analyzeEmitter.event;
  readonly onDidRelease = this.releaseEmitter.event;
  /** What the preview compares documents with (git HEAD, or a ref the user picked). */
  readonly git = new GitBase();
  readonly onDidChangeComparison = this.git.onDidChange;
  private readonly disposables: vscode.Disposable[] = [this.analyzeEmitter, this.releaseEmitter, this.portfolioEmitter, this.git];

  constructor(create: ClientFactory, outputChannel: vscode.LogOutputChannel, filterDiagnostics: DiagnosticsFilter = (_uri, d) => d, files: WorkspaceFiles = vscodeWorkspaceFiles) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}');
    this.disposables.push(watcher);
    const initializationOptions: RubricsInitializationOptions = {
      clientReadsFiles: true,
      previewCommand: PREVIEW_TO_SIDE_COMMAND,
      documentStatus: true,
      retriggerCommand: 'editor.action.triggerSuggest',
      clientResolvesLinks: files.realUri !== undefined,
      portfolioChanges: true,
    };
    this.client = create({
      // Every YAML document, whatever its scheme (file, untitled, virtual workspaces, built-ins):
      // the server decides which are ours.
      documentSelector: [{ language: 'yaml' }],
      synchronize: { configurationSection: 'rubrics', fileEvents: watcher },
      initializationOptions,
      outputChannel,
      middleware: middleware(filterDiagnostics),
    });
    this.client.onRequest(READ_FILE, ({ uri }: ReadFileParams) => (uri.startsWith(`${REVISION_SCHEME}:`) ? this.git.read(uri) : readFile(uri, files)));
    const { realUri } = files;
    if (realUri) this.client.onRequest(REAL_URI, ({ uri }: RealUriParams) => realUri(vscode.Uri.parse(uri)));
    this.client.onRequest(FIND_FILES, ({ include, maxResults }: FindFilesParams) => findFiles(include, maxResults));
    this.client.onNotification(DOCUMENT_STATUS, (status: DocumentStatus) => this.statusChanged(status));
    this.client.onNotification(PORTFOLIO_CHANGED, () => this.portfolioEmitter.fire());
    this.ready = this.client.start();
    this.disposables.push(vscode.workspace.onDidCloseTextDocument((d) => {
      this.owned.delete(d.uri.toString());
      this.summaries.delete(d.uri.toString());
    }));
  }

  /** Resolves once the server has started (requests before that would fail). */
  whenReady(): Promise<void> {
    return this.ready;
  }

  isRubricDocument(document: vscode.TextDocument): boolean {
    return this.owned.has(document.uri.toString());
  }

  isOwned(uri: string): boolean {
    return this.owned.has(uri);
  }

  async summary(document: vscode.TextDocument): Promise<DocumentSummary | undefined> {
    const uri = document.uri.toString();
    const cached = this.summaries.get(uri);
    if (cached && cached.version === document.version) return cached;
    await this.ready;
    const summary = await this.client.sendRequest<DocumentSummary | null>(DOCUMENT_SUMMARY, { uri });
    return summary ?? undefined;
  }

  async renderReport(document: vscode.TextDocument, format: ReportFormat, html?: HtmlReportOptions): Promise<string> {
    await this.ready;
    return this.client.sendRequest<string>(RENDER_REPORT, { uri: document.uri.toString(), format, ...(html ? { html } : {}) });
  }

  async previewReport(document: vscode.TextDocument, options: { readonly omitBodyOnErrors?: boolean; readonly view?: 'report' | 'questionnaire'; readonly assessor?: string } = {}): Promise<VersionedPreviewReport> {
    await this.ready;
    const compareWith = await this.git.compareWith(document);
    const params: PreviewReportParams = {
      uri: document.uri.toString(),
      ...(compareWith ? { compareWith } : {}),
      ...(options.omitBodyOnErrors ? { omitBodyOnErrors: true } : {}),
      ...(options.view === 'questionnaire' ? { view: options.view } : {}),
      ...(options.view === 'questionnaire' && options.assessor !== undefined ? { assessor: options.assessor } : {}),
    };
    return this.client.sendRequest<VersionedPreviewReport>(PREVIEW_REPORT, params);
  }

  /** The portfolio of the workspace's assessments, or of those in `folder` (a URI), rendered for the panel. */
  async portfolio(folder?: string): Promise<PortfolioView> {
    await this.ready;
    return this.client.sendRequest<PortfolioView>(PORTFOLIO, (folder !== undefined ? { folder } : {}) satisfies PortfolioParams);
  }

  /** An open assessment's answers as rows (its agreed answers, or an assessor's; with the version they are of), or why there are none. */
  async answerModel(document: vscode.TextDocument, assessor?: string): Promise<AnswerModelResult> {
    await this.ready;
    return this.client.sendRequest<AnswerModelResult>(ANSWER_MODEL, { uri: document.uri.toString(), ...(assessor !== undefined ? { assessor } : {}) } satisfies AnswerModelParams);
  }

  /** The edits that set these answers in the document as it was at `version`, checked by the format first. */
  async answerEdits(document: vscode.TextDocument, version: number, changes: AnswerEditsParams['changes'], assessor?: string): Promise<AnswerEditsResult> {
    await this.ready;
    return this.client.sendRequest<AnswerEditsResult>(ANSWER_EDITS, { uri: document.uri.toString(), version, changes, ...(assessor !== undefined ? { assessor } : {}) } satisfies AnswerEditsParams);
  }

  /** The edits that add an assessor to the document as it was at `version`, and their id, or why not. */
  async assessorEdits(document: vscode.TextDocument, version: number, assessor: Omit<AssessorEditsParams, 'uri' | 'version'>): Promise<AssessorEditsResult> {
    await this.ready;
    return this.client.sendRequest<AssessorEditsResult>(ASSESSOR_EDITS, { uri: document.uri.toString(), version, ...assessor } satisfies AssessorEditsParams);
  }

  async builtinText(uri: string): Promise<string | undefined> {
    await this.ready;
    return (await this.client.sendRequest<string | null>(BUILTIN_TEXT, { uri })) ?? undefined;
  }

  private statusChanged(status: DocumentStatus): void {
    if (status.owned) {
      this.owned.add(status.uri);
      this.summaries.set(status.uri, status.summary);
      this.analyzeEmitter.fire(status.summary);
    } else if (this.owned.delete(status.uri)) {
      this.summaries.delete(status.uri);
      this.releaseEmitter.fire(status.uri);
    }
  }

  async dispose(): Promise<void> {
    for (const d of this.disposables.splice(0)) d.dispose();
    await this.client.dispose().catch(() => undefined);
  }
}

/** Drops diagnostics another extension shows already (see yamlExtension.ts). */
export type DiagnosticsFilter = (uri: vscode.Uri, diagnostics: vscode.Diagnostic[]) => vscode.Diagnostic[];

function middleware(filterDiagnostics: DiagnosticsFilter): Middleware {
  return {
    // LSP commands have no tooltip; the server sends the CodeLens tooltip as data.
    async provideCodeLenses(document, token, next) {
      const lenses = await next(document, token);
      for (const lens of lenses ?? []) {
        const tooltip = (lens as vscode.CodeLens & { data?: { tooltip?: unknown } }).data?.tooltip;
        if (lens.command && typeof tooltip === 'string') lens.command.tooltip = tooltip;
      }
      return lenses;
    },
    handleDiagnostics(uri, diagnostics, next) {
      next(uri, filterDiagnostics(uri, diagnostics));
    },
  };
}

/** A file's text for the server: the open document's (unsaved) text wins, else the saved file, read by `files`. */
async function readFile(uri: string, files: WorkspaceFiles): Promise<ReadFileResult> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  if (open) return open.getText();
  try {
    return await files.read(vscode.Uri.parse(uri));
  } catch {
    return null;
  }
}

async function findFiles(include: string, maxResults: number): Promise<string[]> {
  const found = await vscode.workspace.findFiles(include, excludeGlob(), maxResults);
  return found.map((uri) => uri.toString());
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
