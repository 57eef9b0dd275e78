import { isAlias, isMap, isPair, isScalar, isSeq, Scalar } from 'yaml';
import type { Alias, Document, Node as YamlNode, Pair, YAMLError } from 'yaml';
import type { Range } from '../text/range';
import { YAML_LIMITS } from './limits';
import type { ContainerSpan, ParsedYamlDocument, PairSpan, YamlIssue } from './types';
import { NO_WORK, WorkCounter } from './work';
import { declaresApiVersion } from '../format/files';
import { excerpt } from '../text/excerpt';
import { clampRange, composeDocuments, describeYamlError, OMAP_TAG } from './yamlLibrary';
import { newParsedMap } from './maps';

/**
 * The complete parser: the `yaml` library, which understands all of YAML 1.2 (and 1.1 under a
 * `%YAML 1.1` directive) and reports syntax errors precisely. Its AST is converted to plain data
 * plus canonical spans (see ContainerSpan), the same shape the fast parser produces.
 */
export function parseFull(text: string, work: WorkCounter = new WorkCounter()): ParsedYamlDocument[] {
  const { documents, streamErrors } = composeDocuments(text);
  // The library's lexer reads the text once; what it does inside is not counted further.
  work.charactersScanned += text.length;
  // Messages quote the text only of a file that says it is a rubric file (describeYamlError).
  const quote = declaresApiVersion(text);
  if (documents.length === 0) return [emptyDocument(text, streamErrors, quote)];
  return documents.map((doc) => convertDocument(text, doc, work, quote));
}

function emptyDocument(text: string, errors: readonly YAMLError[], quote: boolean): ParsedYamlDocument {
  return {
    value: null,
    valueRange: { start: 0, end: 0 },
    documentRange: { start: 0, end: text.length },
    spans: new WeakMap(),
    shared: new Set(),
    work: NO_WORK,
    issues: errors.map((e) => ({ code: 'yaml-syntax', severity: 'error', message: describeYamlError(e.code, e.message, quote), range: clampRange(e.pos, text.length) })),
  };
}

/**
 * A converted node: its JS value, canonical range, and what an alias of it repeats: `size`
 * values (itself and every value under it) holding `characters` characters of keys and text.
 */
interface Converted {
  readonly value: unknown;
  readonly range: Range;
  readonly size: number;
  readonly characters: number;
}

/** Marks an anchored node whose conversion has started and not finished: an alias to it is a cycle. */
const IN_PROGRESS = Symbol('in progress');

const BINARY_TAG = 'tag:yaml.org,2002:binary';

/** The merge key `<<`: `yaml` gives it a symbol value only where the schema merges (YAML 1.1). */
function isMergeKey(node: YamlNode | null): boolean {
  if (!isScalar(node)) return false;
  const value = node.value;
  return typeof value === 'symbol' && value.description === '<<';
}

/** A key's text as the fast parser stores it too: strings as they are, `null` as '', others as written by String(). */
function keyText(value: unknown): string {
  return typeof value === 'string' ? value : String(value ?? '');
}

class Converter {
  readonly spans = new WeakMap<object, ContainerSpan>();
  readonly issues: YamlIssue[] = [];
  /** Maps and lists that aliases and merge keys repeat (see ParsedYamlDocument.shared). */
  readonly shared = new Set<object>();
  /**
   * Anchors seen so far, in document order: an alias refers to the last node before it that
   * carries its anchor (YAML's rule). Resolving through this table keeps every alias O(1);
   * `yaml`'s own Alias.resolve walks the whole document for each alias, which made a rubric
   * with a thousand `levels: *shared` quadratic.
   */
  private readonly anchors = new Map<string, YamlNode>();
  private readonly anchored = new Map<YamlNode, Converted | typeof IN_PROGRESS>();
  private expandedValues = 0;
  private expandedCharacters = 0;
  private aborted = false;

  constructor(
    private readonly text: string,
    private readonly work: WorkCounter,
    /** Whether messages may quote the text (describeYamlError). */
    private readonly quote = true,
  ) {}

  /** Converts a node; returns its JS value, canonical range and expanded node count. */
  convert(node: YamlNode | null, depth: number, emptyAt: number): Converted {
    if (this.aborted) return { value: null, range: { start: emptyAt, end: emptyAt }, size: 0, characters: 0 };
    if (node === null) return { value: null, range: { start: emptyAt, end: emptyAt }, size: 1, characters: 0 };
    if (depth > YAML_LIMITS.maxDepth) {
      this.abort('yaml-too-deep', `The YAML nests deeper than ${YAML_LIMITS.maxDepth} levels here; flatten the structure.`, node.range ?? [emptyAt, emptyAt]);
      return { value: null, range: { start: emptyAt, end: emptyAt }, size: 0, characters: 0 };
    }
    if (isAlias(node)) return this.convertAlias(node, emptyAt);
    const anchor = node.anchor;
    if (!anchor) return this.convertFresh(node, depth, emptyAt);
    this.anchors.set(anchor, node);
    this.anchored.set(node, IN_PROGRESS);
    const result = this.convertFresh(node, depth, emptyAt);
    this.anchored.set(node, result);
    return result;
  }

  /** An alias reuses its anchor's value (no copy), and diagnostics inside it point at the anchor. */
  private convertAlias(node: Alias, emptyAt: number): Converted {
    const range = this.nodeRange(node, emptyAt);
    const target = this.resolveAlias(node);
    if (!target) return { value: null, range, size: 1, characters: 0 };
    this.count(target.size, target.characters, node.range ?? [emptyAt, emptyAt]);
    this.share(target.value);
    return { value: target.value, range, size: target.size, characters: target.characters };
  }

  /** The converted value an alias stands for, or undefined with an issue when there is none. */
  private resolveAlias(node: Alias): Converted | undefined {
    const target = this.anchors.get(node.source);
    const converted = target === undefined ? undefined : this.anchored.get(target);
    if (converted === undefined) {
      this.report(
        'yaml-syntax',
        `The alias *${node.source} refers to no anchor: no value before it is marked &${node.source}. Mark the value to repeat with &${node.source} before this point, or write it out here.`,
        node.range,
      );
      return undefined;
    }
    if (converted === IN_PROGRESS) {
      this.report(
        'yaml-alias-limit',
        `The alias *${node.source} sits inside the value anchored as &${node.source}, so it would repeat itself without end. Rubric files cannot hold such a loop; write the inner part out instead.`,
        node.range,
      );
      return undefined;
    }
    return converted;
  }

  private convertFresh(node: YamlNode, depth: number, emptyAt: number): Converted {
    this.work.nodesBuilt++;
    if (isScalar(node)) {
      const value = this.scalarValue(node);
      return { value, range: this.scalarRange(node, emptyAt), size: 1, characters: typeof value === 'string' ? value.length : 0 };
    }
    if (isMap(node)) {
      const range = (first: number | undefined, last: number): Range =>
        node.flow ? this.inText(node.range ?? [emptyAt, emptyAt]) : { start: first ?? emptyAt, end: first === undefined ? emptyAt : last };
      return this.convertPairs(node.items as Pair[], depth, emptyAt, range);
    }
    if (isSeq(node)) {
      const start = node.range?.[0] ?? emptyAt;
      if (node.tag === OMAP_TAG) {
        // An ordered map, written as a list of one-key maps: maps here keep their order anyway.
        const range = (first: number | undefined, last: number): Range => (node.flow ? this.inText(node.range ?? [emptyAt, emptyAt]) : { start, end: first === undefined ? start : last });
        return this.convertPairs(this.orderedMapPairs(node.items as (YamlNode | Pair | null)[], emptyAt), depth, emptyAt, range);
      }
      return this.convertSequence(node.items as (YamlNode | Pair | null)[], node.flow ?? false, start, depth, emptyAt, node.range);
    }
    return { value: null, range: { start: emptyAt, end: emptyAt }, size: 1, characters: 0 };
  }

  private convertSequence(items: readonly (YamlNode | Pair | null)[], flow: boolean, start: number, depth: number, emptyAt: number, nodeRange: readonly number[] | null | undefined): Converted {
    const value: unknown[] = [];
    const ranges: Range[] = [];
    let size = 1;
    let characters = 0;
    let last = emptyAt;
    for (const item of items) {
      const itemStart = isPair(item) ? (item.key as YamlNode | null)?.range?.[0] ?? (item.value as YamlNode | null)?.range?.[0] : item?.range?.[0];
      const at = item === null ? emptyAt : this.afterIndicatorBackward(itemStart ?? emptyAt, flow ? undefined : 45 /* - */);
      // A pair inside a list (`!!pairs`): a map of that one pair, as `yaml` gives it.
      const child = isPair(item) ? this.convertPairs([item], depth + 1, at, (first, end) => ({ start: first ?? at, end: first === undefined ? at : end })) : this.convert(item, depth + 1, at);
      value.push(child.value);
      ranges.push(child.range);
      size += child.size;
      characters += child.characters;
      last = child.range.end;
    }
    const range = flow ? this.inText(nodeRange ?? [emptyAt, emptyAt]) : { start, end: ranges.length ? last : start };
    this.spans.set(value, { range, items: ranges });
    return { value, range, size, characters };
  }

  /**
   * The pairs of a map (or of an ordered map) into an object that inherits nothing (maps.ts). `rangeOf` gets the
   * first key's start and the last entry's end. Merge keys (`<<`, YAML 1.1) copy in the pairs of
   * the maps they name, after which the map's own keys win, as in `yaml`.
   */
  private convertPairs(items: readonly Pair[], depth: number, emptyAt: number, rangeOf: (first: number | undefined, last: number) => Range): Converted {
    const value: Record<string, unknown> = newParsedMap();
    const pairs = new Map<string, PairSpan>();
    /** Whether each entry was written in this map (true) or merged in (false): a merged key may be set again. */
    const ownKeys = new Map<string, boolean>();
    let size = 1;
    let characters = 0;
    let first: number | undefined;
    let last = emptyAt;
    for (const pair of items) {
      const keyNode = pair.key as YamlNode | null;
      const key = this.convertKey(keyNode, depth, emptyAt);
      const valueAt = this.afterIndicator(key?.range.end ?? keyNode?.range?.[1] ?? emptyAt, 58 /* : */);
      if (key && isMergeKey(keyNode)) {
        const merged = this.mergeInto(value, pairs, ownKeys, pair.value as YamlNode | null, depth + 1, valueAt);
        size += merged.size;
        characters += merged.characters;
        first ??= key.range.start;
        last = Math.max(last, key.range.end);
        continue;
      }
      const child = this.convert(pair.value as YamlNode | null, depth + 1, valueAt);
      if (!key) continue;
      // Also `1` and `"1"`, or a key and an alias of it: they are the same entry here.
      if (ownKeys.get(key.text) === true) {
        this.report('yaml-duplicate-key', `${this.quote ? `The key "${excerpt(key.text)}"` : 'A key'} appears more than once in this map. Each key may appear once in a map; remove or rename one of them.`, [key.range.start, key.range.end]);
      }
      value[key.text] = child.value;
      pairs.set(key.text, { key: key.range, value: child.range });
      ownKeys.set(key.text, true);
      size += child.size;
      characters += child.characters + key.text.length;
      first ??= key.range.start;
      last = Math.max(last, child.range.end, key.range.end);
    }
    const range = rangeOf(first, last);
    this.spans.set(value, { range, pairs });
    return { value, range, size, characters };
  }

  /** The pairs of an !!omap's entries, each of which must be a map of one key (or a flow pair). */
  private orderedMapPairs(items: readonly (YamlNode | Pair | null)[], emptyAt: number): Pair[] {
    const pairs: Pair[] = [];
    for (const item of items) {
      if (isPair(item)) pairs.push(item);
      else if (isMap(item) && item.items.length === 1) pairs.push(item.items[0] as Pair);
      else this.report('yaml-syntax', 'Each entry of an ordered map (!!omap) is a map of one key, such as "- level: 1".', item?.range ?? [emptyAt, emptyAt]);
    }
    return pairs;
  }

  /**
   * A key's text and range. Scalars and aliases of scalars make keys; a list or a map as a key
   * gets an issue (its anchors still count for later aliases) and undefined.
   */
  private convertKey(keyNode: YamlNode | null, depth: number, emptyAt: number): { text: string; range: Range } | undefined {
    if (keyNode === null) return { text: '', range: { start: emptyAt, end: emptyAt } };
    if (isScalar(keyNode) && isMergeKey(keyNode)) return { text: '<<', range: this.scalarRange(keyNode, emptyAt) };
    // An empty key sits where `yaml` found it, not at its map's empty-value position.
    const converted = this.convert(keyNode, depth + 1, keyNode.range?.[0] ?? emptyAt);
    const scalarKey = isScalar(keyNode) || (isAlias(keyNode) && (converted.value === null || typeof converted.value !== 'object'));
    if (scalarKey && !this.aborted) return { text: keyText(converted.value), range: converted.range };
    if (!this.aborted && !isAlias(keyNode)) {
      this.report('yaml-syntax', 'Only plain text keys are supported here; a key cannot be a list or a map.', keyNode.range ?? [emptyAt, emptyAt]);
    } else if (!this.aborted && converted.value !== null) {
      this.report('yaml-syntax', 'Only plain text keys are supported here; this alias stands for a list or a map.', keyNode.range ?? [emptyAt, emptyAt]);
    }
    return undefined;
  }

  /**
   * Copies into `value` the entries of the map(s) a merge key names, where `value` has no such
   * key yet. A merge source must be a map, an alias of one, or
   * a list of those. Returns what the merged values hold.
   */
  private mergeInto(value: Record<string, unknown>, pairs: Map<string, PairSpan>, ownKeys: Map<string, boolean>, source: YamlNode | null, depth: number, emptyAt: number): Converted {
    const converted = this.convert(source, depth, emptyAt);
    const sources = Array.isArray(converted.value) ? (converted.value as unknown[]) : [converted.value];
    let added = 0;
    for (const item of sources) {
      const span = item !== null && typeof item === 'object' ? this.spans.get(item) : undefined;
      if (!span?.pairs) {
        if (!this.aborted) this.report('yaml-syntax', 'A merge key (<<) takes a map, an alias of a map, or a list of them; this value is none of those.', [converted.range.start, converted.range.end]);
        continue;
      }
      for (const [key, pair] of span.pairs) {
        if (ownKeys.has(key)) continue;
        value[key] = (item as Record<string, unknown>)[key];
        this.share(value[key]);
        pairs.set(key, pair);
        ownKeys.set(key, false);
      }
      added += span.pairs.size;
    }
    // Copying the entries is work of its own, bounded like any other expansion.
    this.count(added, 0, [converted.range.start, converted.range.end]);
    return converted;
  }

  /** A scalar's value as plain data: timestamps keep their text (dates are text in this format); binary data is refused. */
  private scalarValue(node: Scalar): unknown {
    const v = node.value;
    if (v === undefined || v === null) return null;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
    if (typeof v === 'bigint') return Number(v);
    const source = typeof node.source === 'string' ? node.source : this.text.slice(node.range?.[0] ?? 0, node.range?.[1] ?? 0);
    if (v instanceof Date) return source;
    const what = node.tag === BINARY_TAG ? 'Binary data (!!binary)' : `A value of type ${node.tag ?? typeof v}`;
    this.report('yaml-unsupported', `${what} cannot be used in rubric files: they hold text, numbers, true/false, lists and maps. Write the value as text.`, node.range);
    return source;
  }

  private share(value: unknown): void {
    if (value !== null && typeof value === 'object') this.shared.add(value);
  }

  /** Adds values and characters repeated by an alias or a merge key to the alias guard's tally. */
  private count(size: number, characters: number, at: readonly number[]): void {
    this.work.aliasExpansions += size;
    this.expandedValues += size;
    this.expandedCharacters += characters;
    if (this.aborted) return;
    if (this.expandedValues > YAML_LIMITS.maxExpandedNodes) {
      this.abort(
        'yaml-alias-limit',
        `Aliases here expand to more than ${YAML_LIMITS.maxExpandedNodes.toLocaleString('en-US')} values. Write the repeated part out, or reference it by id instead of with an alias.`,
        at,
      );
    } else if (this.expandedCharacters > YAML_LIMITS.maxExpandedCharacters) {
      this.abort(
        'yaml-alias-limit',
        `Aliases here repeat more than ${YAML_LIMITS.maxExpandedCharacters.toLocaleString('en-US')} characters of text. Write the repeated part out, or reference it by id instead of with an alias.`,
        at,
      );
    }
  }

  private report(code: YamlIssue['code'], message: string, at: readonly number[] | null | undefined): void {
    this.issues.push({ code, severity: 'error', message, range: this.inText(at ?? [0, 0]) });
  }

  private abort(code: YamlIssue['code'], message: string, at: readonly number[]): void {
    this.aborted = true;
    this.report(code, message, at);
  }

  get wasAborted(): boolean {
    return this.aborted;
  }

  private nodeRange(node: YamlNode, emptyAt: number): Range {
    return node.range ? this.inText(node.range) : { start: emptyAt, end: emptyAt };
  }

  /** A range from `yaml`, kept inside the text (see clampRange). */
  private inText(r: readonly number[]): Range {
    return clampRange(r, this.text.length);
  }

  private scalarRange(node: Scalar, emptyAt: number): Range {
    if (!node.range) return { start: emptyAt, end: emptyAt };
    const { start, end } = this.inText(node.range);
    if (start === end) return { start: emptyAt, end: emptyAt };
    if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
      let last = end;
      while (last > start && isSpace(this.text.charCodeAt(last - 1))) last--;
      this.work.charactersScanned += end - last + 1;
      return { start, end: last };
    }
    return { start, end };
  }

  /** Offset right after the `:` that follows a key, where an empty value is placed. */
  private afterIndicator(from: number, indicator: number): number {
    let i = from;
    while (i < this.text.length && (this.text.charCodeAt(i) === 32 || this.text.charCodeAt(i) === 9)) i++;
    this.work.charactersScanned += i - from + 1;
    return this.text.charCodeAt(i) === indicator ? i + 1 : from;
  }

  /** Offset right after the `-` that precedes a sequence item, searching backwards over spaces. */
  private afterIndicatorBackward(from: number, indicator: number | undefined): number {
    if (indicator === undefined) return from;
    let i = from - 1;
    while (i >= 0 && isSpace(this.text.charCodeAt(i))) i--;
    this.work.charactersScanned += from - i;
    return this.text.charCodeAt(i) === indicator ? i + 1 : from;
  }
}

function isSpace(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13;
}

function convertDocument(text: string, doc: Document, work: WorkCounter, quote: boolean): ParsedYamlDocument {
  const before = work.snapshot();
  const converter = new Converter(text, work, quote);
  const docStart = doc.range?.[0] ?? 0;
  const root = converter.convert(doc.contents as YamlNode | null, 0, doc.contents ? docStart : contentStart(text, docStart, work));
  const issues: YamlIssue[] = [];
  const inText = (pos: readonly number[]): Range => clampRange(pos, text.length);
  for (const e of doc.errors) {
    issues.push({
      code: e.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : 'yaml-syntax',
      severity: 'error',
      message: describeYamlError(e.code, e.message, quote),
      range: inText(e.pos),
    });
  }
  for (const w of doc.warnings) {
    issues.push({ code: 'yaml-syntax', severity: 'warning', message: describeYamlError(w.code, w.message, quote), range: inText(w.pos) });
  }
  issues.push(...converter.issues);
  const documentRange = clampRange([docStart, doc.range?.[2] ?? text.length], text.length);
  const converted = work.since(before);
  return {
    value: converter.wasAborted ? null : root.value,
    valueRange: root.range,
    documentRange,
    spans: converter.spans,
    issues,
    shared: converter.shared,
    // The library's lexer read the document's own text once (counted for the file in parseFull).
    work: { ...converted, charactersScanned: converted.charactersScanned + documentRange.end - documentRange.start },
  };
}

/** Where an empty document's content would start: after a `---` marker line. */
function contentStart(text: string, docStart: number, work: WorkCounter): number {
  if (text.startsWith('---', docStart)) {
    const nl = text.indexOf('\n', docStart);
    work.charactersScanned += (nl < 0 ? text.length : nl + 1) - docStart;
    return nl < 0 ? text.length : nl + 1;
  }
  return docStart;
}
