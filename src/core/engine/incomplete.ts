// The diagnostics that say why a document was not fully checked, which the per-file cap keeps.
import type { DiagnosticCollector } from '../diagnostics/collector';
import type { Diagnostic } from '../diagnostics/types';
import type { BudgetExceeded } from '../document/budget';
import type { FileState, Staged } from './staging';

/**
 * The diagnostics that say why a document was not fully checked (a budget run out, a referenced
 * file that was not read): whatever sets `incomplete` also reports one of these, and the per-file
 * cap never drops them, so the editor, which shows only diagnostics, always shows why.
 */
export const EXPLAINS_INCOMPLETE = new WeakSet<Diagnostic>();

export function markLastAsExplaining(out: DiagnosticCollector): void {
  const last = out.items[out.items.length - 1];
  if (last) EXPLAINS_INCOMPLETE.add(last);
}

/** The diagnostic of a document whose budget ran out, and the sentence for FileAnalysis.incomplete. */
export function budgetReport(stopped: BudgetExceeded, s: Staged, state: FileState, out: DiagnosticCollector): string {
  const limit = stopped.limit.toLocaleString('en-US');
  const range = s.doc.firstKeyRange() ?? { start: s.doc.documentRange.start, end: s.doc.documentRange.start };
  out.report(
    'budget-exceeded',
    `Checking this document needed more than its budget of ${limit} work units, so it stopped during ${stopped.stage}: problems found after that are missing, and the document counts as not fully checked. Documents that repeat much of their data through aliases can get here; write the repeated parts out, or split the document.`,
    range,
  );
  markLastAsExplaining(out);
  const which = state.located.documents.length === 1 ? 'The document' : `Document ${s.index + 1}${s.kind ? ` (${s.kind})` : ''}`;
  return `${which} needed more than its work budget of ${limit} units; checking stopped during ${stopped.stage}.`;
}
