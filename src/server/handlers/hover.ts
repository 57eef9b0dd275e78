import { onCheckedRequest } from '../checkedMessages';
import type { ServerContext } from '../context';
import { toRange } from '../convert';
import { hoverAt } from '../core';
import { PARAMS, type TextDocumentPosition } from '../params';

/** `textDocument/hover`: the core's hover text (Markdown) for what is under the cursor. */
export function registerHover({ connection, store }: ServerContext): void {
  onCheckedRequest(connection, 'textDocument/hover', PARAMS.textDocumentPosition, ({ textDocument, position }: TextDocumentPosition) =>
    store.atCurrent(textDocument.uri, async (doc) => {
      const hover = hoverAt(await store.analyses.snapshot(doc), doc.offsetAt(position));
      return hover ? { contents: { kind: 'markdown' as const, value: hover.markdown }, range: toRange(doc, hover.range) } : null;
    }),
  );
}
