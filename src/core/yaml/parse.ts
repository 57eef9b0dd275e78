import { checkSize, checkStructure } from './limits';
import { parseFull } from './parseFull';
import { tryParseFast } from './parseFast';
import type { ParsedYamlFile } from './types';
import { WorkCounter } from './work';

export interface ParseOptions {
  /** Force the complete parser (used by the differential tests and the benchmark). */
  readonly parser?: 'auto' | 'fast' | 'full';
}

/**
 * Text → YAML documents with positions. The size guard first; then the fast parser for the
 * block-style subset that rubric files are written in; then, for everything else (including
 * every file with a syntax error, so messages always come from one place), the structure guard
 * (nesting depth, number of documents) and the complete `yaml` parser. The pre-scan only
 * protects `yaml`: the fast parser enforces the same limits itself and declines what exceeds them.
 * Every step adds what it did to the file's work count.
 */
export function parseYaml(text: string, options: ParseOptions = {}): ParsedYamlFile {
  const work = new WorkCounter();
  const tooLarge = checkSize(text);
  if (tooLarge) return { documents: [], issues: [tooLarge], parser: 'full', work: work.snapshot() };
  const mode = options.parser ?? 'auto';
  if (mode !== 'full') {
    const fast = tryParseFast(text, work);
    if (fast) return { documents: fast, issues: [], parser: 'fast', work: work.snapshot() };
    if (mode === 'fast') throw new Error('The fast parser does not accept this text.');
  }
  const refused = checkStructure(text, work);
  if (refused) return { documents: [], issues: [refused], parser: 'full', work: work.snapshot() };
  return { documents: parseFull(text, work), issues: [], parser: 'full', work: work.snapshot() };
}
