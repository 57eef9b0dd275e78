import * as vscode from 'vscode';
import { toSignal } from './convert';
import type { EngineHost } from './engineHost';

/** Go to definition: from ids and references in assessments and plans to the rubric (or baseline) file. */
export class RubricDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly host: EngineHost) {}

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Location | undefined> {
    if (!this.host.isRubricDocument(document)) return undefined;
    const uri = this.host.ensureTracked(document);
    const outcome = await this.host.request('definition', { uri, version: document.version, offset: document.offsetAt(position) }, toSignal(token));
    if (!outcome.ok) {
      this.host.reportFailure('Go to definition', outcome);
      return undefined;
    }
    const target = outcome.value;
    if (!target) return undefined;
    // Lines and columns were computed from the very text the engine read (the target may not be open).
    return new vscode.Location(vscode.Uri.parse(target.uri), new vscode.Range(target.start.line, target.start.character, target.end.line, target.end.character));
  }
}
