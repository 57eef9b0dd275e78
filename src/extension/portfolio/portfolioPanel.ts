import * as vscode from 'vscode';
import type { PortfolioView } from '../../server/protocol';
import { PORTFOLIO_VIEW_TYPE } from '../../webview/portfolioProtocol';
import { errorText, fileName } from '../preview/describe';
import { PREVIEW_RESOURCE_FOLDERS, PREVIEW_WEBVIEW_OPTIONS } from '../preview/options';
import { panelPage } from '../preview/panelPage';
import { revealSource } from '../preview/reveal';
import { PortfolioSession } from './portfolioSession';

/** The panel's script, under the extension root. */
export const PORTFOLIO_SCRIPT_PATH: readonly string[] = ['dist', 'webview', 'portfolio.js'];

/**
 * Quiet time after a change before the panel renders again. The workspace scan reports each
 * assessment it checks, and typing each check: 50 ms merges a burst into one render, which is
 * small beside the second a saved change may take to reach the panel (bench/editor.mjs).
 */
export const PORTFOLIO_RENDER_DELAY_MS = 50;

/** What the panel needs from the language server. */
export interface PortfolioServices {
  portfolio(folder?: string): Promise<PortfolioView>;
  /** Fires when what the portfolio is built from changed. */
  readonly onDidChangePortfolio: vscode.Event<void>;
}

export interface PortfolioEnvironment {
  readonly extensionUri: vscode.Uri;
  readonly services: PortfolioServices;
  readonly log: (message: string) => void;
}

/** The webview options of a portfolio panel: the preview's (scripts on, ours only by nonce; no forms, no command links). */
export function portfolioWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { ...PREVIEW_WEBVIEW_OPTIONS, localResourceRoots: PREVIEW_RESOURCE_FOLDERS.map((segments) => vscode.Uri.joinPath(extensionUri, ...segments)) };
}

/**
 * One portfolio panel: a VS Code webview panel driven by a PortfolioSession, over the whole
 * workspace or one folder. This class only adapts: panel events become session calls, and a
 * click on a cell opens its assessment where its dimension is.
 */
export class PortfolioPanel implements vscode.Disposable {
  private readonly session: PortfolioSession;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  private disposed = false;
  readonly onDidDispose = this.disposeEmitter.event;

  static create(env: PortfolioEnvironment, folder: vscode.Uri | undefined): PortfolioPanel {
    const panel = vscode.window.createWebviewPanel(PORTFOLIO_VIEW_TYPE, panelTitle(folder), vscode.ViewColumn.Active, portfolioWebviewOptions(env.extensionUri));
    return new PortfolioPanel(panel, env, folder);
  }

  /** Takes over a panel VS Code restored after a reload. */
  static revive(panel: vscode.WebviewPanel, env: PortfolioEnvironment, folder: vscode.Uri | undefined): PortfolioPanel {
    panel.webview.options = portfolioWebviewOptions(env.extensionUri);
    panel.title = panelTitle(folder);
    return new PortfolioPanel(panel, env, folder);
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    env: PortfolioEnvironment,
    readonly folder: vscode.Uri | undefined,
  ) {
    panel.iconPath = {
      light: vscode.Uri.joinPath(env.extensionUri, 'media', 'preview-light.svg'),
      dark: vscode.Uri.joinPath(env.extensionUri, 'media', 'preview-dark.svg'),
    };
    const webview = panel.webview;
    const folderUri = folder?.toString();
    this.session = new PortfolioSession(
      panelPage(panel, env.extensionUri, PORTFOLIO_SCRIPT_PATH),
      () => env.services.portfolio(folderUri),
      {
        delayMs: PORTFOLIO_RENDER_DELAY_MS,
        ...(folderUri !== undefined ? { folder: folderUri } : {}),
        texts: {
          title: panelTitle(folder),
          loading: vscode.l10n.t('Reading the assessments of the workspace…'),
          failed: (reason) => vscode.l10n.t('The portfolio could not be updated, so it shows an earlier version. {0}', reason),
        },
        log: env.log,
      },
    );
    this.disposables.push(
      webview.onDidReceiveMessage((raw: unknown) => {
        const target = this.session.pageMessage(raw);
        if (target) {
          void revealSource(vscode.Uri.parse(target.uri, true), target.offset, panel.viewColumn).catch((error) => {
            env.log(`Portfolio: could not open ${target.uri}: ${errorText(error)}`);
            void vscode.window.showErrorMessage(vscode.l10n.t('Could not open the assessment. {0}', errorText(error)));
          });
        }
      }),
      panel.onDidChangeViewState(() => this.session.visibilityChanged()),
      env.services.onDidChangePortfolio(() => this.session.changed()),
      panel.onDidDispose(() => this.dispose()),
    );
    this.session.start();
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.session.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
  }
}

function panelTitle(folder: vscode.Uri | undefined): string {
  return folder ? vscode.l10n.t('Portfolio: {0}', fileName(folder)) : vscode.l10n.t('Portfolio');
}
