import { isSafeUrl } from '../../domain/links';

/**
 * Escaping for Markdown output (GitHub comments, job summaries, files in a repository). User
 * text is either plain (titles, ids, reasons: escaped so it shows literally) or Markdown free
 * text (notes, summaries: kept as Markdown, with raw HTML, unsafe links and images defused).
 */

/** Plain text on one line, safe inside a paragraph, a list item or a table cell. */
export function mdText(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_[\]<>|~&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`))
    // Characters that only mean something at the start of a line or list item.
    .replace(/^(\s*)([-+#])(?=\s|$)/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2');
}

/** Inline code for ids and values; backticks inside are kept by a longer fence. */
export function mdCode(text: string): string {
  const single = text.replace(/\r\n?|\n/g, ' ').replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(single.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = single.startsWith('`') || single.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${single}${pad}${fence}`;
}

/**
 * Markdown free text, kept as Markdown but defused: raw HTML shows as text, links whose scheme
 * is not http, https or mailto lose their link syntax, and images become plain links (a report
 * loads nothing).
 */
export function mdBlock(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, '\n')
    .replace(/</g, '&lt;')
    .replace(/!\[/g, '\\![')
    .replace(/\[([^\]\n]*)\]\(\s*([^)\s]*)/g, (whole, label: string, url: string) => (isSafeUrl(url.replace(/^&lt;/, '')) || url === '' ? whole : `\\[${label}\\]\\(${url}`))
    .replace(/^(\s{0,3}\[[^\]\n]+\]:\s*)(\S+)/gm, (whole, _prefix: string, url: string) => (isSafeUrl(url.replace(/^&lt;/, '')) ? whole : `\\${whole}`))
    .trim();
}

export type Align = 'left' | 'right' | 'center';

/** A GitHub table; cells are Markdown already (escape user text with mdText first). */
export function mdTable(headers: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[] = []): string {
  if (rows.length === 0) return '';
  const rule = headers.map((_, i) => (align[i] === 'right' ? '---:' : align[i] === 'center' ? ':---:' : '---'));
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replace(/\r\n?|\n/g, ' ') || ' ').join(' | ')} |`;
  return [line(headers), line(rule), ...rows.map(line)].join('\n');
}
