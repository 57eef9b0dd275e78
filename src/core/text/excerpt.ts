import { UNSAFE_CHARACTER, visibleEscape } from './controls';

/** How much of a text from a document a message quotes, at most: enough to find it, no more. */
export const MAX_QUOTED = 40;

/** A text for a message: on one line, runs of white space as one space, at most `max` characters. */
export function boundedQuote(text: string, max: number): string {
  const head = text.length > max * 2 ? text.slice(0, max * 2) : text;
  const flat = head.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * The one excerpt of a document's text that a message may quote: on one line, at most MAX_QUOTED
 * characters, unsafe characters (text/controls.ts) as escapes. The diagnostic's range shows the rest.
 */
export function excerpt(text: string): string {
  return boundedQuote(text, MAX_QUOTED).replace(UNSAFE_CHARACTER, visibleEscape);
}
