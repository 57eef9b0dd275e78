import { UNSAFE_BUT_SPACING, visibleEscape } from '../../text/controls';

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '\n': '&#10;', '\r': '&#13;', '#': '&#35;', ':': '&#58;' };

/**
 * Escapes text for HTML content and for quoted attribute values. Every piece of user text goes
 * through it (the free-text Markdown renderer too, see markdown/toHtml.ts). Besides HTML's own
 * characters, it writes newlines as references, and the first character of every `##` and `::`,
 * so that an HTML report printed to a CI log (`rubrics report --format html`) never carries a line
 * or a command from a document (text/logCommands.ts): a reference reads as the character, so the
 * page shows the same. Unsafe characters (terminal escapes, bidirectional controls) show as their
 * escapes (`\u001b`), as in every other output.
 */
export function escapeHtml(text: string | number): string {
  return String(text).replace(HTML_SPECIAL, (c) => HTML_ESCAPES[c] ?? visibleEscape(c));
}

/** HTML's own characters, the first of every `##` and `::`, and the unsafe characters (text/controls.ts), which show as their escapes. */
const HTML_SPECIAL = new RegExp(`[&<>"'\\n\\r]|#(?=#)|:(?=:)|${UNSAFE_BUT_SPACING.source}`, 'g');

/** ` name="value"` with the value escaped, or nothing when the value is undefined. */
export function attr(name: string, value: string | number | undefined): string {
  return value === undefined ? '' : ` ${name}="${escapeHtml(value)}"`;
}

/** Attributes that let the preview reveal an item in the editor (a focusable row with its offset). */
export function sourceAttrs(offset: number | undefined): string {
  return offset === undefined ? '' : ` data-source-offset="${offset}" tabindex="0"`;
}

/** A fragment id safe to use in HTML from any user id. */
export function anchorId(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^a-zA-Z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`;
}
