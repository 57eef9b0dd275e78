import { formatScore, monthYear } from '../text';
import { attr, escapeHtml, sourceAttrs } from './escape';

/**
 * Charts as inline SVG. No chart uses a `style` attribute (the page's policy refuses inline
 * styles): colours come from classes in the page's style sheet, positions from SVG attributes.
 * Bars use percentages of an SVG without a viewBox, so they stretch with the panel while their
 * text stays at its normal size.
 */

export interface ChartScale {
  readonly min: number;
  readonly max: number;
  readonly threshold?: number;
}

function fraction(value: number, scale: ChartScale): number {
  if (scale.max <= scale.min) return 0;
  return Math.min(1, Math.max(0, (value - scale.min) / (scale.max - scale.min)));
}

function pct(f: number): string {
  return `${Number((f * 100).toFixed(3))}%`;
}

function num(n: number): string {
  return String(Number(n.toFixed(2)));
}

export interface RadarAxis {
  /** The number shown at the axis end; the legend beside the chart uses the same number. */
  readonly number: number;
  readonly title: string;
  readonly score?: number;
  readonly target?: number;
}

const RADAR_SIZE = 340;
const RADAR_CENTER = RADAR_SIZE / 2;
const RADAR_RADIUS = 120;
/** Vertical room a ring number needs between two rings, in chart units. */
const RING_LABEL_ROOM = 20;

function radarPoint(axis: number, count: number, radius: number): [number, number] {
  const angle = -Math.PI / 2 + (2 * Math.PI * axis) / count;
  return [RADAR_CENTER + radius * Math.cos(angle), RADAR_CENTER + radius * Math.sin(angle)];
}

function polygon(values: readonly number[], scale: ChartScale): string {
  return values.map((v, i) => radarPoint(i, values.length, fraction(v, scale) * RADAR_RADIUS).map(num).join(',')).join(' ');
}

/** Whole levels to draw as rings: every level, or about five when the scale is long. */
function ringLevels(scale: ChartScale): number[] {
  const span = scale.max - scale.min;
  const step = span > 10 ? Math.ceil(span / 5) : 1;
  const levels: number[] = [];
  for (let l = scale.min + step; l <= scale.max; l += step) levels.push(l);
  return levels;
}

/**
 * A radar chart of current scores against targets, one axis per dimension (three or more).
 * Axes carry numbers rather than titles, so the chart stays legible in a narrow panel; the
 * numbered list beside it names them.
 */
export function radarChart(id: string, axes: readonly RadarAxis[], scale: ChartScale, dimensionTerm: string): string {
  const count = axes.length;
  const rings = ringLevels(scale)
    .map((level) => {
      const points = axes.map((_, i) => radarPoint(i, count, fraction(level, scale) * RADAR_RADIUS).map(num).join(',')).join(' ');
      const isThreshold = level === scale.threshold;
      return `<polygon class="${isThreshold ? 'radar-threshold' : 'radar-ring'}" points="${points}"/>`;
    })
    .join('');
  // Each ring's number sits just above and left of where the ring meets the top spoke: the ring
  // runs downward from there and the next ring is higher, so no ring or spoke crosses it. On a
  // scale with many rings close together, only every few are numbered, so the numbers fit
  // between them. A halo (see styles) keeps them legible where a data line passes.
  const levels = ringLevels(scale);
  const spacing = levels.length > 1 ? (fraction(levels[1] as number, scale) - fraction(levels[0] as number, scale)) * RADAR_RADIUS : RADAR_RADIUS;
  const labelEvery = Math.max(1, Math.ceil(RING_LABEL_ROOM / spacing));
  const ringLabels = levels
    .filter((_, i) => (levels.length - 1 - i) % labelEvery === 0)
    .map((level) => {
      const y = RADAR_CENTER - fraction(level, scale) * RADAR_RADIUS;
      return `<text class="radar-ring-label" x="${RADAR_CENTER - 4}" y="${num(y - 3)}" text-anchor="end">${level}</text>`;
    })
    .join('');
  const spokes = axes
    .map((_, i) => {
      const [x, y] = radarPoint(i, count, RADAR_RADIUS);
      return `<line class="radar-spoke" x1="${RADAR_CENTER}" y1="${RADAR_CENTER}" x2="${num(x)}" y2="${num(y)}"/>`;
    })
    .join('');
  const current = axes.map((a) => a.score ?? scale.min);
  const hasTargets = axes.some((a) => a.target !== undefined);
  const target = axes.map((a) => a.target ?? a.score ?? scale.min);
  const dots = axes
    .map((a, i) => {
      if (a.score === undefined) return '';
      const [x, y] = radarPoint(i, count, fraction(a.score, scale) * RADAR_RADIUS);
      return `<circle class="radar-dot" cx="${num(x)}" cy="${num(y)}" r="3.5"/>`;
    })
    .join('');
  const labels = axes
    .map((a, i) => {
      const [x, y] = radarPoint(i, count, RADAR_RADIUS + 22);
      return `<g class="radar-axis${a.score === undefined ? ' radar-axis-unscored' : ''}"><circle cx="${num(x)}" cy="${num(y)}" r="12"/><text x="${num(x)}" y="${num(y + 4)}" text-anchor="middle">${a.number}</text></g>`;
    })
    .join('');
  const description = axes
    .map((a) => `${a.number}. ${a.title}: ${a.score === undefined ? 'not scored' : `${formatScore(a.score)} of ${scale.max}`}${a.target !== undefined ? `, target ${formatScore(a.target)}` : ''}`)
    .join('; ');
  return (
    `<svg class="radar" viewBox="0 0 ${RADAR_SIZE} ${RADAR_SIZE}" role="img" aria-labelledby="${id}-title ${id}-desc">` +
    `<title id="${id}-title">Current score${hasTargets ? ' against target' : ''} for each ${escapeHtml(dimensionTerm.toLowerCase())}</title>` +
    `<desc id="${id}-desc">${escapeHtml(description)}</desc>` +
    rings +
    spokes +
    (hasTargets ? `<polygon class="radar-target" points="${polygon(target, scale)}"/>` : '') +
    `<polygon class="radar-current" points="${polygon(current, scale)}"/>` +
    dots +
    ringLabels +
    labels +
    `</svg>`
  );
}

export interface BarRow {
  readonly number?: number;
  readonly title: string;
  readonly from?: number;
  readonly value?: number;
  readonly target?: number;
  /** Text after the title: the values in words. */
  readonly caption: string;
  readonly sourceOffset?: number;
  readonly tone?: string;
}

/**
 * A horizontal bar on the level scale: filled to the value, optionally starting a lighter
 * segment at `from` (baseline → projected), a marker at the target and a dashed line at the
 * threshold.
 */
export function levelBar(row: Pick<BarRow, 'from' | 'value' | 'target'>, scale: ChartScale, label: string): string {
  const parts = [`<rect class="bar-track" x="0" y="4" width="100%" height="10" rx="3"/>`];
  if (row.from !== undefined && row.value !== undefined && row.value > row.from) {
    if (fraction(row.from, scale) > 0) parts.push(`<rect class="bar-base" x="0" y="4" width="${pct(fraction(row.from, scale))}" height="10" rx="3"/>`);
    parts.push(`<rect class="bar-gain" x="${pct(fraction(row.from, scale))}" y="4" width="${pct(fraction(row.value, scale) - fraction(row.from, scale))}" height="10"/>`);
  } else if (row.value !== undefined) {
    parts.push(`<rect class="bar-value" x="0" y="4" width="${pct(fraction(row.value, scale))}" height="10" rx="3"/>`);
  }
  if (scale.threshold !== undefined) {
    const x = pct(fraction(scale.threshold, scale));
    parts.push(`<line class="bar-threshold" x1="${x}" x2="${x}" y1="0" y2="18"/>`);
  }
  if (row.target !== undefined) {
    const x = fraction(row.target, scale);
    // Keep the marker inside the track at both ends.
    parts.push(`<rect class="bar-target" x="${pct(Math.min(x, 0.995))}" y="0" width="3" height="18" transform="translate(-1.5 0)"/>`);
  }
  return `<svg class="bar" width="100%" height="18" role="img"${attr('aria-label', label)}>${parts.join('')}</svg>`;
}

/** A list of labelled level bars (gap bars, projections). */
export function barList(className: string, rows: readonly BarRow[], scale: ChartScale): string {
  const items = rows
    .map((row) => {
      const label = `${row.title}: ${row.caption}`;
      return (
        `<li class="bar-row"${sourceAttrs(row.sourceOffset)}>` +
        `<div class="bar-label">${row.number !== undefined ? `<span class="bar-num">${row.number}</span>` : ''}<span class="bar-title">${escapeHtml(row.title)}</span>` +
        `<span class="bar-caption${row.tone ? ` tone-${row.tone}` : ''}">${escapeHtml(row.caption)}</span></div>` +
        levelBar(row, scale, label) +
        `</li>\n`
      );
    })
    .join('');
  return `<ol class="bar-list ${className}">\n${items}</ol>\n`;
}

/** The legend of bar marks, shown once under a list of bars. */
export function barLegend(options: { value: string; gain?: string; target: boolean; threshold?: string }): string {
  const item = (cls: string, text: string) => `<span class="legend-item"><svg width="14" height="10" aria-hidden="true"><rect class="${cls}" x="0" y="1" width="14" height="8" rx="2"/></svg>${escapeHtml(text)}</span>`;
  const marks = [item(options.gain ? 'bar-base' : 'bar-value', options.value)];
  if (options.gain) marks.push(item('bar-gain', options.gain));
  if (options.target) marks.push(`<span class="legend-item"><svg width="6" height="12" aria-hidden="true"><rect class="bar-target" x="1.5" y="0" width="3" height="12"/></svg>Target</span>`);
  if (options.threshold) marks.push(`<span class="legend-item"><svg width="10" height="12" aria-hidden="true"><line class="bar-threshold" x1="5" x2="5" y1="0" y2="12"/></svg>${escapeHtml(options.threshold)}</span>`);
  return `<p class="legend">${marks.join('')}</p>`;
}

export interface TimelineRow {
  readonly id: string;
  readonly title: string;
  readonly status: string;
  readonly statusLabel: string;
  readonly start: string;
  readonly end: string;
  readonly startFraction: number;
  readonly endFraction: number;
  readonly sourceOffset?: number;
  readonly anchor: string;
}

export interface TimelineLane {
  readonly title: string;
  readonly rows: readonly TimelineRow[];
}

/** Where each new year starts on the horizon, for ticks and labels. */
function yearTicks(start: string, end: string): { fraction: number; label: string }[] {
  const from = Date.parse(`${start}T00:00:00Z`);
  const to = Date.parse(`${end}T00:00:00Z`) + 86_400_000;
  if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from) return [];
  const ticks: { fraction: number; label: string }[] = [];
  const firstYear = new Date(from).getUTCFullYear() + 1;
  const lastYear = new Date(to).getUTCFullYear();
  // At most eight labels: in a side panel the track can be under 300 pixels wide.
  const every = Math.max(1, Math.ceil((lastYear - firstYear + 1) / 8));
  for (let year = firstYear; year <= lastYear; year += every) {
    const t = Date.UTC(year, 0, 1);
    if (t > from && t < to) ticks.push({ fraction: (t - from) / (to - from), label: String(year) });
  }
  return ticks;
}

/**
 * A timeline of initiatives over the horizon, one lane per value stream, bars coloured by status.
 * The axis has two lines: each new year at its tick, and under them the horizon's first and last
 * month at the ends. Labels on one line are at least a year apart and those at the ends are
 * anchored inward, so no two collide however narrow the panel (positions are percentages of a
 * width only the browser knows).
 */
export function timeline(lanes: readonly TimelineLane[], horizon: { start: string; end: string }): string {
  const ticks = yearTicks(horizon.start, horizon.end);
  const gridLines = ticks.map((t) => `<line class="tl-grid" x1="${pct(t.fraction)}" x2="${pct(t.fraction)}" y1="0" y2="100%"/>`).join('');
  const tickLabels = ticks
    .map((t) => `<text x="${pct(t.fraction)}" y="12" text-anchor="${t.fraction < 0.06 ? 'start' : t.fraction > 0.94 ? 'end' : 'middle'}">${escapeHtml(t.label)}</text>`)
    .join('');
  const axis =
    `<div class="tl-row tl-axis" aria-hidden="true"><div class="tl-label"></div>` +
    `<svg class="tl-track" width="100%" height="32">${gridLines}${tickLabels}` +
    `<text class="tl-end" x="0" y="28">${escapeHtml(monthYear(horizon.start))}</text>` +
    `<text class="tl-end" x="100%" y="28" text-anchor="end">${escapeHtml(monthYear(horizon.end))}</text></svg></div>`;
  const body = lanes
    .map((lane) => {
      const rows = lane.rows
        .map((row) => {
          const width = Math.max(0.004, row.endFraction - row.startFraction);
          const label = `${row.title}: ${row.statusLabel}, ${row.start} to ${row.end}`;
          return (
            `<li class="tl-row"${sourceAttrs(row.sourceOffset)}>` +
            `<div class="tl-label"><a class="tl-title" href="#${escapeHtml(row.anchor)}">${escapeHtml(row.title)}</a>` +
            `<span class="tl-dates">${escapeHtml(`${monthYear(row.start)} – ${monthYear(row.end)}`)} · ${escapeHtml(row.statusLabel)}</span></div>` +
            `<svg class="tl-track" width="100%" height="22" role="img"${attr('aria-label', label)}>${gridLines}` +
            `<rect class="tl-bar st-${escapeHtml(row.status)}" x="${pct(row.startFraction)}" y="4" width="${pct(width)}" height="14" rx="3"/></svg>` +
            `</li>\n`
          );
        })
        .join('');
      return `<li class="tl-lane"><h4 class="tl-lane-title">${escapeHtml(lane.title)}</h4><ol class="tl-rows">\n${rows}</ol></li>\n`;
    })
    .join('');
  return `<div class="timeline">${axis}\n<ol class="tl-lanes">\n${body}</ol></div>\n`;
}

/** Legend of initiative statuses, with the same classes as the bars. */
export function statusLegend(statuses: readonly { status: string; label: string }[]): string {
  return `<p class="legend">${statuses
    .map((s) => `<span class="legend-item"><svg width="14" height="10" aria-hidden="true"><rect class="tl-bar st-${escapeHtml(s.status)}" x="0.5" y="0.5" width="13" height="9" rx="2"/></svg>${escapeHtml(s.label)}</span>`)
    .join('')}</p>`;
}

/** A thin meter for a ratio (evidence coverage). */
export function meter(ratio: number, label: string): string {
  const f = Math.min(1, Math.max(0, ratio));
  return `<svg class="meter" width="100%" height="8" role="img"${attr('aria-label', label)}><rect class="bar-track" x="0" y="0" width="100%" height="8" rx="4"/><rect class="bar-value" x="0" y="0" width="${pct(f)}" height="8" rx="4"/></svg>`;
}
