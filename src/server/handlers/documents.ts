import { FileChangeType, type DidChangeTextDocumentParams, type DidCloseTextDocumentParams, type DidOpenTextDocumentParams } from 'vscode-languageserver';
import type { DocumentChecks } from '../checks';
import { checkedNotification } from '../checkedMessages';
import type { ServerContext } from '../context';
import { PARAMS } from '../params';

/** How long a YAML document that is not ours waits before it is looked at again (it may just be getting its apiVersion line). */
const RECLASSIFY_DELAY_MS = 300;

/**
 * The open documents follow the editor's notifications, and files changed on disk are checked
 * again. Each notification is checked first: a change with a position that is not a number would
 * otherwise be applied at a guessed place and make the document's positions null. Such a change
 * is left out with a line in the log (the document stays as it was until the editor sends it again).
 */
export function registerDocumentSync({ connection, session, store }: ServerContext, checks: DocumentChecks): void {
  connection.onDidOpenTextDocument(
    checkedNotification(connection, 'textDocument/didOpen', PARAMS.didOpen, ({ textDocument: d }: DidOpenTextDocumentParams) => {
      store.opened(d.uri, d.languageId, d.version, d.text);
      checks.schedule(d.uri, 0, true);
    }),
  );
  connection.onDidChangeTextDocument(
    checkedNotification(connection, 'textDocument/didChange', PARAMS.didChange, ({ textDocument: { uri, version }, contentChanges }: DidChangeTextDocumentParams) => {
      if (!store.changed(uri, contentChanges, version)) return;
      const delay = store.isOwned(uri) ? session.settings.delay : Math.max(RECLASSIFY_DELAY_MS, session.settings.delay);
      checks.schedule(uri, delay, true);
    }),
  );
  connection.onDidCloseTextDocument(
    checkedNotification(connection, 'textDocument/didClose', PARAMS.didClose, ({ textDocument: { uri } }: DidCloseTextDocumentParams) => {
      if (store.closed(uri)) checks.closed(uri);
    }),
  );
  connection.onDidChangeWatchedFiles(
    checkedNotification(connection, 'workspace/didChangeWatchedFiles', PARAMS.didChangeWatchedFiles, ({ changes }: { changes: { uri: string; type: number }[] }) => {
      for (const change of changes) {
        if (change.type === FileChangeType.Deleted) checks.fileDeleted(change.uri);
        else checks.fileChangedOnDisk(change.uri);
      }
    }),
  );
}
