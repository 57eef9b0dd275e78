import * as vscode from 'vscode';
import { PREVIEW_VIEW_TYPE, parsePreviewState, type PreviewView } from '../../webview/protocol';
import type { RubricServices } from '../services';
import { exportReport } from './exportReport';
import { openDocument, ReportPreview, type PreviewEnvironment } from './reportPreview';
import { RubricDocumentContext } from './rubricDocumentContext';

export const PREVIEW_COMMANDS = {
  openPreview: 'rubrics.openPreview',
  openPreviewToSide: 'rubrics.openPreviewToSide',
  exportReport: 'rubrics.exportReport',
  answerQuestionnaire: 'rubrics.answerQuestionnaire',
} as const;

/**
 * Registers the report preview (its commands, the panel that follows the active rubric document,
 * and its restoration after a reload) and "Export Report". Called once from activate().
 */
export function registerPreview(context: vscode.ExtensionContext, services: RubricServices, log: (message: string) => void = () => undefined): void {
  context.subscriptions.push(new PreviewController(context, services, log));
}

class PreviewController implements vscode.Disposable {
  private readonly previews = new Set<ReportPreview>();
  /** The preview commands act on: the one the user looked at last. */
  private current: ReportPreview | undefined;
  private readonly documents: RubricDocumentContext;
  private readonly env: PreviewEnvironment;
  private readonly disposables: vscode.Disposable[] = [];
  /**
   * The active document, when it became active before the language server said whether it is
   * ours (a file just opened from the Explorer or Quick Open): previews follow it once it has.
   */
  private awaitingFollow: string | undefined;

  constructor(context: vscode.ExtensionContext, private readonly services: RubricServices, log: (message: string) => void) {
    this.env = { extensionUri: context.extensionUri, services, log };
    this.documents = new RubricDocumentContext(services);
    this.disposables.push(
      this.documents,
      vscode.commands.registerCommand(PREVIEW_COMMANDS.openPreview, (resource?: unknown) => this.openPreview(resource, false, 'report')),
      vscode.commands.registerCommand(PREVIEW_COMMANDS.openPreviewToSide, (resource?: unknown) => this.openPreview(resource, true, 'report')),
      vscode.commands.registerCommand(PREVIEW_COMMANDS.exportReport, (resource?: unknown) => this.exportReport(resource)),
      vscode.commands.registerCommand(PREVIEW_COMMANDS.answerQuestionnaire, (resource?: unknown) => this.openPreview(resource, true, 'questionnaire')),
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state) => this.restore(panel, state),
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
      services.onDidAnalyze((summary) => {
        if (summary.uri === this.awaitingFollow) this.followAwaited();
        for (const preview of this.previews) preview.documentChanged(summary.uri);
      }),
      // Another ref to compare with: every preview shows its document's change since that one.
      ...(services.onDidChangeComparison
        ? [services.onDidChangeComparison(() => {
            for (const preview of this.previews) if (preview.documentUri) preview.documentChanged(preview.documentUri.toString());
          })]
        : []),
    );
  }

  dispose(): void {
    for (const preview of [...this.previews]) preview.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  /** Opens (or brings back) the preview on the target document, showing assessments in `view`. */
  private async openPreview(resource: unknown, toSide: boolean, view: PreviewView): Promise<void> {
    const document = await this.targetDocument(resource);
    if (!document) {
      const message = view === 'questionnaire'
        ? vscode.l10n.t('Open an assessment (a YAML file with "apiVersion: rubrics-as-code/v1" and "kind: Assessment") to answer its questionnaire.')
        : vscode.l10n.t('Open a rubric, an assessment or a plan (a YAML file with "apiVersion: rubrics-as-code/v1") to preview its report.');
      void vscode.window.showInformationMessage(message);
      return;
    }
    let preview = this.current;
    if (preview) {
      preview.show(document.uri, view);
      // An existing preview stays where the user put it; a hidden one comes back where asked.
      if (preview.visible) preview.reveal(preview.viewColumn, toSide);
      else preview.reveal(toSide ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, toSide);
      return;
    }
    preview = this.adopt(ReportPreview.create(this.env, toSide ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, toSide));
    preview.show(document.uri, view);
  }

  private async exportReport(resource: unknown): Promise<void> {
    const document = await this.targetDocument(resource);
    if (!document) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a rubric, an assessment or a plan to export its report.'));
      return;
    }
    await exportReport(this.services, document);
  }

  /** A panel VS Code restored after a reload: show what it showed before, or the active rubric document. */
  private async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const preview = this.adopt(ReportPreview.revive(panel, this.env));
    const saved = parsePreviewState(state);
    let uri: vscode.Uri | undefined;
    if (saved) {
      try {
        uri = vscode.Uri.parse(saved.uri, true);
      } catch {
        uri = undefined;
      }
    }
    uri ??= this.activeRubricDocument()?.uri;
    if (uri) preview.show(uri, saved?.view, saved?.assessor);
    else preview.showNothing();
  }

  private adopt(preview: ReportPreview): ReportPreview {
    this.previews.add(preview);
    this.current = preview;
    preview.onDidBecomeActive(() => {
      this.current = preview;
    });
    preview.onDidDispose(() => {
      this.previews.delete(preview);
      if (this.current === preview) this.current = [...this.previews].pop();
    });
    return preview;
  }

  /**
   * Previews follow the rubric document being edited; other editors leave them as they are. A
   * document the language server has not classified yet (it opened a moment ago) is followed when
   * its first check says it is ours, if it is still the active one then.
   */
  private follow(editor: vscode.TextEditor | undefined): void {
    this.awaitingFollow = undefined;
    if (!editor) return;
    if (!this.isOurs(editor.document)) {
      if (!editor.document.isClosed) this.awaitingFollow = editor.document.uri.toString();
      return;
    }
    const key = editor.document.uri.toString();
    for (const preview of this.previews) {
      if (preview.documentUri?.toString() !== key) preview.show(editor.document.uri);
    }
  }

  private followAwaited(): void {
    const editor = vscode.window.activeTextEditor;
    if (editor && editor.document.uri.toString() === this.awaitingFollow) this.follow(editor);
  }

  /**
   * The document a command acts on: the resource it was invoked on (an editor title button passes
   * it), else the active rubric editor, else the document of the active preview, else the first
   * visible rubric editor.
   */
  private async targetDocument(resource: unknown): Promise<vscode.TextDocument | undefined> {
    // An editor title button passes the Uri; a CodeLens of the language server passes it as a string.
    const uri = resource instanceof vscode.Uri ? resource : typeof resource === 'string' ? parseUri(resource) : undefined;
    if (uri) {
      try {
        return await openDocument(uri);
      } catch (error) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Could not open {0}: {1}', uri.path.slice(uri.path.lastIndexOf('/') + 1), error instanceof Error ? error.message : String(error)));
        return undefined;
      }
    }
    const active = this.activeRubricDocument();
    if (active) return active;
    const previewUri = [...this.previews].find((p) => p.active)?.documentUri;
    if (previewUri) return openDocument(previewUri).catch(() => undefined);
    return vscode.window.visibleTextEditors.map((e) => e.document).find((d) => this.isOurs(d));
  }

  private activeRubricDocument(): vscode.TextDocument | undefined {
    const document = vscode.window.activeTextEditor?.document;
    return document && this.isOurs(document) ? document : undefined;
  }

  private isOurs(document: vscode.TextDocument): boolean {
    if (this.documents.has(document)) return true;
    try {
      return this.services.isRubricDocument(document);
    } catch {
      return false;
    }
  }
}

function parseUri(text: string): vscode.Uri | undefined {
  try {
    return vscode.Uri.parse(text, true);
  } catch {
    return undefined;
  }
}
