import type { Range } from '../text/range';
import type { LocatedDocument, Path } from '../document/located';

/**
 * Edits that add entries to a YAML map by inserting text at offsets, so that the user's
 * comments, quoting and layout stay exactly as they were (the file is never re-serialized).
 */
export interface TextEditData {
  readonly range: Range;
  readonly newText: string;
}

/** An entry to add: its key and its value as YAML lines (the first line follows `key:`). */
export interface NewEntry {
  readonly key: string;
  /** A scalar or flow value (`3`, `{}`), '' with `children` for a nested block, or a block scalar's header (`|-`) with `lines`. */
  readonly value: string;
  readonly children?: readonly NewEntry[];
  /** Lines written one step in under the key: a block scalar's text, or a block list's `- item` lines. Block context only. */
  readonly lines?: readonly string[];
}

const STEP = '  ';

export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset of the end of the line holding `offset` (before `\r\n` or `\n`). */
export function lineEndOf(text: string, offset: number): number {
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  return end > 0 && text[end - 1] === '\r' ? end - 1 : end;
}

export function eolOf(text: string): string {
  return /\r\n/.test(text) ? '\r\n' : '\n';
}

export function renderBlock(entries: readonly NewEntry[], indent: string, eol: string): string[] {
  return entries.flatMap((entry) => {
    const head = `${indent}${entry.key}:${entry.value ? ` ${entry.value}` : ''}`;
    if (entry.lines?.length) return [head, ...indentLines(entry.lines, indent + STEP)];
    return entry.children?.length ? [head, ...renderBlock(entry.children, indent + STEP, eol)] : [head];
  });
}

/** Lines at an indentation; empty lines stay empty (no trailing spaces). */
export function indentLines(lines: readonly string[], indent: string): string[] {
  return lines.map((line) => (line === '' ? '' : indent + line));
}

/** One step of indentation further in than `indent`, as the edits write it. */
export function stepIn(indent: string): string {
  return indent + STEP;
}

export function renderFlow(entries: readonly NewEntry[]): string {
  return entries.map((e) => `${e.key}: ${e.children?.length ? `{ ${renderFlow(e.children)} }` : e.value || '""'}`).join(', ');
}


/**
 * Adds entries to the map at `mapPath`: in a block map, as new lines after its last entry at
 * the indentation of its keys (or before its first entry with `atStart`); in a flow map
 * (`{ a: 1 }`), inside the braces.
 */
export function addToMap(text: string, doc: LocatedDocument, mapPath: Path, entries: readonly NewEntry[], options: { atStart?: boolean } = {}): TextEditData | undefined {
  const map = doc.valueAt(mapPath);
  if (map === null || typeof map !== 'object' || Array.isArray(map) || entries.length === 0) return undefined;
  const pairs = doc.entries(mapPath);
  const range = doc.containerRange(mapPath);
  if (!pairs || !range) return undefined;
  const eol = eolOf(text);
  if (text[range.start] === '{') {
    const last = pairs[pairs.length - 1];
    if (!last) return { range, newText: `{ ${renderFlow(entries)} }` };
    const at = Math.max(last.valueRange.end, last.keyRange.end);
    return { range: { start: at, end: at }, newText: `, ${renderFlow(entries)}` };
  }
  const first = pairs[0]?.keyRange;
  if (!first) return undefined;
  const indent = ' '.repeat(first.start - lineStartOf(text, first.start));
  const lines = renderBlock(entries, indent, eol);
  if (options.atStart && first.start === lineStartOf(text, first.start)) {
    return { range: { start: first.start, end: first.start }, newText: lines.join(eol) + eol };
  }
  const end = lineEndOf(text, range.end);
  return { range: { start: end, end }, newText: eol + lines.join(eol) };
}

/**
 * Puts entries into an empty map written as `{}` or as nothing after its key, turning it into a
 * block under the key. A comment after the key stays on the key's line.
 */
export function fillEmptyMap(text: string, doc: LocatedDocument, mapPath: Path, entries: readonly NewEntry[], keyRange: Range): TextEditData[] {
  const value = doc.valueAt(mapPath);
  const isEmpty = value === null || (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0);
  if (!isEmpty) return [];
  const span = doc.containerRange(mapPath);
  const keyIndent = keyRange.start - lineStartOf(text, keyRange.start);
  const eol = eolOf(text);
  const block = eol + renderBlock(entries, ' '.repeat(keyIndent) + STEP, eol).join(eol);
  const lineEnd = lineEndOf(text, keyRange.end);
  const edits: TextEditData[] = [];
  if (span) {
    // `key: {}` → `key:` followed by the block; the space before `{` goes too.
    let start = span.start;
    while (start > keyRange.end && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
    edits.push({ range: { start, end: span.end }, newText: '' });
  }
  edits.push({ range: { start: lineEnd, end: lineEnd }, newText: block });
  return edits;
}
