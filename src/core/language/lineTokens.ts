/**
 * The structure one line of block-style YAML shows on its face: indentation, `- ` indicators,
 * a `key:`, and the value text after it. Used where a full parse cannot help: while the user is
 * typing and the document is not (yet) valid YAML.
 */
export interface LineTokens {
  /** Columns of the `- ` sequence indicators at the start of the line. */
  readonly dashes: readonly number[];
  /** Column after the indentation and the dashes. */
  readonly contentCol: number;
  readonly key?: { readonly text: string; readonly col: number; readonly end: number };
  /** Value text after `key:` (or the line's content when there is no key), without comment or trailing spaces. */
  readonly value?: { readonly col: number; readonly text: string };
  /** Nothing but spaces and perhaps a comment. */
  readonly blank: boolean;
}

const PLAIN_KEY = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"{}[\],&*!|>%@`][^#]*?))[ \t]*:(?=[ \t]|$)/;

export function indentOf(line: string): number {
  let i = 0;
  while (i < line.length && line.charCodeAt(i) === 32) i++;
  return i;
}

/** Where a comment starts in `text` (which begins at a value or content start), or -1. */
export function commentStart(text: string, from = 0): number {
  let quote = '';
  for (let i = from; i < text.length; i++) {
    const ch = text[i] as string;
    if (quote) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = '';
      continue;
    }
    if ((ch === '"' || ch === "'") && (i === from || /[\s[{,:]/.test(text[i - 1] as string))) quote = ch;
    else if (ch === '#' && (i === 0 || /\s/.test(text[i - 1] as string))) return i;
  }
  return -1;
}

export function tokenizeLine(line: string): LineTokens {
  const dashes: number[] = [];
  let col = indentOf(line);
  while (line[col] === '-' && (col + 1 === line.length || line[col + 1] === ' ' || line[col + 1] === '\t')) {
    dashes.push(col);
    col++;
    while (line[col] === ' ' || line[col] === '\t') col++;
  }
  const content = line.slice(col);
  if (content.trim() === '' || content.startsWith('#')) {
    return { dashes, contentCol: col, blank: dashes.length === 0 };
  }
  const match = PLAIN_KEY.exec(content);
  if (match) {
    const keyText = match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : match[2] !== undefined ? match[2].replace(/''/g, "'") : (match[3] as string).trimEnd();
    const raw = match[1] ?? match[2];
    const keyEnd = col + (raw !== undefined ? raw.length + 2 : (match[3] as string).trimEnd().length);
    let valueCol = col + match[0].length;
    while (line[valueCol] === ' ' || line[valueCol] === '\t') valueCol++;
    const rest = line.slice(valueCol);
    const cut = commentStart(rest);
    const text = (cut < 0 ? rest : rest.slice(0, cut)).trimEnd();
    return { dashes, contentCol: col, key: { text: keyText, col, end: keyEnd }, value: { col: valueCol, text }, blank: false };
  }
  const cut = commentStart(content);
  return { dashes, contentCol: col, value: { col, text: (cut < 0 ? content : content.slice(0, cut)).trimEnd() }, blank: false };
}

/** Whether a value text opens a block scalar (`|`, `>-`, `|2+`...). */
export function isBlockScalarHeader(text: string): boolean {
  return /^[|>][0-9+-]*$/.test(text);
}

/** Net count of flow brackets a text opens (outside quotes). */
export function flowBalance(text: string): number {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quote) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') depth--;
  }
  return depth;
}
