import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { isSafeUrl } from '../../domain/links';
import { isUnsafeCharacter, UNSAFE_BUT_SPACING, visibleEscape } from '../../text/controls';
import { LOG_COMMAND, WORKFLOW_COMMAND_START } from '../../text/logCommands';

/**
 * The one Markdown escape, for every Markdown the tool writes: reports, the score diff, pull-request
 * comments and job summaries (the GitHub Action posts these), and the editor's hovers. Text from a
 * document is either
 * - plain (titles, ids, reasons, terms): `markdownText` makes it read literally, on one line; or
 * - Markdown free text (notes, summaries, descriptions): `markdownBlock` keeps its formatting but
 *   rebuilds it from markdown-it's own parse, so only what markdown-it itself recognised as
 *   emphasis, code, lists, quotes, tables and safe links comes out as markup. Raw HTML, links
 *   whose scheme the link policy refuses (however they are spelled: `&#x6A;avascript:` is
 *   `javascript:` to markdown-it too), and images (a report loads nothing) come out as text.
 * In both, `@name` and `@org/team` get a zero-width joiner after the `@`, so a posted comment
 * pings nobody, unsafe characters (text/controls.ts: terminal escapes, bidirectional controls)
 * show as their escapes (`\u001b`), and no CI log command forms from a document's text (text/logCommands.ts), since
 * Markdown is also printed to logs (`rubrics report`, `rubrics diff`): in text, the second `#` of
 * every `##` and the first `:` of every `::` are backslash-escaped (Markdown shows them as
 * written); in code, where backslashes show, a zero-width joiner goes between the `#`s of a log
 * command and before a `::` that starts a line. Plain text never keeps a newline; free text keeps
 * the author's line breaks, and every line it writes starts with the report's own markup or with
 * escaped text. Nothing here uses a regular expression over the text: one pass over characters,
 * or markdown-it's tokens, so no input makes it slow.
 */

const parser = new MarkdownIt({ html: false, linkify: false, typographer: false });
// The link policy decides at parse time: a refused destination is not a link, only text.
parser.validateLink = (url: string) => isSafeUrl(url);

const ZERO_WIDTH_JOINER = '\u200d';

function isAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Characters that can open or close inline markup (CommonMark and GitHub's extensions: tables, strikethrough, math). */
const BACKSLASHED = new Set(['\\', '`', '*', '_', '[', ']', '|', '~', '$']);
const ENTITIES: Readonly<Record<string, string>> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };
/** Characters that mean something at the start of a line when a space or the end follows (headings, lists, setext underlines). */
const LINE_START = new Set(['#', '-', '+', '=']);

/**
 * Plain text as Markdown that shows it literally, on one line (safe in a paragraph, a list item,
 * a heading or a table cell).
 */
export function markdownText(text: string): string {
  let out = '';
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const code = text.charCodeAt(i);
    if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      out += ' ';
      continue;
    }
    if (lineStart && ch !== ' ' && ch !== '\t') {
      lineStart = false;
      const next = text[i + 1];
      if (LINE_START.has(ch) && (next === undefined || next === ' ' || next === '\t')) {
        out += `\\${ch}`;
        continue;
      }
      if (code >= 48 && code <= 57) {
        // "1986. A good year" would start an ordered list: escape the dot after the digits.
        let j = i;
        while (j < text.length && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
        const after = text[j + 1];
        if ((text[j] === '.' || text[j] === ')') && (after === undefined || after === ' ' || after === '\t')) {
          out += `${text.slice(i, j)}\\${text[j]}`;
          i = j;
          continue;
        }
      }
    }
    if (BACKSLASHED.has(ch) || startsLogCommand(text, i)) out += `\\${ch}`;
    else if (ENTITIES[ch]) out += ENTITIES[ch];
    else if (startsMention(text, i)) out += `@${ZERO_WIDTH_JOINER}`;
    else if (ch !== '\t' && isUnsafeCharacter(ch)) out += `\\${visibleEscape(ch)}`;
    else out += ch;
  }
  return out;
}

/** Whether the character at `i` is the second `#` of a `##` or the first `:` of a `::`: what log commands are made of. */
function startsLogCommand(text: string, i: number): boolean {
  const ch = text[i];
  return (ch === '#' && text[i - 1] === '#') || (ch === ':' && text[i + 1] === ':');
}

/**
 * Code as written, with a zero-width joiner where it would form a log command: `#\u200d#[`,
 * `\u200d::` at a line start; unsafe characters (terminal escapes, bidirectional controls) as
 * their visible escapes, which show literally in code.
 */
function defuseCode(code: string): string {
  return code
    .replace(UNSAFE_BUT_SPACING, visibleEscape)
    .replace(LOG_COMMAND, `#${ZERO_WIDTH_JOINER}#`)
    .split('\n')
    .map((line) => line.replace(WORKFLOW_COMMAND_START, `$1${ZERO_WIDTH_JOINER}::`))
    .join('\n');
}

/** Whether the `@` at `i` starts a mention GitHub would ping (`@name`, `@org/team`; not the `@` of an e-mail address). */
function startsMention(text: string, i: number): boolean {
  return text[i] === '@' && i + 1 < text.length && isAlphanumeric(text.charCodeAt(i + 1)) && (i === 0 || !isAlphanumeric(text.charCodeAt(i - 1)));
}

/** Inline code for ids and values; backticks inside are kept by a longer fence, pipes are escaped for tables. */
export function markdownCode(text: string): string {
  let single = '';
  let longest = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    run = ch === '`' ? run + 1 : 0;
    if (run > longest) longest = run;
    if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      single += ' ';
    } else single += ch === '|' ? '\\|' : ch;
  }
  const fence = '`'.repeat(longest + 1);
  const pad = single.startsWith('`') || single.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${defuseCode(single)}${pad}${fence}`;
}

/** A link destination that cannot end early or break out of the parentheses. */
export function markdownUrl(url: string): string {
  let out = '';
  for (const ch of url) out += ch === ' ' || ch === '(' || ch === ')' || ch === '<' || ch === '>' || ch === '"' || ch === '\\' || isUnsafeCharacter(ch) ? encodeURIComponent(ch) : ch;
  return out;
}

/** A link from a report: the text escaped, the destination encoded. Only for links the policy allows. */
export function markdownLink(text: string, url: string): string {
  return `[${markdownText(text)}](${markdownUrl(url)})`;
}

/** Headings inside free text go below the report's own (a "# Title" in a note becomes a fourth-level heading). */
const HEADING_SHIFT = 3;

/**
 * Markdown free text, rebuilt from markdown-it's parse with every piece of text escaped: the
 * formatting the author wrote stays, nothing else becomes markup (see the module comment).
 */
export function markdownBlock(markdown: string): string {
  return blocks(parser.parse(markdown, {}), 0, markdown.length).trim();
}

/** Serializes block tokens [from, to) to Markdown, one blank line between blocks. */
function blocks(tokens: readonly Token[], from: number, to: number): string {
  const parts: string[] = [];
  let i = from;
  while (i < tokens.length && i < to) {
    const token = tokens[i] as Token;
    const end = token.nesting === 1 ? closing(tokens, i) : i;
    parts.push(block(tokens, i, end));
    i = end + 1;
  }
  return parts.filter((p) => p !== '').join('\n\n');
}

/** The index of the token that closes the one opened at `open`. */
function closing(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    depth += (tokens[i] as Token).nesting;
    if (depth === 0) return i;
  }
  return tokens.length - 1;
}

function block(tokens: readonly Token[], open: number, close: number): string {
  const token = tokens[open] as Token;
  switch (token.type) {
    case 'paragraph_open':
      return inline(tokens[open + 1]);
    case 'heading_open': {
      const level = Math.min(6, Number(token.tag.slice(1)) + HEADING_SHIFT);
      return `${'#'.repeat(level)} ${inline(tokens[open + 1])}`;
    }
    case 'blockquote_open':
      return prefixLines(blocks(tokens, open + 1, close), '> ', '>');
    case 'bullet_list_open':
    case 'ordered_list_open':
      return list(tokens, open, close, token.type === 'ordered_list_open');
    case 'fence':
    case 'code_block':
      return fenced(token.content, token.info);
    case 'hr':
      return '---';
    case 'table_open':
      return table(tokens, open, close);
    case 'html_block':
      return markdownText(token.content.trimEnd());
    case 'inline':
      return inline(token);
    default:
      return blocks(tokens, open + 1, close);
  }
}

function prefixLines(text: string, prefix: string, blank: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? blank : `${prefix}${line}`))
    .join('\n');
}

function list(tokens: readonly Token[], open: number, close: number, ordered: boolean): string {
  const start = Number(tokens[open]?.attrGet('start') ?? 1);
  const tight = (tokens[open + 2] as Token | undefined)?.hidden === true;
  const items: string[] = [];
  let number = start;
  for (let i = open + 1; i < close; ) {
    const end = closing(tokens, i);
    const marker = ordered ? `${number++}. ` : '- ';
    const body = blocks(tokens, i + 1, end);
    const indent = ' '.repeat(marker.length);
    const lines = (tight ? body.split('\n\n').join('\n') : body).split('\n');
    items.push(lines.map((line, n) => (n === 0 ? `${marker}${line}` : line === '' ? '' : `${indent}${line}`)).join('\n'));
    i = end + 1;
  }
  return items.join(tight ? '\n' : '\n\n');
}

/** A fenced code block, longer than any run of backticks in it; the language kept when it is a plain word. */
function fenced(code: string, info = ''): string {
  let longest = 0;
  let run = 0;
  for (const ch of code) {
    run = ch === '`' ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const language = [...info].every((ch) => isAlphanumeric(ch.charCodeAt(0)) || ch === '-' || ch === '+') ? info : '';
  const body = defuseCode(code);
  return `${fence}${language}\n${body.endsWith('\n') ? body : `${body}\n`}${fence}`;
}

function table(tokens: readonly Token[], open: number, close: number): string {
  const rows: string[][] = [];
  const aligns: string[] = [];
  let header = true;
  let row: string[] = [];
  for (let i = open + 1; i < close; i++) {
    const token = tokens[i] as Token;
    if (token.type === 'tr_open') row = [];
    else if (token.type === 'tr_close') {
      rows.push(row);
      header = false;
    } else if (token.type === 'th_open' || token.type === 'td_open') {
      if (header) {
        const style = token.attrGet('style') ?? '';
        aligns.push(style.includes('right') ? '---:' : style.includes('center') ? ':---:' : '---');
      }
      row.push(inline(tokens[i + 1]) || ' ');
    }
  }
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const [head, ...body] = rows;
  return head ? [line(head), line(aligns), ...body.map(line)].join('\n') : '';
}

/** Inline tokens as Markdown: emphasis, code, links and breaks kept, all text escaped. */
function inline(token: Token | undefined): string {
  let out = '';
  const hrefs: string[] = [];
  for (const child of token?.children ?? []) {
    switch (child.type) {
      case 'text':
        out += markdownText(child.content);
        break;
      case 'softbreak':
        out += '\n';
        break;
      case 'hardbreak':
        out += '\\\n';
        break;
      case 'code_inline':
        out += markdownCode(child.content);
        break;
      case 'em_open':
      case 'em_close':
        out += '*';
        break;
      case 'strong_open':
      case 'strong_close':
        out += '**';
        break;
      case 's_open':
      case 's_close':
        out += '~~';
        break;
      case 'link_open':
        hrefs.push(child.attrGet('href') ?? '');
        out += '[';
        break;
      case 'link_close':
        out += `](${markdownUrl(hrefs.pop() ?? '')})`;
        break;
      case 'image': {
        // A report loads nothing: the image becomes its description, linked to it.
        const alt = child.children?.map((c) => c.content).join('') || 'image';
        const src = child.attrGet('src') ?? '';
        out += src && isSafeUrl(src) ? `[image: ${markdownText(alt)}](${markdownUrl(src)})` : `image: ${markdownText(alt)}`;
        break;
      }
      default:
        // html_inline (shown as written), entities already decoded into text, anything new.
        out += markdownText(child.content);
    }
  }
  return out;
}

export type Align = 'left' | 'right' | 'center';

/** A GitHub table; cells are Markdown already (escape user text with markdownText first). */
export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[] = []): string {
  if (rows.length === 0) return '';
  const rule = headers.map((_, i) => (align[i] === 'right' ? '---:' : align[i] === 'center' ? ':---:' : '---'));
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.split('\r\n').join(' ').split('\n').join(' ') || ' ').join(' | ')} |`;
  return [line(headers), line(rule), ...rows.map(line)].join('\n');
}

/** Characters written as numeric references inside HTML: HTML's own, and Markdown's, for renderers that read the line as Markdown. */
const IN_HTML = new Set(['&', '<', '>', '"', "'", '\\', '`', '*', '_', '[', ']', '!', '|', '~', '$']);

/**
 * Plain text inside the HTML a Markdown output holds (`<details><summary>…`). GitHub takes the line
 * as HTML, other renderers as Markdown: numeric character references read as the character in
 * both, so the text shows literally either way. Mentions are defused as in markdownText.
 */
export function markdownHtml(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (IN_HTML.has(ch) || startsLogCommand(text, i)) out += `&#${ch.charCodeAt(0)};`;
    else if (ch === '\n' || ch === '\r') out += ' ';
    else if (startsMention(text, i)) out += `@${ZERO_WIDTH_JOINER}`;
    else if (ch !== '\t' && isUnsafeCharacter(ch)) out += `&#92;${visibleEscape(ch).slice(1)}`;
    else out += ch;
  }
  return out;
}
