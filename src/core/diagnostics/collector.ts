import type { Range } from '../text/range';
import { defaultSeverity, type DiagnosticCode } from './codes';
import type { Diagnostic, Severity, SuggestedFix } from './types';

/** Gathers diagnostics for one file; rules call `report` and never build Diagnostic objects by hand. */
export class DiagnosticCollector {
  readonly items: Diagnostic[] = [];

  report(
    code: DiagnosticCode,
    message: string,
    range: Range,
    extra: { severity?: Severity; fixes?: SuggestedFix[]; data?: Record<string, unknown> } = {},
  ): void {
    this.items.push({
      code,
      severity: extra.severity ?? defaultSeverity(code),
      message,
      range,
      ...(extra.fixes && extra.fixes.length ? { fixes: extra.fixes } : {}),
      ...(extra.data ? { data: extra.data } : {}),
    });
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }
}
