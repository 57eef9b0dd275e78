import type { ParsedYamlDocument } from './types';

/**
 * Fast parser for the block-style subset of YAML. Returns undefined when the text falls outside
 * the subset, so the caller uses the complete parser instead.
 */
export function tryParseFast(_text: string): ParsedYamlDocument[] | undefined {
  return undefined;
}
