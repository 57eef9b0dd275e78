import { locate, type Path } from '../yaml/locate';
import type { ParsedYamlDocument } from '../yaml/types';

/**
 * Where an item of the document starts, for "reveal in editor": the start of its key for a map
 * entry, the start of the item for a list entry. Undefined when the path is not in the text
 * (a dimension of the rubric that the assessment does not mention).
 */
export function sourceOffset(doc: ParsedYamlDocument, path: Path): number | undefined {
  const found = locate(doc, path);
  if (!found.exact) return undefined;
  return (found.key ?? found.value).start;
}

/** Spreads `{ sourceOffset }` only when the path exists, so models never carry `undefined`. */
export function withOffset(doc: ParsedYamlDocument | undefined, path: Path): { sourceOffset?: number } {
  if (!doc) return {};
  const offset = sourceOffset(doc, path);
  return offset === undefined ? {} : { sourceOffset: offset };
}
