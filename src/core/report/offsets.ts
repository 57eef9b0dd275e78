import type { LocatedDocument, Path } from '../document/located';

/** `{ sourceOffset }` of the item at `path` (where it starts in the text), or nothing when it is not written there. */
export function withOffset(doc: LocatedDocument | undefined, path: Path): { sourceOffset?: number } {
  const offset = doc?.offsetOf(path);
  return offset === undefined ? {} : { sourceOffset: offset };
}

