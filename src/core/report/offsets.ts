import type { LocatedDocument, Path } from '../document/located';

/** `{ sourceOffset }` of the item at `path` (where it starts in the text), or nothing when it is not written there. */
export function withOffset(doc: LocatedDocument | undefined, path: Path): { sourceOffset?: number } {
  const offset = doc?.offsetOf(path);
  return offset === undefined ? {} : { sourceOffset: offset };
}

/** Rounds model numbers so JSON output is stable and free of float noise (2.3333333333333335); renderers format them for people. */
export function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
