/**
 * The prototype of every map the parsers build: empty, frozen, and without a prototype of its
 * own. A parsed map therefore inherits nothing: no `constructor` or `toString` that a key such
 * as `constructor` could be mistaken for, and no `__proto__` setter, so a key of any name is just
 * a key of the map.
 *
 * Not `Object.create(null)`: V8 keeps such objects in dictionary mode, where every property write
 * and read is a hash lookup and every `for…in` sorts the keys again, while objects made from a
 * shared prototype get hidden classes, as object literals do. The schema validators, the facts
 * and the rules read each map many times (bench, `npm run bench -- --cli-only`: 30 ms of a cold
 * `validate` over 1,000 files).
 */
export const PARSED_MAP_PROTOTYPE: object = Object.freeze(Object.create(null) as object);

/** A new, empty map for parsed YAML (see PARSED_MAP_PROTOTYPE). */
export function newParsedMap(): Record<string, unknown> {
  return Object.create(PARSED_MAP_PROTOTYPE) as Record<string, unknown>;
}
