import type { ReportRubric } from '../../report/model';
import type { ComparisonModel, UnitComparison } from '../../views/compare';
import type { ColumnStats, PortfolioCell, PortfolioModel, PortfolioTable, PortfolioUnit } from '../../views/model';
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
  yearEndLine,
  type PortfolioColumns,
  type PortfolioRenderOptions,
} from '../portfolioText';
import { formatPercent, formatScore, scaleTone, termHeading } from '../text';
import { anchorId, attr, escapeHtml } from './escape';
import { htmlPage, type PageMode, type PageSecurity } from './page';
import { reportCss } from './styles';

export interface PortfolioHtmlOptions extends PageSecurity, PortfolioRenderOptions {
  /**
   * 'standalone': a self-contained file with no script. 'webview': themed with VS Code's colours
   * for a panel; each unit's row then carries its assessment's URI (`data-uri`) and each cell the
   * offset of its dimension in that file (`data-source-offset`, focusable), so a click can open it.
   */
  readonly mode: PageMode;
}

/** The heatmap's own rules, after the reports' style sheet: the same for every portfolio of a mode. */
const PORTFOLIO_CSS = `
.heatmap { width: auto; min-width: 100%; font-size: 0.9em; }
.heatmap th, .heatmap td { padding: 0.25em 0.45em; border: 1px solid var(--border); }
.heatmap thead th { vertical-align: bottom; }
.heatmap thead th.col { text-align: left; }
.heatmap thead th.col span { writing-mode: vertical-rl; transform: rotate(180deg); max-height: 11em; white-space: normal; display: inline-block; line-height: 1.2; }
.heatmap tbody th { text-align: left; font-weight: 600; white-space: nowrap; position: sticky; left: 0; background: var(--bg); z-index: 1; }
.heatmap tbody th small, .heatmap td small { font-weight: 400; color: var(--muted); }
.heatmap td { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.heatmap td.txt { text-align: left; white-space: normal; min-width: 8em; max-width: 16em; }
.heatmap td.x { color: var(--muted); text-align: center; }
.heatmap tr.group-row th { position: static; background: var(--panel); }
.heatmap td[data-source-offset] { cursor: pointer; }
.heatmap td.s0 { background: var(--s0); } .heatmap td.s1 { background: var(--s1); } .heatmap td.s2 { background: var(--s2); }
.heatmap td.s3 { background: var(--s3); } .heatmap td.s4 { background: var(--s4); }
.heatmap td.at { font-weight: 650; }
.swatch { display: inline-block; min-width: 1.6em; padding: 0 0.3em; margin-right: 0.2em; border: 1px solid var(--border); border-radius: 3px; text-align: center; color: var(--fg); }
.swatch.s0 { background: var(--s0); } .swatch.s1 { background: var(--s1); } .swatch.s2 { background: var(--s2); } .swatch.s3 { background: var(--s3); } .swatch.s4 { background: var(--s4); }
.highlights { margin: 0.6em 0; padding-left: 1.2em; }
.lead { font-weight: 650; }
/* A narrow page keeps the unit and its scores in view: the change column goes, the unit's name wraps. */
@media (max-width: 640px) { .heatmap .change { display: none; } .heatmap tbody th { white-space: normal; min-width: 7em; max-width: 10em; } }
`;

/** Cell backgrounds, light and dark: warm below the threshold, cool at or over it, each with the page's text at 4.5:1 or more. */
const STANDALONE_TONES = `
:root { --s0: #ffd8d3; --s1: #ffe3c4; --s2: #fff2b3; --s3: #cdeed6; --s4: #cfe3ff; }
@media (prefers-color-scheme: dark) { :root { --s0: #5a1e1b; --s1: #5a3613; --s2: #4a3f10; --s3: #1b4427; --s4: #173c66; } }
@media print { :root { --s0: #ffd8d3; --s1: #ffe3c4; --s2: #fff2b3; --s3: #cdeed6; --s4: #cfe3ff; } }
`;

const WEBVIEW_TONES = `
:root {
  --s0: color-mix(in srgb, var(--vscode-charts-red, #e51400) 32%, transparent); --s1: color-mix(in srgb, var(--vscode-charts-orange, #d18616) 32%, transparent);
  --s2: color-mix(in srgb, var(--vscode-charts-yellow, #bf8803) 32%, transparent); --s3: color-mix(in srgb, var(--vscode-charts-green, #388a34) 32%, transparent);
  --s4: color-mix(in srgb, var(--vscode-charts-blue, #1a85ff) 32%, transparent);
}
body.vscode-high-contrast .heatmap td, body.vscode-high-contrast-light .heatmap td { border-color: var(--vscode-contrastBorder, currentColor); }
`;

/** The portfolio page's style sheet for a mode. */
export function portfolioCss(mode: PageMode): string {
  return reportCss(mode) + (mode === 'webview' ? WEBVIEW_TONES : STANDALONE_TONES) + PORTFOLIO_CSS;
}

/** The portfolio as a whole page (see PortfolioHtmlOptions for the modes). Every piece of user text is escaped; nothing loads. */
export function renderPortfolioHtml(model: PortfolioModel, options: PortfolioHtmlOptions): string {
  return htmlPage({ ...options, title: model.title, css: portfolioCss(options.mode) }, portfolioBody(model, options));
}

/** The page's body: what a panel swaps in when an assessment changes. */
export function portfolioBody(model: PortfolioModel, options: Pick<PortfolioHtmlOptions, 'mode' | 'columns'>): string {
  const units = new Set(model.tables.flatMap((t) => t.units.map((u) => u.key))).size;
  const when = [model.asOf ? `assessments on or before ${model.asOf}` : '', model.ref ? `files as at ${model.ref}` : ''].filter(Boolean);
  const subtitle = [countOf(units, 'unit'), countOf(model.tables.length, 'rubric'), ...when].map((p) => `<span>${escapeHtml(p)}</span>`).join('');
  const nav = model.tables.length > 1 ? `<nav><ul class="item-list">${model.tables.map((t) => `<li><a href="#${escapeHtml(tableAnchor(t))}">${escapeHtml(t.rubric.title)}</a></li>`).join('')}</ul></nav>` : '';
  return (
    `<main class="report portfolio">\n<header><span class="kind">Portfolio</span><h1>${escapeHtml(model.title)}</h1><p class="subtitle">${subtitle}</p></header>\n` +
    model.notices.map((n) => `<p class="notice" role="status">${escapeHtml(n)}</p>`).join('') +
    nav +
    (model.tables.length === 0 ? '<p>No assessment was found that could be scored.</p>' : model.tables.map((t) => tableHtml(model, t, options)).join('\n')) +
    `<footer>Generated by Rubrics as Code from ${countOf(model.tables.reduce((n, t) => n + t.units.length, 0), 'assessment')}.</footer>\n</main>`
  );
}

function tableAnchor(table: PortfolioTable): string {
  return anchorId('rubric', `${table.rubric.id}-${table.rubricUri}`);
}

function toneClass(cell: PortfolioCell, rubric: ReportRubric): string {
  if (cell.level === undefined) return 'x';
  return `s${scaleTone(cell.level, rubric)}${cell.thresholdReached ? ' at' : ''}`;
}

interface CellOptions {
  /** Give the cell the offset of its dimension (a webview's cells, which a click opens). */
  readonly offsets?: boolean;
  /** The file the cell's offset is in, where the row does not say it. */
  readonly uri?: string;
  readonly className?: string;
}

/** A cell: its tone, its score and target, ✓ at the threshold; in a webview, where its dimension is. */
function cellHtml(cell: PortfolioCell | undefined, rubric: ReportRubric, options: CellOptions = {}): string {
  const offset = options.offsets && cell?.sourceOffset !== undefined ? `${attr('data-uri', options.uri)} data-source-offset="${cell.sourceOffset}" tabindex="0"` : '';
  const classes = (tone: string) => attr('class', [options.className, tone].filter(Boolean).join(' '));
  if (cell?.score === undefined) return `<td${classes('x')}${offset}>${escapeHtml(cellText(cell))}</td>`;
  const target = cell.target !== undefined ? `<small>/${escapeHtml(formatScore(cell.target))}</small>` : '';
  const inherited = cell.inheritedFrom !== undefined || cell.inheritedAnswers !== undefined ? `<sup>${INHERITED_MARK}</sup>` : '';
  return `<td${classes(toneClass(cell, rubric))}${offset}>${escapeHtml(formatScore(cell.score))}${target}${cell.thresholdReached ? ' ✓' : ''}${inherited}</td>`;
}

function tableHtml(model: PortfolioModel, table: PortfolioTable, options: Pick<PortfolioHtmlOptions, 'mode' | 'columns'>): string {
  const id = tableAnchor(table);
  const lines = highlightLines(table);
  const shown = shownColumns(table, options.columns);
  const parts = [
    `<section id="${escapeHtml(id)}" aria-labelledby="${escapeHtml(id)}-h">`,
    `<h2 id="${escapeHtml(id)}-h">${escapeHtml(table.rubric.title)}</h2>`,
    `<p>${escapeHtml(tableIntro(model, table))}</p>`,
    lines.length ? `<ul class="highlights">${lines.map((l) => `<li><strong>${escapeHtml(l.label)}:</strong> ${escapeHtml(l.text)}</li>`).join('')}</ul>` : '',
    `<h3>Units by ${escapeHtml(columnsWord(table, shown.kind).toLowerCase())}</h3>`,
    `<p class="muted">${escapeHtml(legendText(table))} ${table.rubric.levels.map((l) => `<span class="swatch s${scaleTone(l.level, table.rubric)}">${escapeHtml(l.level)}</span>${l.name ? escapeHtml(l.name) : ''}`).join(' ')}</p>`,
    heatmap(table, shown, options.mode === 'webview'),
    table.groups.length ? `<h3>By group of units</h3>${rollupTable(table, shown.kind)}` : '',
    `<h3>Each ${escapeHtml(columnsWord(table, shown.kind).toLowerCase())} across the units</h3>${spreadTable(table, shown.kind)}`,
    table.trajectories.length ? trajectoriesHtml(table) : '',
    '</section>',
  ];
  return parts.filter(Boolean).join('\n');
}

function heatmap(table: PortfolioTable, shown: ReturnType<typeof shownColumns>, webview: boolean): string {
  const targets = table.units.some((u) => u.percentToTarget !== undefined);
  const head = [
    '<th scope="col">Unit</th>',
    '<th scope="col" class="col"><span>Overall</span></th>',
    '<th scope="col" class="change">Since previous</th>',
    ...(targets ? ['<th scope="col" class="col"><span>To target</span></th>', '<th scope="col" class="col hide-narrow"><span>Progress to date</span></th>'] : []),
    ...shown.columns.map((c) => `<th scope="col" class="col"${attr('title', c.title)}><span>${escapeHtml(c.title)}</span></th>`),
  ];
  const width = head.length;
  const rowHtml = (u: PortfolioUnit) => {
    const source = webview ? attr('data-uri', u.assessment.uri) : '';
    const errors = u.errors ? ` <small>${escapeHtml(countOf(u.errors, 'error'))}</small>` : '';
    return (
      `<tr${source}${attr('data-path', u.assessment.path)}><th scope="row"${attr('title', u.assessment.path)}>${escapeHtml(u.label)}${errors}<br><small>${escapeHtml(u.assessment.date)}${u.inherits ? escapeHtml(`, inherits from ${u.inherits.title}`) : ''}</small></th>` +
      cellHtml(overallCell(u), table.rubric) +
      `<td class="txt change">${escapeHtml(changeText(u.change))}</td>` +
      (targets ? `<td>${escapeHtml(formatPercent(u.percentToTarget))}</td><td class="hide-narrow">${escapeHtml(formatPercent(u.progressToDate))}</td>` : '') +
      shown.cellsOf(u).map((c) => cellHtml(c, table.rubric, { offsets: webview })).join('') +
      '</tr>\n'
    );
  };
  // Rows by their innermost group, each group opened by a heading row.
  const bodies: string[] = [];
  let current: string | undefined;
  let rows = '';
  const flush = () => {
    if (rows) bodies.push(`<tbody>\n${current ? `<tr class="group-row"><th scope="rowgroup" colspan="${width}">${escapeHtml(current)}</th></tr>\n` : ''}${rows}</tbody>\n`);
    rows = '';
  };
  for (const u of table.units) {
    const group = groupLabel(u.groups);
    if (group !== current) {
      flush();
      current = group;
    }
    rows += rowHtml(u);
  }
  flush();
  return `<div class="table-wrap"><table class="heatmap"><thead><tr>${head.join('')}</tr></thead>\n${bodies.join('')}</table></div>\n`;
}

function statsOf(rollup: PortfolioTable['organization'], kind: PortfolioColumns): readonly ColumnStats[] {
  return kind === 'groups' ? rollup.groupCells : kind === 'streams' ? rollup.streams : rollup.dimensions;
}

/** A roll-up's mean as a heatmap cell, coloured by the level the mean reaches. */
function meanCell(s: ColumnStats, rubric: ReportRubric): string {
  if (s.mean === undefined) return '<td class="x">–</td>';
  return `<td class="s${scaleTone(Math.floor(s.mean + 1e-9), rubric)}">${escapeHtml(formatScore(s.mean))}</td>`;
}

function rollupTable(table: PortfolioTable, kind: PortfolioColumns): string {
  const columns = table.columns[kind];
  const threshold = table.rubric.threshold !== undefined;
  const head = ['<th scope="col">Group</th>', '<th scope="col">Units</th>', ...(threshold ? ['<th scope="col">At threshold</th>'] : []), '<th scope="col" class="col"><span>Overall (mean)</span></th>', ...columns.map((c) => `<th scope="col" class="col"><span>${escapeHtml(c.title)}</span></th>`)];
  const rows = [...table.groups, table.organization].map((r) => {
    const label = r.path.length ? escapeHtml(r.label) : `<strong>${escapeHtml(r.label)}</strong>`;
    const at = threshold ? `<td>${r.atThreshold}${r.atThresholdBefore !== undefined ? ` <small>(was ${r.atThresholdBefore})</small>` : ''}</td>` : '';
    return `<tr><th scope="row">${label}</th><td>${r.units.length}</td>${at}${meanCell(r.overall, table.rubric)}${statsOf(r, kind).map((s) => meanCell(s, table.rubric)).join('')}</tr>\n`;
  });
  return `<div class="table-wrap"><table class="heatmap"><thead><tr>${head.join('')}</tr></thead>\n<tbody>\n${rows.join('')}</tbody></table></div>\n`;
}

function spreadTable(table: PortfolioTable, kind: PortfolioColumns): string {
  const columns = table.columns[kind];
  const threshold = table.rubric.threshold !== undefined;
  const head = [columnsWord(table, kind), 'Units scored', 'Mean', 'Lowest', 'Highest', 'Spread', ...(threshold ? ['At threshold'] : [])].map((h, i) => `<th scope="col"${i ? ' class="num"' : ''}>${escapeHtml(h)}</th>`);
  const rows = statsOf(table.organization, kind).map(
    (s, i) =>
      `<tr><td>${escapeHtml(columns[i]?.title ?? s.id)}</td>${[String(s.scored), formatScore(s.mean), formatScore(s.min), formatScore(s.max), formatScore(s.spread), ...(threshold ? [String(s.atThreshold)] : [])].map((v) => `<td class="num">${escapeHtml(v)}</td>`).join('')}</tr>\n`,
  );
  return `<div class="table-wrap"><table><thead><tr>${head.join('')}</tr></thead>\n<tbody>\n${rows.join('')}</tbody></table></div>\n`;
}

function trajectoriesHtml(table: PortfolioTable): string {
  const labels = unitLabels(table);
  const threshold = table.rubric.threshold !== undefined;
  const head = ['<th scope="col">Unit</th>', '<th scope="col">Plan</th>', ...table.yearEnds.map((y) => `<th scope="col" class="num">End ${y.year}</th>`), ...(threshold ? ['<th scope="col">Threshold by</th>'] : [])];
  const rows = table.trajectories.map((t) => {
    const years = table.yearEnds.map((y) => {
      const point = [...t.points].reverse().find((p) => p.date <= y.date);
      if (!point || point.score === undefined) return '<td class="x">–</td>';
      return `<td class="${toneClass({ id: '', state: 'scored', score: point.score, ...(point.level !== undefined ? { level: point.level } : {}), ...(point.thresholdReached !== undefined ? { thresholdReached: point.thresholdReached } : {}) }, table.rubric)}">${escapeHtml(formatScore(point.score))}${point.thresholdReached ? ' ✓' : ''}</td>`;
    });
    return `<tr${attr('data-path', t.plan.path)}><th scope="row">${escapeHtml(labelOfKey(labels, t.unit))}</th><td class="txt">${escapeHtml(t.plan.title)}<br><small><code>${escapeHtml(t.plan.path)}</code></small></td>${years.join('')}${threshold ? `<td class="txt">${escapeHtml(t.thresholdBy ?? 'not within the plan')}</td>` : ''}</tr>\n`;
  });
  const outlook = threshold ? `<ul class="highlights">${table.yearEnds.map((y) => `<li>${escapeHtml(yearEndLine(y, labels))}</li>`).join('')}</ul>` : '';
  const paths = `<details><summary>Each plan\u2019s phase ends</summary><ul class="item-list">${table.trajectories.map((t) => `<li><strong>${escapeHtml(labelOfKey(labels, t.unit))}:</strong> ${escapeHtml(trajectoryText(t))}</li>`).join('')}</ul></details>`;
  return `<h3>Plans: projected overall scores</h3>\n<p class="muted">Each plan\u2019s moves count from the end of their initiatives; a year\u2019s column is the score projected at its end.</p>\n<div class="table-wrap"><table class="heatmap"><thead><tr>${head.join('')}</tr></thead>\n<tbody>\n${rows.join('')}</tbody></table></div>\n${outlook}${paths}`;
}

/** Units side by side as a page (same policy and modes as the portfolio). */
export function renderComparisonHtml(model: ComparisonModel, options: PortfolioHtmlOptions): string {
  const body =
    `<main class="report portfolio">\n<header><span class="kind">Comparison</span><h1>${escapeHtml(model.title)}</h1></header>\n` +
    model.notices.map((n) => `<p class="notice" role="status">${escapeHtml(n)}</p>`).join('') +
    (model.comparisons.length === 0 ? '<p>These units share no rubric, so there is nothing to compare.</p>' : model.comparisons.map((c) => comparisonHtml(c, options.mode === 'webview')).join('\n')) +
    '\n</main>';
  return htmlPage({ ...options, title: model.title, css: portfolioCss(options.mode) }, body);
}

function comparisonHtml(c: UnitComparison, webview: boolean): string {
  const head = ['<th scope="col"></th>', ...c.units.map((u) => `<th scope="col"${webview ? attr('data-uri', u.assessment.uri) : ''}${attr('title', u.assessment.path)}>${escapeHtml(u.label)}<br><small>${escapeHtml(u.assessment.date)}</small></th>`), '<th scope="col">Highest</th>', '<th scope="col" class="num">Spread</th>'];
  const sections: { title: string; kinds: readonly string[] }[] = [
    { title: 'Overall', kinds: ['overall', 'group'] },
    { title: termHeading(c.rubric.terms.dimension), kinds: ['dimension'] },
    { title: termHeading(c.rubric.terms.subgroup), kinds: ['stream'] },
  ];
  const bodies = sections.flatMap((s) => {
    const rows = c.rows.filter((r) => s.kinds.includes(r.kind));
    if (rows.length === 0) return [];
    const body = rows.map((r) => {
      const title = r.kind === 'group' ? `${c.rubric.terms.group}: ${r.title}` : r.title;
      const cells = r.cells.map((cell, i) => cellHtml(cell, c.rubric, { offsets: webview, uri: c.units[i]?.assessment.uri, ...(r.leaders.includes(i) ? { className: 'lead' } : {}) }));
      return `<tr><th scope="row">${escapeHtml(title)}</th>${cells.join('')}<td class="txt">${escapeHtml(leaderText(r, c))}</td><td class="num">${escapeHtml(formatScore(r.spread))}</td></tr>\n`;
    });
    return [`<tbody>\n<tr class="group-row"><th scope="rowgroup" colspan="${head.length}">${escapeHtml(s.title)}</th></tr>\n${body.join('')}</tbody>\n`];
  });
  return `<section><h2>${escapeHtml(c.rubric.title)}</h2>\n<p>${escapeHtml(leadsLine(c))}</p>\n<div class="table-wrap"><table class="heatmap"><thead><tr>${head.join('')}</tr></thead>\n${bodies.join('')}</table></div>\n<p class="muted">Bold marks the highest score in a row; ✓ a score at the threshold or above.</p></section>`;
}
