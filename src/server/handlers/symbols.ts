import { onCheckedRequest } from '../checkedMessages';
import type { ServerContext } from '../context';
import { toDocumentSymbol } from '../convert';
import { documentSymbols } from '../core';
import { PARAMS, type TextDocumentOnly } from '../params';

/** `textDocument/documentSymbol`: the outline of a document (its dimensions, criteria, initiatives...). */
export function registerSymbols({ connection, store }: ServerContext): void {
  onCheckedRequest(connection, 'textDocument/documentSymbol', PARAMS.textDocument, ({ textDocument }: TextDocumentOnly) =>
    store.atCurrent(textDocument.uri, async (doc) => documentSymbols(await store.analyses.analysisOf(doc)).map((s) => toDocumentSymbol(doc, s))),
  );
}
