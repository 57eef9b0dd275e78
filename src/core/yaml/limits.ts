import { formatBytes } from '../text/bytes';
import type { YamlIssue } from './types';
import type { WorkCounter } from './work';

/** Bounds that keep hostile or accidental input from hanging or crashing the engine. */
export const YAML_LIMITS = {
  /** Larger texts are refused before parsing; 50,000-line rubric files are about 2 MB. */
  maxBytes: 16 * 1024 * 1024,
  /** Real rubric files nest about 8 levels; anything past this is a mistake or an attack. */
  maxDepth: 64,
  /** Values that aliases may repeat in one document (the "billion laughs" guard). */
  maxExpandedNodes: 200_000,
  /**
   * Characters of text (scalars and keys) that aliases may repeat in one document: four times
   * the largest file read. Without it, a few thousand aliases of one long string would have the
   * schema read gigabytes of text that the file holds once.
   */
  maxExpandedCharacters: 64 * 1024 * 1024,
  /**
   * Documents (`---` sections) in one file. Real files hold a few; a file of 400,000 tiny
   * documents took `yaml` 19 s and 1.4 GB, and 16 MB of them would exhaust memory.
   */
  maxDocuments: 1_000,
  /** Problems `yaml` may report in one document before the rest are only counted. */
  maxIssuesPerDocument: 1_000,
} as const;

/**
 * A quick pre-scan that runs before the complete parser, in one pass over the lines:
 * - it over-estimates nesting depth without parsing, so deeply nested input (which would
 *   overflow `yaml`'s recursive parser) is refused with a diagnostic instead of a crash.
 *   Depth = open indentation levels + compact `- ` and `? ` items on the line + `: ` on the
 *   line (each may open a map; `[a: a: a: ...` nests in flow) + open flow brackets. Block
 *   scalar bodies are skipped, since their indentation is text, not structure;
 * - it counts `---` document markers, refusing more than YAML_LIMITS.maxDocuments documents.
 */
export function checkStructure(text: string, work?: WorkCounter, maxDepth: number = YAML_LIMITS.maxDepth): YamlIssue | undefined {
  const indents: number[] = [];
  let documents = 1;
  let flowDepth = 0;
  let blockScalarIndent = -1; // indentation of the line that opened a block scalar, or -1
  let pos = 0;
  const length = text.length;
  while (pos < length) {
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd < 0) lineEnd = length;
    let indent = 0;
    while (pos + indent < lineEnd && text.charCodeAt(pos + indent) === 32) indent++;
    const first = pos + indent;
    // indexOf read the line once, the indentation loop read its leading spaces.
    if (work) work.charactersScanned += lineEnd - pos + 1 + indent;
    const blank = first >= lineEnd || text.charCodeAt(first) === 35 /* # */ || text.charCodeAt(first) === 13;
    if (blockScalarIndent >= 0) {
      if (blank || indent > blockScalarIndent) { pos = lineEnd + 1; continue; }
      blockScalarIndent = -1;
    }
    if (indent === 0 && isDocumentMarker(text, pos, lineEnd) && ++documents > YAML_LIMITS.maxDocuments) {
      return {
        code: 'yaml-too-large',
        severity: 'error',
        message: `This file holds more than ${YAML_LIMITS.maxDocuments.toLocaleString('en-US')} YAML documents (sections separated by ---), more than the engine reads. Split it into several files.`,
        range: { start: pos, end: pos + 3 },
      };
    }
    if (!blank) {
      if (flowDepth === 0) {
        while (indents.length > 0 && (indents[indents.length - 1] as number) >= indent) indents.pop();
        indents.push(indent);
      }
      let indicators = 0;
      let i = first;
      let quote = 0;
      let deepestFlow = flowDepth;
      for (; i < lineEnd; i++) {
        const ch = text.charCodeAt(i);
        if (quote) {
          if (ch === quote) quote = 0;
          continue;
        }
        if (ch === 34 || ch === 39) quote = ch;
        else if (ch === 35 && (i === first || text.charCodeAt(i - 1) === 32)) break; // comment
        else if (ch === 91 || ch === 123) {
          flowDepth++;
          if (flowDepth > deepestFlow) deepestFlow = flowDepth;
        }
        else if ((ch === 93 || ch === 125) && flowDepth > 0) flowDepth--;
        else if ((ch === 45 || ch === 63) && (text.charCodeAt(i + 1) === 32 || i + 1 === lineEnd) && (i === first || isIndicator(text.charCodeAt(i - 2)))) indicators++; // `- - x`, `? ? x`
        else if (ch === 58 && text.charCodeAt(i + 1) === 32) indicators++; // `a: b: c`
      }
      if (work) work.charactersScanned += i - first;
      const depth = indents.length + indicators + deepestFlow;
      if (depth > maxDepth) {
        return {
          code: 'yaml-too-deep',
          severity: 'error',
          message: `The YAML nests deeper than ${maxDepth} levels here. Rubric files never need this much nesting; flatten the structure.`,
          range: { start: first, end: lineEnd },
        };
      }
      // A line ending in a block scalar header (`key: |`, `- >-`) opens a text block. `i` stopped
      // at the comment or the line's end; scanning back from there keeps each line linear.
      if (endsWithBlockScalarHeader(text, first, i, work)) blockScalarIndent = indent;
    }
    pos = lineEnd + 1;
  }
  return undefined;
}

/**
 * Whether the line part [first, end) ends in a block scalar header: `|` or `>`, then chomping
 * and indentation indicators, then only spaces; with the line start, a space, `:` or `-` before it.
 */
function endsWithBlockScalarHeader(text: string, first: number, end: number, work: WorkCounter | undefined): boolean {
  let i = end;
  while (i > first && isBlank(text.charCodeAt(i - 1))) i--;
  while (i > first && isHeaderIndicator(text.charCodeAt(i - 1))) i--;
  if (work) work.charactersScanned += end - i + 1;
  if (i === first) return false;
  const header = text.charCodeAt(i - 1);
  if (header !== 124 /* | */ && header !== 62 /* > */) return false;
  if (i - 1 === first) return true;
  const before = text.charCodeAt(i - 2);
  return isBlank(before) || before === 58 /* : */ || before === 45 /* - */;
}

/** A `---` (followed by a space or the line's end) or `...` at the start of the line [start, end). */
function isDocumentMarker(text: string, start: number, end: number): boolean {
  const ch = text.charCodeAt(start);
  if (ch !== 45 && ch !== 46) return false;
  if (text.charCodeAt(start + 1) !== ch || text.charCodeAt(start + 2) !== ch) return false;
  if (ch === 46) return false; // `...` ends a document; only `---` starts one
  return start + 3 >= end || isBlank(text.charCodeAt(start + 3));
}

/** `-`, `?` or `:`: indicators after which a compact item may nest. */
function isIndicator(ch: number): boolean {
  return ch === 45 || ch === 63 || ch === 58;
}

function isBlank(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 13;
}

/** Digits, `+` and `-`: what may follow `|` or `>` in a header. */
function isHeaderIndicator(ch: number): boolean {
  return (ch >= 48 && ch <= 57) || ch === 43 || ch === 45;
}

/**
 * Why a file of `size` bytes (when known) is not read, as a clause after its name: what every
 * face that reads files says, since the limit is the engine's.
 */
export function tooLargeReason(size?: number): string {
  const actual = size !== undefined && size > YAML_LIMITS.maxBytes ? ` (${formatBytes(size)})` : '';
  return `it is larger than the ${formatBytes(YAML_LIMITS.maxBytes)} the engine reads${actual}`;
}

/** What to do with a file over the size limit. */
export const SPLIT_ADVICE = 'Split it into several files.';

/** Why a FIFO, a socket or a device is never read, for every face that reads files. */
export const REGULAR_FILES_ONLY = 'rubrics reads only regular files, so it never waits on a pipe or reads a device.';

export function checkSize(text: string): YamlIssue | undefined {
  if (text.length <= YAML_LIMITS.maxBytes) return undefined;
  return {
    code: 'yaml-too-large',
    severity: 'error',
    message: `This file has ${text.length.toLocaleString('en-US')} characters, more than the ${YAML_LIMITS.maxBytes.toLocaleString('en-US')} the engine reads. Split it into several files.`,
    range: { start: 0, end: 0 },
  };
}
