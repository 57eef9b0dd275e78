import type { ClientCapabilities } from 'vscode-languageserver';
import { readSettings, type ServerSettings } from './config';
import type { RubricsInitializationOptions } from './protocol';

/**
 * What the client said about itself when it started the server (its capabilities and the Rubrics
 * initialization options) and the `rubrics.*` settings as last read. The start-up and the
 * settings handlers write it; every other module only reads it, so what a feature offers follows
 * what this client can take.
 */
export class ClientSession {
  capabilities: ClientCapabilities = {};
  options: RubricsInitializationOptions = {};
  settings: ServerSettings = readSettings(undefined);

  /** Whether the client can be asked to show CodeLens again (their levels come from other files). */
  get refreshesCodeLens(): boolean {
    return Boolean(this.capabilities.workspace?.codeLens?.refreshSupport);
  }

  /** Whether the client takes edits that name the document's version (`documentChanges`). */
  get takesVersionedEdits(): boolean {
    return Boolean(this.capabilities.workspace?.workspaceEdit?.documentChanges);
  }
}
