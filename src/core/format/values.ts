/** Whether a value as the YAML and JSON parsers give it is a map: an object that is not a list. */
export function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
