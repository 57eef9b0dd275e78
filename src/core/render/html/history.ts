import { historyPath, historyRenames, pointCoverage, pointEvidenceAge, previousOverall, type HistoryPoint, type ScoreHistory } from '../../review/history';
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
/**
 * Dash patterns and point markers, paired with the colours so that lines with equal values stay
 * apart: where two lines coincide, the dashes of one show through the gaps of the other, and
 * their markers differ in shape. The overall line is drawn first, under the others.
 */
const DASHES = ['', '7 4', '2 3', '9 3 2 3', '4 4', '12 4'];
const MARKERS = ['circle', 'square', 'diamond', 'triangle'] as const;
type Marker = (typeof MARKERS)[number];
/** Marker half-widths; all but the smallest are drawn as outlines, so a smaller marker at the same point shows inside. */
const MARKER_SIZES = [4.8, 3.4, 2];

/** The chart's own rules, after the reports' style sheet. */
const HISTORY_CSS = `
.history-chart { margin: 1rem 0; color: var(--fg); }
.history-chart > svg { max-width: 60rem; display: block; }
.history-chart .legend svg { vertical-align: middle; }
.history-chart + .table-wrap td { white-space: nowrap; }
.history-chart .legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; font-size: 0.85rem; }
.history-chart .marker { stroke: var(--bg); stroke-width: 1; }
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
  // Only what was assessed at some point (buildHistory keeps those dimensions); the overall line first, under the rest.
  const series: Series[] = [
    { name: 'Overall', colour: 'currentColor', width: 3, dash: '', marker: 'circle', size: 5, hollow: false, value: (p: HistoryPoint) => p.overall },
    ...history.dimensions.map((d, i) => ({
      name: d.title,
      colour: COLOURS[i % COLOURS.length] as string,
      width: 1.5,
      dash: DASHES[i % DASHES.length] as string,
      marker: MARKERS[i % MARKERS.length] as Marker,
      // Three sizes with four shapes: two lines that meet at a point seldom share both.
      size: MARKER_SIZES[i % MARKER_SIZES.length] as number,
      hollow: i % MARKER_SIZES.length < MARKER_SIZES.length - 1,
      value: (p: HistoryPoint) => p.dimensions[d.id],
    })),
  ];
  const valuesOf = (s: Series) => history.points.map((p) => s.value(p));
  const pointsOf = (s: Series) => history.points.map((p, i) => ({ i, v: s.value(p) })).filter((q): q is { i: number; v: number } => q.v !== undefined);
  const lines = series.map((s) => {
    const points = pointsOf(s);
    const path = points.map((q) => `${x(q.i).toFixed(1)},${y(q.v).toFixed(1)}`).join(' ');
    const dash = s.dash ? ` stroke-dasharray="${s.dash}"` : '';
    return points.length > 1 ? `<polyline points="${path}" fill="none" stroke="${s.colour}" stroke-width="${s.width}"${dash}><title>${escapeHtml(s.name)}</title></polyline>` : '';
  });
  // The markers after every line, the larger first: markers at one point nest rather than hide each other.
  const markers = series
    .flatMap((s) => pointsOf(s).map((q) => ({ s, q })))
    .sort((a, b) => b.s.size - a.s.size)
    .map(({ s, q }) => {
      // Name the other lines that share this point, which the eye cannot tell from the chart alone.
      const same = series.filter((o) => o !== s && o.value(history.points[q.i] as HistoryPoint) === q.v).map((o) => o.name);
      return markerSvg(s, x(q.i), y(q.v), `${s.name}: ${formatScore(q.v)}${same.length ? ` (as ${same.join(', ')})` : ''}`);
    });
  const legend = series
    .map((s, i) => {
      // A line equal to an earlier one at every point lies on it: the legend says so.
      const twin = series.slice(0, i).find((o) => valuesOf(o).every((v, k) => v === valuesOf(s)[k]));
      const dash = s.dash ? ` stroke-dasharray="${s.dash}"` : '';
      return `<li><svg width="30" height="12" aria-hidden="true"><line x1="0" x2="30" y1="6" y2="6" stroke="${s.colour}" stroke-width="${s.width}"${dash}/>${markerSvg(s, 15, 6)}</svg> ${escapeHtml(s.name)}${twin ? ` <span class="muted">${escapeHtml(`(on the ${twin.name} line throughout)`)}</span>` : ''}</li>`;
    })
    .join('');
  const dimension = termWord(history.rubric?.terms.dimension ?? 'dimension', 1);
  const description = `Line chart of the overall score${history.dimensions.length ? ` and each ${dimension}` : ''} at ${countOf(n, 'point')}, on the scale ${min} to ${max}.`;
  return `<figure class="history-chart"><svg viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" role="img" aria-label="${escapeHtml(description)}">${grid.join('')}${labels.join('')}${lines.join('')}${markers.join('')}</svg><figcaption><ul class="legend">${legend}</ul></figcaption></figure>`;
}

interface Series {
  readonly name: string;
  readonly colour: string;
  readonly width: number;
  readonly dash: string;
  readonly marker: Marker;
  /** The marker's half-width. */
  readonly size: number;
  /** Drawn as an outline. */
  readonly hollow: boolean;
  readonly value: (p: HistoryPoint) => number | undefined;
}

/** A series' point marker at (cx, cy), with a tooltip when given. */
function markerSvg(s: Series, cx: number, cy: number, tooltip?: string): string {
  const r = s.size;
  const title = tooltip !== undefined ? `<title>${escapeHtml(tooltip)}</title>` : '';
  const at = (dx: number, dy: number) => `${(cx + dx).toFixed(1)},${(cy + dy).toFixed(1)}`;
  // A thin outline in the page's colour (.marker) keeps a filled marker apart from one under it.
  const paint = s.hollow ? `fill="none" stroke="${s.colour}" stroke-width="1.6"` : `fill="${s.colour}" class="marker"`;
  const shape =
    s.marker === 'square'
      ? `<rect x="${(cx - r).toFixed(1)}" y="${(cy - r).toFixed(1)}" width="${(2 * r).toFixed(1)}" height="${(2 * r).toFixed(1)}" ${paint}>`
      : s.marker === 'diamond'
        ? `<polygon points="${at(0, -r - 1)} ${at(r + 1, 0)} ${at(0, r + 1)} ${at(-r - 1, 0)}" ${paint}>`
        : s.marker === 'triangle'
          ? `<polygon points="${at(0, -r - 1)} ${at(r + 1, r)} ${at(-r - 1, r)}" ${paint}>`
          : `<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="${r}" ${paint}>`;
  const close = shape.startsWith('<rect') ? '</rect>' : shape.startsWith('<polygon') ? '</polygon>' : '</circle>';
  return `${shape}${title}${close}`;
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
        const partial = pointCoverage(p);
        return `${escapeHtml(formatScore(p.overall))}${move ? ` (${escapeHtml(move)})` : ''}${partial ? `, ${escapeHtml(partial)}` : ''}${p.errors ? ` (${countOf(p.errors, 'error')})` : ''}`;
      },
    },
    ...(history.points.some((p) => p.evidence) ? [{ header: 'Evidence age', cell: (p: HistoryPoint) => escapeHtml(pointEvidenceAge(p) ?? '–') }] : []),
    ...history.dimensions.map((d) => ({ header: d.title, numeric: true, optional: true, cell: (p: HistoryPoint) => escapeHtml(formatScore(p.dimensions[d.id])) })),
  ];
  return table(history.points, columns);
}
