import type { LocatedDocument, Path } from '../document/located';

/** `{ sourceOffset }` of the item at `path` (where it starts in the text), or nothing when it is not written there. */
export function withOffset(doc: LocatedDocument | undefined, path: Path): { sourceOffset?: number } {
  const offset = doc?.offsetOf(path);
  return offset === undefined ? {} : { sourceOffset: offset };
}

/**
 * Rounds a score delta of the diff model (report/diff.ts) to 4 decimals. The report model itself
 * keeps full precision; renderers format numbers for people (render/text.ts).
 */
export function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
