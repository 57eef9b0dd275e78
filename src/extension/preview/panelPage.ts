import * as vscode from 'vscode';

/** A webview panel's page as a session sees it (PreviewSession, PortfolioSession): the panel's origin, its script, whether it is on screen, and how to load it and talk to it. */
export interface PanelPage<M> {
  readonly cspSource: string;
  readonly scriptUri: string;
  readonly visible: boolean;
  setHtml(html: string): void;
  postMessage(message: M): void;
}

/** The page of `panel`, whose script is at `script` (path segments under the extension root). */
export function panelPage<M>(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, script: readonly string[]): PanelPage<M> {
  const webview = panel.webview;
  return {
    get cspSource() {
      return webview.cspSource;
    },
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...script)).toString(),
    get visible() {
      return panel.visible;
    },
    setHtml: (html) => {
      webview.html = html;
    },
    postMessage: (message) => {
      // Undelivered messages (a hidden page) are fine: the page says "ready" again when it loads, and is sent what it missed.
      void Promise.resolve(webview.postMessage(message)).catch(() => undefined);
    },
  };
}
