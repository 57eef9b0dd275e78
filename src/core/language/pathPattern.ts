import type { PathSegment } from '../document/located';

/**
 * Whether a data path has a given shape: `*` stands for any key, `#` for any list index.
 * `matches(['initiatives', 2, 'moves', 0, 'to'], 'initiatives.#.moves.#.to')` is true.
 */
export function matches(path: readonly PathSegment[], pattern: string): boolean {
  const parts = pattern === '' ? [] : pattern.split('.');
  if (parts.length !== path.length) return false;
  return parts.every((part, i) => {
    const segment = path[i];
    if (part === '#') return typeof segment === 'number';
    if (part === '*') return typeof segment === 'string';
    return segment === part;
  });
}
