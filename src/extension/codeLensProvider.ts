import * as vscode from 'vscode';
import { readConfig } from './config';
import { toRange, toSignal } from './convert';
import type { EngineHost } from './engineHost';

export const OPEN_PREVIEW_TO_SIDE = 'rubrics.openPreviewToSide';

/**
 * Above each assessed dimension: its level, target, criteria met and what blocks the next
 * level. Clicking opens the report preview to the side. Follows the debounced checks.
 */
export class RubricCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changeEmitter.event;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly host: EngineHost) {
    this.disposables = [
      this.changeEmitter,
      host.onDidAnalyze(() => this.changeEmitter.fire()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('rubrics.codeLens')) this.changeEmitter.fire();
      }),
    ];
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    if (!readConfig(document.uri).codeLens || !this.host.isRubricDocument(document)) return [];
    if (!(await this.host.whenAnalyzed(document, token))) return [];
    const outcome = await this.host.request('codeLenses', { uri: document.uri.toString(), version: document.version }, toSignal(token));
    if (!outcome.ok) {
      this.host.reportFailure('CodeLens', outcome);
      return [];
    }
    return outcome.value.map((lens) => new vscode.CodeLens(toRange(document, lens.range), { title: lens.title, tooltip: lens.tooltip, command: OPEN_PREVIEW_TO_SIDE, arguments: [document.uri] }));
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
