import * as vscode from 'vscode';
import { parsePortfolioState, PORTFOLIO_VIEW_TYPE } from '../../webview/portfolioProtocol';
import { PortfolioPanel, type PortfolioEnvironment } from './portfolioPanel';

export const OPEN_PORTFOLIO_COMMAND = 'rubrics.openPortfolio';

/**
 * Registers "Rubrics: Open Portfolio" (from the Command Palette: the whole workspace; from a
 * folder's context menu in the Explorer: that folder) and the restoration of its panels after a
 * reload. One panel per folder: running the command again brings it back.
 */
export function registerPortfolio(env: PortfolioEnvironment): vscode.Disposable {
  const panels = new Map<string, PortfolioPanel>();
  const adopt = (panel: PortfolioPanel): PortfolioPanel => {
    const key = panel.folder?.toString() ?? '';
    panels.set(key, panel);
    panel.onDidDispose(() => {
      if (panels.get(key) === panel) panels.delete(key);
    });
    return panel;
  };
  const disposables = [
    vscode.commands.registerCommand(OPEN_PORTFOLIO_COMMAND, (resource?: unknown) => {
      const folder = resource instanceof vscode.Uri ? resource : undefined;
      const existing = panels.get(folder?.toString() ?? '');
      if (existing) existing.reveal();
      else adopt(PortfolioPanel.create(env, folder));
    }),
    vscode.window.registerWebviewPanelSerializer(PORTFOLIO_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => {
        const folder = parsePortfolioState(state)?.folder;
        let uri: vscode.Uri | undefined;
        try {
          uri = folder !== undefined ? vscode.Uri.parse(folder, true) : undefined;
        } catch {
          uri = undefined;
        }
        adopt(PortfolioPanel.revive(panel, env, uri));
      },
    }),
  ];
  return {
    dispose() {
      for (const panel of [...panels.values()]) panel.dispose();
      for (const d of disposables) d.dispose();
    },
  };
}
