import type { Range } from '../text/range';
import type { ContainerSpan, ParsedYamlDocument } from './types';

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

export interface Location {
  /** The key's range when the path ends at a map entry. */
  readonly key?: Range;
  readonly value: Range;
}

function spanOf(doc: ParsedYamlDocument, value: unknown): ContainerSpan | undefined {
  return value !== null && typeof value === 'object' ? doc.spans.get(value) : undefined;
}

/**
 * Finds where a path (as produced by the schema validator or the semantic rules) sits in the
 * text. If the path goes deeper than the data (a missing key), returns the deepest existing part,
 * so a "missing key" problem lands on its parent's key.
 */
export function locate(doc: ParsedYamlDocument, path: Path): Location & { exact: boolean } {
  let current: unknown = doc.value;
  let location: Location = { value: doc.valueRange };
  for (let i = 0; i < path.length; i++) {
    const segment = path[i] as PathSegment;
    const span = spanOf(doc, current);
    if (!span) return { ...location, exact: false };
    if (Array.isArray(current) && span.items) {
      const index = typeof segment === 'number' ? segment : Number(segment);
      const itemRange = span.items[index];
      if (itemRange === undefined) return { ...location, exact: false };
      location = { value: itemRange };
      current = current[index];
    } else if (span.pairs) {
      const pair = span.pairs.get(String(segment));
      if (!pair) return { ...location, exact: false };
      location = { key: pair.key, value: pair.value };
      current = (current as Record<string, unknown>)[String(segment)];
    } else {
      return { ...location, exact: false };
    }
  }
  return { ...location, exact: true };
}

/** The range a diagnostic about this path should underline: the key when there is one and the value is empty or a block. */
export function diagnosticRange(doc: ParsedYamlDocument, path: Path, prefer: 'key' | 'value' = 'value'): Range {
  const found = locate(doc, path);
  if (!found.exact) return found.key ?? found.value;
  if (prefer === 'key' && found.key) return found.key;
  if (found.value.start === found.value.end && found.key) return found.key;
  const value = spanOf(doc, valueAt(doc.value, path));
  // A whole block collection is too large to underline: point at its key instead.
  if (value && found.key) return found.key;
  return found.value;
}

/** The range of the first key of a map value, if it is one: where "this map lacks X" is reported. */
export function firstKeyRange(doc: ParsedYamlDocument, value: unknown): Range | undefined {
  const span = spanOf(doc, value);
  for (const pair of span?.pairs?.values() ?? []) return pair.key;
  return undefined;
}

export function valueAt(root: unknown, path: Path): unknown {
  let current = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Array.isArray(current) ? current[Number(segment)] : (current as Record<string, unknown>)[String(segment)];
  }
  return current;
}

export interface PathAtOffset {
  readonly path: PathSegment[];
  /** True when the offset is on a key rather than its value. */
  readonly onKey: boolean;
  readonly range: Range;
}

/**
 * The deepest path whose key or value contains the offset: what hover, completion and
 * go-to-definition need to know about the cursor.
 */
export function pathAt(doc: ParsedYamlDocument, offset: number): PathAtOffset | undefined {
  if (offset < doc.valueRange.start || offset > doc.valueRange.end) return undefined;
  const path: PathSegment[] = [];
  let current: unknown = doc.value;
  let result: PathAtOffset = { path: [], onKey: false, range: doc.valueRange };
  for (;;) {
    const span = spanOf(doc, current);
    if (!span) return result;
    let next: { segment: PathSegment; key?: Range; value: Range } | undefined;
    if (span.items) {
      for (let i = 0; i < span.items.length; i++) {
        const r = span.items[i] as Range;
        if (offset >= r.start && offset <= r.end) { next = { segment: i, value: r }; break; }
      }
    } else if (span.pairs) {
      for (const [key, pair] of span.pairs) {
        if (offset >= pair.key.start && offset <= pair.key.end) {
          path.push(key);
          return { path, onKey: true, range: pair.key };
        }
        if (offset >= pair.value.start && offset <= pair.value.end) { next = { segment: key, key: pair.key, value: pair.value }; break; }
      }
    }
    if (!next) return result;
    path.push(next.segment);
    result = { path: [...path], onKey: false, range: next.value };
    current = Array.isArray(current) ? current[next.segment as number] : (current as Record<string, unknown>)[next.segment as string];
  }
}
