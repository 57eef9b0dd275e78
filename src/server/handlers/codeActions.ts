import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import { onCheckedRequest } from '../checkedMessages';
import type { ServerContext } from '../context';
import { DIAGNOSTIC_SOURCE, toDiagnostic, toWorkspaceEdit } from '../convert';
import { quickFixes } from '../core';
import { PARAMS } from '../params';

/**
 * `textDocument/codeAction`: the core's quick fixes for the problems the editor shows in the
 * range, each attached to the very diagnostic it fixes.
 */
export function registerCodeActions({ connection, session, store }: ServerContext): void {
  onCheckedRequest(connection, 'textDocument/codeAction', PARAMS.codeAction, ({ textDocument, range, context }: CodeActionParams) =>
    store.atCurrent(textDocument.uri, async (doc) => {
      if (context.only && !context.only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`) || kind === CodeActionKind.Empty)) return [];
      const shown = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
      if (!shown.length) return [];
      const start = Math.min(doc.offsetAt(range.start), ...shown.map((d) => doc.offsetAt(d.range.start)));
      const end = Math.max(doc.offsetAt(range.end), ...shown.map((d) => doc.offsetAt(d.range.end)));
      const actions: CodeAction[] = [];
      for (const fix of quickFixes(await store.analyses.analysisOf(doc), { start, end })) {
        const wanted = toDiagnostic(doc, fix.diagnostic);
        const diagnostic = shown.find((d) => d.code === wanted.code && d.message === wanted.message && sameRange(d.range, wanted.range));
        if (!diagnostic) continue; // a fix for a problem the editor does not show (yet) would confuse
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred, edit: toWorkspaceEdit(doc, fix.edits, session.takesVersionedEdits) });
      }
      return actions;
    }),
  );
}

function sameRange(a: { start: { line: number; character: number }; end: { line: number; character: number } }, b: typeof a): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
