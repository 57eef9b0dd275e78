import type { Evidence, Rubric } from '../format/types';
import { DAY_MS, dayStart, isRealDate } from './dates';

/**
 * How old evidence is, and whether it is still current. Evidence may say when it was true
 * (`asOf`); a rubric, or an assessment for itself, says how long evidence stays valid
 * (`evidenceValidFor`, an ISO 8601 duration such as P12M). Evidence older than that on the
 * assessment's date is stale. The rules, scoring, reports and the history ask here, so "stale"
 * means the same everywhere.
 */

/** An ISO 8601 duration of whole calendar units (P1Y, P12M, P2W, P90D, P1Y6M). */
export interface Duration {
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
}

/** The form the schemas accept (`common.schema.json#/$defs/duration`). */
const DURATION = /^P(?=[0-9])(?:([0-9]+)Y)?(?:([0-9]+)M)?(?:([0-9]+)W)?(?:([0-9]+)D)?$/;

export function parseDuration(text: string): Duration | undefined {
  const m = DURATION.exec(text);
  if (!m) return undefined;
  return { years: Number(m[1] ?? 0), months: Number(m[2] ?? 0), weeks: Number(m[3] ?? 0), days: Number(m[4] ?? 0) };
}

/**
 * A real date plus a duration, as a calendar reads it: years and months first, a day past the end
 * of the month clamped to its last day (2024-01-31 plus P1M is 2024-02-29), then weeks and days.
 */
export function addDuration(date: string, d: Duration): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const months = year * 12 + (month - 1) + d.years * 12 + d.months;
  const y = Math.floor(months / 12);
  const m = months % 12;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const shifted = Date.UTC(y, m, Math.min(day, lastDay)) + (d.weeks * 7 + d.days) * DAY_MS;
  return new Date(shifted).toISOString().slice(0, 10);
}

/** What an assessment's evidence is held to. */
export interface EvidencePolicy {
  /** The validity as written (P12M), from the assessment or else its rubric; absent when neither sets one. */
  readonly validFor?: string;
  readonly duration?: Duration;
  /** Who set the validity. */
  readonly setBy?: 'rubric' | 'assessment';
  /** The rubric's choice (`scoring.staleEvidence: noCredit`): a positive answer to a criterion that requires evidence, resting only on stale evidence, earns no credit. */
  readonly staleLosesCredit: boolean;
}

export const NO_EVIDENCE_POLICY: EvidencePolicy = Object.freeze({ staleLosesCredit: false });

/** The policy of an assessment: its own `evidenceValidFor`, else its rubric's; the credit rule is the rubric's alone. */
export function evidencePolicy(rubric: Pick<Rubric, 'evidenceValidFor' | 'scoring'> | undefined, assessmentValidFor: string | undefined): EvidencePolicy {
  const staleLosesCredit = rubric?.scoring?.staleEvidence === 'noCredit';
  const [validFor, setBy] = assessmentValidFor !== undefined ? [assessmentValidFor, 'assessment' as const] : rubric?.evidenceValidFor !== undefined ? [rubric.evidenceValidFor, 'rubric' as const] : [undefined, undefined];
  const duration = validFor !== undefined ? parseDuration(validFor) : undefined;
  if (!duration || validFor === undefined || setBy === undefined) return staleLosesCredit ? { staleLosesCredit } : NO_EVIDENCE_POLICY;
  return { validFor, duration, setBy, staleLosesCredit };
}

/** The date an evidence entry gives, when it gives one. */
export function evidenceAsOf(evidence: Evidence): string | undefined {
  return typeof evidence === 'string' ? undefined : evidence.asOf;
}

/** The age of one dated evidence entry on the assessment's date, and, under a validity, whether it is stale. */
export interface EvidenceAge {
  readonly asOf: string;
  /** Days from `asOf` to the assessment's date (negative for evidence dated after it). */
  readonly days: number;
  /** The last day it is current, under a validity. */
  readonly validUntil?: string;
  /** Older than the validity on the assessment's date. */
  readonly stale?: boolean;
}

/** The age of an evidence entry on `onDate`; undefined when it has no date, or either date is not a real one. */
export function evidenceAge(evidence: Evidence, onDate: string, policy: EvidencePolicy): EvidenceAge | undefined {
  const asOf = evidenceAsOf(evidence);
  if (asOf === undefined || !isRealDate(asOf) || !isRealDate(onDate)) return undefined;
  const days = Math.round((dayStart(onDate) - dayStart(asOf)) / DAY_MS);
  if (!policy.duration) return { asOf, days };
  const validUntil = addDuration(asOf, policy.duration);
  return { asOf, days, validUntil, stale: validUntil < onDate };
}

/**
 * Where a list of evidence stands under a validity: `current` when an entry is dated and within
 * it, `stale` when every entry is past it, `undated` otherwise (an entry without a date, which
 * nothing can show to be current). Undefined without a validity or without evidence.
 */
export type EvidenceFreshness = 'current' | 'stale' | 'undated';

export function evidenceFreshness(evidence: readonly Evidence[], onDate: string, policy: EvidencePolicy): EvidenceFreshness | undefined {
  if (!policy.duration || evidence.length === 0) return undefined;
  let stale = 0;
  for (let i = 0; i < evidence.length; i++) {
    const age = evidenceAge(evidence[i]!, onDate, policy);
    if (age?.stale === false) return 'current';
    if (age?.stale) stale++;
  }
  return stale === evidence.length ? 'stale' : 'undated';
}

/** The ages of the evidence behind a score, summed up for reports and the history. */
export interface EvidenceAges {
  /** Evidence entries with a date, and without one. */
  readonly dated: number;
  readonly undated: number;
  /** Median and oldest age of the dated entries, in days. */
  readonly medianDays?: number;
  readonly oldestDays?: number;
  /** Under a validity: dated entries past it. */
  readonly stale?: number;
}

export function summarizeAges(ages: readonly (EvidenceAge | undefined)[], policy: EvidencePolicy): EvidenceAges {
  const days = ages.filter((a): a is EvidenceAge => a !== undefined).map((a) => a.days).sort((a, b) => a - b);
  const undated = ages.length - days.length;
  const mid = days.length >> 1;
  const median = days.length === 0 ? undefined : days.length % 2 ? days[mid] : ((days[mid - 1] as number) + (days[mid] as number)) / 2;
  return {
    dated: days.length,
    undated,
    ...(median !== undefined ? { medianDays: median, oldestDays: days[days.length - 1] as number } : {}),
    ...(policy.duration ? { stale: ages.filter((a) => a?.stale).length } : {}),
  };
}
