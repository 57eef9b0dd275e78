import * as vscode from 'vscode';
import { BUILTIN_SCHEME } from '../core/builtins';
import type { EngineHost } from './engineHost';

/**
 * Read-only documents for the built-in rubrics (`rubrics-builtin:/seven-attributes.rubric.yaml`),
 * where go to definition lands for assessments that use them. The text comes from the engine.
 */
export class BuiltinRubricProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly host: EngineHost) {}

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const outcome = await this.host.request('builtinText', { uri: uri.toString() });
    if (token.isCancellationRequested) return '';
    if (outcome.ok && outcome.value !== null) return outcome.value;
    return `# There is no built-in rubric at ${uri.toString()}.\n`;
  }
}

export function registerBuiltinDocuments(host: EngineHost): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(BUILTIN_SCHEME, new BuiltinRubricProvider(host));
}
