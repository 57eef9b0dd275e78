import { countOf } from '../../text/plural';
import { DEFAULT_TERMS } from '../../domain/terms';
import type { ReportTerms } from '../../report/model';
import type { BaseImpact, ChangeReview, ImpactedDocument, PortfolioReviewSection, ReviewedDocument, ReviewedFile, RubricImpact, StatusChangeCause } from '../../review/change';
import { scoreMoved, type DimensionExplanation, type InputChange } from '../../review/explain';
import { apportion, formatDelta, formatScore, moveArrow, shownDelta, STATE_LABELS, termHeading, termWord } from '../text';
import { renderDiffMarkdown, unscoredMove } from './diff';
import { markdownCode, markdownHtml, markdownTable, markdownText } from './escape';
import { chartTitle, mermaidXyChart } from './mermaid';
import { rubricChangeList } from './rubricChanges';

/** GitHub refuses a comment body longer than this many characters. */
export const MAX_COMMENT_LENGTH = 65_536;
/** GitHub refuses a job summary (one step's) larger than 1 MiB; this keeps room below it. */
export const MAX_SUMMARY_BYTES = 1024 * 1024 - 64 * 1024;

/** How a limit counts: characters (UTF-16 units, as GitHub counts a comment) or UTF-8 bytes (a summary file). */
export type TextMeasure = 'characters' | 'bytes';

const utf8 = new TextEncoder();

function measured(text: string, measure: TextMeasure): number {
  return measure === 'characters' ? text.length : utf8.encode(text).length;
}

/**
 * Markdown cut to a limit GitHub keeps: whole as long as it fits, otherwise cut at the end of a
 * line with `rest` (one sentence, Markdown) said after it. The one way both of the Action's
 * outputs stay within their bounds: the pull-request comment and the job summary.
 */
export function fitMarkdown(markdown: string, limit: number, measure: TextMeasure, rest: string): string {
  if (measured(markdown, measure) <= limit) return markdown;
  const note = `\n\n_${rest}_\n`;
  const room = Math.max(0, limit - measured(note, measure));
  // The longest start that fits (a character is at least one unit of either measure), then back to a line's end.
  let fits = 0;
  let over = Math.min(markdown.length, room) + 1;
  while (over - fits > 1) {
    const mid = Math.floor((fits + over) / 2);
    if (measured(markdown.slice(0, mid), measure) <= room) fits = mid;
    else over = mid;
  }
  const cut = markdown.lastIndexOf('\n', fits);
  return `${markdown.slice(0, cut > 0 ? cut : fits)}${note}`;
}
/** Room kept for the line that says what was left out, and for a marker the Action puts first. */
const RESERVE = 1_000;

export interface ReviewMarkdownOptions {
  /** The whole text stays within this many characters (GitHub's comment limit by default). */
  readonly maxLength?: number;
  /** Heading level of the title (2 by default). */
  readonly headingLevel?: number;
  /** Markdown put after the summary table (the Action's verdict), already escaped. */
  readonly afterSummary?: string;
}

/**
 * A whole change as one pull-request comment: a summary table first (every file, the overall score
 * before → after, threshold crossings, new errors), what each rubric change moves, then the details
 * of each file folded away, with why its scores moved. Errors of the head come first, and nothing
 * is celebrated while there are any. What does not fit GitHub's limit is left out whole, file by
 * file, with a line that names what was left out.
 */
export function renderReviewMarkdown(review: ChangeReview, options: ReviewMarkdownOptions = {}): string {
  const level = options.headingLevel ?? 2;
  const h = '#'.repeat(level);
  const budget = (options.maxLength ?? MAX_COMMENT_LENGTH) - RESERVE;
  const head: string[] = [`${h} Score changes: ${revisionName(review.head.ref)} compared with ${revisionName(review.base.ref, review.base.commit)}`];
  if (review.headErrors > 0) {
    const files = review.files.filter((f) => f.documents.some((d) => d.errors.after > 0)).length;
    head.push(`> [!CAUTION]\n> The change leaves ${countOf(review.headErrors, 'error')} in ${countOf(files, 'file')}. Scores of a file with errors may be incomplete or wrong; fix ${review.headErrors === 1 ? 'it' : 'them'} first.`);
  }
  if (review.files.length === 0) {
    head.push('This change touches no rubric, assessment or plan.');
    return `${head.join('\n\n')}\n`;
  }
  const celebrate = review.headErrors === 0;
  const rows = review.files.flatMap((f) => (f.documents.length ? f.documents.map((d) => summaryRow(f, d, celebrate)) : [summaryRow(f, undefined, celebrate)]));
  head.push(markdownTable(['File', 'Change', 'Document', 'Overall', 'Threshold', 'New errors'], rows));
  if (options.afterSummary) head.push(options.afterSummary);
  head.push(...overallCharts(review));
  for (const impact of review.impacts) head.push(impactSection(impact, level + 1, termsOf(review, impact)));
  for (const impact of review.bases ?? []) head.push(baseSection(impact, level + 1, review.base.ref));
  if (review.portfolio) head.push(portfolioSection(review.portfolio, level + 1, celebrate, review.base.ref));

  const parts = [head.join('\n\n')];
  let used = parts[0]?.length ?? 0;
  const left: string[] = [];
  for (const file of review.files) {
    const details = fileDetails(file, level + 1, celebrate);
    if (details === '') continue;
    if (left.length === 0 && used + details.length + 2 <= budget) {
      parts.push(details);
      used += details.length + 2;
    } else left.push(file.path);
  }
  if (left.length > 0) parts.push(leftOutLine(left, budget - used, review.base.ref));
  return `${parts.join('\n\n')}\n`;
}

/** A commit id as a ref: shown short, as git does. */
const COMMIT_ID = /^[0-9a-f]{7,40}$/i;

/**
 * A side of the review by name, with the commit compared when the name does not already say it:
 * `main` (`0123456789ab`), or a commit id given as the ref (the Action passes the pull request's
 * base commit) once and short, with the merge base after it only when that is another commit.
 */
function revisionName(ref: string, commit?: string): string {
  const isCommit = COMMIT_ID.test(ref);
  const name = markdownCode(isCommit ? ref.slice(0, 12) : ref);
  if (!commit || (isCommit && commit.toLowerCase().startsWith(ref.toLowerCase()))) return name;
  return `${name} (${isCommit ? 'merge base ' : ''}${markdownCode(commit.slice(0, 12))})`;
}

function leftOutLine(paths: readonly string[], room: number, base: string): string {
  // The job summary is this same text, and the CLI's Markdown keeps the same limit: JSON has everything.
  const intro = `_The details of ${countOf(paths.length, 'more file')} did not fit GitHub's comment limit; ${markdownCode(`rubrics diff --base ${base} --format json`)} has them all, and ${markdownCode(`rubrics diff --base ${base} PATH`)} shows one file's:_ `;
  let listed = '';
  let count = 0;
  for (const p of paths) {
    const next = `${listed}${count ? ', ' : ''}${markdownCode(p)}`;
    if (intro.length + next.length + 40 > Math.max(room, 200)) break;
    listed = next;
    count++;
  }
  return `${intro}${listed}${count < paths.length ? `${count ? ', ' : ''}and ${paths.length - count} more.` : '.'}`;
}

function termsOf(review: ChangeReview, impact: RubricImpact): ReportTerms {
  const file = review.files.find((f) => f.path === impact.path);
  const doc = file?.documents.find((d) => d.kind === 'Rubric' && d.id === impact.id);
  return doc?.diff.terms ?? DEFAULT_TERMS;
}

const STATUS_TEXT: Readonly<Record<ReviewedFile['status'], string>> = {
  added: 'added',
  modified: 'modified',
  deleted: 'deleted',
  renamed: 'renamed',
  copied: 'copied',
  unchanged: 'unchanged; its rubric changed',
};

function statusText(file: ReviewedFile): string {
  if (file.status === 'unchanged' && file.reason === 'inheritance') return 'unchanged; what it inherits changed';
  return file.previousPath !== undefined && (file.status === 'renamed' || file.status === 'copied') ? `${file.status} from ${markdownCode(file.previousPath)}` : STATUS_TEXT[file.status];
}

/**
 * before → after (▲ +0.09), a new score, or the score a deleted document had. A move too small for
 * two decimals says so, so that "2.17 → 2.17" never stands beside a label that says it moved.
 */
function scoreMove(before: number | undefined, after: number | undefined): string {
  if (before === undefined && after === undefined) return '–';
  if (before === undefined) return `new: ${formatScore(after)}`;
  if (after === undefined) return `was ${formatScore(before)}`;
  const move = moveArrow(before, after);
  return `${formatScore(before)} → ${formatScore(after)}${move ? ` (${move})` : ''}`;
}

function summaryRow(file: ReviewedFile, doc: ReviewedDocument | undefined, celebrate: boolean): string[] {
  const o = doc?.diff.overall;
  const crossing = o?.crossing === 'reached' ? (celebrate ? 'reached 🎉' : 'reached') : o?.crossing === 'lost' ? 'lost ⚠️' : '';
  const errors = doc ? (doc.errors.new > 0 ? `❌ ${doc.errors.new}` : doc.errors.after > 0 ? `${doc.errors.after} (not new)` : '0') : '0';
  const what = doc ? `${doc.kind === 'Unknown' ? 'not a rubric document' : doc.kind}: ${markdownText(doc.title)}` : 'not a rubric document';
  const overall = doc?.kind !== 'Assessment' ? '–' : doc.diff.unscored ? unscoredMove(o?.before, o?.after) : scoreMove(o?.before, o?.after);
  return [markdownCode(file.path), statusText(file), what, overall, crossing, errors];
}

/**
 * Bars for the head, a line for the base, when the overall scores of at least two assessments
 * moved: one chart per scale, since a score of 3 means another thing on a scale of 1 to 3 than on
 * one of 0 to 5, and their bars side by side would compare what cannot be compared.
 */
function overallCharts(review: ChangeReview): string[] {
  // Only the assessments whose overall score moved: a bar on its own line says nothing.
  const moved = review.files.flatMap((f) => f.documents.filter((d) => d.kind === 'Assessment' && d.moved === 'overall' && d.diff.overall?.before !== undefined && d.diff.overall.after !== undefined));
  const byScale = new Map<string, { scale: Scale; docs: ReviewedDocument[] }>();
  for (const d of moved) {
    const scale = scaleOf(d);
    if (!scale) continue;
    const key = `${scale.minLevel}–${scale.maxLevel}`;
    const group = byScale.get(key) ?? { scale, docs: [] };
    group.docs.push(d);
    byScale.set(key, group);
  }
  const charts: string[] = [];
  for (const { scale, docs } of byScale.values()) {
    if (docs.length < 2 || docs.length > 20) continue;
    const before = docs.map((d) => d.diff.overall?.before as number);
    const after = docs.map((d) => d.diff.overall?.after as number);
    const levels = `levels ${scale.minLevel} to ${scale.maxLevel}`;
    charts.push(
      mermaidXyChart({
        title: byScale.size > 1 ? chartTitle(`Overall score, ${levels}: bars after, line before`, `Overall, ${levels}: bars after, line before`) : chartTitle('Overall score: bars after, line before'),
        categories: docs.map((d) => d.title),
        yLabel: 'score',
        ...axis(scale, [...before, ...after]),
        bars: after,
        lines: [before],
      }),
    );
  }
  return charts;
}

type Scale = { readonly minLevel: number; readonly maxLevel: number };

/** The scale an assessment's scores are on: its rubric's, after the change (before it, for a deleted one). */
function scaleOf(doc: ReviewedDocument): Scale | undefined {
  return doc.diff.rubric.after ?? doc.diff.rubric.before;
}

/**
 * A y axis from the scale's lowest level (or lower, to the whole number under a score below it) to
 * its highest: bars start at the bottom of the scale, so 1.5 and 1.75 do not look twice apart.
 */
function axis(scale: Scale, values: readonly number[]): { min: number; max: number } {
  return { min: Math.min(scale.minLevel, Math.floor(Math.min(...values))), max: Math.max(scale.maxLevel, Math.ceil(Math.max(...values))) };
}

function impactSection(impact: RubricImpact, level: number, terms: ReportTerms): string {
  const h = '#'.repeat(level);
  const list = rubricChangeList(impact.changes.filter((c) => c.scoring), terms);
  const users = impact.users.length
    ? markdownTable(
        ['Uses it', 'File', 'Overall', 'Effect'],
        impact.users.map((u) => [markdownText(u.title), markdownCode(u.path), u.kind !== 'Assessment' ? 'plan' : u.moved === 'unscored' ? unscoredMove(u.before, u.after) : scoreMove(u.before, u.after), impactLabel(u, terms)]),
      )
    : 'No assessment or plan in the checked files uses it.';
  return `${h} What the change to ${markdownText(impact.title)} (${markdownCode(impact.path)}) moves\n\n${list}\n\n${users}`;
}

/** Rows a section of the summary lists at most; the JSON has them all. */
const MAX_SECTION_ROWS = 30;

/** The rows a table shows, and a line that says how many more the JSON has. */
function bounded<T>(rows: readonly T[], base: string): { shown: readonly T[]; more: string } {
  if (rows.length <= MAX_SECTION_ROWS) return { shown: rows, more: '' };
  return { shown: rows.slice(0, MAX_SECTION_ROWS), more: `\n\n_And ${rows.length - MAX_SECTION_ROWS} more: ${markdownCode(`rubrics diff --base ${base} --format json`)} lists them all._` };
}

/** What a change to an assessment moves: every assessment that inherits from it, with what moved in each. */
function baseSection(impact: BaseImpact, level: number, base: string): string {
  const h = '#'.repeat(level);
  const { shown, more } = bounded(impact.users, base);
  const users = markdownTable(
    ['Inherits from it', 'File', 'Overall', 'Effect'],
    shown.map((u) => [markdownText(u.title), markdownCode(u.path), u.moved === 'unscored' ? unscoredMove(u.before, u.after) : scoreMove(u.before, u.after), inheritedImpactLabel(u)]),
  );
  return `${h} What the change to ${markdownText(impact.title)} (${markdownCode(impact.path)}) moves in the assessments that inherit from it\n\n${users}${more}`;
}

function inheritedImpactLabel(u: ImpactedDocument): string {
  if (u.fileChanged) return 'also changed here';
  switch (u.moved) {
    case 'overall':
      return 'unchanged; moved by the answers it inherits';
    case 'dimensions':
      return 'unchanged; the answers it inherits moved some scores, not the overall score';
    case 'unscored':
      return 'unchanged; errors keep it from being scored at one side, so its move cannot be told';
    default:
      return 'unchanged; not moved: it answers for itself where the change is';
  }
}

const CAUSE_TEXT: Readonly<Record<StatusChangeCause, string>> = {
  assessment: 'its assessment changed',
  rubric: 'its rubric changed',
  inheritance: 'what it inherits changed',
};

/** The units whose overall level or threshold status the change moves, and each organization's count at the threshold. */
function portfolioSection(section: PortfolioReviewSection, level: number, celebrate: boolean, base: string): string {
  const h = '#'.repeat(level);
  const { shown, more } = bounded(section.units, base);
  const rows = shown.map((u) => {
    const threshold =
      u.thresholdBefore === false && u.thresholdAfter === true ? (celebrate ? 'reached 🎉' : 'reached') : u.thresholdBefore === true && u.thresholdAfter === false ? 'lost ⚠️' : u.thresholdAfter === undefined ? '–' : u.thresholdAfter ? 'at it' : 'below it';
    const unit = `${markdownText(u.unit)}${u.groups.length ? ` (${markdownText(u.groups.join(' / '))})` : ''}`;
    return [unit, markdownText(u.rubric.title), `${u.levelBefore ?? '–'} → ${u.levelAfter ?? '–'}`, threshold, markdownText(CAUSE_TEXT[u.cause]), markdownCode(u.path)];
  });
  const counts = section.counts.map((c) => `- **${markdownText(c.organization)}**, ${markdownText(c.rubric.title)}: ${c.before} of ${countOf(c.unitsBefore, 'unit')} at the threshold (level ${c.rubric.threshold}) before, ${c.after} of ${countOf(c.unitsAfter, 'unit')} after.`);
  return `${h} Units whose level or threshold status moves\n\n${markdownTable(['Unit', 'Rubric', 'Overall level', 'Threshold', 'Why', 'Latest assessment'], rows)}${more}${counts.length ? `\n\n${counts.join('\n')}` : ''}`;
}

/** What the rubric change did to a document that uses it, as the core found it (ImpactedDocument.moved). */
function impactLabel(u: ImpactedDocument, terms: ReportTerms): string {
  if (u.fileChanged) return 'also changed here';
  switch (u.moved) {
    case 'overall':
      return 'unchanged; moved by the rubric';
    case 'dimensions':
      return `unchanged; the rubric moved scores of its ${markdownText(termWord(terms.dimension))}, not the overall score`;
    case 'projections':
      return 'unchanged; the rubric moved its projected levels';
    case 'unscored':
      return 'unchanged; errors keep it from being scored at one side, so its move cannot be told';
    case 'nothing': {
      const missing = u.notAssessed ?? [];
      if (missing.length === 0) return 'unchanged; not moved by this change';
      const names = missing.map((d) => markdownText(d.title)).join(', ');
      return `unchanged; not moved: it does not assess the new ${markdownText(termWord(terms.dimension, missing.length))} ${names}`;
    }
  }
}

/** One file's details, folded: its score diff, why the scores moved, and what changed in its rubric. */
function fileDetails(file: ReviewedFile, level: number, celebrate: boolean): string {
  const docs = file.documents.filter((d) => d.kind !== 'Unknown');
  if (docs.length === 0) return '';
  const body = docs.map((d) => documentDetails(file, d, level, celebrate)).join('\n\n');
  const summary = `${file.path} · ${file.status === 'unchanged' && file.reason === 'inheritance' ? 'unchanged; what it inherits changed' : STATUS_TEXT[file.status]} · ${docs.map((d) => d.title).join(', ')}`;
  return `<details><summary>${markdownHtml(summary)}</summary>\n\n${body}\n\n</details>`;
}

function documentDetails(file: ReviewedFile, doc: ReviewedDocument, level: number, celebrate: boolean): string {
  const ownChanges = doc.kind === 'Rubric' && doc.rubricChanges ? { rubricChanges: doc.rubricChanges } : {};
  const parts = [renderDiffMarkdown(doc.diff, { path: file.path, headingLevel: level, ...fileNote(file), ...ownChanges }).trim()];
  const chart = dimensionChart(doc);
  if (chart) parts.push(chart);
  const why = whySection(doc, level + 1);
  if (why) parts.push(why);
  // A rubric's own changes are part of its diff; an assessment or a plan says what changed in the rubric it uses.
  if (doc.kind !== 'Rubric' && doc.rubricChanges?.length) parts.push(`${'#'.repeat(level + 1)} What changed in its rubric\n\n${rubricChangeList(doc.rubricChanges, doc.diff.terms)}`);
  if (!celebrate) return parts.join('\n\n').replace(/ 🎉/g, '');
  return parts.join('\n\n');
}

/** What the heading of a deleted, renamed or copied file's details says first. */
function fileNote(file: ReviewedFile): { note?: string } {
  if (file.status === 'deleted') return { note: 'The file was deleted: its scores no longer count, and its blockers left with it (none of them is resolved).' };
  if ((file.status === 'renamed' || file.status === 'copied') && file.previousPath !== undefined) return { note: `${file.status === 'renamed' ? 'Renamed' : 'Copied'} from ${markdownCode(file.previousPath)}.` };
  return {};
}

/** The changed dimensions' scores, bars after and a line before, when three or more moved. */
function dimensionChart(doc: ReviewedDocument): string | undefined {
  const moved = doc.diff.dimensions.filter((d) => d.before?.score !== undefined && d.after?.score !== undefined && scoreMoved(d.before.score, d.after.score));
  if (moved.length < 3 || moved.length > 20) return undefined;
  const scale = scaleOf(doc);
  if (!scale) return undefined;
  const before = moved.map((d) => d.before?.score as number);
  const after = moved.map((d) => d.after?.score as number);
  return mermaidXyChart({
    title: chartTitle(`${termHeading(doc.diff.terms.dimension)} that moved: bars after, line before`, `${termHeading(doc.diff.terms.dimension)}: bars after, line before`, 'Scores that moved: bars after, line before'),
    categories: moved.map((d) => d.title),
    yLabel: 'score',
    ...axis(scale, [...before, ...after]),
    bars: after,
    lines: [before],
  });
}

function whySection(doc: ReviewedDocument, level: number): string {
  const why = doc.why;
  if (!why) return '';
  const h = '#'.repeat(level);
  // Inputs can change without moving a score (a new dimension nobody assessed yet): the heading says which.
  const out: string[] = [`${h} ${doc.moved === 'nothing' ? 'What changed (no score moved)' : 'Why the scores moved'}`];
  const o = why.overall;
  if (o.before !== undefined && o.after !== undefined && o.contributions?.length) {
    const total = shownDelta(o.before, o.after);
    const shares = apportion(o.contributions.map((c) => c.contribution), total);
    const listed = o.contributions.map((c, i) => `${markdownText(c.title)} ${formatDelta(shares[i] as number)}`).filter((_, i) => shares[i] !== 0);
    if (total !== 0 && listed.length) out.push(`Overall ${scoreMove(o.before, o.after)}: ${listed.join(', ')}.`);
  }
  const term = doc.diff.terms;
  for (const d of why.dimensions) out.push(dimensionWhy(d, term));
  if (out.length === 1) {
    if (doc.moved !== 'overall') return '';
    out.push(`No answer, score or weight of its ${markdownText(termHeading(term.dimension).toLowerCase())} changed: the overall score moved with the rubric's roll-up (its ${markdownText(termHeading(term.group).toLowerCase())} or their weights), listed below.`);
  }
  return out.join('\n\n');
}

function dimensionWhy(d: DimensionExplanation, terms: ReportTerms): string {
  const heading = `**${markdownText(d.title)}**: ${dimensionMove(d.before, d.after)}`;
  const withShares = d.exact && d.before !== undefined && d.after !== undefined;
  const moving = d.changes.filter((c) => c.contribution !== undefined);
  const shares = withShares ? apportion(moving.map((c) => c.contribution as number), shownDelta(d.before as number, d.after as number)) : [];
  const shareOf = new Map(moving.map((c, i) => [c, shares[i] as number]));
  const together = !d.exact && scoreMoved(d.before, d.after) && d.before !== undefined && d.after !== undefined && !d.changes.some((c) => c.opened !== undefined || c.closed !== undefined);
  const rows = d.changes.map((c, i) => {
    const rider = c.criterion !== undefined && d.changes.slice(0, i).some((earlier) => earlier.criterion?.id === c.criterion?.id);
    return [inputLabel(c, terms), inputValue(c, 'before'), inputValue(c, 'after'), effect(c, shareOf.get(c), { shares: withShares, moved: scoreMoved(d.before, d.after), rider })];
  });
  const table = markdownTable(['What changed', 'Before', 'After', 'Moves the score'], rows);
  const note = together ? `\n\nThese changes act together (the ${markdownText(termHeading(terms.criterion).toLowerCase())} counted, their weights or the scale changed), so the move does not split exactly between them.` : '';
  return `${heading}\n\n${table}${note}`;
}

/** A dimension's score move; a side where it is not scored (new, not assessed, exempt) says so. */
function dimensionMove(before: number | undefined, after: number | undefined): string {
  if (before !== undefined && after !== undefined) return scoreMove(before, after);
  if (before === undefined && after === undefined) return 'not scored';
  return `${before === undefined ? 'not scored' : formatScore(before)} → ${after === undefined ? 'not scored' : formatScore(after)}`;
}

/**
 * The "Moves the score" cell, by one rule, never empty: the change's own share of the move when the
 * move splits exactly between the changes; "nothing" for a change that moves nothing (its share is
 * 0, or the score did not move); "counted above" for a further change of a criterion whose first
 * row holds the criterion's share; "together with the others" when the move does not split (the
 * note under the table says why). A level it opens or closes (gated scoring) follows.
 */
function effect(c: InputChange, share: number | undefined, context: { readonly shares: boolean; readonly moved: boolean; readonly rider: boolean }): string {
  const gate = c.opened !== undefined ? `opens level ${c.opened}` : c.closed !== undefined ? `closes level ${c.closed}` : undefined;
  let amount: string | undefined;
  if (share !== undefined) amount = formatDelta(share) === formatDelta(0) ? 'nothing' : formatDelta(share);
  else if (!context.moved) amount = 'nothing';
  else if (context.shares) amount = context.rider ? 'counted above' : 'nothing';
  else if (!gate) amount = 'together with the others';
  return [amount, gate].filter((part) => part !== undefined).join(', ');
}

const INPUT_LABELS: Readonly<Record<InputChange['kind'], string>> = {
  answer: 'Answer',
  'assessor-answer': 'Answer by',
  credit: 'Credit of the answer',
  evidence: 'Evidence',
  exemption: 'Exemption',
  'not-applicable': 'Not applicable',
  'criterion-added': 'New',
  'criterion-removed': 'Removed',
  'criterion-level': 'Level',
  'criterion-weight': 'Weight',
  target: 'Target',
  level: 'Level given',
  'dimension-status': 'Status',
  'dimension-weight': 'Weight',
};

function inputLabel(c: InputChange, terms: ReportTerms): string {
  const label = c.assessor ? `${INPUT_LABELS[c.kind]} ${markdownText(c.assessor.name ?? c.assessor.id)}` : INPUT_LABELS[c.kind];
  if (!c.criterion) return `${label} of the ${markdownText(terms.dimension.toLowerCase())}`;
  return `${label}: ${markdownText(c.criterion.text)} (${markdownCode(c.criterion.id)}, level ${c.criterion.level})`;
}

const STATUS_WORDS: Readonly<Record<string, string>> = {
  scored: 'scored',
  'not-applicable': STATE_LABELS['not-applicable'].toLowerCase(),
  exempt: 'exempt',
  'not-assessed': 'not assessed',
  'not-rated': 'not rated',
  new: 'not in the rubric',
  removed: 'not in the rubric',
};

function inputValue(c: InputChange, side: 'before' | 'after'): string {
  const v = c[side];
  if (v === undefined) return '–';
  if (c.kind === 'evidence') return v === 0 ? 'none' : countOf(Number(v), 'link');
  if (c.kind === 'dimension-status') return STATUS_WORDS[String(v)] ?? markdownText(String(v));
  if (c.kind === 'credit') return formatScore(Number(v));
  if (c.offScale?.includes(side)) return `${markdownText(String(v))} (not on its scale: earns nothing)`;
  return markdownText(String(v));
}
