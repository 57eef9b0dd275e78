import * as vscode from 'vscode';
import { formatScore } from './core';
import { PREVIEW_TO_SIDE_COMMAND } from './client';
import { readConfig } from './config';
import type { DocumentSummary, RubricServices } from './services';

/** The active rubric document's overall standing in the status bar; a click opens the preview. */
export class RubricStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('rubrics.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly host: RubricServices) {
    this.item.name = vscode.l10n.t('Rubrics score');
    this.item.command = PREVIEW_TO_SIDE_COMMAND;
    this.disposables = [
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => void this.update()),
      host.onDidAnalyze((summary) => {
        if (summary.uri === vscode.window.activeTextEditor?.document.uri.toString()) this.show(summary);
      }),
      host.onDidRelease((uri) => {
        if (uri === vscode.window.activeTextEditor?.document.uri.toString()) this.item.hide();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('rubrics.statusBar')) void this.update();
      }),
    ];
    void this.update();
  }

  private async update(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !readConfig(document.uri).statusBar || !this.host.isRubricDocument(document)) {
      this.item.hide();
      return;
    }
    const summary = await this.host.summary(document).catch(() => undefined);
    if (vscode.window.activeTextEditor?.document !== document) return;
    if (summary) this.show(summary);
    else this.item.hide();
  }

  private show(summary: DocumentSummary): void {
    if (!readConfig().statusBar) return;
    const { text, tooltip } = describe(summary);
    this.item.text = text;
    this.item.tooltip = new vscode.MarkdownString(`${tooltip}\n\n_${vscode.l10n.t('Click to open the report preview.')}_`);
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

export function describe(summary: DocumentSummary): { text: string; tooltip: string } {
  const problems = summary.errors ? ` $(error) ${summary.errors}` : summary.warnings ? ` $(warning) ${summary.warnings}` : '';
  if (summary.kind === 'Assessment' && summary.overallLevel !== undefined) {
    const level = `Level ${summary.overallLevel}${summary.overallLevelName ? ` ${summary.overallLevelName}` : ''}`;
    const score = summary.overallScore !== undefined && summary.overallScore !== summary.overallLevel ? ` (${formatScore(summary.overallScore)})` : '';
    const threshold = summary.threshold !== undefined ? ` · threshold ${summary.threshold}${summary.thresholdReached ? ' $(check)' : ''}` : '';
    const target = summary.overallTarget !== undefined ? `, target ${formatScore(summary.overallTarget)}` : '';
    // A score over part of the rubric says so even in the status bar: "2/7 assessed".
    const partial = summary.coverage !== undefined ? ` · ${summary.dimensionsScored}/${summary.dimensionsTotal} assessed` : '';
    return {
      text: `$(graph) ${level}${score}${threshold}${partial}${problems}`,
      tooltip: `**${summary.title ?? 'Assessment'}**: overall ${level}${score}${target}${summary.threshold !== undefined ? `; threshold level ${summary.threshold} ${summary.thresholdReached ? 'reached' : 'not reached'}` : ''}.${summary.coverage !== undefined ? ` ${summary.coverage}: the score covers only those.` : ''}`,
    };
  }
  const icon = summary.kind === 'Plan' ? '$(milestone)' : summary.kind === 'Rubric' ? '$(book)' : '$(file)';
  const what = summary.kind ?? 'Rubrics document';
  return { text: `${icon} ${what}${problems}`, tooltip: `**${summary.title ?? what}**: ${summary.errors} error${summary.errors === 1 ? '' : 's'}, ${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}.` };
}
