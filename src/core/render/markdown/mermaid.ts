/**
 * Mermaid charts in Markdown (GitHub renders a ```mermaid block as a chart). Labels come from
 * documents, so they are written as Mermaid's quoted strings with every character that could end
 * the string, start a directive or an entity, or break the line replaced by its `#code;` entity.
 * Numbers are written as every score is shown (formatScore: two decimals at most).
 *
 * Lengths: an xychart draws its title on one line, centred, at 20 px in a 700 px wide chart, and
 * never wraps or shortens it (mermaid's chartTitle.ts), so a title too long for the chart loses
 * both its ends. Titles are therefore written whole, and kept short by the callers (see
 * `chartTitle`). Category labels on the x axis come from documents and can be long: they are cut
 * at a word boundary to a length a chart can show, with an ellipsis.
 */
import { formatScore } from '../text';

const MAX_LABEL = 40;
/** About the characters a 700 px wide chart shows at the title's 20 px, with room to spare. */
export const MAX_TITLE = 50;

/** Replaces line breaks and other control characters, which would end the quoted string, by spaces. */
function oneLine(text: string): string[] {
  return [...text].map((ch) => (/\p{Cc}|\p{Zl}|\p{Zp}/u.test(ch) ? ' ' : ch));
}

/**
 * A long label cut to `max` characters at the last word boundary, with an ellipsis: "IT4IT and the
 * legacy…", not "IT4IT and the legacy e…". A label with no boundary in its second half is cut
 * where it must be.
 */
export function shortLabel(text: string, max = MAX_LABEL): string {
  const chars = oneLine(text);
  if (chars.length <= max) return chars.join('');
  const room = chars.slice(0, max - 1);
  let cut = room.length;
  // A boundary is a space before the character after the cut (the word ends) or inside the room.
  if (chars[room.length] !== ' ') {
    const space = room.lastIndexOf(' ');
    if (space >= Math.floor(max / 2)) cut = space;
  }
  // No dangling separator before the ellipsis: "March 2026 —…" reads as "March 2026…".
  const kept = room.slice(0, cut).join('').replace(/[\s,;:—–-]+$/u, '');
  return `${kept}…`;
}

/** A text as a quoted Mermaid string, each character that could end it or start an entity, a comment or a directive written as an entity. */
function quoted(text: string): string {
  let out = '';
  for (const ch of text) out += /[\p{L}\p{N} .,:()\-–—_/&+…'!?]/u.test(ch) ? ch : `#${ch.codePointAt(0)};`;
  return `"${out}"`;
}

/** A document's text as a quoted Mermaid label, shortened at a word boundary when long. */
export function mermaidLabel(text: string): string {
  return quoted(shortLabel(text));
}

/**
 * The first of the titles that fits on the chart's one title line: a caller offers a precise title
 * built from a rubric's words and a plain one that always fits. Nothing is cut.
 */
export function chartTitle(...candidates: readonly [string, ...string[]]): string {
  return candidates.find((t) => [...t].length <= MAX_TITLE) ?? candidates[candidates.length - 1] as string;
}

export interface LineSeries {
  readonly values: readonly number[];
}

/**
 * An xychart: categories along the x axis, one bar series and any number of line series, on a
 * y axis from `min` to `max`. GitHub draws no legend for these, so the caller says in words what
 * the bars and lines are, in a title short enough to be shown whole (`chartTitle`).
 */
export function mermaidXyChart(options: {
  readonly title: string;
  readonly categories: readonly string[];
  readonly yLabel: string;
  readonly min: number;
  readonly max: number;
  readonly bars?: readonly number[];
  readonly lines?: readonly (readonly number[])[];
}): string {
  const body = [
    'xychart-beta',
    `  title ${quoted(oneLine(options.title).join(''))}`,
    `  x-axis [${options.categories.map(mermaidLabel).join(', ')}]`,
    `  y-axis ${mermaidLabel(options.yLabel)} ${formatScore(options.min)} --> ${formatScore(options.max)}`,
    ...(options.bars ? [`  bar [${options.bars.map(formatScore).join(', ')}]`] : []),
    ...(options.lines ?? []).map((line) => `  line [${line.map(formatScore).join(', ')}]`),
  ];
  return ['```mermaid', ...body, '```'].join('\n');
}
