import type { Path } from '../../src/core/document/located';
import type { SchemaVerdict } from '../../src/core/schema/validateSchema';

/** A schema verdict under which everything passed except what is at `invalid` (and under it). */
export function verdictWithout(...invalid: Path[]): SchemaVerdict {
  const bad = invalid.map((p) => p.join('/'));
  return { valid: bad.length === 0, isValid: (path) => !bad.some((b) => path.join('/') === b || path.join('/').startsWith(`${b}/`)) };
}
