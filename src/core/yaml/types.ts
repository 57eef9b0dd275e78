import type { Range } from '../text/range';
import type { ParseWork } from './work';

/**
 * Where one map entry sits in the text. For an entry with no value (`key:`), `value` is a
 * zero-width range right after the `:`.
 */
export interface PairSpan {
  readonly key: Range;
  readonly value: Range;
}

/**
 * Where a container (a parsed map object or array) sits in the text, and where each of its
 * children sits. Scalars are plain JS values without identity, so their ranges live in their
 * parent's span.
 *
 * Canonical ranges, shared by both parsers (the fast one and the `yaml`-based one) and checked
 * against each other by the differential tests:
 * - a plain or quoted scalar: its text, quotes included, without trailing spaces or comment;
 * - a block scalar (`|`, `>-`, ...): from the indicator to the end of its last non-blank line;
 * - an empty value: zero width, right after its `:` or `-` indicator;
 * - a block map: from its first key to the end of its last value; a block sequence: from its
 *   first `-` to the end of its last item; a flow collection: from its bracket to its bracket.
 */
export interface ContainerSpan {
  readonly range: Range;
  /** Map containers: key → spans, in source order. */
  readonly pairs?: Map<string, PairSpan>;
  /** Sequence containers: one range per item. */
  readonly items?: Range[];
}

export type YamlIssueCode =
  | 'yaml-syntax'
  | 'yaml-duplicate-key'
  | 'yaml-alias-limit'
  | 'yaml-too-deep'
  | 'yaml-too-large'
  | 'yaml-unsupported';

export interface YamlIssue {
  readonly code: YamlIssueCode;
  readonly message: string;
  readonly range: Range;
  readonly severity: 'error' | 'warning';
}

/** One YAML document of a (possibly multi-document) file, with the positions of its parts. */
export interface ParsedYamlDocument {
  /** Plain JS data: objects that inherit nothing for maps (maps.ts), arrays, strings, numbers, booleans, null. */
  readonly value: unknown;
  /** Range of the root value (canonical, as for any value). */
  readonly valueRange: Range;
  /** The whole document, from its `---` marker (if any) to its end: where to report "this document lacks X". */
  readonly documentRange: Range;
  readonly spans: WeakMap<object, ContainerSpan>;
  readonly issues: readonly YamlIssue[];
  /**
   * Maps and lists that stand at more than one place in the data, through aliases or merge keys:
   * the values aliases name (not copied), and the values merge keys copy in. A stage that walks
   * the data can do its work on each of them once; empty for a document without aliases.
   */
  readonly shared: ReadonlySet<object>;
  /** What reading this document cost; the file's guards and an abandoned fast attempt count in the file's work only. */
  readonly work: ParseWork;
}

export interface ParsedYamlFile {
  readonly documents: readonly ParsedYamlDocument[];
  /** Problems that belong to no single document (input too large, nesting too deep). */
  readonly issues: readonly YamlIssue[];
  /** Which parser produced this: the fast subset parser or the full `yaml` library. */
  readonly parser: 'fast' | 'full';
  /** What reading the file cost, guards and any abandoned fast attempt included. */
  readonly work: ParseWork;
}
