import { checkNestingDepth, checkSize } from './limits';
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
 * every file with a syntax error, so messages always come from one place), the nesting guard
 * and the complete `yaml` parser. The nesting pre-scan only protects the recursive `yaml`
 * parser: the fast parser enforces the same depth limit itself and declines deeper text.
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
  const tooDeep = checkNestingDepth(text, undefined, work);
  if (tooDeep) return { documents: [], issues: [tooDeep], parser: 'full', work: work.snapshot() };
  return { documents: parseFull(text, work), issues: [], parser: 'full', work: work.snapshot() };
}
