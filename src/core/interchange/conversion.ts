import type { Rubric } from '../format/types';

/** What a converter gives: the rubric, where it came from, and what it could not carry over. */
export interface Conversion {
  readonly rubric: Rubric;
  /** One line for the header of the written file: which model, which version of its format. */
  readonly source: string;
  /** Things left out or changed, one sentence each, for stderr (a link to an item that does not exist, for example). */
  readonly notes: readonly string[];
}

/** A source file that cannot be converted: the message names the file and what is wrong. */
export class ConversionError extends Error {}

export { isMap } from '../format/values';

/** Text of a field, trimmed; undefined when it is missing or empty. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Paragraphs joined as Markdown, the empty ones left out; undefined when none is left. */
export function paragraphs(...parts: (string | undefined)[]): string | undefined {
  const kept = parts.filter((p): p is string => p !== undefined && p.trim() !== '').map((p) => p.trim());
  return kept.length ? kept.join('\n\n') : undefined;
}
