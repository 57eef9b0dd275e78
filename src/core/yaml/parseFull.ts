import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, Scalar } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import type { Range } from '../text/range';
import { YAML_LIMITS } from './limits';
import type { ContainerSpan, ParsedYamlDocument, YamlIssue } from './types';

/**
 * The complete parser: the `yaml` library, which understands all of YAML 1.2 and reports
 * syntax errors precisely. Its AST is converted to plain data plus canonical spans (see
 * ContainerSpan), the same shape the fast parser produces.
 */
export function parseFull(text: string): ParsedYamlDocument[] {
  const docs = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false, strict: true });
  if (!Array.isArray(docs)) return [emptyDocument(text)];
  if (docs.length === 0) return [emptyDocument(text)];
  return docs.map((doc) => convertDocument(text, doc));
}

function emptyDocument(text: string): ParsedYamlDocument {
  return {
    value: null,
    valueRange: { start: 0, end: 0 },
    documentRange: { start: 0, end: text.length },
    spans: new WeakMap(),
    issues: [],
  };
}

class Converter {
  readonly spans = new WeakMap<object, ContainerSpan>();
  readonly issues: YamlIssue[] = [];
  private readonly anchored = new Map<YamlNode, { value: unknown; range: Range; size: number }>();
  private expanded = 0;
  private aborted = false;

  constructor(private readonly text: string, private readonly doc: Document) {}

  /** Converts a node; returns its JS value, canonical range and expanded node count. */
  convert(node: YamlNode | null, depth: number, emptyAt: number): { value: unknown; range: Range; size: number } {
    if (this.aborted) return { value: null, range: { start: emptyAt, end: emptyAt }, size: 0 };
    if (node === null) return { value: null, range: { start: emptyAt, end: emptyAt }, size: 1 };
    if (depth > YAML_LIMITS.maxDepth) {
      this.abort('yaml-too-deep', `The YAML nests deeper than ${YAML_LIMITS.maxDepth} levels here; flatten the structure.`, node.range ?? [emptyAt, emptyAt]);
      return { value: null, range: { start: emptyAt, end: emptyAt }, size: 0 };
    }
    if (isAlias(node)) {
      const target = node.resolve(this.doc);
      if (!target) return { value: null, range: this.nodeRange(node, emptyAt), size: 1 };
      const memo = this.anchored.get(target) ?? this.convertFresh(target, depth, emptyAt);
      this.anchored.set(target, memo);
      this.count(memo.size, node.range ?? [emptyAt, emptyAt]);
      // The alias reuses the anchored value (no copy), and diagnostics inside it point at the anchor.
      return { value: memo.value, range: this.nodeRange(node, emptyAt), size: memo.size };
    }
    const result = this.convertFresh(node, depth, emptyAt);
    if (node.anchor) this.anchored.set(node, result);
    return result;
  }

  private convertFresh(node: YamlNode, depth: number, emptyAt: number): { value: unknown; range: Range; size: number } {
    if (isScalar(node)) {
      this.count(1, node.range ?? [emptyAt, emptyAt]);
      return { value: scalarValue(node), range: this.scalarRange(node, emptyAt), size: 1 };
    }
    if (isMap(node)) {
      const value: Record<string, unknown> = Object.create(null);
      const pairs = new Map<string, { key: Range; value: Range }>();
      let size = 1;
      let first: number | undefined;
      let last = emptyAt;
      for (const pair of node.items) {
        const keyNode = pair.key as YamlNode | null;
        if (keyNode !== null && !isScalar(keyNode)) {
          this.issues.push({
            code: 'yaml-syntax',
            severity: 'error',
            message: 'Only plain text keys are supported here; a key cannot be a list or a map.',
            range: toRange(keyNode.range ?? [emptyAt, emptyAt]),
          });
          continue;
        }
        const keyText = keyNode === null ? '' : String((keyNode as Scalar).value ?? '');
        const keyRange = keyNode === null ? { start: emptyAt, end: emptyAt } : this.scalarRange(keyNode as Scalar, emptyAt);
        const child = this.convert(pair.value as YamlNode | null, depth + 1, this.afterIndicator(keyRange.end, 58 /* : */));
        value[keyText] = child.value;
        pairs.set(keyText, { key: keyRange, value: child.range });
        size += child.size;
        first ??= keyRange.start;
        last = Math.max(child.range.end, keyRange.end);
      }
      const range = node.flow ? toRange(node.range ?? [emptyAt, emptyAt]) : { start: first ?? emptyAt, end: first === undefined ? emptyAt : last };
      this.spans.set(value, { range, pairs });
      return { value, range, size };
    }
    if (isSeq(node)) {
      const value: unknown[] = [];
      const items: Range[] = [];
      let size = 1;
      let last = emptyAt;
      for (const item of node.items) {
        const at = item === null ? emptyAt : this.afterIndicatorBackward((item as YamlNode).range?.[0] ?? emptyAt, node.flow ? undefined : 45 /* - */);
        const child = this.convert(item as YamlNode | null, depth + 1, at);
        value.push(child.value);
        items.push(child.range);
        size += child.size;
        last = child.range.end;
      }
      const start = node.range?.[0] ?? emptyAt;
      const range = node.flow ? toRange(node.range ?? [emptyAt, emptyAt]) : { start, end: items.length ? last : start };
      this.spans.set(value, { range, items });
      return { value, range, size };
    }
    return { value: null, range: { start: emptyAt, end: emptyAt }, size: 1 };
  }

  private count(size: number, at: readonly number[]): void {
    this.expanded += size;
    if (this.expanded > YAML_LIMITS.maxExpandedNodes && !this.aborted) {
      this.abort(
        'yaml-alias-limit',
        `Aliases here expand to more than ${YAML_LIMITS.maxExpandedNodes.toLocaleString('en-US')} values. Write the repeated part out, or reference it by id instead of with an alias.`,
        at,
      );
    }
  }

  private abort(code: YamlIssue['code'], message: string, at: readonly number[]): void {
    this.aborted = true;
    this.issues.push({ code, severity: 'error', message, range: toRange(at) });
  }

  get wasAborted(): boolean {
    return this.aborted;
  }

  private nodeRange(node: YamlNode, emptyAt: number): Range {
    return node.range ? { start: node.range[0], end: node.range[1] } : { start: emptyAt, end: emptyAt };
  }

  private scalarRange(node: Scalar, emptyAt: number): Range {
    const r = node.range;
    if (!r) return { start: emptyAt, end: emptyAt };
    if (r[0] === r[1]) return { start: emptyAt, end: emptyAt };
    if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
      let end = r[1];
      while (end > r[0] && isSpace(this.text.charCodeAt(end - 1))) end--;
      return { start: r[0], end };
    }
    return { start: r[0], end: r[1] };
  }

  /** Offset right after the `:` that follows a key, where an empty value is placed. */
  private afterIndicator(from: number, indicator: number): number {
    let i = from;
    while (i < this.text.length && (this.text.charCodeAt(i) === 32 || this.text.charCodeAt(i) === 9)) i++;
    return this.text.charCodeAt(i) === indicator ? i + 1 : from;
  }

  /** Offset right after the `-` that precedes a sequence item, searching backwards over spaces. */
  private afterIndicatorBackward(from: number, indicator: number | undefined): number {
    if (indicator === undefined) return from;
    let i = from - 1;
    while (i >= 0 && isSpace(this.text.charCodeAt(i))) i--;
    return this.text.charCodeAt(i) === indicator ? i + 1 : from;
  }
}

function isSpace(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13;
}

function scalarValue(node: Scalar): unknown {
  const v = node.value;
  if (typeof v === 'bigint') return Number(v);
  return v === undefined ? null : v;
}

function toRange(r: readonly number[]): Range {
  return { start: r[0] ?? 0, end: r[1] ?? r[0] ?? 0 };
}

function convertDocument(text: string, doc: Document): ParsedYamlDocument {
  const converter = new Converter(text, doc);
  const docStart = doc.range?.[0] ?? 0;
  const root = converter.convert(doc.contents as YamlNode | null, 0, doc.contents ? docStart : contentStart(text, docStart));
  const issues: YamlIssue[] = [];
  for (const e of doc.errors) {
    issues.push({
      code: e.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : 'yaml-syntax',
      severity: 'error',
      message: describeYamlError(e.code, e.message),
      range: toRange(e.pos),
    });
  }
  for (const w of doc.warnings) {
    issues.push({ code: 'yaml-syntax', severity: 'warning', message: describeYamlError(w.code, w.message), range: toRange(w.pos) });
  }
  issues.push(...converter.issues);
  return {
    value: converter.wasAborted ? null : root.value,
    valueRange: root.range,
    documentRange: { start: docStart, end: doc.range?.[2] ?? text.length },
    spans: converter.spans,
    issues,
  };
}

/** Where an empty document's content would start: after a `---` marker line. */
function contentStart(text: string, docStart: number): number {
  if (text.startsWith('---', docStart)) {
    const nl = text.indexOf('\n', docStart);
    return nl < 0 ? text.length : nl + 1;
  }
  return docStart;
}

/** `yaml` messages end with "at line L, column C:" and a code frame; we show ranges ourselves. */
function describeYamlError(code: string, message: string): string {
  const first = message.split('\n')[0] ?? message;
  const plain = first.replace(/\s*at line \d+, column \d+:?\s*$/, '').trim();
  const advice: Record<string, string> = {
    DUPLICATE_KEY: ' Each key may appear once in a map; remove or rename one of them.',
    BAD_INDENT: ' Check the indentation of this line against the lines above it.',
    TAB_AS_INDENT: ' Indent with spaces; YAML does not allow tabs for indentation.',
    MISSING_CHAR: '',
  };
  const suffix = advice[code] ?? '';
  return `${plain.endsWith('.') ? plain : plain + '.'}${suffix}`;
}
