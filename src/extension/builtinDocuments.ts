import * as vscode from 'vscode';
import type { RubricsClient } from './client';

/** The scheme of the built-in rubrics' read-only documents (the same as the engine's). */
export const BUILTIN_SCHEME = 'rubrics-builtin';

/**
 * Read-only documents for the built-in rubrics (`rubrics-builtin:/seven-attributes.rubric.yaml`),
 * where go to definition lands for assessments that use them. The text comes from the server.
 */
export class BuiltinRubricProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly client: RubricsClient) {}

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const text = await this.client.builtinText(uri.toString()).catch(() => undefined);
    if (token.isCancellationRequested) return '';
    return text ?? vscode.l10n.t('# There is no built-in rubric at {0}.\n', uri.toString());
  }
}

export function registerBuiltinDocuments(client: RubricsClient): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(BUILTIN_SCHEME, new BuiltinRubricProvider(client));
}
