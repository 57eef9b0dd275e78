import type { DimensionState, ReportRubric } from '../report/model';

/** Scores with up to two decimals, without trailing zeros: 3, 2.5, 2.43. */
export function formatScore(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  return String(Number(value.toFixed(2)));
}

/** A signed delta with a real minus sign: +0.5, −1, ±0. */
export function formatDelta(value: number): string {
  const rounded = Number(value.toFixed(2));
  if (rounded === 0) return '±0';
  return rounded > 0 ? `+${rounded}` : `\u2212${Math.abs(rounded)}`;
}

export function formatPercent(ratio: number | undefined): string {
  if (ratio === undefined || !Number.isFinite(ratio)) return '–';
  return `${Math.round(ratio * 100)}%`;
}

/** Rounds model numbers so JSON output is stable and free of float noise (2.3333333333333335). */
export function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

export const STATE_LABELS: Readonly<Record<DimensionState, string>> = {
  'on-target': 'On target',
  'below-target': 'Below target',
  'below-threshold': 'Below threshold',
  'at-threshold': 'At threshold',
  scored: 'Scored',
  'not-applicable': 'Not applicable',
  exempt: 'Exempt',
  'not-assessed': 'Not assessed',
  'not-rated': 'Not rated',
};

export type Tone = 'good' | 'warn' | 'bad' | 'neutral';

export const STATE_TONES: Readonly<Record<DimensionState, Tone>> = {
  'on-target': 'good',
  'below-target': 'warn',
  'below-threshold': 'bad',
  'at-threshold': 'good',
  scored: 'neutral',
  'not-applicable': 'neutral',
  exempt: 'neutral',
  'not-assessed': 'neutral',
  'not-rated': 'neutral',
};

/** "2 · Managed", or just "2" when the level has no name. */
export function levelLabel(level: number | undefined, name: string | undefined): string {
  if (level === undefined) return '–';
  return name ? `${level} · ${name}` : String(level);
}

export function thresholdLabel(rubric: ReportRubric | undefined): string | undefined {
  const threshold = rubric?.threshold;
  if (!threshold) return undefined;
  return threshold.name ? `level ${threshold.level} (${threshold.name})` : `level ${threshold.level}`;
}

/** Lower-case plural of a rubric term, for sentences: "Attribute" → "attributes". */
export function plural(term: string, count = 2): string {
  const lower = term.toLowerCase();
  if (count === 1) return lower;
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(lower)) return `${lower}es`;
  return `${lower}s`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Apr 2026" from "2026-04-01"; the input unchanged when it is not a date. */
export function monthYear(date: string): string {
  const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(date);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${month} ${m[1]}` : date;
}

export const STATUS_LABELS = {
  proposed: 'Proposed',
  planned: 'Planned',
  'in-progress': 'In progress',
  done: 'Done',
  'on-hold': 'On hold',
  cancelled: 'Cancelled',
} as const;

/** A sentence from user text: ends with a full stop unless it already ends with punctuation. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…:;]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** "Capabilities", for headings. */
export function pluralTitle(term: string): string {
  const p = plural(term);
  return p.charAt(0).toUpperCase() + p.slice(1);
}
