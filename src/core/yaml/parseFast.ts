import type { Range } from '../text/range';
import { YAML_LIMITS } from './limits';
import { BlockScalarBuilder, foldDoubleQuoted, foldSingleQuoted, readDoubleQuoted, readSingleQuoted, resolvePlainScalar, type QuotedScalar } from './fastScalars';
import type { ContainerSpan, PairSpan, ParsedYamlDocument } from './types';
import type { ParseWork, WorkCounter } from './work';
import { newParsedMap } from './maps';

/**
 * Fast parser for the block-style subset of YAML that rubric files are written in: block maps
 * and sequences, plain and quoted scalars (also folded over several lines), one-line flow
 * collections, literal and folded block scalars, comments, CRLF and `---` separated documents,
 * and anchors and aliases of values (`levels: &shared` once, `levels: *shared` after).
 * It produces exactly what `parseFull` produces (values, canonical ranges, spans), in a single
 * pass over the text and without building a syntax tree.
 *
 * It returns undefined for anything outside that subset, and for anything `yaml` would report as
 * an error or a warning (anchors, tags, complex keys, duplicate keys, multi-line keys or flow
 * collections, tabs, bad indentation...): the complete parser then reads the text and explains the problem.
 * The differential tests (test/core/yaml/differential.test.ts) hold the two parsers to the same output.
 */
export function tryParseFast(text: string, work?: WorkCounter): ParsedYamlDocument[] | undefined {
  try {
    return parseFastOrBail(text, work);
  } catch {
    // A fault in this parser must never cost the user a result: the complete parser still works.
    return undefined;
  }
}

/**
 * Like tryParseFast, but lets unexpected exceptions through, so tests see a fault in this parser
 * instead of a silent fallback.
 */
export function parseFastOrBail(text: string, work?: WorkCounter): ParsedYamlDocument[] | undefined {
  const unsupported = text.search(UNSUPPORTED_CHARACTERS);
  if (work) work.charactersScanned += unsupported < 0 ? text.length : unsupported + 1;
  if (unsupported >= 0) return undefined;
  const parser = new FastParser(text);
  try {
    return parser.parseStream();
  } catch (error) {
    if (error === BAIL) return undefined;
    throw error;
  } finally {
    // What an abandoned attempt read counts too: it is work the file cost.
    if (work) {
      work.charactersScanned += parser.charactersScanned;
      work.nodesBuilt += parser.nodesBuilt;
      work.aliasExpansions += parser.aliasExpansions;
    }
  }
}

/**
 * Characters the subset leaves to the complete parser: tabs (indentation errors and folding
 * rules), control characters, byte order marks, Unicode line separators, and carriage returns
 * outside CRLF pairs.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSUPPORTED_CHARACTERS = /[\t\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFEFF\u2028\u2029]|\r(?!\n)/;

/** Thrown (without a stack) to leave the subset; caught in parseFastOrBail. */
const BAIL = Object.freeze({ bail: true });
function bail(): never {
  throw BAIL;
}

const enum Line {
  /** A line with content; `indent` is its indentation. */
  Content,
  /** A `---` document marker at column 0. */
  DocumentMarker,
  /** No more lines. */
  End,
}

const SPACE = 32;
const HASH = 35;
const AMPERSAND = 38;
const STAR = 42;
const COLON = 58;
const DASH = 45;
const MAX_IMPLICIT_KEY_LENGTH = 1024;

/** Characters that cannot start a plain scalar (YAML's c-indicator set, plus `-` before a space). */
const NOT_PLAIN_START = new Uint8Array(128);
for (const ch of '-?:,[]{}#&*!|>\'"%@`') NOT_PLAIN_START[ch.charCodeAt(0)] = 1;
/** Flow indicators: they end plain scalars inside `[...]` and `{...}`. */
const FLOW_INDICATOR = new Uint8Array(128);
for (const ch of ',[]{}') FLOW_INDICATOR[ch.charCodeAt(0)] = 1;

/** A value with an anchor, and what an alias of it repeats (as the complete parser counts it). */
interface AnchoredValue {
  readonly value: unknown;
  /** Values: itself and every value under it, aliases counted as what they stand for. */
  readonly size: number;
  /** Characters of keys and text under it. */
  readonly characters: number;
}

/** An anchor whose value is still being read: an alias of it would be a loop (left to `yaml`). */
const IN_PROGRESS = Symbol('in progress');

/** Characters of anchor and alias names that the subset accepts (YAML allows more; `yaml` reads those). */
const NAME_CHARACTER = new Uint8Array(128);
for (const ch of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.') NAME_CHARACTER[ch.charCodeAt(0)] = 1;

class FastParser {
  private readonly length: number;
  private spans = new WeakMap<object, ContainerSpan>();

  // The current line (see seekContent).
  private lineStart = 0;
  /** Offset of the line's `\n`, or the text's length on the last line. */
  private lineEnd = 0;
  /** End of the line's content: lineEnd, or one less before a CRLF. */
  private contentEnd = 0;
  private indent = 0;
  private kind: Line = Line.End;

  /** Range of the value the last parse method read. */
  private range: Range = { start: 0, end: 0 };
  /** Offset after the flow node the last flow method read. */
  private flowEnd = 0;
  /** Whether the last scanBlockPlain stopped at a ` #` comment. */
  private plainStoppedAtComment = false;
  /** Where the last value read sits if it was empty (`key:` or `-` alone), else -1. */
  private lastEmptyAt = -1;
  /** For an empty last value: where comments start to matter (after its key, or after the token before its dash). */
  private lastEmptyEntryStart = -1;
  /** End of the last key, indicator or value read. */
  private tokenEnd = 0;

  /** Characters the scanning loops stepped over so far (see ParseWork). */
  charactersScanned = 0;
  /** Keys, scalars, maps and sequences built so far. */
  nodesBuilt = 0;
  /** Of those, keys: the alias guard counts values only. */
  private keysBuilt = 0;
  /** Values that aliases stood for so far (see ParseWork). */
  aliasExpansions = 0;
  /** Characters of keys and text read or repeated so far, and of those, repeated by aliases. */
  private textCharacters = 0;
  private expandedCharacters = 0;
  /** The current document's anchors (an alias refers to the last one of its name before it). */
  private anchors = new Map<string, AnchoredValue | typeof IN_PROGRESS>();
  /** The current document's maps and lists that aliases repeat (see ParsedYamlDocument.shared). */
  private shared = new Set<object>();

  constructor(private readonly text: string) {
    this.length = text.length;
  }

  parseStream(): ParsedYamlDocument[] {
    const documents: ParsedYamlDocument[] = [];
    this.lineStart = 0;
    this.seekContent();
    if (this.kind === Line.End) bail(); // empty or comment-only: the full parser's conventions apply
    while (this.lineKind() !== Line.End) {
      if (documents.length >= YAML_LIMITS.maxDocuments) bail(); // the structure guard explains it
      const documentStart = this.lineStart;
      const before = this.workSoFar();
      if (this.kind === Line.DocumentMarker) {
        const i = this.skipSpaces(this.lineStart + 3);
        if (i < this.contentEnd && !(this.text.charCodeAt(i) === HASH && i > this.lineStart + 3)) bail(); // content after `---`
        this.nextLine();
        if (this.lineKind() !== Line.Content) {
          documents.push(this.emptyDocument(documentStart, i, before));
          continue;
        }
      }
      this.spans = new WeakMap();
      this.anchors = new Map();
      this.shared = new Set();
      this.lastEmptyAt = -1;
      this.tokenEnd = documentStart;
      const value = this.parseBlockNode(this.indent, 0);
      const valueRange = this.range;
      if (this.kind === Line.Content) bail(); // text after the root node ended: an indentation error
      const documentEnd = this.endOfDocument(this.kind === Line.DocumentMarker ? this.lineStart : this.length);
      documents.push({ value, valueRange, documentRange: { start: documentStart, end: documentEnd }, spans: this.spans, issues: [], shared: this.shared, work: this.workSince(before) });
    }
    return documents;
  }

  /**
   * A `---` with nothing after it but blank or comment lines: a null document, at its marker.
   * `yaml` ends it after the marker and its spaces, or, when comments follow, at the next
   * document or the end of the text.
   */
  private emptyDocument(marker: number, afterMarkerSpaces: number, before: ParseWork): ParsedYamlDocument {
    const next = this.kind === Line.DocumentMarker ? this.lineStart : this.length;
    let end = afterMarkerSpaces;
    let i = marker + 3;
    for (; i < next; i++) {
      if (this.text.charCodeAt(i) === HASH) {
        end = next;
        break;
      }
    }
    this.charactersScanned += i - marker - 3;
    this.nodesBuilt++;
    return { value: null, valueRange: { start: marker, end: marker }, documentRange: { start: marker, end }, spans: new WeakMap(), issues: [], shared: new Set(), work: this.workSince(before) };
  }

  private workSoFar(): ParseWork {
    return { charactersScanned: this.charactersScanned, nodesBuilt: this.nodesBuilt, aliasExpansions: this.aliasExpansions };
  }

  private workSince(before: ParseWork): ParseWork {
    return { charactersScanned: this.charactersScanned - before.charactersScanned, nodesBuilt: this.nodesBuilt - before.nodesBuilt, aliasExpansions: this.aliasExpansions - before.aliasExpansions };
  }

  /**
   * `yaml` ends a document after its trailing comments and blank lines; but when the document's
   * last value is empty, it ends right after that value's indicator and spaces, unless comments
   * sit around that entry (which `yaml` then attaches to the empty value in ways not copied here).
   */
  private endOfDocument(next: number): number {
    if (this.lastEmptyAt < 0) return next;
    for (let i = this.lastEmptyEntryStart; i < next; i++) if (this.text.charCodeAt(i) === HASH) bail();
    this.charactersScanned += next - this.lastEmptyEntryStart;
    return this.skipSpaces(this.lastEmptyAt);
  }

  /** The current line's kind (a method, so TypeScript does not carry narrowing across moves). */
  private lineKind(): Line {
    return this.kind;
  }

  // --- lines -----------------------------------------------------------------------------------

  private nextLine(): void {
    this.lineStart = this.lineEnd + 1;
    this.seekContent();
  }

  /** From lineStart, skips blank and comment-only lines and describes the next line with content. */
  private seekContent(): void {
    const text = this.text;
    let start = this.lineStart;
    for (;;) {
      if (start >= this.length) {
        this.lineStart = start;
        this.kind = Line.End;
        this.indent = -1;
        return;
      }
      let i = start;
      while (text.charCodeAt(i) === SPACE) i++;
      let end = text.indexOf('\n', i);
      if (end < 0) end = this.length;
      this.charactersScanned += end + 1 - start;
      const contentEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      if (i >= contentEnd || text.charCodeAt(i) === HASH) {
        start = end + 1;
        continue;
      }
      this.lineStart = start;
      this.lineEnd = end;
      this.contentEnd = contentEnd;
      this.indent = i - start;
      this.kind = Line.Content;
      if (i === start) {
        const ch = text.charCodeAt(i);
        if ((ch === DASH && text.startsWith('---', i)) || (ch === 46 && text.startsWith('...', i))) {
          // `...` ends a document, `---x` is a plain scalar: both rare enough to leave to `yaml`.
          if (ch === 46 || !(i + 3 >= contentEnd || text.charCodeAt(i + 3) === SPACE)) bail();
          this.kind = Line.DocumentMarker;
          this.indent = -1;
        }
      }
      return;
    }
  }

  /** Whether a block sequence entry (`-` then a space or the line end) starts at `at`. */
  private isEntryDash(at: number): boolean {
    return this.text.charCodeAt(at) === DASH && (at + 1 >= this.contentEnd || this.text.charCodeAt(at + 1) === SPACE);
  }

  // --- block collections -----------------------------------------------------------------------

  /** The block node whose first line is the current one, starting at column `column`. */
  private parseBlockNode(column: number, depth: number): unknown {
    const at = this.lineStart + column;
    return this.isEntryDash(at) ? this.parseBlockSequence(column, at, depth) : this.parseBlockMap(column, at, depth);
  }

  /**
   * The value of a `key:` or `-` with nothing after it on its line; the cursor is on the next
   * line with content. `emptyAt` is where an empty value sits (right after the indicator).
   */
  private parseIndentedValue(parentColumn: number, emptyAt: number, entryStart: number, sequenceMaySitAtParent: boolean, depth: number): unknown {
    if (this.kind === Line.Content) {
      const at = this.lineStart + this.indent;
      if (this.indent > parentColumn) {
        if (this.isEntryDash(at) || this.startsKey(at)) return this.parseBlockNode(this.indent, depth + 1);
        // A scalar or flow value on the line after its key or dash. A block scalar header there
        // gets indentation rules of its own: left to `yaml`.
        const ch = this.text.charCodeAt(at);
        if (ch === 124 || ch === 62) bail();
        return this.parseInlineValue(at, parentColumn, depth);
      }
      // A map's value may be a sequence at the map's own indentation.
      if (this.indent === parentColumn && sequenceMaySitAtParent && this.isEntryDash(at)) return this.parseBlockSequence(this.indent, at, depth + 1);
    }
    this.nodesBuilt++;
    this.range = { start: emptyAt, end: emptyAt };
    this.lastEmptyAt = emptyAt;
    this.lastEmptyEntryStart = entryStart;
    return null;
  }

  private parseBlockMap(column: number, firstKey: number, depth: number): Record<string, unknown> {
    if (depth > YAML_LIMITS.maxDepth) bail();
    this.nodesBuilt++;
    const text = this.text;
    const map: Record<string, unknown> = newParsedMap();
    const pairs = new Map<string, PairSpan>();
    let keyStart = firstKey;
    let last = firstKey;
    for (;;) {
      let keyText: string;
      let keyEnd: number;
      const ch = text.charCodeAt(keyStart);
      if (ch === 34 || ch === 39) {
        const quoted = this.readQuoted(keyStart);
        keyText = quoted.value;
        keyEnd = quoted.end;
        if (text.charCodeAt(keyEnd) !== COLON || !(keyEnd + 1 >= this.contentEnd || text.charCodeAt(keyEnd + 1) === SPACE)) bail();
      } else {
        keyEnd = this.findKeyColon(keyStart);
        if (keyEnd < 0 || text.charCodeAt(keyEnd - 1) === SPACE) bail();
        keyText = this.plainKeyText(keyStart, keyEnd);
      }
      // `yaml` measures an implicit key's length from where its entry's tokens start, which
      // after an empty value is the line break before the key; measured from there, with room
      // for a CRLF, a key that may be too long is left to `yaml`.
      if (keyEnd - (this.lineStart - 2) > MAX_IMPLICIT_KEY_LENGTH || pairs.has(keyText)) bail();
      this.nodesBuilt++;
      this.keysBuilt++;
      this.textCharacters += keyText.length;
      const key: Range = { start: keyStart, end: keyEnd };
      // Comments before a key belong to the key in `yaml`, so only those after it matter for an empty value.
      const entryStart = keyEnd;
      this.tokenEnd = keyEnd + 1;
      const i = this.skipSpaces(keyEnd + 1);
      let value: unknown;
      if (i >= this.contentEnd || text.charCodeAt(i) === HASH) {
        this.nextLine();
        value = this.parseIndentedValue(column, keyEnd + 1, entryStart, true, depth);
      } else if (text.charCodeAt(i) === AMPERSAND) {
        value = this.parseAnchoredEntryValue(i, column, keyEnd + 1, entryStart, true, depth);
      } else {
        value = this.parseInlineValue(i, column, depth);
      }
      const valueRange = this.range;
      map[keyText] = value;
      pairs.set(keyText, { key, value: valueRange });
      last = valueRange.end > keyEnd ? valueRange.end : keyEnd;
      if (this.kind !== Line.Content || this.indent < column) break;
      if (this.indent > column) bail();
      keyStart = this.lineStart + column;
    }
    const range: Range = { start: firstKey, end: last };
    this.spans.set(map, { range, pairs });
    this.range = range;
    return map;
  }

  private parseBlockSequence(column: number, firstDash: number, depth: number): unknown[] {
    if (depth > YAML_LIMITS.maxDepth) bail();
    this.nodesBuilt++;
    const text = this.text;
    const sequence: unknown[] = [];
    const items: Range[] = [];
    let dash = firstDash;
    let last = firstDash;
    for (;;) {
      const entryStart = this.tokenEnd;
      this.tokenEnd = dash + 1;
      const i = this.skipSpaces(dash + 1);
      let value: unknown;
      if (i >= this.contentEnd || text.charCodeAt(i) === HASH) {
        this.nextLine();
        value = this.parseIndentedValue(column, dash + 1, entryStart, false, depth);
      } else if (text.charCodeAt(i) === AMPERSAND) {
        value = this.parseAnchoredEntryValue(i, column, dash + 1, entryStart, false, depth);
      } else if (this.isEntryDash(i)) {
        value = this.parseBlockSequence(i - this.lineStart, i, depth + 1); // `- - x`
      } else if (this.startsKey(i)) {
        value = this.parseBlockMap(i - this.lineStart, i, depth + 1); // `- key: value`
      } else {
        value = this.parseInlineValue(i, column, depth);
      }
      sequence.push(value);
      items.push(this.range);
      last = this.range.end;
      if (this.kind !== Line.Content || this.indent < column) break;
      if (this.indent > column) bail();
      dash = this.lineStart + column;
      if (!this.isEntryDash(dash)) break; // a key of the map this sequence is the value of
    }
    const range: Range = { start: firstDash, end: last };
    this.spans.set(sequence, { range, items });
    this.range = range;
    return sequence;
  }

  /**
   * The value of a block entry that starts with an anchor (`&name`) at `at`: a value on the same
   * line, or a collection on the following lines. An anchor on a key (`- &a key: v`), on an empty
   * value, or on a scalar on the next line, and two properties in a row, are left to `yaml`.
   */
  private parseAnchoredEntryValue(at: number, column: number, emptyAt: number, entryStart: number, sequenceMaySitAtParent: boolean, depth: number): unknown {
    const text = this.text;
    const nameEnd = this.readName(at, false);
    const i = this.skipSpaces(nameEnd);
    return this.anchored(text.slice(at + 1, nameEnd), () => {
      if (i >= this.contentEnd || text.charCodeAt(i) === HASH) {
        this.nextLine();
        if (this.kind !== Line.Content) bail();
        const first = this.lineStart + this.indent;
        const nested = this.indent > column && (this.isEntryDash(first) || this.startsKey(first));
        const sequenceAtParent = this.indent === column && sequenceMaySitAtParent && this.isEntryDash(first);
        if (!nested && !sequenceAtParent) bail();
        return this.parseIndentedValue(column, emptyAt, entryStart, sequenceMaySitAtParent, depth);
      }
      const ch = text.charCodeAt(i);
      if (ch === AMPERSAND || ch === STAR || this.isEntryDash(i) || this.startsKey(i)) bail();
      return this.parseInlineValue(i, column, depth);
    });
  }

  /** Reads an anchored value with `parse` and records it under `name` for later aliases. */
  private anchored(name: string, parse: () => unknown): unknown {
    if (this.anchors.get(name) === IN_PROGRESS) bail(); // the same name again inside its own value
    this.anchors.set(name, IN_PROGRESS);
    const values = this.nodesBuilt - this.keysBuilt + this.aliasExpansions;
    const characters = this.textCharacters;
    const value = parse();
    this.anchors.set(name, { value, size: this.nodesBuilt - this.keysBuilt + this.aliasExpansions - values, characters: this.textCharacters - characters });
    return value;
  }

  /**
   * The value an alias (`*name`, its name ending at `nameEnd`) stands for: the anchored value
   * itself, not a copy, as the complete parser gives it. An unknown name, a loop, or more
   * repetition than half the alias guard allows, is left to `yaml` (which explains it).
   */
  private alias(start: number, nameEnd: number): unknown {
    const target = this.anchors.get(this.text.slice(start + 1, nameEnd));
    if (target === undefined || target === IN_PROGRESS) bail();
    this.aliasExpansions += target.size;
    this.expandedCharacters += target.characters;
    this.textCharacters += target.characters;
    if (this.aliasExpansions > YAML_LIMITS.maxExpandedNodes / 2 || this.expandedCharacters > YAML_LIMITS.maxExpandedCharacters / 2) bail();
    if (target.value !== null && typeof target.value === 'object') this.shared.add(target.value);
    return target.value;
  }

  /** End of the name of the anchor or alias whose indicator is at `at`; a space, the line's end or (in flow) `,]}` must follow it. */
  private readName(at: number, inFlow: boolean): number {
    const text = this.text;
    let i = at + 1;
    while (i < this.contentEnd) {
      const ch = text.charCodeAt(i);
      if (ch >= 128 || !NAME_CHARACTER[ch]) break;
      i++;
    }
    this.charactersScanned += i - at + 1;
    if (i === at + 1) bail();
    const next = text.charCodeAt(i);
    if (!(i >= this.contentEnd || next === SPACE || (inFlow && (next === 44 || next === 93 || next === 125)))) bail();
    return i;
  }

  /** Offset of the `:` ending a plain implicit key that starts at `start`, or -1. */
  private findKeyColon(start: number): number {
    const text = this.text;
    const end = this.contentEnd;
    if (!this.canStartPlain(start)) return -1;
    let i = start;
    let colon = -1;
    for (; i < end; i++) {
      const ch = text.charCodeAt(i);
      if (ch === COLON) {
        if (i + 1 >= end || text.charCodeAt(i + 1) === SPACE) {
          colon = i;
          break;
        }
      } else if (ch === HASH && text.charCodeAt(i - 1) === SPACE) {
        break;
      }
    }
    this.charactersScanned += i - start + 1;
    return colon;
  }

  /** Whether an implicit key (`key:` or `"key":`) starts at `start`. */
  private startsKey(start: number): boolean {
    const ch = this.text.charCodeAt(start);
    if (ch === 34 || ch === 39) {
      const quoted = this.readQuotedOnLine(start);
      return quoted !== undefined && this.text.charCodeAt(quoted.end) === COLON;
    }
    return this.findKeyColon(start) >= 0;
  }

  private canStartPlain(at: number): boolean {
    const ch = this.text.charCodeAt(at);
    if (ch < 128 && NOT_PLAIN_START[ch]) {
      // `-1`, `-foo` are plain scalars; `- ` is an entry and `-,` is best left to `yaml`.
      if (ch !== DASH || at + 1 >= this.contentEnd) return false;
      const next = this.text.charCodeAt(at + 1);
      return next !== SPACE && !(next < 128 && FLOW_INDICATOR[next]);
    }
    return true;
  }

  // --- scalar and flow values -------------------------------------------------------------------

  /**
   * A scalar or flow value that starts at `start` on the current line (after its key or dash, or
   * alone on the next line), in a block collection whose indentation is `ownerColumn`. Leaves
   * the cursor on the next line with content after the value.
   */
  private parseInlineValue(start: number, ownerColumn: number, depth: number): unknown {
    const text = this.text;
    const ch = text.charCodeAt(start);
    let value: unknown;
    let end: number;
    if (ch === 124 /* | */ || ch === 62 /* > */) return this.parseBlockScalar(start, ownerColumn);
    if (ch === 34 || ch === 39) {
      const quoted = this.readQuotedOnLine(start) ?? this.readMultiLineQuoted(start, ownerColumn);
      value = quoted.value;
      end = quoted.end;
      this.nodesBuilt++;
      this.textCharacters += quoted.value.length;
    } else if (ch === STAR) {
      end = this.readName(start, false);
      value = this.alias(start, end);
    } else if (ch === 91 /* [ */ || ch === 123 /* { */) {
      value = this.parseFlowNode(start, depth + 1);
      end = this.flowEnd;
    } else {
      if (!this.canStartPlain(start)) bail();
      end = this.scanBlockPlain(start, this.contentEnd);
      if (!this.plainStoppedAtComment) {
        const multiLine = this.continuePlain(start, end, ownerColumn);
        if (multiLine !== undefined) return multiLine;
      }
      value = this.plainScalar(start, end);
      this.nodesBuilt++;
    }
    const i = this.skipSpaces(end);
    if (i < this.contentEnd && !(text.charCodeAt(i) === HASH && i > end)) bail(); // text after the value
    this.nextLine();
    this.endScalar(start, end, ownerColumn);
    return value;
  }

  /**
   * End (trailing spaces excluded) of the part of a plain scalar in block context that starts at
   * `start` on a line ending at `lineEnd`. Sets plainStoppedAtComment.
   */
  private scanBlockPlain(start: number, lineEnd: number): number {
    const text = this.text;
    let i = start;
    this.plainStoppedAtComment = false;
    for (; i < lineEnd; i++) {
      const ch = text.charCodeAt(i);
      if (ch === COLON) {
        // `a: b: c` is a nested map on one line, and `key: text` on a continuation line a
        // multi-line key: both errors in `yaml`.
        if (i + 1 >= lineEnd || text.charCodeAt(i + 1) === SPACE) bail();
      } else if (ch === HASH && text.charCodeAt(i - 1) === SPACE) {
        this.plainStoppedAtComment = true;
        break;
      }
    }
    const stop = i;
    while (i > start && text.charCodeAt(i - 1) === SPACE) i--;
    this.charactersScanned += stop - start + (stop - i);
    return i;
  }

  /**
   * A plain scalar that continues on more-indented lines after its first line (which ends at
   * `firstEnd`): the lines are folded as `yaml` folds them (a line break becomes a space, blank
   * lines become line breaks). Returns undefined, moving nothing, when no line continues it.
   */
  private continuePlain(start: number, firstEnd: number, ownerColumn: number): string | undefined {
    const text = this.text;
    let value: string | undefined;
    let end = firstEnd;
    let blankLines = 0;
    let pos = this.lineEnd + 1;
    while (pos < this.length) {
      let k = pos;
      while (text.charCodeAt(k) === SPACE) k++;
      let lineEnd = text.indexOf('\n', k);
      if (lineEnd < 0) lineEnd = this.length;
      this.charactersScanned += lineEnd + 1 - pos;
      const contentEnd = lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
      if (k >= contentEnd) {
        blankLines++;
        pos = lineEnd + 1;
        continue;
      }
      // A comment line or a less indented line ends the scalar.
      if (k - pos <= ownerColumn || text.charCodeAt(k) === HASH) break;
      // A continuation line that looks like structure (`- x`, `[`, `&a`...) is left to `yaml`.
      const ch = text.charCodeAt(k);
      if (ch < 128 && NOT_PLAIN_START[ch]) bail();
      const lineValueEnd = this.scanBlockPlain(k, contentEnd);
      this.charactersScanned += lineValueEnd - k;
      value = (value ?? text.slice(start, firstEnd)) + (blankLines > 0 ? '\n'.repeat(blankLines) : ' ') + text.slice(k, lineValueEnd);
      end = lineValueEnd;
      blankLines = 0;
      pos = lineEnd + 1;
      if (this.plainStoppedAtComment) break;
    }
    if (value === undefined) return undefined;
    this.nodesBuilt++;
    this.textCharacters += value.length;
    this.lineStart = pos;
    this.seekContent();
    this.endScalar(start, end, ownerColumn);
    // Folded text always holds a space or a line break, which no null, bool or number of the
    // core schema does: it stays a string.
    return value;
  }

  /**
   * A quoted scalar that opens at `start` and closes on a later line. Its inner lines must be
   * indented past `ownerColumn` (blank lines aside), as `yaml` requires. Leaves the cursor on
   * the line of the closing quote.
   */
  private readMultiLineQuoted(start: number, ownerColumn: number): QuotedScalar {
    const text = this.text;
    const double = text.charCodeAt(start) === 34;
    let lineBreaks = 0;
    let i = start + 1;
    for (;;) {
      if (i >= this.length) bail(); // never closed
      const ch = text.charCodeAt(i);
      if (ch === 10) {
        lineBreaks++;
        let k = i + 1;
        while (text.charCodeAt(k) === SPACE) k++;
        const next = text.charCodeAt(k);
        const blank = k >= this.length || next === 10 || (next === 13 && text.charCodeAt(k + 1) === 10);
        if (!blank && k - (i + 1) <= ownerColumn) bail(); // not indented enough: `yaml` ends the scalar there
        i = k;
        continue;
      }
      if (double && ch === 92 /* \ */) {
        i++;
        // An escaped line break is still a line break to check; any other escaped character is skipped.
        if (text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
        continue;
      }
      if (ch === (double ? 34 : 39)) {
        if (!double && text.charCodeAt(i + 1) === 39) {
          i += 2;
          continue;
        }
        break;
      }
      i++;
    }
    if (lineBreaks === 0) bail(); // closes on its own line: the one-line reader already declined it
    const end = i + 1;
    const source = text.slice(start, end);
    const value = double ? foldDoubleQuoted(source) : foldSingleQuoted(source);
    if (value === undefined) bail();
    // Move the cursor to the closing line, so the caller checks what follows the quote there.
    this.lineStart = text.lastIndexOf('\n', i) + 1;
    let lineEnd = text.indexOf('\n', i);
    if (lineEnd < 0) lineEnd = this.length;
    // The loop above, the fold, and the two searches for the closing line's ends.
    this.charactersScanned += 2 * (end - start) + (i - this.lineStart) + (lineEnd - i);
    this.lineEnd = lineEnd;
    this.contentEnd = lineEnd > this.lineStart && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    return { value, end };
  }

  private readQuoted(start: number): QuotedScalar {
    return this.readQuotedOnLine(start) ?? bail();
  }

  /** A quoted scalar at `start` that closes on the current line, or undefined. */
  private readQuotedOnLine(start: number): QuotedScalar | undefined {
    const quoted = this.text.charCodeAt(start) === 34 ? readDoubleQuoted(this.text, start, this.contentEnd) : readSingleQuoted(this.text, start, this.contentEnd);
    this.charactersScanned += (quoted ? quoted.end : this.contentEnd) - start;
    return quoted;
  }

  /** The value of the plain scalar [start, end): its text, or the null, boolean or number it spells. */
  private plainScalar(start: number, end: number): unknown {
    this.charactersScanned += end - start;
    const value = resolvePlainScalar(this.text.slice(start, end));
    if (typeof value === 'string') this.textCharacters += value.length;
    return value;
  }

  /** A plain key's text as parseFull stores it: the resolved scalar, as a string (`null` → ''). */
  private plainKeyText(start: number, end: number): string {
    this.charactersScanned += end - start;
    const resolved = resolvePlainScalar(this.text.slice(start, end));
    return typeof resolved === 'string' ? resolved : String(resolved ?? '');
  }

  /**
   * A literal (`|`) or folded (`>`) block scalar whose header is at `header`. Explicit
   * indentation indicators, empty bodies and more-indented leading or trailing blank lines are
   * left to `yaml`, whose handling of them has subtleties this parser does not copy.
   */
  private parseBlockScalar(header: number, ownerColumn: number): string {
    const text = this.text;
    const folded = text.charCodeAt(header) === 62;
    let i = header + 1;
    let chomp: '' | '-' | '+' = '';
    const indicator = text.charCodeAt(i);
    if (indicator === DASH || indicator === 43 /* + */) {
      chomp = indicator === DASH ? '-' : '+';
      i++;
    }
    const headerEnd = i;
    i = this.skipSpaces(i);
    if (i < this.contentEnd && !(text.charCodeAt(i) === HASH && i > headerEnd)) bail(); // indentation indicator or junk
    // An empty block scalar's range covers its header, comment included.
    let headerRangeEnd = headerEnd;
    if (i < this.contentEnd) {
      headerRangeEnd = this.contentEnd;
      while (text.charCodeAt(headerRangeEnd - 1) === SPACE) headerRangeEnd--;
    }

    let builder: BlockScalarBuilder | undefined;
    let contentIndent = -1;
    let leadingSpaces = 0;
    let lastContentEnd = header;
    let trailingBreaks = 0;
    let moreIndentedTrailingBlank = false;
    let pos = this.lineEnd + 1;
    while (pos < this.length) {
      let k = pos;
      while (text.charCodeAt(k) === SPACE) k++;
      let lineEnd = text.indexOf('\n', k);
      if (lineEnd < 0) lineEnd = this.length;
      this.charactersScanned += lineEnd + 1 - pos;
      const contentEnd = lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
      const spaces = k - pos;
      const breaks = lineEnd < this.length ? 1 : 0;
      if (k >= contentEnd) {
        if (builder) {
          builder.blank(spaces);
          trailingBreaks += breaks;
          if (spaces > contentIndent) moreIndentedTrailingBlank = true;
        } else if (spaces > leadingSpaces) {
          leadingSpaces = spaces;
        }
        pos = lineEnd + 1;
        continue;
      }
      if (!builder) {
        // The first text line sets the indentation; at or left of the owner, the scalar is empty.
        if (spaces <= ownerColumn) break;
        if (leadingSpaces > spaces) bail();
        contentIndent = spaces;
        builder = new BlockScalarBuilder(folded, spaces);
        const leadingLines = countLines(text, this.lineEnd + 1, pos);
        this.charactersScanned += pos - (this.lineEnd + 1);
        for (let n = 0; n < leadingLines; n++) builder.blank(0);
      } else if (spaces < contentIndent) {
        break;
      }
      builder.line(spaces, text.slice(k, contentEnd));
      let end = contentEnd;
      while (text.charCodeAt(end - 1) === SPACE) end--;
      this.charactersScanned += contentEnd - k + (contentEnd - end);
      lastContentEnd = end;
      trailingBreaks = breaks;
      moreIndentedTrailingBlank = false;
      pos = lineEnd + 1;
    }
    if (moreIndentedTrailingBlank) bail();
    // Keep chomping of an empty body counts its blank lines in ways not copied here.
    if (!builder && chomp === '+') bail();
    const end = builder ? lastContentEnd : headerRangeEnd;
    this.nodesBuilt++;
    this.lineStart = pos;
    this.seekContent();
    this.endScalar(header, end, ownerColumn);
    const value = builder ? builder.finish(chomp, trailingBreaks) : '';
    this.textCharacters += value.length;
    return value;
  }

  /**
   * Records a scalar that ended at `end`, once the cursor is on the next content line. A line
   * indented past the scalar's owner would continue it or be an error: both go to `yaml`.
   */
  private endScalar(start: number, end: number, ownerColumn: number): void {
    this.range = { start, end };
    this.lastEmptyAt = -1;
    this.tokenEnd = end;
    if (this.kind === Line.Content && this.indent > ownerColumn) bail();
  }

  // --- flow collections on one line --------------------------------------------------------------

  /** A flow node at `start` on the current line; sets range and flowEnd. */
  private parseFlowNode(start: number, depth: number): unknown {
    const text = this.text;
    const ch = text.charCodeAt(start);
    if (ch === 91) return this.parseFlowSequence(start, depth);
    if (ch === 123) return this.parseFlowMap(start, depth);
    if (ch === STAR) {
      const end = this.readName(start, true);
      this.range = { start, end };
      this.flowEnd = end;
      return this.alias(start, end);
    }
    if (ch === AMPERSAND) {
      const nameEnd = this.readName(start, true);
      // `&a x`: a space, then the value; `[&a]`, `&a *b` and `&a &b` are left to `yaml`.
      const i = this.skipSpaces(nameEnd);
      const next = text.charCodeAt(i);
      if (i === nameEnd || i >= this.contentEnd || next === 44 || next === 93 || next === 125 || next === AMPERSAND || next === STAR || next === HASH) bail();
      return this.anchored(text.slice(start + 1, nameEnd), () => this.parseFlowNode(i, depth));
    }
    if (ch === 34 || ch === 39) {
      const quoted = this.readQuoted(start);
      this.nodesBuilt++;
      this.textCharacters += quoted.value.length;
      this.range = { start, end: quoted.end };
      this.flowEnd = quoted.end;
      return quoted.value;
    }
    const end = this.scanFlowPlain(start);
    this.nodesBuilt++;
    this.range = { start, end };
    this.flowEnd = end;
    return this.plainScalar(start, end);
  }

  /** End of a plain scalar inside a flow collection (before `,`, brackets, `: ` or ` #`). */
  private scanFlowPlain(start: number): number {
    const text = this.text;
    const lineEnd = this.contentEnd;
    if (!this.canStartPlain(start)) bail();
    let i = start;
    for (; i < lineEnd; i++) {
      const ch = text.charCodeAt(i);
      if (ch < 128 && FLOW_INDICATOR[ch]) break;
      if (ch === COLON) {
        const next = text.charCodeAt(i + 1);
        if (i + 1 >= lineEnd || next === SPACE || (next < 128 && FLOW_INDICATOR[next])) break;
      } else if (ch === HASH && text.charCodeAt(i - 1) === SPACE) {
        break;
      }
    }
    const stop = i;
    while (i > start && text.charCodeAt(i - 1) === SPACE) i--;
    this.charactersScanned += stop - start + (stop - i) + 1;
    if (i === start) bail();
    return i;
  }

  private skipSpaces(from: number): number {
    let i = from;
    while (this.text.charCodeAt(i) === SPACE) i++;
    this.charactersScanned += i - from + 1;
    return i;
  }

  private parseFlowSequence(open: number, depth: number): unknown[] {
    if (depth > YAML_LIMITS.maxDepth) bail();
    this.nodesBuilt++;
    const text = this.text;
    const sequence: unknown[] = [];
    const items: Range[] = [];
    let i = this.skipSpaces(open + 1);
    if (text.charCodeAt(i) === 93 /* ] */) {
      i++;
    } else {
      for (;;) {
        if (i >= this.contentEnd) bail();
        sequence.push(this.parseFlowNode(i, depth + 1));
        items.push(this.range);
        i = this.skipSpaces(this.flowEnd);
        const ch = text.charCodeAt(i);
        if (i < this.contentEnd && ch === 44 /* , */) {
          i = this.skipSpaces(i + 1);
          if (text.charCodeAt(i) === 93) bail(); // a trailing comma
          continue;
        }
        if (i < this.contentEnd && ch === 93) {
          i++;
          break;
        }
        bail(); // `[a: b]`, a comment, or the line ended
      }
    }
    const range: Range = { start: open, end: i };
    this.spans.set(sequence, { range, items });
    this.range = range;
    this.flowEnd = i;
    return sequence;
  }

  private parseFlowMap(open: number, depth: number): Record<string, unknown> {
    if (depth > YAML_LIMITS.maxDepth) bail();
    this.nodesBuilt++;
    const text = this.text;
    const map: Record<string, unknown> = newParsedMap();
    const pairs = new Map<string, PairSpan>();
    let i = this.skipSpaces(open + 1);
    if (text.charCodeAt(i) === 125 /* } */) {
      i++;
    } else {
      for (;;) {
        if (i >= this.contentEnd) bail();
        const keyStart = i;
        let keyText: string;
        let keyEnd: number;
        const ch = text.charCodeAt(i);
        if (ch === 34 || ch === 39) {
          const quoted = this.readQuoted(i);
          keyText = quoted.value;
          keyEnd = quoted.end;
        } else if (ch === 91 || ch === 123) {
          bail(); // a collection as a key
        } else {
          keyEnd = this.scanFlowPlain(i);
          keyText = this.plainKeyText(i, keyEnd);
        }
        this.nodesBuilt++;
        this.keysBuilt++;
        this.textCharacters += keyText.length;
        // Only `key: value` pairs: no `{a}`, `{a:}`, `{"a":1}`, or spaces before the colon.
        if (text.charCodeAt(keyEnd) !== COLON || text.charCodeAt(keyEnd + 1) !== SPACE || keyEnd + 1 >= this.contentEnd) bail();
        if (keyEnd - keyStart > MAX_IMPLICIT_KEY_LENGTH || pairs.has(keyText)) bail();
        const valueStart = this.skipSpaces(keyEnd + 1);
        const next = text.charCodeAt(valueStart);
        if (valueStart >= this.contentEnd || next === 44 || next === 125 || next === HASH) bail();
        const value = this.parseFlowNode(valueStart, depth + 1);
        map[keyText] = value;
        pairs.set(keyText, { key: { start: keyStart, end: keyEnd }, value: this.range });
        i = this.skipSpaces(this.flowEnd);
        const after = text.charCodeAt(i);
        if (i < this.contentEnd && after === 44) {
          i = this.skipSpaces(i + 1);
          if (text.charCodeAt(i) === 125) bail();
          continue;
        }
        if (i < this.contentEnd && after === 125) {
          i++;
          break;
        }
        bail();
      }
    }
    const range: Range = { start: open, end: i };
    this.spans.set(map, { range, pairs });
    this.range = range;
    this.flowEnd = i;
    return map;
  }
}

/** Number of line breaks between `from` and `to`. */
function countLines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
