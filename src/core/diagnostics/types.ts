import type { Range } from '../text/range';
import type { DiagnosticCode } from './codes';

export type Severity = 'error' | 'warning' | 'information';

/** A fix the editor can offer: replace the diagnostic's range (or `range`) with `text`. */
export interface SuggestedFix {
  readonly title: string;
  readonly replacement: string;
  readonly range?: Range;
}

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  /** Structured details for quick fixes (suggested ids, missing keys, missing dimensions). */
  readonly fixes?: readonly SuggestedFix[];
  readonly data?: Readonly<Record<string, unknown>>;
}

export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, information: 2 };

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.range.start - b.range.start || a.range.end - b.range.end || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.code.localeCompare(b.code);
}
