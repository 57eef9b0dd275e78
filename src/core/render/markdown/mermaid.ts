/**
 * Mermaid charts in Markdown (GitHub renders a ```mermaid block as a chart). Labels come from
 * documents, so they are written as Mermaid's quoted strings with every character that could end
 * the string, start a directive or an entity, or break the line replaced by its `#code;` entity,
 * and cut to a length a chart can show. Numbers are written at two decimals.
 */

const MAX_LABEL = 40;

/** A document's text as a quoted Mermaid label. */
export function mermaidLabel(text: string): string {
  const chars = [...text].map((ch) => (/\p{Cc}|\p{Zl}|\p{Zp}/u.test(ch) ? ' ' : ch));
  const short = chars.length > MAX_LABEL ? `${chars.slice(0, MAX_LABEL - 1).join('')}…` : chars.join('');
  let out = '';
  // Letters, digits and plain punctuation stay; anything that could end the string, start an
  // entity, a comment or a directive becomes an entity.
  for (const ch of short) out += /[\p{L}\p{N} .,:()\-–—_/&+…'!?]/u.test(ch) ? ch : `#${ch.codePointAt(0)};`;
  return `"${out}"`;
}

const number = (value: number) => String(Number(value.toFixed(2)));

export interface LineSeries {
  readonly values: readonly number[];
}

/**
 * An xychart: categories along the x axis, one bar series and any number of line series, on a
 * y axis from `min` to `max`. GitHub draws no legend for these, so the caller says in words what
 * the bars and lines are.
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
    `  title ${mermaidLabel(options.title)}`,
    `  x-axis [${options.categories.map(mermaidLabel).join(', ')}]`,
    `  y-axis ${mermaidLabel(options.yLabel)} ${number(options.min)} --> ${number(options.max)}`,
    ...(options.bars ? [`  bar [${options.bars.map(number).join(', ')}]`] : []),
    ...(options.lines ?? []).map((line) => `  line [${line.map(number).join(', ')}]`),
  ];
  return ['```mermaid', ...body, '```'].join('\n');
}
