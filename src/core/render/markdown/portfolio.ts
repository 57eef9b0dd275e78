import type { ComparisonModel, UnitComparison } from '../../views/compare';
import type { ReportRubric } from '../../report/model';
import type { ColumnStats, PortfolioCell, PortfolioModel, PortfolioTable } from '../../views/model';
import { countOf } from '../../text/plural';
import {
  cellText,
  changeText,
  columnsWord,
  groupLabel,
  highlightLines,
  INHERITED_MARK,
  labelOfKey,
  leaderText,
  leadsLine,
  legendText,
  overallCell,
  shownColumns,
  tableIntro,
  trajectoryText,
  unitLabels,
  unitText,
  yearEndLine,
  type PortfolioRenderOptions,
} from '../portfolioText';
import { formatPercent, formatScore, scaleTone, termHeading, type ScaleTone } from '../text';
import { markdownCode, markdownTable, markdownText, type Align } from './escape';

/** The heatmap's colours in Markdown, where a cell cannot be painted: red, orange and yellow below the threshold, green and blue at or over it (render/text.ts scaleTone). */
const TONE_SQUARES: Readonly<Record<ScaleTone, string>> = { 0: '🟥', 1: '🟧', 2: '🟨', 3: '🟩', 4: '🟦' };

/**
 * The portfolio as GitHub Markdown: per rubric, what a reader asks first (the threshold count, the
 * weakest dimension, who crossed the threshold, who is furthest from target), the heatmap of units
 * by dimension (a coloured square per cell, ✓ at the threshold), the roll-ups per group of units,
 * the spread of each dimension across the units, and the plans' trajectories by year end.
 */
export function renderPortfolioMarkdown(model: PortfolioModel, options: PortfolioRenderOptions = {}): string {
  const out: string[] = [`# ${markdownText(model.title)}`];
  const when = [model.asOf ? `assessments on or before ${markdownText(model.asOf)}` : '', model.ref ? `files as at ${markdownCode(model.ref)}` : ''].filter(Boolean).join(', ');
  out.push(`${countOf(new Set(model.tables.flatMap((t) => t.units.map((u) => u.key))).size, 'unit')}, ${countOf(model.tables.length, 'rubric')}${when ? `; ${when}` : ''}.`);
  for (const notice of model.notices) out.push(`> [!WARNING]\n> ${markdownText(notice)}`);
  if (model.tables.length === 0) out.push('No assessment was found that could be scored.');
  for (const table of model.tables) out.push(tableMarkdown(model, table, options));
  return `${out.join('\n\n')}\n`;
}

function tone(cell: PortfolioCell | undefined, rubric: ReportRubric): string {
  return cell?.level !== undefined ? `${TONE_SQUARES[scaleTone(cell.level, rubric)]} ` : '';
}

function cellMarkdown(cell: PortfolioCell | undefined, rubric: ReportRubric): string {
  const inherited = cell?.inheritedFrom !== undefined || cell?.inheritedAnswers !== undefined ? ` ${INHERITED_MARK}` : '';
  return `${tone(cell, rubric)}${markdownText(cellText(cell))}${cell?.thresholdReached ? ' ✓' : ''}${inherited}`;
}

function tableMarkdown(model: PortfolioModel, table: PortfolioTable, options: PortfolioRenderOptions): string {
  const out = [`## ${markdownText(table.rubric.title)}`, markdownText(tableIntro(model, table))];
  const lines = highlightLines(table);
  if (lines.length) out.push(lines.map((l) => `- **${markdownText(l.label)}:** ${markdownText(l.text)}`).join('\n'));
  const shown = shownColumns(table, options.columns);
  const word = columnsWord(table, shown.kind);
  const grouped = table.units.some((u) => u.groups.length > 0);
  const targets = table.units.some((u) => u.percentToTarget !== undefined);
  const headers = ['Unit', ...(grouped ? ['Group'] : []), 'Assessed', 'Overall', 'Since previous', ...(targets ? ['To target', 'Progress to date'] : []), ...shown.columns.map((c) => markdownText(c.title))];
  const rows = table.units.map((u) => [
    `${markdownText(unitText(u))}${u.errors ? ` ❌ ${countOf(u.errors, 'error')}` : ''}`,
    ...(grouped ? [markdownText(groupLabel(u.groups))] : []),
    markdownText(u.assessment.date),
    cellMarkdown(overallCell(u), table.rubric),
    markdownText(changeText(u.change)),
    ...(targets ? [formatPercent(u.percentToTarget), formatPercent(u.progressToDate)] : []),
    ...shown.cellsOf(u).map((c) => cellMarkdown(c, table.rubric)),
  ]);
  const align: Align[] = ['left', ...(grouped ? (['left'] as const) : []), 'left', 'right', 'left', ...(targets ? (['right', 'right'] as const) : []), ...shown.columns.map(() => 'right' as const)];
  out.push(`### Units by ${markdownText(word.toLowerCase())}`, `_${markdownText(legendText(table))} ${scaleLegend(table.rubric)}_`, markdownTable(headers, rows, align));
  if (table.groups.length) out.push('### By group of units', rollupTable(table, shown.kind));
  out.push(`### Each ${markdownText(word.toLowerCase())} across the units`, spreadTable(table, shown.kind));
  if (table.trajectories.length) out.push(trajectories(table));
  return out.join('\n\n');
}

/** "🟥 1 · 🟧 … · 🟦 5": which colour is which level. */
function scaleLegend(r: ReportRubric): string {
  return r.levels.map((l) => `${TONE_SQUARES[scaleTone(l.level, r)]} ${l.level}`).join(' · ');
}

function statsOf(rollup: PortfolioTable['organization'], kind: ReturnType<typeof shownColumns>['kind']): readonly ColumnStats[] {
  return kind === 'groups' ? rollup.groupCells : kind === 'streams' ? rollup.streams : rollup.dimensions;
}

function rollupTable(table: PortfolioTable, kind: ReturnType<typeof shownColumns>['kind']): string {
  const columns = table.columns[kind];
  const rollups = [...table.groups, table.organization];
  const headers = ['Group', 'Units', ...(table.rubric.threshold ? ['At threshold'] : []), 'Overall (mean)', ...columns.map((c) => markdownText(c.title))];
  const rows = rollups.map((r) => [
    r.path.length ? markdownText(r.label) : `**${markdownText(r.label)}**`,
    String(r.units.length),
    ...(table.rubric.threshold ? [`${r.atThreshold}${r.atThresholdBefore !== undefined ? ` (was ${r.atThresholdBefore})` : ''}`] : []),
    formatScore(r.overall.mean),
    ...statsOf(r, kind).map((s) => formatScore(s.mean)),
  ]);
  return markdownTable(headers, rows, headers.map((_, i) => (i === 0 ? 'left' : 'right')));
}

function spreadTable(table: PortfolioTable, kind: ReturnType<typeof shownColumns>['kind']): string {
  const columns = table.columns[kind];
  const headers = [markdownText(columnsWord(table, kind)), 'Units scored', 'Mean', 'Lowest', 'Highest', 'Spread', ...(table.rubric.threshold ? ['At threshold'] : [])];
  const rows = statsOf(table.organization, kind).map((s, i) => [
    markdownText(columns[i]?.title ?? s.id),
    String(s.scored),
    formatScore(s.mean),
    formatScore(s.min),
    formatScore(s.max),
    formatScore(s.spread),
    ...(table.rubric.threshold ? [String(s.atThreshold)] : []),
  ]);
  return markdownTable(headers, rows, headers.map((_, i) => (i === 0 ? 'left' : 'right')));
}

function trajectories(table: PortfolioTable): string {
  const labels = unitLabels(table);
  const years = table.yearEnds;
  const headers = ['Unit', 'Plan', ...years.map((y) => `End ${y.year}`), ...(table.rubric.threshold ? ['Threshold by'] : [])];
  const align: Align[] = headers.map((_, i) => (i < 2 || i === 2 + years.length ? 'left' : 'right'));
  const rows = table.trajectories.map((t) => [
    markdownText(labelOfKey(labels, t.unit)),
    `${markdownText(t.plan.title)} (${markdownCode(t.plan.path)})`,
    ...years.map((y) => {
      const point = [...t.points].reverse().find((p) => p.date <= y.date);
      return point ? `${formatScore(point.score)}${point.thresholdReached ? ' ✓' : ''}` : '–';
    }),
    ...(table.rubric.threshold ? [t.thresholdBy ? markdownText(t.thresholdBy) : 'not within the plan'] : []),
  ]);
  const out = [
    '### Plans: projected overall scores',
    '_Each plan\u2019s moves count from the end of their initiatives; a year\u2019s column is the score projected at its end._',
    markdownTable(headers, rows, align),
  ];
  if (table.rubric.threshold) out.push(years.map((y) => `- ${markdownText(yearEndLine(y, labels))}`).join('\n'));
  out.push(table.trajectories.map((t) => `- ${markdownText(labelOfKey(labels, t.unit))}: ${markdownText(trajectoryText(t))}`).join('\n'));
  return out.join('\n\n');
}

/**
 * Units side by side as Markdown: per rubric they share, overall, each group, dimension and
 * stream with every unit's score and who scores highest. Worded as a comparison of peers.
 */
export function renderComparisonMarkdown(model: ComparisonModel): string {
  const out = [`# ${markdownText(model.title)}`];
  for (const notice of model.notices) out.push(`> [!NOTE]\n> ${markdownText(notice)}`);
  if (model.comparisons.length === 0) out.push('These units share no rubric, so there is nothing to compare.');
  for (const c of model.comparisons) out.push(comparisonMarkdown(c));
  return `${out.join('\n\n')}\n`;
}

function comparisonMarkdown(c: UnitComparison): string {
  const out = [`## ${markdownText(c.rubric.title)}`];
  out.push(c.units.map((u) => `- **${markdownText(u.label)}**${u.groups.length ? ` (${markdownText(groupLabel(u.groups))})` : ''}: assessed ${markdownText(u.assessment.date)}, ${markdownCode(u.assessment.path)}`).join('\n'));
  out.push(markdownText(leadsLine(c)));
  const sections: { title: string; kinds: readonly string[] }[] = [
    { title: 'Overall', kinds: ['overall', 'group'] },
    { title: termHeading(c.rubric.terms.dimension), kinds: ['dimension'] },
    { title: termHeading(c.rubric.terms.subgroup), kinds: ['stream'] },
  ];
  for (const s of sections) {
    const rows = c.rows.filter((r) => s.kinds.includes(r.kind));
    if (rows.length === 0) continue;
    const headers = ['', ...c.units.map((u) => markdownText(u.label)), 'Highest', 'Spread'];
    const body = rows.map((r) => [
      r.kind === 'group' ? `${markdownText(c.rubric.terms.group)}: ${markdownText(r.title)}` : markdownText(r.title),
      ...r.cells.map((cell, i) => `${cellMarkdown(cell, c.rubric)}${r.leaders.includes(i) ? ' ★' : ''}`),
      markdownText(leaderText(r, c)),
      formatScore(r.spread),
    ]);
    out.push(`### ${markdownText(s.title)}`, markdownTable(headers, body, headers.map((_, i) => (i === 0 || i > c.units.length ? 'left' : 'right'))));
  }
  out.push(`_★ marks the highest score in a row; ✓ a score at the threshold${c.rubric.threshold ? ` (level ${c.rubric.threshold.level})` : ''} or above. ${scaleLegend(c.rubric)}_`);
  return out.join('\n\n');
}
