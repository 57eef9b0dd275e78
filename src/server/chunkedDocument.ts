import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver';

/**
 * An open document whose edits cost what the edit costs, not what the document weighs.
 *
 * vscode-languageserver-textdocument keeps the text as one string and applies an edit as
 * `before + inserted + after`: V8 flattens that string again at the next edit, so every edit
 * copies the whole document (1,000 edits building a 50 MB document kept the server busy for
 * 13 s of CPU). Here the text is kept in chunks of at most CHUNK characters, each with where its
 * lines start; an edit rebuilds only the chunks it touches, and finding a line walks the list of
 * chunks (a few thousand numbers for 50 MB), never the text. The whole text is joined when it is
 * asked for (once per analysis), and kept until the next edit.
 *
 * Lines, positions and the handling of `\r\n`, `\r` and `\n` are exactly those of
 * vscode-languageserver-textdocument's TextDocument (test/server/chunkedDocument.test.ts compares them
 * edit by edit).
 */

const CHUNK = 16 * 1024;
const CR = 13;
const LF = 10;

interface Chunk {
  text: string;
  /** Offsets inside `text` where a line starts (just after a line break that ends in this chunk). */
  starts: number[];
}

export class ChunkedTextDocument {
  private chunks: Chunk[] = [];
  private length = 0;
  private whole: string | undefined;
  /** Characters the edits have copied so far (what an edit costs), for tests. */
  charactersCopied = 0;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private currentVersion: number,
    text: string,
    private readonly chunkSize = CHUNK,
  ) {
    this.setText(text);
  }

  get version(): number {
    return this.currentVersion;
  }

  get lineCount(): number {
    let breaks = 0;
    for (const chunk of this.chunks) breaks += chunk.starts.length;
    return breaks + 1;
  }

  getText(range?: Range): string {
    this.whole ??= this.chunks.map((c) => c.text).join('');
    if (!range) return this.whole;
    return this.whole.substring(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    const { start, next } = this.lineBounds(position.line);
    if (start === undefined) return this.length;
    if (position.character <= 0) return start;
    return this.beforeLineBreak(Math.min(start + position.character, next ?? this.length), start);
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.length), 0);
    let line = 0;
    let lineStart = 0;
    let chunkStart = 0;
    for (const chunk of this.chunks) {
      const chunkEnd = chunkStart + chunk.text.length;
      // Lines that start at or before the offset: all of a chunk that ends before it, else a binary search.
      const count = chunkEnd <= offset ? chunk.starts.length : startsUpTo(chunk.starts, offset - chunkStart);
      if (count > 0) {
        line += count;
        lineStart = chunkStart + (chunk.starts[count - 1] as number);
      }
      if (chunkEnd > offset) break;
      chunkStart = chunkEnd;
    }
    offset = this.beforeLineBreak(offset, lineStart);
    return { line, character: offset - lineStart };
  }

  /** As TextDocument does: an offset in or after the line break that ends its line moves to before it. */
  private beforeLineBreak(offset: number, lineStart: number): number {
    while (offset > lineStart && isLineBreak(this.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  /** Applies changes as TextDocument.update does: each range is read in the text the changes before it left. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change && change.range) {
        const range = wellFormed(change.range);
        this.replace(this.offsetAt(range.start), this.offsetAt(range.end), change.text);
      } else {
        this.setText(change.text);
      }
    }
    this.currentVersion = version;
  }

  private setText(text: string): void {
    this.chunks = split(text, this.chunkSize);
    this.length = text.length;
    this.whole = text;
  }

  /** Replaces the characters from `start` to `end` with `text`, rebuilding only the chunks they are in. */
  private replace(start: number, end: number, text: string): void {
    const first = this.chunkAt(start);
    const last = this.chunkAt(end);
    const firstChunk = this.chunks[first.index] as Chunk;
    const lastChunk = this.chunks[last.index] as Chunk;
    const middle = firstChunk.text.slice(0, start - first.start) + text + lastChunk.text.slice(end - last.start);
    // One neighbour joins in, so that a break "\r" + "\n" is never cut between two chunks and
    // chunks emptied by deletions do not pile up.
    const from = first.index > 0 ? first.index - 1 : first.index;
    const to = last.index + 1 < this.chunks.length ? last.index + 1 : last.index;
    const joined = (from < first.index ? (this.chunks[from] as Chunk).text : '') + middle + (to > last.index ? (this.chunks[to] as Chunk).text : '');
    this.chunks.splice(from, to - from + 1, ...split(joined, this.chunkSize));
    this.charactersCopied += joined.length;
    this.length += text.length - (end - start);
    this.whole = undefined;
  }

  /** The chunk that holds `offset` (the last one for the end of the text), and where it starts. */
  private chunkAt(offset: number): { index: number; start: number } {
    let start = 0;
    for (let index = 0; index < this.chunks.length; index++) {
      const size = (this.chunks[index] as Chunk).text.length;
      if (offset < start + size || index === this.chunks.length - 1) return { index, start };
      start += size;
    }
    return { index: 0, start: 0 };
  }

  /** Where line `line` starts and where the next one starts (undefined past the last line). */
  private lineBounds(line: number): { start?: number; next?: number } {
    if (line === 0) return { start: 0, next: this.lineStart(1) };
    const start = this.lineStart(line);
    return start === undefined ? {} : { start, next: this.lineStart(line + 1) };
  }

  private lineStart(line: number): number | undefined {
    if (line === 0) return 0;
    let seen = 0;
    let chunkStart = 0;
    for (const chunk of this.chunks) {
      if (seen + chunk.starts.length >= line) return chunkStart + (chunk.starts[line - seen - 1] as number);
      seen += chunk.starts.length;
      chunkStart += chunk.text.length;
    }
    return undefined;
  }

  private charCodeAt(offset: number): number {
    const { index, start } = this.chunkAt(offset);
    return (this.chunks[index] as Chunk).text.charCodeAt(offset - start);
  }
}

/** How many of the sorted `starts` are at most `offset`. */
function startsUpTo(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((starts[mid] as number) > offset) high = mid;
    else low = mid + 1;
  }
  return low;
}

function isLineBreak(code: number): boolean {
  return code === CR || code === LF;
}

/** `text` in chunks of at most `size` characters (never between "\r" and "\n"), with their line starts. */
function split(text: string, size: number): Chunk[] {
  const chunks: Chunk[] = [];
  let at = 0;
  do {
    let end = Math.min(text.length, at + size);
    if (end < text.length && text.charCodeAt(end - 1) === CR && text.charCodeAt(end) === LF) end++;
    const piece = text.slice(at, end);
    chunks.push({ text: piece, starts: lineStarts(piece) });
    at = end;
  } while (at < text.length);
  return chunks;
}

function lineStarts(text: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === CR) {
      if (text.charCodeAt(i + 1) === LF) i++;
      starts.push(i + 1);
    } else if (code === LF) starts.push(i + 1);
  }
  return starts;
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}
