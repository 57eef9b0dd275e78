import type { Range } from '../text/range';
import type { PathSegment } from '../document/located';
import { commentStart, flowBalance, indentOf, isBlockScalarHeader, tokenizeLine } from './lineTokens';

/**
 * Where the cursor is in the YAML structure, worked out from indentation alone, so it works on
 * text that does not parse (which is most of the time while someone types).
 *
 * - `key`: the cursor is where a key of the map at `path` goes (an empty line, a partial key,
 *   or right after a `- ` that starts a list item, in which case `path` ends with the item index
 *   and `newItem` is set);
 * - `value`: the cursor is in the value at `path` (after `key: `, or an item of a flow list).
 */
export interface CursorContext {
  readonly kind: 'key' | 'value';
  readonly path: PathSegment[];
  /** What is typed so far, and the range a completion replaces (it extends over the rest of the word). */
  readonly prefix: string;
  readonly replace: Range;
  /** Key context: keys the map already has (before and after the cursor). */
  readonly siblingKeys: readonly string[];
  /** Key context: a `:` already follows the word under the cursor, so only the name is replaced. */
  readonly colonFollows: boolean;
  readonly newItem: boolean;
  /** Inside `{...}` or `[...]` on one line: completions must stay on that line. */
  readonly inFlow: boolean;
  /** Column of the key being typed, and the indentation of its line (for multi-line inserts). */
  readonly keyColumn: number;
  readonly lineIndent: number;
  /** Value context right after `key:` with no space yet (`:` triggers completion): inserts start with a space. */
  readonly needsSpace?: boolean;
}

interface Frame {
  readonly col: number;
  readonly type: 'map' | 'seq';
  key?: string;
  keys: string[];
  index: number;
  /** A list written at the same column as its parent key (`key:\n- item`). */
  readonly indentless: boolean;
}

/** Start of the YAML document that holds the offset: just after the last `---` line above it. */
export function documentStartAt(text: string, offset: number): number {
  let start = 0;
  const re = /^(?:---|\.\.\.)(?=[ \t]|\r?$)/gm;
  for (let m = re.exec(text); m && m.index < offset; m = re.exec(text)) {
    const lineEnd = text.indexOf('\n', m.index);
    if (lineEnd < 0 || lineEnd >= offset) break; // the cursor is on the marker line itself
    start = lineEnd + 1;
  }
  return start;
}

export function cursorContext(text: string, offset: number): CursorContext | undefined {
  const docStart = documentStartAt(text, offset);
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
  const cursorCol = offset - lineStart;
  if (cursorCol > line.length) return undefined;

  if (/^(---|\.\.\.)(\s|$)/.test(line)) return undefined;
  const stack: Frame[] = [];
  const scan = scanLines(text, docStart, lineStart, stack);
  const prefix = line.slice(0, cursorCol);
  const indent = indentOf(prefix);
  if (scan.blockScalarCol >= 0 && (indent > scan.blockScalarCol || prefix.trim() === '') && cursorCol > scan.blockScalarCol) return undefined;
  if (scan.openFlow) return undefined;
  if (commentStart(prefix) >= 0 && !/^\s*-?\s*$/.test(prefix.slice(0, commentStart(prefix)))) return undefined;
  if (/^\s*#/.test(prefix)) return undefined;

  const tokens = tokenizeLine(prefix);
  for (const dash of tokens.dashes) open(stack, dash, 'seq');
  const lineIndent = indentOf(line);

  if (tokens.key && tokens.value) {
    open(stack, tokens.key.col, 'map', tokens.key.text);
    const valuePath = pathOf(stack, stack.length);
    const valueText = prefix.slice(tokens.value.col);
    if (tokens.value.col > cursorCol) return undefined; // right after `key:` with no space yet
    const valueStart = lineStart + tokens.value.col;
    if (valueText.startsWith('[') || valueText.startsWith('{')) {
      return flowContext(line, tokens.value.col, cursorCol, lineStart, valuePath, tokens.key.col, lineIndent);
    }
    if (isBlockScalarHeader(valueText.trim()) || valueText.startsWith('&') || valueText.startsWith('*') || valueText.startsWith('!')) return undefined;
    const end = valueEnd(line, cursorCol);
    return {
      ...(line[tokens.value.col - 1] === ':' ? { needsSpace: true } : {}),
      kind: 'value',
      path: valuePath,
      prefix: valueText,
      replace: { start: valueStart, end: lineStart + end },
      siblingKeys: [],
      colonFollows: false,
      newItem: false,
      inFlow: false,
      keyColumn: tokens.key.col,
      lineIndent,
    };
  }

  const partial = prefix.slice(tokens.contentCol);
  const col = tokens.contentCol;
  if (partial.startsWith('[') || partial.startsWith('{')) {
    return flowContext(line, col, cursorCol, lineStart, pathOf(stack, stack.length), col, lineIndent);
  }
  if (!/^[^\s:#{}[\],'"&*!|>%@`]?[^:#]*$/.test(partial)) return undefined;
  const newItem = tokens.dashes.length > 0;
  const container = containerFor(stack, col);
  const path = container.existing ? pathOf(stack, stack.length - 1) : pathOf(stack, stack.length);
  const after = /^[^\s:#]*/.exec(line.slice(cursorCol))?.[0] ?? '';
  const rest = line.slice(cursorCol + after.length);
  const colonFollows = /^\s*:(\s|$)/.test(rest);
  const siblings = new Set(container.existing ? container.existing.keys : []);
  for (const key of keysBelow(text, lineEnd, col)) siblings.add(key);
  return {
    kind: 'key',
    path,
    prefix: partial,
    replace: { start: lineStart + col, end: offset + after.length },
    siblingKeys: [...siblings],
    colonFollows,
    newItem,
    inFlow: false,
    keyColumn: col,
    lineIndent,
  };
}

/** Runs the structure of the lines before the cursor's line into `stack`. */
function scanLines(text: string, from: number, to: number, stack: Frame[]): { blockScalarCol: number; openFlow: boolean } {
  let blockScalarCol = -1;
  let flowDepth = 0;
  let pos = from;
  while (pos < to) {
    let end = text.indexOf('\n', pos);
    if (end < 0 || end > to) end = to;
    const line = text.slice(pos, end).replace(/\r$/, '');
    pos = end + 1;
    if (flowDepth > 0) {
      flowDepth += flowBalance(line.slice(0, commentStart(line) < 0 ? undefined : commentStart(line)));
      continue;
    }
    const indent = indentOf(line);
    if (blockScalarCol >= 0) {
      if (line.trim() === '' || indent > blockScalarCol) continue;
      blockScalarCol = -1;
    }
    const tokens = tokenizeLine(line);
    if (tokens.blank) continue;
    if (!tokens.key && tokens.dashes.length === 0) continue; // continuation of a multi-line scalar
    for (const dash of tokens.dashes) open(stack, dash, 'seq');
    if (tokens.key) open(stack, tokens.key.col, 'map', tokens.key.text);
    const value = tokens.value?.text ?? '';
    if (isBlockScalarHeader(value)) blockScalarCol = tokens.key ? tokens.key.col : (tokens.dashes[tokens.dashes.length - 1] ?? 0);
    else if (value.startsWith('[') || value.startsWith('{')) flowDepth = Math.max(0, flowBalance(value));
  }
  return { blockScalarCol, openFlow: flowDepth > 0 };
}

function top(stack: Frame[]): Frame | undefined {
  return stack[stack.length - 1];
}

/** A `- ` or a `key:` at `col`: continues the container at that column or opens a new one. */
function open(stack: Frame[], col: number, type: 'map' | 'seq', key?: string): void {
  for (;;) {
    while ((top(stack)?.col ?? -1) > col) stack.pop();
    const t = top(stack);
    if (!t || t.col < col) break;
    if (type === 'seq') {
      if (t.type === 'seq') { t.index++; return; }
      stack.push({ col, type, keys: [], index: 0, indentless: true });
      return;
    }
    if (t.type === 'map') {
      t.key = key;
      if (key !== undefined) t.keys.push(key);
      return;
    }
    stack.pop(); // a key at the column of a list ends the list
  }
  stack.push({ col, type, keys: key !== undefined ? [key] : [], index: 0, indentless: false, ...(key !== undefined ? { key } : {}) });
}

/** The map a key typed at `col` belongs to: an existing one at that column, or a new one below the top. */
function containerFor(stack: Frame[], col: number): { existing?: Frame } {
  for (;;) {
    while ((top(stack)?.col ?? -1) > col) stack.pop();
    const t = top(stack);
    if (!t || t.col < col) return {};
    if (t.type === 'map') return { existing: t };
    stack.pop();
  }
}

function pathOf(stack: readonly Frame[], count: number): PathSegment[] {
  const path: PathSegment[] = [];
  for (let i = 0; i < count; i++) {
    const frame = stack[i] as Frame;
    path.push(frame.type === 'map' ? (frame.key ?? '') : frame.index);
  }
  return path;
}

/** Keys at exactly `col` in the lines after `from`, until the structure closes at a lower column. */
function keysBelow(text: string, from: number, col: number): string[] {
  const keys: string[] = [];
  let pos = from + 1;
  let blockScalarCol = -1;
  let lines = 0;
  while (pos <= text.length && lines++ < 5000) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const line = text.slice(pos, end).replace(/\r$/, '');
    pos = end + 1;
    if (/^(---|\.\.\.)(\s|$)/.test(line)) break;
    const indent = indentOf(line);
    if (blockScalarCol >= 0) {
      if (line.trim() === '' || indent > blockScalarCol) continue;
      blockScalarCol = -1;
    }
    const tokens = tokenizeLine(line);
    if (tokens.blank) continue;
    const first = tokens.dashes[0] ?? tokens.key?.col ?? indent;
    if (first < col) break;
    if (tokens.key && tokens.key.col === col && tokens.dashes.length === 0) keys.push(tokens.key.text);
    if (tokens.key && isBlockScalarHeader(tokens.value?.text ?? '')) blockScalarCol = tokens.key.col;
    if (end >= text.length) break;
  }
  return keys;
}

/** End column of the value under the cursor: the end of the line's value, before any comment. */
function valueEnd(line: string, cursorCol: number): number {
  const cut = commentStart(line, 0);
  const end = (cut < 0 ? line : line.slice(0, cut)).trimEnd().length;
  return Math.max(cursorCol, end);
}

interface FlowFrame {
  readonly type: 'map' | 'seq';
  index: number;
  key?: string;
  keys: string[];
  itemStart: number;
}

/**
 * Inside a one-line flow collection (`{ level: 1, name: Initial }`, `[a, b]`): which key or item
 * the cursor is on. `start` is the column of the opening bracket.
 */
function flowContext(line: string, start: number, cursorCol: number, lineStart: number, basePath: PathSegment[], keyColumn: number, lineIndent: number): CursorContext | undefined {
  const frames: FlowFrame[] = [];
  const path = [...basePath];
  let quote = '';
  for (let i = start; i < cursorCol; i++) {
    const ch = line[i] as string;
    if (quote) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = '';
      continue;
    }
    const frame = frames[frames.length - 1];
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '{') {
      if (frame) path.push(frame.type === 'map' ? (frame.key ?? '') : frame.index);
      frames.push({ type: ch === '[' ? 'seq' : 'map', index: 0, keys: [], itemStart: i + 1 });
    } else if (ch === ']' || ch === '}') {
      frames.pop();
      if (frames.length === 0) return undefined;
      path.pop();
    } else if (ch === ',' && frame) {
      frame.index++;
      frame.key = undefined;
      frame.itemStart = i + 1;
    } else if (ch === ':' && frame?.type === 'map' && frame.key === undefined && /[\s,}]/.test(line[i + 1] ?? ' ')) {
      frame.key = line.slice(frame.itemStart, i).trim().replace(/^["']|["']$/g, '');
      frame.keys.push(frame.key);
      frame.itemStart = i + 1;
    }
  }
  const frame = frames[frames.length - 1];
  if (!frame || quote) return undefined;
  let itemStart = frame.itemStart;
  while (itemStart < cursorCol && line[itemStart] === ' ') itemStart++;
  const prefix = line.slice(itemStart, cursorCol);
  const after = /^[^\s,:\]}#]*/.exec(line.slice(cursorCol))?.[0] ?? '';
  const replace = { start: lineStart + itemStart, end: lineStart + cursorCol + after.length };
  const common = { prefix, replace, newItem: false, inFlow: true, keyColumn, lineIndent, colonFollows: false };
  if (frame.type === 'seq') return { ...common, kind: 'value', path: [...path, frame.index], siblingKeys: [] };
  if (frame.key !== undefined) return { ...common, kind: 'value', path: [...path, frame.key], siblingKeys: [] };
  const rest = line.slice(cursorCol + after.length);
  const restUntilClose = rest.slice(0, rest.indexOf('}') < 0 ? undefined : rest.indexOf('}'));
  const following = [...(`,${restUntilClose}`).matchAll(/,\s*([^\s:,{}[\]]+)\s*:/g)].map((m) => m[1] as string);
  return { ...common, kind: 'key', colonFollows: /^\s*:/.test(rest), path, siblingKeys: [...frame.keys, ...following] };
}
