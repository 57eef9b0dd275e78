import { countOf } from '../../text/plural';
import type { RubricChange } from '../../review/rubricChanges';
import type { BlockerRef, DimensionChange, DimensionSnapshot, ProblemCounts, ReportDiff } from '../../report/diff';
import { formatDelta, formatPercent, formatScore, levelLabel, sentence, shownDelta, shownPercentPoints, STATE_LABELS, STATUS_LABELS, termWord, withArticle } from '../text';
import { markdownCode, markdownHtml, markdownTable, markdownText } from './escape';
import { rubricChangeList } from './rubricChanges';
import type { ReportEvidenceCoverage, ReportExemption } from '../../report/model';
import { STATE_EMOJI } from './report';

const MAX_UNCHANGED_ROWS = 50;

/** ▲ +0.5, ▼ −1, or nothing for no change: the delta of the two numbers shown. */
export function arrow(before: number | undefined, after: number | undefined): string {
  if (before === undefined || after === undefined) return '';
  const delta = shownDelta(before, after);
  if (delta === 0) return '';
  return delta > 0 ? `▲ ${formatDelta(delta)}` : `▼ ${formatDelta(delta)}`;
}

function fromTo(before: string, after: string): string {
  return before === after ? after : `${before} → ${after}`;
}

function kindWithArticle(kind: string): string {
  return kind === 'Unknown' ? 'an unreadable document' : withArticle(kind);
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface DiffMarkdownOptions {
  /** The file, as the heading names it: from the repository root, or as given on the command line. */
  readonly path?: string;
  /** Heading level of the title (2 by default); sections go one below. */
  readonly headingLevel?: number;
  /** Markdown put first under the heading (a review's word on a renamed or deleted file), already escaped. */
  readonly note?: string;
  /** For a rubric: what changed in it (review/change.ts rubricChangesBetween), listed after the rest. */
  readonly rubricChanges?: readonly RubricChange[];
}

/**
 * The diff as Markdown for a pull-request comment: errors of the newer version first, what moved,
 * the unchanged rest folded away, and a warning when the rubric itself changed. Deltas are those
 * of the numbers shown (see shownDelta); nothing is celebrated while the newer version has errors.
 */
export function renderDiffMarkdown(diff: ReportDiff, options: DiffMarkdownOptions = {}): string {
  const level = options.headingLevel ?? 2;
  const where = options.path !== undefined ? ` (${markdownCode(options.path)})` : '';
  const out: string[] = [`${'#'.repeat(level)} ${markdownText(diff.title)}${where}: what changed`];
  if (options.note) out.push(options.note);
  const dims = termWord(diff.terms.dimension);
  const headErrors = diff.problems.after.error;
  if (headErrors > 0) {
    const consequence = diff.unscored === 'after' || diff.unscored === 'both' ? ', and cannot be scored' : ': what it scores may be incomplete or wrong';
    out.push(`> [!CAUTION]\n> The newer version has ${countOf(headErrors, 'error')}${consequence} until ${headErrors === 1 ? 'it is' : 'they are'} fixed.`);
  }
  if (diff.kindChanged) {
    out.push(`> [!WARNING]\n> The document changed from ${kindWithArticle(diff.kindChanged.before)} to ${kindWithArticle(diff.kindChanged.after)}, so its reports cannot be compared.`);
    out.push(problemsLine(diff.problems.before, diff.problems.after));
    return `${out.filter(Boolean).join('\n\n')}\n`;
  }
  const r = diff.rubric;
  if (r.versionChanged && r.before && r.after) {
    out.push(`> [!NOTE]\n> The rubric ${markdownCode(r.after.id)} changed version (${markdownText(r.before.version)} → ${markdownText(r.after.version)}): part of any score change may come from the rubric rather than from the work.`);
  } else if (r.changed && r.before && r.after) {
    out.push(`> [!WARNING]\n> The document now uses another rubric (${markdownCode(r.before.id)} → ${markdownCode(r.after.id)}): scores before and after are on different scales.`);
  }

  if (diff.unscored) out.push(unscoredText(diff));
  else {
    if (diff.overall) out.push(overallText(diff, dims, headErrors));
    if (diff.kind === 'Assessment') out.push(...assessmentParts(diff, dims, level + 1));
    if (diff.plan) out.push(...planParts(diff, dims, level + 1));
  }
  out.push(problemsLine(diff.problems.before, diff.problems.after));
  const parts = out.filter(Boolean);
  if (diff.kind === 'Rubric') parts.push(...rubricParts(options.rubricChanges, diff, level + 1));
  else if (parts.length === (options.note ? 2 : 1)) parts.push('No changes to scores, levels or targets.');
  return `${parts.join('\n\n')}\n`;
}

/** A rubric scores nothing itself: what changed in it, item by item, is its diff. */
function rubricParts(changes: readonly RubricChange[] | undefined, diff: ReportDiff, level: number): string[] {
  const intro = 'A rubric has no scores of its own: what its changes move shows in the assessments that use it.';
  if (changes === undefined) return [intro];
  if (changes.length === 0) return [intro, 'Nothing in the rubric changed.'];
  return [intro, `${'#'.repeat(level)} What changed in the rubric\n\n${rubricChangeList(changes, diff.terms)}`];
}

/** "2.57 → not scored": the overall move of a document that a side's errors keep from being scored. */
export function unscoredMove(before: number | undefined, after: number | undefined): string {
  const side = (score: number | undefined) => (score === undefined ? 'not scored' : formatScore(score));
  // A new file with errors, say: nothing was scored at either side.
  return before === undefined && after === undefined ? 'not scored' : `${side(before)} → ${side(after)}`;
}

/** A side that errors keep from being scored: no comparison of its parts, which would all read as removed or new. */
function unscoredText(diff: ReportDiff): string {
  const parts = diff.kind === 'Plan' ? 'initiatives and projected levels' : markdownText(termWord(diff.terms.dimension));
  const lead = diff.kind === 'Plan' ? '' : `**Overall score: ${diff.unscored === 'both' ? 'not scored' : unscoredMove(diff.overall?.before, diff.overall?.after)}.** `;
  if (diff.unscored === 'both') return `${lead}Neither version could be scored, so the ${parts} are not compared.`;
  if (diff.unscored === 'after') return `${lead}The ${parts} are compared once the newer version can be scored.`;
  return `${lead}The older version could not be scored (it had errors), so the ${parts} are not compared.`;
}

function overallText(diff: ReportDiff, dims: string, headErrors: number): string {
  const o = diff.overall;
  if (!o) return '';
  const move = arrow(o.before, o.after);
  const lines = [`**Overall score: ${fromTo(formatScore(o.before), formatScore(o.after))}${move ? ` (${move})` : ''}**`];
  const levelBefore = levelLabel(o.levelBefore, o.levelNameBefore);
  const levelAfter = levelLabel(o.levelAfter, o.levelNameAfter);
  lines.push(`Level ${markdownText(fromTo(levelBefore, levelAfter))}.`);
  if (o.crossing === 'reached') lines.push(headErrors > 0 ? `As scored, the threshold is now reached, but that cannot be relied on until ${headErrors === 1 ? 'the error is' : 'the errors are'} fixed.` : '🎉 The threshold is now reached.');
  else if (o.crossing === 'lost') lines.push('⚠️ The threshold is no longer reached.');
  else if (o.thresholdAfter !== undefined) lines.push(o.thresholdAfter ? 'The threshold is reached.' : 'The threshold is not reached yet.');
  if (o.atThresholdBefore !== undefined || o.atThresholdAfter !== undefined) {
    lines.push(`${markdownText(capital(dims))} at threshold: ${fromTo(String(o.atThresholdBefore ?? '–'), String(o.atThresholdAfter ?? '–'))}.`);
  }
  // Either side's score covers part of the rubric: say how much, so a move from assessing more is not read as progress.
  const partial = (scored?: number, total?: number) => scored !== undefined && total !== undefined && scored < total;
  if (partial(o.scoredBefore, o.totalBefore) || partial(o.scoredAfter, o.totalAfter)) {
    const side = (scored?: number, total?: number) => (scored === undefined ? '–' : `${scored} of ${total}`);
    lines.push(`${markdownText(capital(dims))} assessed: ${fromTo(side(o.scoredBefore, o.totalBefore), side(o.scoredAfter, o.totalAfter))}.`);
  }
  return lines.join(' ');
}

function snapshotCells(before: DimensionSnapshot | undefined, after: DimensionSnapshot | undefined): string[] {
  const move = arrow(before?.score, after?.score);
  const scoreText = fromTo(formatScore(before?.score), formatScore(after?.score)) + (move ? ` (${move})` : '');
  const level = fromTo(levelLabel(before?.level, before?.levelName), levelLabel(after?.level, after?.levelName));
  const target = fromTo(before?.target !== undefined ? String(before.target) : '–', after?.target !== undefined ? String(after.target) : '–');
  const state = (s: DimensionSnapshot | undefined) => (s ? `${STATE_EMOJI[s.state]} ${STATE_LABELS[s.state]}` : '–');
  return [scoreText, markdownText(level), target, fromTo(state(before), state(after))];
}

function dimensionRow(d: DimensionChange, celebrate: boolean): string[] {
  const fell = d.before?.level !== undefined && d.after?.level !== undefined && d.after.level < d.before.level;
  const note = d.change === 'added' ? ' *(new)*' : d.change === 'removed' ? ' *(removed)*' : d.crossing === 'reached' && celebrate ? ' 🎉' : d.crossing === 'lost' ? ' ⚠️' : fell ? ' *(fell)*' : '';
  return [`${markdownText(d.title)}${note}`, ...snapshotCells(d.before, d.after)];
}

function assessmentParts(diff: ReportDiff, dims: string, level: number): string[] {
  const h = '#'.repeat(level);
  const celebrate = diff.problems.after.error === 0;
  const row = (d: DimensionChange) => dimensionRow(d, celebrate);
  const parts: string[] = [];
  const headers = [markdownText(diff.terms.dimension), 'Score', 'Level', 'Target', 'Status'];
  const align = ['left', 'left', 'left', 'left', 'left'] as const;
  const changed = diff.dimensions.filter((d) => d.change !== 'unchanged');
  const unchanged = diff.dimensions.filter((d) => d.change === 'unchanged');
  if (changed.length) parts.push(`${h} ${markdownText(capital(dims))} that changed (${changed.length})\n\n${markdownTable(headers, changed.map(row), align)}`);
  else if (diff.dimensions.length) parts.push(`No ${markdownText(dims)} changed score, level, target or status.`);
  if (unchanged.length) {
    // A pull-request comment holds about 65,000 characters: list a long tail by name only.
    const listed = unchanged.slice(0, MAX_UNCHANGED_ROWS);
    const rest = unchanged.length > listed.length ? `\n\n…and ${unchanged.length - listed.length} more: ${unchanged.slice(listed.length).map((d) => markdownText(d.title)).join(', ')}` : '';
    const body = `${markdownTable(headers, listed.map(row), align)}${rest}`;
    parts.push(`<details><summary>${markdownHtml(`Unchanged ${termWord(diff.terms.dimension, unchanged.length)} (${unchanged.length})`)}</summary>\n\n${body}\n\n</details>`);
  }
  const blockerList = (items: readonly BlockerRef[]) => items.map((b) => `- ${markdownText(b.dimensionTitle)}: ${markdownText(b.text)} (level ${b.level})`).join('\n');
  const { added, resolved } = diff.blockers;
  if (added.length || resolved.length) {
    const blocks = [];
    if (resolved.length) blocks.push(`**Resolved (${resolved.length})**\n\n${blockerList(resolved)}`);
    if (added.length) blocks.push(`**New (${added.length})**: now stand between ${markdownText(withArticle(diff.terms.dimension.toLowerCase()))} and its next level\n\n${blockerList(added)}`);
    parts.push(`${h} Blockers\n\n${blocks.join('\n\n')}`);
  }
  const coverage = diff.evidenceCoverage;
  // A file added or deleted whose rubric requires no evidence has nothing to say about it.
  const requiresNothing = (c: ReportEvidenceCoverage | undefined) => !c || c.required === 0;
  if (coverage && !sameCoverage(coverage.before, coverage.after) && !(requiresNothing(coverage.before) && requiresNothing(coverage.after))) {
    const text = (c: ReportEvidenceCoverage | undefined) => (!c ? '–' : c.required === 0 ? 'nothing requires evidence' : `${formatPercent(c.ratio)} (${c.provided} of ${c.required})`);
    const delta = coverage.before?.ratio !== undefined && coverage.after?.ratio !== undefined ? shownPercentPoints(coverage.before.ratio, coverage.after.ratio) : undefined;
    const trend = delta ? ` ${delta > 0 ? '▲ +' : '▼ \u2212'}${countOf(Math.abs(delta), 'point')}` : '';
    parts.push(`${h} Evidence coverage\n\n${text(coverage.before)} → ${text(coverage.after)}${trend}`);
  }
  const ex = diff.exemptions;
  if (ex.added.length || ex.removed.length || ex.expired.length) {
    const line = (x: ReportExemption) =>
      `- **${markdownText(x.dimensionTitle)}**: ${x.criterionText ? `${markdownText(sentence(x.criterionText))} ` : ''}Reason: ${markdownText(sentence(x.reason))} (approved by ${markdownText(x.approver)}, ${x.expired ? 'expired' : 'expires'} ${markdownText(x.expires)})`;
    const blocks = [];
    if (ex.added.length) blocks.push(`**Added (${ex.added.length})**\n\n${ex.added.map(line).join('\n')}`);
    if (ex.expired.length) blocks.push(`**⚠️ Expired (${ex.expired.length})**: these count again\n\n${ex.expired.map(line).join('\n')}`);
    if (ex.removed.length) blocks.push(`**Removed (${ex.removed.length})**\n\n${ex.removed.map(line).join('\n')}`);
    parts.push(`${h} Exemptions\n\n${blocks.join('\n\n')}`);
  }
  return parts;
}

function sameCoverage(a: ReportEvidenceCoverage | undefined, b: ReportEvidenceCoverage | undefined): boolean {
  return a?.required === b?.required && a?.provided === b?.provided;
}

function planParts(diff: ReportDiff, dims: string, level: number): string[] {
  const p = diff.plan;
  if (!p) return [];
  const h = '#'.repeat(level);
  const parts: string[] = [];
  if (p.horizon) parts.push(`**Horizon:** ${markdownText(`${p.horizon.before.start} to ${p.horizon.before.end}`)} → ${markdownText(`${p.horizon.after.start} to ${p.horizon.after.end}`)}`);
  if (p.atThreshold && p.atThreshold.before !== p.atThreshold.after) {
    parts.push(`**${markdownText(capital(dims))} projected at threshold:** ${p.atThreshold.before ?? '–'} → ${p.atThreshold.after ?? '–'} of ${p.atThreshold.total}`);
  }
  const list = (items: readonly { title: string }[]) => items.map((i) => `- ${markdownText(i.title)}`).join('\n');
  const blocks: string[] = [];
  if (p.added.length) blocks.push(`**Added (${p.added.length})**\n\n${list(p.added)}`);
  if (p.removed.length) blocks.push(`**Removed (${p.removed.length})**\n\n${list(p.removed)}`);
  if (p.rescheduled.length) {
    blocks.push(
      `**Rescheduled (${p.rescheduled.length})**\n\n${markdownTable(
        ['Initiative', 'Before', 'After'],
        p.rescheduled.map((i) => [markdownText(i.title), markdownText(`${i.before.start} to ${i.before.end}`), markdownText(`${i.after.start} to ${i.after.end}`)]),
      )}`,
    );
  }
  if (p.statusChanged.length) {
    blocks.push(`**Status changes (${p.statusChanged.length})**\n\n${markdownTable(['Initiative', 'Status'], p.statusChanged.map((i) => [markdownText(i.title), `${STATUS_LABELS[i.before]} → ${STATUS_LABELS[i.after]}`]))}`);
  }
  if (blocks.length) parts.push(`${h} Initiatives\n\n${blocks.join('\n\n')}`);
  if (p.projections.length) {
    parts.push(
      `${h} Projected levels\n\n${markdownTable(
        [markdownText(diff.terms.dimension), 'Projected level'],
        p.projections.map((d) => [markdownText(d.title), `${d.before ?? '–'} → ${d.after ?? '–'}${d.before !== undefined && d.after !== undefined ? ` (${arrow(d.before, d.after)})` : ''}`]),
      )}`,
    );
  }
  if (!parts.length) parts.push('No changes to initiatives, their schedule or the projected levels.');
  return parts;
}

function problemsLine(before: ProblemCounts, after: ProblemCounts): string {
  if (before.error === after.error && before.warning === after.warning) return after.error ? `❌ ${countOf(after.error, 'error')} in the document.` : '';
  const count = (c: ProblemCounts) => `${countOf(c.error, 'error')}, ${countOf(c.warning, 'warning')}`;
  return `${after.error > before.error ? '❌ ' : ''}Problems: ${count(before)} → ${count(after)}.`;
}
