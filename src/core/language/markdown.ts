/** Small helpers for the Markdown that hovers and completion documentation show. */

/** Escapes text taken from a user's file so it shows as written, not as Markdown or HTML. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (ch) => `\\${ch}`);
}

/** Inline code for an id or value; backticks in it are kept by widening the fence. */
export function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text.includes('`') ? ` ${text} ` : text}${fence}`;
}

export function levelLabel(level: number, name: string | undefined): string {
  return name ? `${level} ${name}` : String(level);
}

export function formatNumber(value: number, digits = 2): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(digits).replace(/0+$/, '').replace(/\.$/, '');
}

/** A Markdown field from a user's file is already Markdown: shown as such, with raw HTML disabled by the editor. */
export function paragraph(markdown: string | undefined): string {
  return markdown ? markdown.trim() : '';
}

/** The plural of a rubric's term for its items ("Capability" → "capabilities"), in lower case. */
export function plural(term: string): string {
  const word = term.toLowerCase();
  if (word.endsWith('criterion')) return `${word.slice(0, -2)}a`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}
