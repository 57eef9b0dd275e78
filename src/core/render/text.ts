/**
 * The one text module of the renderers and the editor's features: how numbers, levels, a
 * rubric's words for its parts, states and dates read. Plurals come from text/plural.ts.
 */
import type { BenchmarkRole } from '../domain/benchmarks';
import { DEFAULT_TERMS, type Terms } from '../domain/terms';
import type { Disposition, InitiativeStatus, ScoringMethod } from '../format/types';
import type { DimensionStatus } from '../scoring/types';
import type { DimensionState, ReportAgreement, ReportCriterionAssessors, ReportEvidenceAges, ReportEvidenceCoverage, ReportInheritance, ReportLink, ReportModel, ReportResponses, ReportRubric } from '../report/model';
import { baseName } from '../resolve/uris';
import { scoreMoved } from '../review/explain';
import { formatAge, formatDuration } from '../text/age';
import { parseDuration } from '../domain/evidence';
import { pluralize, wordFor } from '../text/plural';

/** Scores with up to two decimals, without trailing zeros: 3, 2.5, 2.43; a dash for none. */
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

/** A score as shown (two decimals), in hundredths: the unit every shown delta is counted in. */
function shownHundredths(value: number): number {
  return Math.round(Number(value.toFixed(2)) * 100);
}

/**
 * The delta between two scores as a reader sees them: the difference of the two numbers shown
 * (2.97 → 3.02 is +0.05, although 2.9667 → 3.0238 is +0.0571), so the arithmetic on the page
 * adds up. Every rendering of a change uses it; JSON carries the full numbers.
 */
export function shownDelta(before: number, after: number): number {
  return (shownHundredths(after) - shownHundredths(before)) / 100;
}

/**
 * How a score moved, as a reader sees it: ▲ +0.05 or ▼ −0.1 (the delta of the numbers shown),
 * "▲ by less than 0.01" for a move too small for two decimals (so that 2.17 → 2.17 never stands
 * beside a label that says it moved), or nothing when it did not move (scoreMoved, the review's
 * one rule).
 */
export function moveArrow(before: number, after: number): string {
  const delta = shownDelta(before, after);
  if (delta !== 0) return delta > 0 ? `▲ ${formatDelta(delta)}` : `▼ ${formatDelta(delta)}`;
  return scoreMoved(before, after) ? `${after > before ? '▲' : '▼'} by less than 0.01` : '';
}

/**
 * Rounds parts of a whole to hundredths so that they add up to `total` (a shown delta): each
 * part is its nearest hundredth, and any difference left goes, a hundredth at a time, to the
 * parts that rounding moved furthest (largest remainders). A reader who adds the shown
 * contributions gets the shown move.
 */
export function apportion(parts: readonly number[], total: number): number[] {
  const scaled = parts.map((p) => p * 100);
  const rounded = scaled.map((x) => Math.round(x));
  let left = Math.round(total * 100) - rounded.reduce((a, b) => a + b, 0);
  while (left !== 0 && rounded.length > 0) {
    const step = left > 0 ? 1 : -1;
    let best = 0;
    for (let i = 1; i < rounded.length; i++) {
      if (((scaled[i] as number) - (rounded[i] as number)) * step > ((scaled[best] as number) - (rounded[best] as number)) * step) best = i;
    }
    rounded[best] = (rounded[best] as number) + step;
    left -= step;
  }
  return rounded.map((n) => n / 100);
}

/** A vowel letter read as a consonant ("a unit", "a use case", "a European team"), and a silent h ("an hour"). */
const VOWEL_LETTER_CONSONANT_SOUND = /^(uni(?!n)|use|usu|uti|ure|eu|one\b|once\b)/i;
const SILENT_H = /^(hour|honest|honou?r|heir)/i;

/** "a capability", "an attribute", "an area", "a unit": the indefinite article for a word in a sentence, by its sound where the spelling misleads. */
export function withArticle(word: string): string {
  const vowelSound = SILENT_H.test(word) || (/^[aeiou]/i.test(word) && !VOWEL_LETTER_CONSONANT_SOUND.test(word));
  return `${vowelSound ? 'an' : 'a'} ${word}`;
}

export function formatPercent(ratio: number | undefined): string {
  if (ratio === undefined || !Number.isFinite(ratio)) return '–';
  return `${shownPercent(ratio)}%`;
}

/** A ratio as a whole percentage, as formatPercent shows it. */
function shownPercent(ratio: number): number {
  return Math.round(ratio * 100);
}

/** The move between two ratios in percentage points, as the two percentages shown differ (50% → 67% is 17), like shownDelta for scores. */
export function shownPercentPoints(before: number, after: number): number {
  return shownPercent(after) - shownPercent(before);
}

/**
 * A level with its name: "2 · Managed" in reports, "2 Managed" where the separator already
 * separates facts (hovers, CodeLens); just the number when the level has no name, a dash for none.
 */
export function levelLabel(level: number | undefined, name: string | undefined, separator = ' · '): string {
  if (level === undefined) return '–';
  return name ? `${level}${separator}${name}` : String(level);
}

export function thresholdLabel(rubric: ReportRubric | undefined): string | undefined {
  const threshold = rubric?.threshold;
  if (!threshold) return undefined;
  return threshold.name ? `level ${threshold.level} (${threshold.name})` : `level ${threshold.level}`;
}

/** The words of the rubric a report is scored against, or the defaults. */
export function reportTerms(model: ReportModel): Terms {
  return model.rubric?.terms ?? DEFAULT_TERMS;
}

/** A rubric's term in a sentence: lower case, plural unless the count is one ("2 capabilities", "1 criterion"). */
export function termWord(term: string, count = 2): string {
  return wordFor(count, term.toLowerCase());
}

/** A rubric's term as a heading: "Capabilities", "Criteria". */
export function termHeading(term: string): string {
  const plural = pluralize(term.toLowerCase());
  return plural.charAt(0).toUpperCase() + plural.slice(1);
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

export const STATUS_LABELS: Readonly<Record<InitiativeStatus, string>> = {
  proposed: 'Proposed',
  planned: 'Planned',
  'in-progress': 'In progress',
  done: 'Done',
  'on-hold': 'On hold',
  cancelled: 'Cancelled',
};

export const DISPOSITION_LABELS: Readonly<Record<Disposition, string>> = { retain: 'Retain', modernize: 'Modernize', replace: 'Replace', retire: 'Retire', outsource: 'Outsource' };

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Apr 2026" from "2026-04-01"; the input unchanged when it is not a date. */
export function monthYear(date: string): string {
  const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(date);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${month} ${m[1]}` : date;
}

/** A sentence from user text: ends with a full stop unless it already ends with punctuation. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…:;]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** A metric's value with its unit ("4.2 percent"), a dash for none. */
export function metricAmount(value: number | undefined, unit: string | undefined): string {
  if (value === undefined) return '–';
  return unit ? `${value} ${unit}` : String(value);
}

interface BenchmarkText {
  readonly value: number;
  readonly quantity?: string;
  readonly population?: string;
  readonly source?: string;
  readonly year?: number;
}

/**
 * The benchmark figure as a report cell: "≥ 71 percent" when a value is judged against it (the
 * sign says which way is better), the bare figure when it is context.
 */
export function benchmarkFigure(b: BenchmarkText, role: BenchmarkRole, unit: string | undefined, higherIsBetter: boolean): string {
  const amount = metricAmount(b.value, unit);
  return role === 'verdict' ? `${higherIsBetter ? '≥' : '≤'} ${amount}` : amount;
}

/** Who published a figure, when, and of whom, in one line: "Deloitte, Global CIO Survey, 2015 · CIOs surveyed". */
export function benchmarkOrigin(b: BenchmarkText): string {
  const published = [b.source, b.year !== undefined ? String(b.year) : undefined].filter((x): x is string => x !== undefined).join(', ');
  return [published, b.population].filter((x): x is string => !!x).join(' · ');
}

/** Why a context figure gives no verdict, in a sentence naming what it measured. */
export function benchmarkContextNote(b: BenchmarkText): string {
  return b.quantity !== undefined
    ? `For context only: the figure measures ${lowerFirst(b.quantity)}, not this metric.`
    : 'For context only: the benchmark does not say what it measured, so no value is judged against it.';
}

/** Explains, once under a table of metrics, what "context" means. */
export const BENCHMARK_CONTEXT_LEGEND =
  'A benchmark gives a verdict (meets or below) only when its source measured the same quantity as the metric; a figure marked context measured something else and is shown beside the value for comparison, never as pass or fail.';

/** "Share of…" in a sentence: the first letter in lower case unless the first word is an acronym. */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/**
 * Why a dimension has no next level although it is below the top of the scale: the rubric's
 * method caps it (see scoring/methods.ts, methodCeiling).
 */
export function ceilingNote(d: { readonly ceiling: number; readonly criteria: readonly { readonly level: number }[] }, method: ScoringMethod, terms: Pick<Terms, 'dimension' | 'criterion'>): string {
  const dimension = terms.dimension.toLowerCase();
  const criteria = termWord(terms.criterion);
  const head = `Level ${d.ceiling} is as high as this ${dimension} goes`;
  // Criteria above the cap that do not count (not applicable, exempt) cap it as surely as none at all.
  const why = d.criteria.some((c) => c.level > d.ceiling) ? `its ${criteria} above level ${d.ceiling} are not applicable or exempt` : `the rubric has no ${criteria} above level ${d.ceiling}`;
  if (method === 'levelSum') return `${head}: the levelSum method adds a level for each level with ${criteria} that count, and ${why}.`;
  return `${head}: ${why}, and the ${method} method claims no level without ${criteria} that count.`;
}

/** How many dimensions an overall score rests on, by status, as reports count them. */
export interface ScoreCoverage {
  readonly dimensionsScored: number;
  readonly dimensionsTotal: number;
  readonly dimensionStatusCounts: Readonly<Record<DimensionStatus, number>>;
}

/** Why the unscored dimensions are out of the score, in the order a reader acts on them. */
const UNSCORED: readonly (readonly [Exclude<DimensionStatus, 'scored'>, string])[] = [
  ['not-assessed', 'not assessed'],
  ['not-rated', 'not rated'],
  ['not-applicable', 'not applicable'],
  ['exempt', 'exempt'],
];

/**
 * "2 of 7 attributes assessed (5 not assessed)": what an overall score covers, when it covers
 * less than the whole rubric; undefined when every dimension is scored. Every report format, the
 * preview's summary cards and the status bar print this one line beside the overall score.
 */
export function coverageLine(o: ScoreCoverage, dimensionTerm: string): string | undefined {
  if (o.dimensionsScored >= o.dimensionsTotal) return undefined;
  const why = UNSCORED.filter(([status]) => o.dimensionStatusCounts[status] > 0).map(([status, words]) => `${o.dimensionStatusCounts[status]} ${words}`);
  return `${o.dimensionsScored} of ${o.dimensionsTotal} ${termWord(dimensionTerm, o.dimensionsTotal)} assessed${why.length ? ` (${why.join(', ')})` : ''}`;
}

/** "as of 2024-01-15, 2 years 2 months old, stale": an evidence entry's date and age, for a link that has a date. */
export function evidenceDateNote(link: Pick<ReportLink, 'asOf' | 'ageDays' | 'stale'>): string | undefined {
  if (link.asOf === undefined) return undefined;
  const age = link.ageDays === undefined ? '' : link.ageDays < 0 ? `, ${formatAge(link.ageDays)}` : `, ${formatAge(link.ageDays)} old`;
  return `as of ${link.asOf}${age}${link.stale ? ', stale' : ''}`;
}

/** "median 5 months, oldest 2 years 2 months · 1 stale · 3 undated": the ages of the evidence behind a score (without the median where it is shown already). */
export function evidenceAgesLine(ages: ReportEvidenceAges, withMedian = true): string {
  const dated = ages.medianDays !== undefined && ages.oldestDays !== undefined;
  const parts = [dated ? `${withMedian ? `median ${formatAge(Math.round(ages.medianDays as number))}, ` : ''}oldest ${formatAge(ages.oldestDays as number)}` : 'no dated evidence'];
  if (ages.stale) parts.push(`${ages.stale} stale`);
  if (ages.undated && ages.dated) parts.push(`${ages.undated} undated`);
  return parts.join(' · ');
}

/** "current 40% (2 of 5), 1 stale": of the positive answers that need evidence, those with current evidence, under a validity. */
export function currentEvidenceLine(coverage: ReportEvidenceCoverage): string | undefined {
  if (coverage.current === undefined || coverage.required === 0) return undefined;
  return `current ${formatPercent(coverage.currentRatio)} (${coverage.current} of ${coverage.required})${coverage.stale ? `, ${coverage.stale} stale` : ''}`;
}

/** "evidence counts as current for 12 months after its date (P12M, set by the rubric)". */
export function validityNote(validity: { readonly duration: string; readonly setBy: 'rubric' | 'assessment' }): string {
  const duration = parseDuration(validity.duration);
  return `evidence counts as current for ${duration ? formatDuration(duration) : validity.duration} after its date (${validity.duration}, set by the ${validity.setBy})`;
}

/**
 * A level's colour on a rubric's scale, 0 to 4, for heatmaps: levels below the threshold spread
 * over the warm colours (0 red, 1 orange, 2 yellow), levels at or over it take the cool ones (3
 * green, 4 blue for the top of the scale above the threshold), so the colour also says on which
 * side of the threshold a cell is. Without a threshold the five colours spread over the scale.
 */
export type ScaleTone = 0 | 1 | 2 | 3 | 4;

export function scaleTone(level: number, scale: { readonly minLevel: number; readonly maxLevel: number; readonly threshold?: { readonly level: number } }): ScaleTone {
  const { minLevel: min, maxLevel: max } = scale;
  const at = Math.min(max, Math.max(min, level));
  const threshold = scale.threshold?.level;
  if (threshold === undefined || threshold <= min || threshold > max) return (max > min ? Math.round(((at - min) / (max - min)) * 4) : 4) as ScaleTone;
  if (at >= threshold) return at >= max && max > threshold ? 4 : 3;
  // The highest level below the threshold is yellow, the lowest red.
  const below = threshold - 1 - min;
  return (below > 0 ? Math.round(((at - min) / below) * 2) : 2) as ScaleTone;
}

/** "inherited from platform.assessment.yaml": where an answer, a level or a dimension came from, for one that is inherited. */
export function inheritedNote(uri: string | undefined): string | undefined {
  return uri === undefined ? undefined : `inherited from ${baseName(uri) || uri}`;
}

/** "Inherits 12 answers from Cloud Platform (cloud-platform.assessment.yaml)": the line a report gives an inheriting assessment. */
export function inheritanceLine(i: ReportInheritance): string {
  const parts = [
    i.answers ? `${i.answers} answer${i.answers === 1 ? '' : 's'}` : '',
    i.dimensions ? `${i.dimensions} whole dimension${i.dimensions === 1 ? '' : 's'}` : '',
    i.levels ? `${i.levels} level${i.levels === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return `Inherits ${parts.length ? parts.join(', ') : 'nothing it does not answer itself'} from ${i.title} (${baseName(i.uri) || i.uri}), where it gives none of its own.`;
}

/** "agree on 3 of 4": assessors' agreement over the criteria two or more of them answered. */
export function agreementLabel(a: ReportAgreement): string {
  return `agree on ${a.agreed} of ${a.compared}`;
}

/** "3 assessors, scored by the median of their answers; they agree on 10 of 12 criteria two or more answered (widest spread 2 steps)". */
export function responsesLine(r: ReportResponses, criterionTerm: string): string {
  const count = `${r.assessors.length} ${r.assessors.length === 1 ? 'assessor' : 'assessors'}`;
  const rule =
    r.consensus === 'median'
      ? 'scored by the median of their answers (of two in the middle, the lower)'
      : r.consensus === 'minimum'
        ? 'scored by the lowest of their answers'
        : r.consensus === 'adjudicator'
          ? `scored by the adjudicator's answer (${assessorName(r, r.adjudicator ?? '')})`
          : 'no consensus rule set';
  const a = r.agreement;
  const agreement = a ? `; they ${agreementLabel(a)} ${termWord(criterionTerm, a.compared)} two or more answered${a.widestSpread > 0 ? ` (widest spread ${a.widestSpread} ${wordFor(a.widestSpread, 'step')})` : ''}` : '';
  return `${count}, ${rule}${agreement}`;
}

/** An assessor's name as their response gives it, else their id. */
export function assessorName(r: Pick<ReportResponses, 'assessors'>, id: string): string {
  return r.assessors.find((a) => a.id === id)?.name ?? id;
}

/** "Amara Nwosu: all · Grace Whitfield: some": each assessor's answer to a criterion. */
export function assessorAnswersText(c: ReportCriterionAssessors): string {
  return c.answers.map((a) => `${a.name ?? a.assessor}: ${a.answer}`).join(' · ');
}

/** What decided a criterion several assessors answered: "settled by the assessment", "2 steps apart", or nothing where they agree. */
export function assessorsNote(c: ReportCriterionAssessors): string | undefined {
  if (c.settled && !c.agree) return `assessors ${c.spread} ${wordFor(c.spread, 'step')} apart; settled by the assessment`;
  if (c.settled) return 'settled by the assessment';
  if (!c.agree) return `assessors ${c.spread} ${wordFor(c.spread, 'step')} apart${c.consensus === undefined ? '; no consensus, so no credit' : ''}`;
  return undefined;
}
