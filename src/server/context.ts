import type { Connection } from 'vscode-languageserver';
import type { DocumentStore } from './documentStore';
import type { ClientSession } from './session';

/** What every handler module is given: the connection to register on and talk through, what the client said, and the documents. */
export interface ServerContext {
  readonly connection: Connection;
  readonly session: ClientSession;
  readonly store: DocumentStore;
}
