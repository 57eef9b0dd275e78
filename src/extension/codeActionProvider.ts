import * as vscode from 'vscode';
import type { TextEditData } from '../core/language/textEdits';
import { DIAGNOSTIC_SOURCE, toRange, toSignal } from './convert';
import type { EngineHost } from './engineHost';

export const ADD_MISSING_DIMENSIONS = 'rubrics.addMissingDimensions';

/**
 * Quick fixes from the engine: replace an unknown id with the suggested one, add a missing
 * required key, add the rubric's missing dimensions. Every fix is a WorkspaceEdit of text at
 * offsets, so it can be undone and leaves comments and layout alone.
 */
export class RubricCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly host: EngineHost) {}

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[] | undefined> {
    if (!this.host.isRubricDocument(document)) return undefined;
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (!ours.length) return undefined;
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix) && !vscode.CodeActionKind.QuickFix.contains(context.only)) return undefined;
    const uri = this.host.ensureTracked(document);
    const offsets = { start: Math.min(...ours.map((d) => document.offsetAt(d.range.start)), document.offsetAt(range.start)), end: Math.max(...ours.map((d) => document.offsetAt(d.range.end)), document.offsetAt(range.end)) };
    const outcome = await this.host.request('codeActions', { uri, version: document.version, range: offsets }, toSignal(token));
    if (!outcome.ok) {
      this.host.reportFailure('Quick fixes', outcome);
      return undefined;
    }
    const actions: vscode.CodeAction[] = [];
    for (const fix of outcome.value) {
      const fixRange = toRange(document, fix.diagnostic.range);
      const diagnostic = ours.find((d) => d.code === fix.diagnostic.code && d.range.isEqual(fixRange) && d.message === fix.diagnostic.message);
      if (!diagnostic) continue; // a fix for a problem the editor does not show (yet) would confuse
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.isPreferred = fix.preferred;
      action.edit = workspaceEdit(document, fix.edits);
      actions.push(action);
    }
    return actions;
  }
}

export function workspaceEdit(document: vscode.TextDocument, edits: readonly TextEditData[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(document.uri, toRange(document, e.range), e.newText);
  return edit;
}

/** The `rubrics.addMissingDimensions` command: adds every dimension of the rubric the active assessment lacks. */
export async function addMissingDimensionsCommand(host: EngineHost): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const document = editor?.document;
  if (!document || !host.isRubricDocument(document)) {
    void vscode.window.showInformationMessage('Open an assessment to add the dimensions of its rubric that it does not assess yet.');
    return;
  }
  const uri = host.ensureTracked(document);
  const outcome = await host.atCurrentVersion(document, (version) => host.request('addMissingDimensions', { uri, version }));
  if (!outcome.ok) {
    void vscode.window.showWarningMessage(`Rubrics: could not add the missing dimensions (${outcome.error.message}).`);
    return;
  }
  if (outcome.value.length === 0) {
    void vscode.window.showInformationMessage('This document assesses every dimension of its rubric already (or it is not an assessment whose rubric could be read).');
    return;
  }
  await vscode.workspace.applyEdit(workspaceEdit(document, outcome.value));
}
