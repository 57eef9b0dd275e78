import * as vscode from 'vscode';
import type { CompletionKind } from '../core/language/completion';
import { toRange, toSignal } from './convert';
import type { EngineHost } from './engineHost';

const KINDS: Readonly<Record<CompletionKind, vscode.CompletionItemKind>> = {
  key: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.Value,
  level: vscode.CompletionItemKind.EnumMember,
  dimension: vscode.CompletionItemKind.Class,
  criterion: vscode.CompletionItemKind.Field,
  metric: vscode.CompletionItemKind.Unit,
  answer: vscode.CompletionItemKind.EnumMember,
  initiative: vscode.CompletionItemKind.Event,
  rubric: vscode.CompletionItemKind.Module,
  file: vscode.CompletionItemKind.File,
  group: vscode.CompletionItemKind.Folder,
  scale: vscode.CompletionItemKind.Enum,
};

/** Completion in rubric documents: keys and values from the schemas, ids and levels from the rubric. */
export class RubricCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly host: EngineHost) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.CompletionItem[] | undefined> {
    if (!this.host.isRubricDocument(document)) return undefined;
    const uri = this.host.ensureTracked(document);
    const outcome = await this.host.request('completion', { uri, version: document.version, offset: document.offsetAt(position) }, toSignal(token));
    if (!outcome.ok) {
      this.host.reportFailure('Completion', outcome);
      return undefined;
    }
    return outcome.value.map((entry) => {
      const item = new vscode.CompletionItem(entry.label, KINDS[entry.kind]);
      item.insertText = entry.insertText;
      item.range = toRange(document, entry.replace);
      item.sortText = entry.sortText;
      if (entry.filterText) item.filterText = entry.filterText;
      if (entry.detail) item.detail = entry.detail;
      if (entry.documentation) item.documentation = new vscode.MarkdownString(entry.documentation);
      if (entry.preselect) item.preselect = true;
      if (entry.retrigger) item.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
      return item;
    });
  }
}
