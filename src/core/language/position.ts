import type { Range } from '../text/range';
import type { PathSegment } from '../document/located';
import { cursorContext } from './cursor';
import { tokenizeLine } from './lineTokens';
import type { DocumentView } from './snapshot';

/** A key or a scalar value under the cursor, with its data path. */
export interface Target {
  readonly path: PathSegment[];
  readonly onKey: boolean;
  readonly range: Range;
  /** The scalar's value as written (the key's name when on a key). */
  readonly value: unknown;
}

/**
 * The key or scalar under the cursor. Uses the parsed document when it has positions for the
 * offset; while the text does not parse, reads the line's own structure instead.
 */
export function targetAt(text: string, doc: DocumentView, offset: number): Target | undefined {
  const parsed = doc.parsed;
  if (parsed && parsed.value !== null && typeof parsed.value === 'object') {
    const found = parsed.pathAt(offset);
    if (found && found.path.length > 0) {
      if (found.onKey) return { path: found.path, onKey: true, range: found.range, value: found.path[found.path.length - 1] };
      const value = parsed.valueAt(found.path);
      if (value === null || typeof value !== 'object') return { path: found.path, onKey: false, range: found.range, value };
      return undefined;
    }
  }
  return targetFromLine(text, offset);
}

function targetFromLine(text: string, offset: number): Target | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
  const tokens = tokenizeLine(line);
  const col = offset - lineStart;
  if (tokens.key && col >= tokens.key.col && col <= tokens.key.end) {
    const context = cursorContext(text, lineStart + tokens.key.col);
    if (!context || context.kind !== 'key') return undefined;
    return { path: [...context.path, tokens.key.text], onKey: true, range: { start: lineStart + tokens.key.col, end: lineStart + tokens.key.end }, value: tokens.key.text };
  }
  if (tokens.key && tokens.value && tokens.value.text && col >= tokens.value.col && col <= tokens.value.col + tokens.value.text.length && !/^[[{|>]/.test(tokens.value.text)) {
    const context = cursorContext(text, lineStart + tokens.value.col);
    if (!context || context.kind !== 'value') return undefined;
    return { path: context.path, onKey: false, range: { start: lineStart + tokens.value.col, end: lineStart + tokens.value.col + tokens.value.text.length }, value: scalar(tokens.value.text) };
  }
  return undefined;
}

/** A plain scalar as the YAML core schema reads it (enough for ids, levels and answers). */
function scalar(text: string): unknown {
  if (/^-?\d+$/.test(text)) return Number(text);
  if (/^(true|false)$/.test(text)) return text === 'true';
  const quoted = /^"(.*)"$|^'(.*)'$/.exec(text);
  return quoted ? (quoted[1] ?? quoted[2]) : text;
}
