import {
  CompletionItemKind,
  DiagnosticSeverity,
  DiagnosticTag,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  SymbolKind as LspSymbolKind,
  TextDocumentEdit,
  type CompletionItem,
  type Diagnostic as LspDiagnostic,
  type DocumentSymbol,
  type Range as LspRange,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { CompletionEntry, CompletionKind, Diagnostic, OutlineSymbol, Range, Severity, SymbolKind, TextEditData } from './core';

/**
 * The engine's results (offsets into the text) as LSP values (lines and UTF-16 characters), at
 * the edge. Positions come from the text the result was computed for: the open document's, or a
 * closed file's line index.
 */
export interface Positions {
  positionAt(offset: number): { line: number; character: number };
}

export function toRange(positions: Positions, range: Range): LspRange {
  return { start: positions.positionAt(range.start), end: positions.positionAt(range.end) };
}

export const DIAGNOSTIC_SOURCE = 'rubrics';

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
};

/** Codes whose range editors fade, as they do for unused code. */
const UNNECESSARY = new Set(['level-ignored']);

export function toDiagnostic(positions: Positions, d: Pick<Diagnostic, 'code' | 'severity' | 'message' | 'range'>): LspDiagnostic {
  return {
    range: toRange(positions, d.range),
    severity: SEVERITY[d.severity],
    code: d.code,
    source: DIAGNOSTIC_SOURCE,
    message: d.message,
    ...(UNNECESSARY.has(d.code) ? { tags: [DiagnosticTag.Unnecessary] } : {}),
  };
}

const COMPLETION_KINDS: Readonly<Record<CompletionKind, CompletionItemKind>> = {
  key: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  level: CompletionItemKind.EnumMember,
  dimension: CompletionItemKind.Class,
  criterion: CompletionItemKind.Field,
  metric: CompletionItemKind.Unit,
  answer: CompletionItemKind.EnumMember,
  initiative: CompletionItemKind.Event,
  rubric: CompletionItemKind.Module,
  file: CompletionItemKind.File,
  group: CompletionItemKind.Folder,
  scale: CompletionItemKind.Enum,
};

export interface CompletionStyle {
  /** The client adjusts the indentation of inserted lines itself (LSP InsertTextMode.adjustIndentation). */
  readonly adjustsIndentation: boolean;
  /** The indentation of the cursor's line, added to later lines when the client does not. */
  readonly lineIndent: string;
  readonly retriggerCommand?: string;
}

/**
 * A completion as an LSP item. Later lines of a multi-line insert are relative to the cursor
 * line's indentation: the client adds it where it can, otherwise the text carries it.
 */
export function toCompletionItem(positions: Positions, entry: CompletionEntry, style: CompletionStyle): CompletionItem {
  const multiLine = entry.insertText.includes('\n');
  const newText = multiLine && !style.adjustsIndentation ? indentLaterLines(entry.insertText, style.lineIndent) : entry.insertText;
  return {
    label: entry.label,
    kind: COMPLETION_KINDS[entry.kind],
    textEdit: { range: toRange(positions, entry.replace), newText },
    insertTextFormat: InsertTextFormat.PlainText,
    ...(multiLine ? { insertTextMode: style.adjustsIndentation ? InsertTextMode.adjustIndentation : InsertTextMode.asIs } : {}),
    sortText: entry.sortText,
    ...(entry.filterText ? { filterText: entry.filterText } : {}),
    ...(entry.detail ? { detail: entry.detail } : {}),
    ...(entry.documentation ? { documentation: { kind: MarkupKind.Markdown, value: entry.documentation } } : {}),
    ...(entry.preselect ? { preselect: true } : {}),
    ...(entry.retrigger && style.retriggerCommand ? { command: { title: 'Suggest', command: style.retriggerCommand } } : {}),
  };
}

export function indentLaterLines(text: string, indent: string): string {
  return indent ? text.replace(/\n(?=.)/g, `\n${indent}`) : text;
}

const SYMBOL_KINDS: Readonly<Record<SymbolKind, LspSymbolKind>> = {
  document: LspSymbolKind.File,
  group: LspSymbolKind.Namespace,
  dimension: LspSymbolKind.Class,
  criterion: LspSymbolKind.Field,
  metric: LspSymbolKind.Number,
  level: LspSymbolKind.EnumMember,
  initiative: LspSymbolKind.Event,
  move: LspSymbolKind.Property,
  answer: LspSymbolKind.Field,
};

export function toDocumentSymbol(positions: Positions, symbol: OutlineSymbol): DocumentSymbol {
  return {
    // Editors reject symbols without a name.
    name: symbol.name || ' ',
    ...(symbol.detail ? { detail: symbol.detail } : {}),
    kind: SYMBOL_KINDS[symbol.kind],
    range: toRange(positions, symbol.range),
    selectionRange: toRange(positions, symbol.selectionRange),
    children: symbol.children.map((child) => toDocumentSymbol(positions, child)),
  };
}

export function toTextEdit(positions: Positions, edit: TextEditData): TextEdit {
  return { range: toRange(positions, edit.range), newText: edit.newText };
}

/**
 * Edits of an open document as one workspace edit. With its version (`versioned`: the client takes
 * `documentChanges`), the editor refuses an edit computed for text the user has changed since.
 */
export function toWorkspaceEdit(doc: Positions & { readonly uri: string; readonly version: number }, edits: readonly TextEditData[], versioned: boolean): WorkspaceEdit {
  const textEdits = edits.map((e) => toTextEdit(doc, e));
  if (versioned) return { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, textEdits)] };
  return { changes: { [doc.uri]: textEdits } };
}
