import { parseDocuments } from '../document/located';
import { LineIndex } from '../text/lineIndex';
import { ConversionError } from './conversion';

/**
 * The documents of a model's YAML file, read by the engine's own parser (so a hostile file meets
 * the same limits as a rubric: size, depth, aliases). A syntax error is a ConversionError that
 * names the file, the line and the problem.
 */
export function yamlDocuments(text: string, file: string): unknown[] {
  const parsed = parseDocuments(text);
  const lines = new LineIndex(text);
  const first = [...parsed.issues, ...parsed.documents.flatMap((d) => d.issues)].find((i) => i.severity === 'error');
  if (first) {
    const at = lines.lineColumnAt(first.range.start);
    throw new ConversionError(`${file}:${at.line}:${at.column}: ${first.message}`);
  }
  return parsed.documents.map((d) => d.value).filter((v) => v !== null && v !== undefined);
}
