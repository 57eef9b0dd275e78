import * as vscode from 'vscode';
import { PREVIEW_VIEW_TYPE, parseWebviewMessage, type AnswerMessage, type DocumentVersion, type NewAssessorField, type NewAssessorMessage, type PreviewView } from '../../webview/protocol';
import type { LspTextEdit } from '../../server/protocol';
import type { RubricServices } from '../services';
import { errorText, fileName } from './describe';
import { classifyLink } from './links';
import { PREVIEW_RENDER_DELAY_MS, PREVIEW_RESOURCE_FOLDERS, PREVIEW_SCRIPT_PATH, PREVIEW_WEBVIEW_OPTIONS } from './options';
import { panelPage } from './panelPage';
import { PreviewSession, type DocumentReport, type ReportRequest } from './previewSession';
import { PREVIEW_TEXTS } from './previewTexts';
import { revealSource } from './reveal';

/** How long an answer waits for the language server to catch up with the text before it asks again. */
const ANSWER_RETRY_WAIT_MS = 2_000;

export interface PreviewEnvironment {
  readonly extensionUri: vscode.Uri;
  readonly services: RubricServices;
  readonly log: (message: string) => void;
}

/** The webview options of a preview panel (also applied to panels restored after a reload). */
export function previewWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    ...PREVIEW_WEBVIEW_OPTIONS,
    localResourceRoots: PREVIEW_RESOURCE_FOLDERS.map((segments) => vscode.Uri.joinPath(extensionUri, ...segments)),
  };
}

/**
 * One report preview panel: a VS Code webview panel driven by a PreviewSession. This class only
 * adapts: it turns panel events into session calls and page messages into editor actions.
 */
export class ReportPreview implements vscode.Disposable {
  private readonly session: PreviewSession;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  private readonly activeEmitter = new vscode.EventEmitter<void>();
  private disposed = false;
  /** The answers (and assessors added) being written, one after the other. */
  private answers: Promise<void> = Promise.resolve();

  /** Fires once when the panel closes. */
  readonly onDidDispose = this.disposeEmitter.event;
  /** Fires when the panel becomes the active editor tab. */
  readonly onDidBecomeActive = this.activeEmitter.event;

  static create(env: PreviewEnvironment, column: vscode.ViewColumn, preserveFocus: boolean): ReportPreview {
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Report', { viewColumn: column, preserveFocus }, previewWebviewOptions(env.extensionUri));
    return new ReportPreview(panel, env);
  }

  /** Takes over a panel VS Code restored after a reload. */
  static revive(panel: vscode.WebviewPanel, env: PreviewEnvironment): ReportPreview {
    panel.webview.options = previewWebviewOptions(env.extensionUri);
    return new ReportPreview(panel, env);
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly env: PreviewEnvironment,
  ) {
    panel.iconPath = {
      light: vscode.Uri.joinPath(env.extensionUri, 'media', 'preview-light.svg'),
      dark: vscode.Uri.joinPath(env.extensionUri, 'media', 'preview-dark.svg'),
    };
    const webview = panel.webview;
    this.session = new PreviewSession(
      panelPage(panel, env.extensionUri, PREVIEW_SCRIPT_PATH),
      (uri, request) => this.reportOf(uri, request),
      { delayMs: PREVIEW_RENDER_DELAY_MS, describe: (uri) => fileName(vscode.Uri.parse(uri)), texts: PREVIEW_TEXTS, log: env.log },
    );
    this.disposables.push(
      webview.onDidReceiveMessage((raw: unknown) => this.onMessage(raw)),
      panel.onDidChangeViewState(({ webviewPanel }) => {
        this.session.visibilityChanged();
        if (webviewPanel.active) this.activeEmitter.fire();
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** The document the preview shows. */
  get documentUri(): vscode.Uri | undefined {
    const uri = this.session.uri;
    return uri === undefined ? undefined : vscode.Uri.parse(uri);
  }

  get active(): boolean {
    return this.panel.active;
  }

  get visible(): boolean {
    return this.panel.visible;
  }

  get viewColumn(): vscode.ViewColumn | undefined {
    return this.panel.viewColumn;
  }

  /** Shows the report of a document (switching to it if the preview showed another), in `view` when given (and in the questionnaire, whose answers). */
  show(uri: vscode.Uri, view?: PreviewView, assessor?: string): void {
    this.panel.title = `Report: ${fileName(uri)}`;
    this.session.show(uri.toString(), view, assessor);
  }

  showNothing(): void {
    this.panel.title = 'Report';
    this.session.showNothing();
  }

  /** The view it shows of assessments: their report or their questionnaire. */
  get view(): PreviewView {
    return this.session.view;
  }

  reveal(column: vscode.ViewColumn | undefined, preserveFocus: boolean): void {
    this.panel.reveal(column, preserveFocus);
  }

  /** An open document was analyzed again. */
  documentChanged(uri: string): void {
    this.session.documentChanged(uri);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.session.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
    this.activeEmitter.dispose();
  }

  /** The preview's report source: the services' report of the document's current text. */
  private async reportOf(uri: string, request: ReportRequest): Promise<DocumentReport> {
    const target = vscode.Uri.parse(uri);
    // Opening a closed untitled document would create a new, empty one: say what happened instead.
    if (target.scheme === 'untitled' && !vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri)) {
      throw new Error(`${fileName(target)} was closed without being saved, so there is nothing left to report on.`);
    }
    const document = await openDocument(target);
    return { ...(await this.env.services.previewReport(document, { omitBodyOnErrors: request.omitBodyOnErrors, view: request.view, ...(request.assessor !== undefined ? { assessor: request.assessor } : {}) })), uri };
  }

  private onMessage(raw: unknown): void {
    const message = parseWebviewMessage(raw);
    if (!message) {
      this.env.log('Preview: ignored a message of unexpected shape from the report page.');
      return;
    }
    switch (message.type) {
      case 'ready':
        this.session.pageReady();
        break;
      case 'reveal': {
        // Only in the document the page shows: a click may land while the preview switches documents.
        const target = this.session.revealTarget(message);
        if (target) void revealSource(vscode.Uri.parse(target.uri), target.offset, this.panel.viewColumn).catch((error) => this.report(vscode.l10n.t('Could not show the source'), error));
        break;
      }
      case 'openLink': {
        const base = this.session.linkDocument(message);
        if (base) void this.openLink(message.href, vscode.Uri.parse(base)).catch((error) => this.report(vscode.l10n.t('Could not open the link'), error));
        break;
      }
      case 'setView':
        this.session.setView(message.view);
        break;
      case 'setAssessor':
        this.session.setAssessor(message.assessor ?? undefined);
        break;
      case 'answer': {
        const target = this.session.answerDocument(message);
        if (!target) break;
        // One edit at a time, in the order chosen: each is worked out on the text the one before left.
        this.answers = this.answers.then(() => this.answer(vscode.Uri.parse(target), message)).catch((error) => this.refuse(message, errorText(error)));
        break;
      }
      case 'addAssessor': {
        const target = this.session.answerDocument(message);
        if (!target) break;
        // In line with the answers: an answer chosen before it is written on the text before it.
        this.answers = this.answers.then(() => this.addAssessor(vscode.Uri.parse(target), message)).catch((error) => this.refuseAssessor(message, 'file', errorText(error)));
        break;
      }
    }
  }

  /**
   * Writes a choice of the questionnaire into the document: the language server works out the
   * edit on the text it has (the core's answerEdits), and it is applied here as an ordinary edit,
   * which the editor's undo takes back.
   */
  private async answer(uri: vscode.Uri, message: DocumentVersion & AnswerMessage): Promise<void> {
    const document = await openDocument(uri);
    const { dimension, criterion, answer, note, evidence, assessor } = message;
    const change = { dimension, criterion, ...(answer !== undefined ? { answer } : {}), ...(note !== undefined ? { note } : {}), ...(evidence !== undefined ? { evidence } : {}) };
    const result = await this.atCurrentVersion(document, (version) => this.env.services.answerEdits(document, version, [change], assessor));
    if (!result) return this.refuse(message, vscode.l10n.t('{0} kept changing while the answer was being written. Try again.', fileName(uri)));
    if ('problems' in result) return this.refuse(message, result.problems.map((p) => p.message).join(' '));
    if ('refused' in result) return this.refuse(message, result.refused);
    if (result.edits.length > 0 && !(await applyEdits(document, result.edits))) this.refuse(message, notApplied(uri));
  }

  /**
   * Adds the assessor the questionnaire's form names, and edits their answers from then on: the
   * language server works out their response on the text it has (the core's addAssessorEdits),
   * applied here as one ordinary edit, which the editor's undo takes back.
   */
  private async addAssessor(uri: vscode.Uri, message: DocumentVersion & NewAssessorMessage): Promise<void> {
    const document = await openDocument(uri);
    const { name, role, date, consensus } = message;
    const result = await this.atCurrentVersion(document, (version) => this.env.services.assessorEdits(document, version, { name, date, ...(role !== undefined ? { role } : {}), ...(consensus !== undefined ? { consensus } : {}) }));
    if (!result) return this.refuseAssessor(message, 'file', vscode.l10n.t('{0} kept changing while the assessor was being added. Try again.', fileName(uri)));
    if ('refused' in result) return this.refuseAssessor(message, result.field, result.refused);
    if (!(await applyEdits(document, result.edits))) return this.refuseAssessor(message, 'file', notApplied(uri));
    this.session.assessorAdded(uri.toString(), result.id);
  }

  /**
   * What the language server works out for the document's current version; asked again (up to
   * three times) when the user typed past that version meanwhile, then undefined.
   */
  private async atCurrentVersion<T>(document: vscode.TextDocument, compute: (version: number) => Promise<T>): Promise<T | undefined> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const version = document.version;
      const result = await compute(version);
      if (document.version === version) return result;
      // The text moved on while the edit was worked out: work it out again once the server has the new text.
      await this.analysisOf(document, ANSWER_RETRY_WAIT_MS);
    }
    return undefined;
  }

  /** Resolves once the language server has checked the document's current version, or after `ms`. */
  private analysisOf(document: vscode.TextDocument, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const version = document.version;
      const done = () => {
        clearTimeout(timer);
        listener.dispose();
        resolve();
      };
      const timer = setTimeout(done, ms);
      const listener = this.env.services.onDidAnalyze((summary) => {
        if (summary.uri === document.uri.toString() && summary.version >= version) done();
      });
    });
  }

  /** Says why an answer was not written, beside its criterion in the page and in the log. */
  private refuse(message: DocumentVersion & AnswerMessage, reason: string): void {
    this.env.log(`Preview: an answer to ${message.criterion} was not written: ${reason}`);
    const told = this.session.answerRefused({ uri: message.uri, dimension: message.dimension, criterion: message.criterion, message: reason });
    if (!told) void vscode.window.showWarningMessage(vscode.l10n.t('The answer to {0} was not written: {1}', message.criterion, reason));
  }

  /** Says why an assessor was not added, under the form in the page (at the field at fault) and in the log. */
  private refuseAssessor(message: DocumentVersion & NewAssessorMessage, field: NewAssessorField, reason: string): void {
    this.env.log(`Preview: the assessor ${JSON.stringify(message.name)} was not added: ${reason}`);
    const told = this.session.assessorRefused({ uri: message.uri, field, message: reason });
    if (!told) void vscode.window.showWarningMessage(vscode.l10n.t('The assessor {0} was not added: {1}', message.name, reason));
  }

  private async openLink(href: string, documentUri: vscode.Uri): Promise<void> {
    const target = classifyLink(href, documentUri.toString());
    switch (target.kind) {
      case 'external':
        await vscode.env.openExternal(vscode.Uri.parse(target.uri, true));
        return;
      case 'workspace': {
        const uri = vscode.Uri.parse(target.uri, true);
        try {
          await vscode.workspace.fs.stat(uri);
        } catch {
          void vscode.window.showWarningMessage(vscode.l10n.t('The linked file {0} does not exist. Check the path in {1}.', vscode.workspace.asRelativePath(uri), fileName(documentUri)));
          return;
        }
        await vscode.commands.executeCommand('vscode.open', uri, { viewColumn: this.editorColumn() });
        return;
      }
      case 'refused':
        void vscode.window.showWarningMessage(target.reason);
        return;
    }
  }

  /** Where to open things the user clicks: beside the preview rather than over it. */
  private editorColumn(): vscode.ViewColumn {
    const column = this.panel.viewColumn;
    return column !== undefined && column > vscode.ViewColumn.One ? column - 1 : vscode.ViewColumn.Beside;
  }

  private report(what: string, error: unknown): void {
    const text = errorText(error);
    this.env.log(`Preview: ${what}: ${text}`);
    void vscode.window.showErrorMessage(`${what}. ${text}`);
  }
}

/** Applies edits the language server worked out as one edit of the document, which the editor's undo takes back; false when VS Code did not. */
async function applyEdits(document: vscode.TextDocument, edits: readonly LspTextEdit[]): Promise<boolean> {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(document.uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
  return vscode.workspace.applyEdit(edit);
}

function notApplied(uri: vscode.Uri): string {
  return vscode.l10n.t('VS Code did not apply the edit to {0}; the file may be read-only.', fileName(uri));
}

/** The open document with this URI, or the file opened (not shown) when it was closed. */
export async function openDocument(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key) ?? vscode.workspace.openTextDocument(uri);
}

