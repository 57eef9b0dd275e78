import * as vscode from 'vscode';
import type { OutlineSymbol, SymbolKind } from '../core/language/symbols';
import { toRange, toSignal } from './convert';
import type { EngineHost } from './engineHost';

const KINDS: Readonly<Record<SymbolKind, vscode.SymbolKind>> = {
  document: vscode.SymbolKind.File,
  group: vscode.SymbolKind.Namespace,
  dimension: vscode.SymbolKind.Class,
  criterion: vscode.SymbolKind.Field,
  metric: vscode.SymbolKind.Number,
  level: vscode.SymbolKind.EnumMember,
  initiative: vscode.SymbolKind.Event,
  move: vscode.SymbolKind.Property,
  answer: vscode.SymbolKind.Field,
};

/** The outline: groups, dimensions, criteria, initiatives. It follows the debounced checks. */
export class RubricSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly host: EngineHost) {}

  async provideDocumentSymbols(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentSymbol[] | undefined> {
    if (!this.host.isRubricDocument(document)) return undefined;
    if (!(await this.host.whenAnalyzed(document, token))) return undefined;
    const uri = document.uri.toString();
    const outcome = await this.host.request('symbols', { uri, version: document.version }, toSignal(token));
    if (!outcome.ok) {
      this.host.reportFailure('Outline', outcome);
      return undefined;
    }
    const convert = (s: OutlineSymbol): vscode.DocumentSymbol => {
      const symbol = new vscode.DocumentSymbol(s.name || ' ', s.detail, KINDS[s.kind], toRange(document, s.range), toRange(document, s.selectionRange));
      symbol.children = s.children.map(convert);
      return symbol;
    };
    return outcome.value.map(convert);
  }
}
