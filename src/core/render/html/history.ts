import { historyPath, historyRenames, previousOverall, type HistoryPoint, type ScoreHistory } from '../../review/history';
import { arrow } from '../markdown/diff';
import { countOf } from '../../text/plural';
import { formatScore, termWord } from '../text';
import { label } from '../markdown/history';
import { table, type Column } from './common';
import { escapeHtml } from './escape';
import { htmlPage } from './page';
import { reportCss } from './styles';

/** Line colours: distinguishable in light and dark pages, set as SVG attributes (the page's policy allows no inline styles). */
const COLOURS = ['#0969da', '#bc4c00', '#1a7f37', '#8250df', '#cf222e', '#b07d00', '#0a7c86', '#6e7781', '#bf3989', '#4d6d00'];

/** The chart's own rules, after the reports' style sheet. */
const HISTORY_CSS = `
.history-chart { margin: 1rem 0; color: var(--fg); }
.history-chart > svg { max-width: 60rem; display: block; }
.history-chart .legend svg { vertical-align: middle; }
.history-chart + .table-wrap td { white-space: nowrap; }
.history-chart .legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; font-size: 0.85rem; }
`;

const WIDTH = 760;
const HEIGHT = 300;
const PAD = { left: 60, right: 60, top: 16, bottom: 40 };

/**
 * A score history as a self-contained HTML page: an inline SVG line chart (the overall score
 * bold, each dimension thin, a legend beside it) and the table of the points. Nothing is loaded:
 * the page's policy is the reports' one.
 */
export function renderHistoryHtml(history: ScoreHistory): string {
  const body = [
    `<main class="report"><h1>${escapeHtml(history.title)}</h1>`,
    historyIntro(history),
    history.points.length ? historyChart(history) : '<p>No version of it holds an assessment.</p>',
    historyTable(history),
    '</main>',
  ].join('\n');
  return htmlPage({ mode: 'standalone', title: `${history.title}: score history`, css: reportCss('standalone') + HISTORY_CSS }, body);
}

/** Which file, where it was renamed, the rubric, and what the chart's dashed line is. */
function historyIntro(history: ScoreHistory): string {
  const file = historyPath(history);
  const what = `${history.by === 'commit' ? 'Scores across the commits that touched' : 'Scores by assessment date'}${file !== undefined ? ` <code>${escapeHtml(file)}</code>` : ''}`;
  const renames = historyRenames(history).map((r) => ` Renamed from <code>${escapeHtml(r.from)}</code>${r.commit ? ` in <code>${escapeHtml(r.commit.slice(0, 12))}</code>` : ' in the working tree'}.`).join('');
  const rubric = history.rubric ? `, against ${escapeHtml(history.rubric.title)}` : '';
  const threshold = history.rubric?.threshold !== undefined && history.points.length ? ` The dashed line is the threshold, level ${history.rubric.threshold}.` : '';
  return `<p>${what}${rubric}.${renames}${threshold}</p>`;
}

function historyChart(history: ScoreHistory): string {
  const min = history.rubric?.minLevel ?? 0;
  const max = history.rubric?.maxLevel ?? Math.max(1, ...history.points.flatMap((p) => [p.overall ?? 0, ...Object.values(p.dimensions)]));
  const n = history.points.length;
  const x = (i: number) => PAD.left + (n === 1 ? (WIDTH - PAD.left - PAD.right) / 2 : (i * (WIDTH - PAD.left - PAD.right)) / (n - 1));
  const y = (v: number) => PAD.top + ((max - v) * (HEIGHT - PAD.top - PAD.bottom)) / Math.max(1e-9, max - min);
  const grid: string[] = [];
  for (let level = Math.ceil(min); level <= max; level++) {
    const dashed = history.rubric?.threshold === level ? ' stroke-dasharray="6 4"' : '';
    grid.push(`<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(level).toFixed(1)}" y2="${y(level).toFixed(1)}" stroke="#8c959f" stroke-width="${dashed ? 1.5 : 0.5}"${dashed}/>`);
    grid.push(`<text x="${PAD.left - 8}" y="${(y(level) + 4).toFixed(1)}" text-anchor="end" font-size="11" fill="currentColor">${level}</text>`);
  }
  const labels = history.points.map((p, i) => `<text x="${x(i).toFixed(1)}" y="${HEIGHT - PAD.bottom + 16}" text-anchor="middle" font-size="10" fill="currentColor">${escapeHtml(label(p))}</text>`);
  const series = [
    ...history.dimensions.map((d, i) => ({ name: d.title, colour: COLOURS[i % COLOURS.length] as string, width: 1.5, value: (p: HistoryPoint) => p.dimensions[d.id] })),
    { name: 'Overall', colour: 'currentColor', width: 3, value: (p: HistoryPoint) => p.overall },
  ];
  const lines = series.map((s) => {
    const points = history.points.map((p, i) => ({ i, v: s.value(p) })).filter((q): q is { i: number; v: number } => q.v !== undefined);
    const path = points.map((q) => `${x(q.i).toFixed(1)},${y(q.v).toFixed(1)}`).join(' ');
    const dots = points.map((q) => `<circle cx="${x(q.i).toFixed(1)}" cy="${y(q.v).toFixed(1)}" r="${s.width + 1}" fill="${s.colour}"><title>${escapeHtml(`${s.name}: ${formatScore(q.v)}`)}</title></circle>`).join('');
    return `<g><title>${escapeHtml(s.name)}</title>${points.length > 1 ? `<polyline points="${path}" fill="none" stroke="${s.colour}" stroke-width="${s.width}"/>` : ''}${dots}</g>`;
  });
  const legend = series.map((s) => `<li><svg width="18" height="8" aria-hidden="true"><line x1="0" x2="18" y1="4" y2="4" stroke="${s.colour}" stroke-width="${s.width}"/></svg> ${escapeHtml(s.name)}</li>`).join('');
  const dimension = termWord(history.rubric?.terms.dimension ?? 'dimension', 1);
  const description = `Line chart of the overall score${history.dimensions.length ? ` and each ${dimension}` : ''} at ${countOf(n, 'point')}, on the scale ${min} to ${max}.`;
  return `<figure class="history-chart"><svg viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" role="img" aria-label="${escapeHtml(description)}">${grid.join('')}${labels.join('')}${lines.join('')}</svg><figcaption><ul class="legend">${legend}</ul></figcaption></figure>`;
}

function historyTable(history: ScoreHistory): string {
  const before = previousOverall(history.points);
  const previous = new Map(history.points.map((p, i) => [p, before[i]]));
  const columns: Column<HistoryPoint>[] = [
    ...(history.by === 'commit'
      ? [
          { header: 'Commit', cell: (p: HistoryPoint) => `<code>${escapeHtml(p.commit ? p.commit.slice(0, 12) : 'working tree')}</code>` },
          { header: 'Date', cell: (p: HistoryPoint) => escapeHtml(p.date) },
          { header: 'Author', cell: (p: HistoryPoint) => escapeHtml(p.author ?? '') },
        ]
      : [
          { header: 'Date', cell: (p: HistoryPoint) => escapeHtml(p.date) },
          { header: 'File', cell: (p: HistoryPoint) => `<code>${escapeHtml(p.path)}</code>` },
        ]),
    {
      header: 'Overall',
      numeric: true,
      cell: (p) => {
        const move = arrow(previous.get(p), p.overall);
        return `${escapeHtml(formatScore(p.overall))}${move ? ` (${escapeHtml(move)})` : ''}${p.errors ? ` (${countOf(p.errors, 'error')})` : ''}`;
      },
    },
    ...history.dimensions.map((d) => ({ header: d.title, numeric: true, optional: true, cell: (p: HistoryPoint) => escapeHtml(formatScore(p.dimensions[d.id])) })),
  ];
  return table(history.points, columns);
}
