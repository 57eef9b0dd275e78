import type { DiagnosticCollector } from '../diagnostics/collector';
import type { DiagnosticCode } from '../diagnostics/codes';
import type { Severity, SuggestedFix } from '../diagnostics/types';
import type { Range } from '../text/range';
import { closestMatch } from '../text/suggest';
import { diagnosticRange, locate, type Path } from '../yaml/locate';
import type { ParsedYamlDocument } from '../yaml/types';

/** What a semantic rule needs: the document (for positions) and where to report. */
export class RuleContext {
  constructor(readonly doc: ParsedYamlDocument, readonly out: DiagnosticCollector) {}

  /** The range to underline for a path: its value, or `key` to prefer the key. */
  at(path: Path, prefer: 'key' | 'value' = 'value'): Range {
    return diagnosticRange(this.doc, path, prefer);
  }

  keyAt(path: Path): Range {
    const found = locate(this.doc, path);
    return found.key ?? found.value;
  }

  report(code: DiagnosticCode, message: string, range: Range, extra?: { severity?: Severity; fixes?: SuggestedFix[]; data?: Record<string, unknown> }): void {
    this.out.report(code, message, range, extra);
  }

  /**
   * Reports an id that does not exist among `known`, with a "did you mean" and a quick fix when
   * a close match exists.
   */
  reportUnknownId(code: DiagnosticCode, message: string, range: Range, id: string, known: Iterable<string>): void {
    const suggestion = closestMatch(id, known);
    this.report(code, suggestion ? `${message} Did you mean "${suggestion}"?` : message, range, {
      fixes: suggestion ? [{ title: `Change to "${suggestion}"`, replacement: suggestion, range }] : [],
      data: suggestion ? { suggestion } : undefined,
    });
  }
}

/** A YYYY-MM-DD string that names a real day (the schema checks only the form). */
export function isRealDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function checkDate(ctx: RuleContext, value: string | undefined, path: Path): boolean {
  if (value === undefined) return false;
  if (isRealDate(value)) return true;
  ctx.report('invalid-date', `"${value}" is not a real calendar date. Check the month and the day.`, ctx.at(path));
  return false;
}

const SAFE_LINK = /^(https?:|mailto:|\.{0,2}\/|#|[^:]*$)/i;

/** Evidence and reference links must be web addresses or relative paths: reports refuse the rest. */
export function checkLink(ctx: RuleContext, link: string, path: Path): void {
  if (SAFE_LINK.test(link.trim())) return;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(link.trim())?.[1] ?? 'this';
  ctx.report('unsafe-link', `Links with the "${scheme}:" scheme are refused in reports. Use an https:// address or a relative path.`, ctx.at(path));
}

/** Months between two real dates, as a decimal. */
export function monthsBetween(start: string, end: string): number {
  const a = new Date(`${start}T00:00:00Z`);
  const b = new Date(`${end}T00:00:00Z`);
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth()) + (b.getUTCDate() - a.getUTCDate() + 1) / 30.44;
}
