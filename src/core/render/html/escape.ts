const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and for quoted attribute values. Every piece of user text goes through it. */
export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string);
}

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
