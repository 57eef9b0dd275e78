import type { Range } from '../text/range';
import { diagnosticRange, firstKeyRange, locate, pathAt, valueAt, type Location, type Path, type PathAtOffset, type PathSegment } from '../yaml/locate';
import { parseYaml, type ParseOptions } from '../yaml/parse';
import type { ContainerSpan, ParsedYamlDocument, YamlIssue } from '../yaml/types';
import type { ParseWork } from '../yaml/work';

export type { Location, ParseWork, Path, PathAtOffset, PathSegment, ParseOptions, YamlIssue };
export { valueAt };
export { scalarText, type ScalarText } from '../yaml/emit';

/** An entry of a map as written: its key and where the key and the value sit. */
export interface LocatedEntry {
  readonly key: string;
  readonly keyRange: Range;
  readonly valueRange: Range;
}

/**
 * One YAML document with where each of its parts sits in the text. Everything above the YAML
 * layer finds positions here, by data path (`['dimensions', 'self-service', 'level']`), and never
 * reads the parsers' spans itself.
 */
export class LocatedDocument {
  /** Plain data: objects that inherit nothing for maps (yaml/maps.ts), arrays, strings, numbers, booleans, null. */
  readonly value: unknown;
  /** Where the root value sits. */
  readonly valueRange: Range;
  /** The whole document, from its `---` marker (if any) to its end. */
  readonly documentRange: Range;
  /** Problems the YAML parser found in this document. */
  readonly issues: readonly YamlIssue[];
  /** Maps and lists that stand at more than one place in the value (through aliases): see ParsedYamlDocument.shared. */
  readonly shared: ReadonlySet<object>;
  /** What parsing this document cost. */
  readonly parseWork: ParseWork;

  constructor(private readonly parsed: ParsedYamlDocument) {
    this.value = parsed.value;
    this.valueRange = parsed.valueRange;
    this.documentRange = parsed.documentRange;
    this.issues = parsed.issues;
    this.shared = parsed.shared;
    this.parseWork = parsed.work;
  }

  /** Where a path sits; when it goes deeper than the data, the deepest part that exists (`exact: false`). */
  locate(path: Path): Location & { exact: boolean } {
    return locate(this.parsed, path);
  }

  /**
   * The range a message about this path underlines: its value, or its key when the value is empty
   * or a whole block (or when `prefer` says so); for a path that does not exist, its parent's key.
   */
  rangeOf(path: Path, prefer: 'key' | 'value' = 'value'): Range {
    return diagnosticRange(this.parsed, path, prefer);
  }

  /** The key of a map entry (for a list item, the item). */
  keyRangeOf(path: Path): Range {
    const found = locate(this.parsed, path);
    return found.key ?? found.value;
  }

  /** Where an item starts (its key, or the list item), for "show in the editor"; undefined when it is not written. */
  offsetOf(path: Path): number | undefined {
    const found = locate(this.parsed, path);
    if (!found.exact) return undefined;
    return (found.key ?? found.value).start;
  }

  valueAt(path: Path): unknown {
    return valueAt(this.parsed.value, path);
  }

  /** The deepest path whose key or value holds the offset. */
  pathAt(offset: number): PathAtOffset | undefined {
    return pathAt(this.parsed, offset);
  }

  /** The first key of the map at `path`: where "this map lacks a key" is reported. */
  firstKeyRange(path: Path = []): Range | undefined {
    return firstKeyRange(this.parsed, valueAt(this.parsed.value, path));
  }

  /** Where the map or list at `path` sits, from its first key or bracket to its end. */
  containerRange(path: Path): Range | undefined {
    return this.span(path)?.range;
  }

  /** The entries of the map at `path`, in source order; undefined when there is no map there. */
  entries(path: Path): LocatedEntry[] | undefined {
    const pairs = this.span(path)?.pairs;
    if (!pairs) return undefined;
    return [...pairs].map(([key, pair]) => ({ key, keyRange: pair.key, valueRange: pair.value }));
  }

  private span(path: Path): ContainerSpan | undefined {
    const value = valueAt(this.parsed.value, path);
    return value !== null && typeof value === 'object' ? this.parsed.spans.get(value) : undefined;
  }
}

export interface LocatedFile {
  readonly documents: readonly LocatedDocument[];
  /** Problems that belong to no single document (input too large, nesting too deep). */
  readonly issues: readonly YamlIssue[];
  /** Which parser read the text: the fast subset parser or the complete `yaml` library. */
  readonly parser: 'fast' | 'full';
}

/** Text → its YAML documents, each with positions. */
export function parseDocuments(text: string, options: ParseOptions = {}): LocatedFile {
  const file = parseYaml(text, options);
  return { documents: file.documents.map((d) => new LocatedDocument(d)), issues: file.issues, parser: file.parser };
}
