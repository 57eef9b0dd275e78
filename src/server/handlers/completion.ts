import type { CompletionItem } from 'vscode-languageserver';
import type { ChunkedTextDocument } from '../chunkedDocument';
import { onCheckedRequest } from '../checkedMessages';
import type { ServerContext } from '../context';
import { toCompletionItem } from '../convert';
import { completionsAt, type DocumentKind } from '../core';
import type { DocumentStore } from '../documentStore';
import { PARAMS, type TextDocumentPosition } from '../params';
import { snippetCompletions } from '../snippets';

/**
 * `textDocument/completion`: the core's completions at the cursor, and snippets for clients that
 * take them. Every keystroke asks, so a very large document answers from its latest analysis
 * (OpenAnalyses.completionSnapshot).
 */
export function registerCompletion(context: ServerContext): void {
  onCheckedRequest(context.connection, 'textDocument/completion', PARAMS.textDocumentPosition, ({ textDocument, position }: TextDocumentPosition) =>
    context.store.atCurrent(textDocument.uri, (doc) => completion(context, doc, doc.offsetAt(position))),
  );
}

async function completion({ session, store }: ServerContext, doc: ChunkedTextDocument, offset: number): Promise<CompletionItem[]> {
  const snapshot = await store.analyses.completionSnapshot(doc);
  const text = doc.getText();
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineIndent = /^[ \t]*/.exec(text.slice(lineStart, offset))?.[0] ?? '';
  const completionCaps = session.capabilities.textDocument?.completion?.completionItem;
  const adjustsIndentation = completionCaps?.insertTextModeSupport?.valueSet.includes(2) ?? false;
  const entries = await completionsAt(snapshot, offset, { listDocuments: (kind) => listDocuments(store, kind) });
  const { retriggerCommand } = session.options;
  const items = entries.map((entry) => toCompletionItem(doc, entry, { adjustsIndentation, lineIndent, ...(retriggerCommand ? { retriggerCommand } : {}) }));
  if (completionCaps?.snippetSupport) items.push(...snippetCompletions(snapshot, text, offset, doc, { adjustsIndentation, lineIndent }));
  return items;
}

/** The files a `rubric:` (or `baseline:`) value may name: those checked as of that kind, and those named like one. */
async function listDocuments(store: DocumentStore, kind: DocumentKind): Promise<string[]> {
  const uris = new Set<string>(store.knownOfKind(kind));
  for (const uri of await store.files.findFiles(store.ownership.folders, `**/*.${kind.toLowerCase()}.{yaml,yml}`, 500)) uris.add(uri);
  return [...uris].sort();
}
