import * as vscode from 'vscode';
import { toRange, toSignal } from './convert';
import type { EngineHost } from './engineHost';

/** Hovers: level names and descriptors, criteria, dimensions with their current score, key descriptions. */
export class RubricHoverProvider implements vscode.HoverProvider {
  constructor(private readonly host: EngineHost) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    if (!this.host.isRubricDocument(document)) return undefined;
    const uri = this.host.ensureTracked(document);
    const outcome = await this.host.request('hover', { uri, version: document.version, offset: document.offsetAt(position) }, toSignal(token));
    if (!outcome.ok) {
      this.host.reportFailure('Hover', outcome);
      return undefined;
    }
    if (!outcome.value) return undefined;
    // The text comes from the user's files: no command links, no raw HTML.
    const markdown = new vscode.MarkdownString(outcome.value.markdown);
    markdown.isTrusted = false;
    markdown.supportHtml = false;
    return new vscode.Hover(markdown, toRange(document, outcome.value.range));
  }
}
