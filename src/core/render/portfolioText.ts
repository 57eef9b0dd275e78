/**
 * The portfolio's words, shared by its Markdown, HTML and CSV renderings: how a cell, a change and
 * a trajectory read, and the sentences that answer what a reader asks first. Plain text: each
 * renderer escapes it for its own output.
 */
import type { PortfolioCell, PortfolioChange, PortfolioModel, PortfolioTable, PortfolioTrajectory, PortfolioUnit, YearEndOutlook } from '../views/model';
import type { ComparisonRow, UnitComparison } from '../views/compare';
import { countOf } from '../text/plural';
import { formatPercent, formatScore, moveArrow, termWord, thresholdLabel } from './text';

/** Which columns a rendering shows: the rubric's dimensions (default), its groups, or its streams. */
export type PortfolioColumns = 'dimensions' | 'groups' | 'streams';

export interface PortfolioRenderOptions {
  readonly columns?: PortfolioColumns;
}

/** The columns a table shows, and each unit's cells for them. Falls back to dimensions when the rubric has none of the kind asked for. */
export function shownColumns(table: PortfolioTable, columns: PortfolioColumns = 'dimensions') {
  const kind: PortfolioColumns = columns === 'groups' && table.columns.groups.length > 0 ? 'groups' : columns === 'streams' && table.columns.streams.length > 0 ? 'streams' : 'dimensions';
  const cellsOf = (u: PortfolioUnit): readonly PortfolioCell[] => (kind === 'groups' ? u.groupCells : kind === 'streams' ? u.streams : u.dimensions);
  const stats = kind === 'groups' ? 'groupCells' : kind === 'streams' ? 'streams' : 'dimensions';
  return { kind, columns: table.columns[kind], cellsOf, stats } as const;
}

/** The heading word of a kind of column, in the rubric's terms ("Attributes", "Streams"). */
export function columnsWord(table: PortfolioTable, kind: PortfolioColumns): string {
  return kind === 'groups' ? table.rubric.terms.group : kind === 'streams' ? table.rubric.terms.subgroup : table.rubric.terms.dimension;
}

/** The mark of a cell in which the unit inherits answers from its base. */
export const INHERITED_MARK = '†';

/** "Mobile App, inherits from Cloud Platform": a unit as its row names it. */
export function unitText(unit: PortfolioUnit): string {
  return unit.inherits ? `${unit.label}, inherits from ${unit.inherits.title}` : unit.label;
}

/** A cell's value: its score, and the unit's target after a slash ("2.5 / 3"), or why it has no score. */
export function cellText(cell: PortfolioCell | undefined): string {
  if (!cell) return '–';
  if (cell.score === undefined) return UNSCORED[cell.state] ?? '–';
  return cell.target !== undefined ? `${formatScore(cell.score)} / ${formatScore(cell.target)}` : formatScore(cell.score);
}

const UNSCORED: Readonly<Partial<Record<PortfolioCell['state'], string>>> = { 'not-applicable': 'n/a', exempt: 'exempt', 'not-assessed': '–', 'not-rated': 'not rated' };

/** The unit's overall score as a cell. */
export function overallCell(unit: PortfolioUnit): PortfolioCell {
  const o = unit.overall;
  return {
    id: 'overall',
    state: o.score === undefined ? 'not-assessed' : 'scored',
    ...(o.score !== undefined ? { score: o.score } : {}),
    ...(o.level !== undefined ? { level: o.level } : {}),
    ...(o.target !== undefined ? { target: o.target } : {}),
    ...(o.thresholdReached !== undefined ? { thresholdReached: o.thresholdReached } : {}),
  };
}

/** "▲ +0.4 since 2025-04-30, reached the threshold", "±0 since …", or "first assessment". */
export function changeText(change: PortfolioChange | undefined): string {
  if (!change) return 'first assessment';
  const o = change.overall;
  const move = o?.before !== undefined && o.after !== undefined ? moveArrow(o.before, o.after) || '±0' : '–';
  const crossing = o?.crossing === 'reached' ? ', reached the threshold' : o?.crossing === 'lost' ? ', below the threshold again' : '';
  return `${move} since ${change.since}${crossing}`;
}

/** A unit's labels by key, for the lists of highlights and trajectories. */
export function unitLabels(table: PortfolioTable): ReadonlyMap<string, string> {
  return new Map(table.units.map((u) => [u.key, u.label]));
}

/** The label of a unit key that has no row (a plan for a unit without an assessment in the table). */
export function labelOfKey(labels: ReadonlyMap<string, string>, key: string): string {
  const known = labels.get(key);
  if (known !== undefined) return known;
  const [organization, unit] = JSON.parse(key) as [string, string];
  return unit || organization;
}

/** A group path as one label. */
export function groupLabel(groups: readonly string[]): string {
  return groups.join(' / ');
}

/** The first line under a table's heading: how many units, against what, of which date. */
export function tableIntro(model: PortfolioModel, table: PortfolioTable): string {
  const r = table.rubric;
  const scale = `levels ${r.minLevel} to ${r.maxLevel}${r.threshold ? `, threshold at ${thresholdLabel(r)}` : ''}`;
  const when = model.asOf ? `latest assessments on or before ${model.asOf}` : 'latest assessment of each';
  return `${countOf(table.units.length, 'unit')} against ${r.title} ${r.version}${r.builtin ? ' (built in)' : ''}, ${scale}; ${when}.`;
}

/** The answers a reader looks for first, one labelled sentence each (plain text). */
export function highlightLines(table: PortfolioTable): { readonly label: string; readonly text: string }[] {
  const r = table.rubric;
  const labels = unitLabels(table);
  const o = table.organization;
  const h = table.highlights;
  const dimension = r.terms.dimension.toLowerCase();
  const lines: { label: string; text: string }[] = [];
  if (r.threshold) {
    const before = o.atThresholdBefore !== undefined ? `; at their previous assessments, ${o.atThresholdBefore} of the ${countOf(o.withPrevious, 'unit')} assessed before` : '';
    lines.push({ label: 'At the threshold', text: `${o.atThreshold} of ${countOf(o.units.length, 'unit')} at ${thresholdLabel(r)} or above overall${before}.` });
  }
  if (h.weakestDimension) {
    const w = h.weakestDimension;
    lines.push({ label: `Weakest ${dimension}`, text: `${w.title}: mean ${formatScore(w.mean)}, lowest ${formatScore(w.min)}, spread ${formatScore(w.spread)}.` });
  }
  if (h.widestSpread && h.widestSpread.id !== h.weakestDimension?.id) lines.push({ label: 'Widest spread', text: `${h.widestSpread.title}: ${formatScore(h.widestSpread.spread)} between the lowest and the highest unit.` });
  if (r.threshold && o.withPrevious > 0) {
    lines.push({ label: 'Reached the threshold since their previous assessment', text: h.reachedThreshold.length ? `${h.reachedThreshold.map((k) => labelOfKey(labels, k)).join(', ')}.` : 'none.' });
    if (h.belowThresholdAgain.length) lines.push({ label: 'Below the threshold again', text: `${h.belowThresholdAgain.map((k) => labelOfKey(labels, k)).join(', ')}.` });
  }
  if (h.furthestFromTarget.length) {
    const byKey = new Map(table.units.map((u) => [u.key, u]));
    lines.push({ label: 'Furthest from target', text: `${h.furthestFromTarget.map((k) => `${labelOfKey(labels, k)} (${formatPercent(byKey.get(k)?.percentToTarget)})`).join(', ')}.` });
  }
  if (o.percentToTarget !== undefined) lines.push({ label: 'Towards the targets', text: `all units together cover ${formatPercent(o.percentToTarget)} of the way from the bottom of the scale to their targets.` });
  return lines;
}

/** A trajectory's points: "2026-04-30 2.43 · 2026-12-31 2.86 · 2027-06-30 3.14 ✓". */
export function trajectoryText(t: PortfolioTrajectory): string {
  return t.points.map((p) => `${p.date} ${formatScore(p.score)}${p.thresholdReached ? ' ✓' : ''}`).join(' · ');
}

/** "By the end of 2027: 2 of 3 units with plans projected at the threshold (Billing, Customer portal)." */
export function yearEndLine(outlook: YearEndOutlook, labels: ReadonlyMap<string, string>): string {
  const at = outlook.units.filter((u) => u.thresholdReached).map((u) => labelOfKey(labels, u.unit));
  return `By the end of ${outlook.year}: ${outlook.atThreshold} of ${countOf(outlook.units.length, 'unit')} with plans projected at the threshold${at.length ? ` (${at.join(', ')})` : ''}.`;
}

/** The legend of a heatmap: what a cell shows. */
export function legendText(table: PortfolioTable): string {
  const r = table.rubric;
  const target = table.units.some((u) => u.dimensions.some((c) => c.target !== undefined)) ? ', then the unit\u2019s target after the slash' : '';
  const inherited = table.units.some((u) => u.dimensions.some((c) => c.inheritedFrom !== undefined || c.inheritedAnswers !== undefined)) ? `; ${INHERITED_MARK} marks answers the unit inherits from the assessment it builds on` : '';
  return `Each cell is the score${target}${r.threshold ? `; ✓ marks a score at the threshold, ${thresholdLabel(r)}, or above` : ''}${inherited}. Colours by level:`;
}

/** Who leads a comparison row: "Billing", "Billing and Portal (equal)", or "level" when all score the same. */
export function leaderText(row: ComparisonRow, comparison: UnitComparison): string {
  const scored = row.cells.filter((c) => c.score !== undefined).length;
  if (scored < 2) return '–';
  if (row.leaders.length === 0) return 'all equal';
  const names = row.leaders.map((i) => comparison.units[i]?.label ?? '');
  return names.length === 1 ? (names[0] as string) : `${names.join(' and ')} (equal)`;
}

/** "Billing leads 4 of 7 attributes, Portal 3." */
export function leadsLine(comparison: UnitComparison): string {
  const dimensions = comparison.rows.filter((r) => r.kind === 'dimension' && r.leaders.length > 0).length;
  const word = termWord(comparison.rubric.terms.dimension, dimensions);
  const parts = comparison.units.map((u, i) => `${u.label} ${comparison.leads[i] ?? 0}`);
  return dimensions === 0 ? `No unit scores higher than the others in any ${termWord(comparison.rubric.terms.dimension, 1)}.` : `Highest score, by ${word} where the units differ (${dimensions}): ${parts.join(', ')}.`;
}
