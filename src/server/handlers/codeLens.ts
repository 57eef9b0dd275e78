import type { CodeLens } from 'vscode-languageserver';
import type { ChunkedTextDocument } from '../chunkedDocument';
import { onCheckedRequest } from '../checkedMessages';
import type { ServerContext } from '../context';
import { toRange } from '../convert';
import { codeLenses } from '../core';
import { PARAMS, type TextDocumentOnly } from '../params';

/** `textDocument/codeLens`: scores and levels above what they score, opening the client's preview where it has one. */
export function registerCodeLens(context: ServerContext): void {
  const { connection, session, store } = context;
  onCheckedRequest(connection, 'textDocument/codeLens', PARAMS.textDocument, async ({ textDocument }: TextDocumentOnly) => {
    if (!session.settings.codeLens) return [];
    return store.atCurrent(textDocument.uri, async (doc) => lenses(context, doc));
  });
}

async function lenses({ session, store }: ServerContext, doc: ChunkedTextDocument): Promise<CodeLens[]> {
  const analysis = await store.analyses.analysisOf(doc);
  const { previewCommand } = session.options;
  return codeLenses(analysis).map((lens) => ({
    range: toRange(doc, lens.range),
    command: { title: lens.title, command: previewCommand ?? '', ...(previewCommand ? { arguments: [doc.uri] } : {}) },
    // LSP commands have no tooltip: clients that show one (the VS Code extension) read it here.
    data: { tooltip: lens.tooltip },
  }));
}
