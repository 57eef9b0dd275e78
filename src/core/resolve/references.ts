import { builtinFrameworks, type BuiltinFramework } from '../builtins';
import { looksLikePath, resolveRelative, splitFragment } from './uris';

/** The keys by which a document names another: an assessment's or plan's rubric, a plan's baseline, the assessment an assessment inherits from. */
export type ReferenceKey = 'rubric' | 'baseline' | 'inherits';

export const REFERENCE_KEYS: readonly ReferenceKey[] = ['rubric', 'baseline', 'inherits'];

/** What a reference, as written, points at. */
export type ReferenceTarget =
  /** An id: a document of the same file, or (for `rubric:`) a built-in framework. */
  | { readonly kind: 'id'; readonly id: string; readonly builtin?: BuiltinFramework }
  /** A path to another file, with the id of a document in it after `#`. */
  | { readonly kind: 'file'; readonly uri: string; readonly path: string; readonly fragment?: string }
  /** A path that names no file (or names the referring file itself). */
  | { readonly kind: 'unusable'; readonly path: string; readonly self: boolean };

export function referenceTarget(reference: string, fromUri: string, key: ReferenceKey): ReferenceTarget {
  if (!looksLikePath(reference)) {
    const builtin = key === 'rubric' ? builtinFrameworks().get(reference) : undefined;
    return { kind: 'id', id: reference, ...(builtin ? { builtin } : {}) };
  }
  const { path, fragment } = splitFragment(reference);
  const uri = resolveRelative(fromUri, path);
  if (!uri || uri === fromUri) return { kind: 'unusable', path, self: uri === fromUri };
  return { kind: 'file', uri, path, ...(fragment ? { fragment } : {}) };
}

/** The file a reference makes the engine read, if any: another file, or a built-in framework. */
export function referencedUri(reference: string, fromUri: string, key: ReferenceKey): string | undefined {
  const target = referenceTarget(reference, fromUri, key);
  if (target.kind === 'file') return target.uri;
  return target.kind === 'id' ? target.builtin?.uri : undefined;
}

/** The references a document's data makes (read loosely: any string under `rubric`, `baseline` or `inherits`). */
export function referencesIn(value: unknown): { key: ReferenceKey; reference: string }[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const record = value as Record<string, unknown>;
  const out: { key: ReferenceKey; reference: string }[] = [];
  for (const key of REFERENCE_KEYS) {
    const reference = record[key];
    if (typeof reference === 'string' && reference.trim() !== '') out.push({ key, reference: reference.trim() });
  }
  return out;
}

/**
 * The files the references of a file's documents name (referencedUri of each), under the keys
 * asked for: what the file may read, known from its data alone, before any analysis.
 */
export function referencedUrisIn(values: readonly unknown[], fromUri: string, keys: readonly ReferenceKey[] = REFERENCE_KEYS): string[] {
  const uris = new Set<string>();
  for (const value of values) {
    for (const { key, reference } of referencesIn(value)) {
      if (!keys.includes(key)) continue;
      const uri = referencedUri(reference, fromUri, key);
      if (uri !== undefined) uris.add(uri);
    }
  }
  return [...uris];
}
