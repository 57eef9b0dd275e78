import { MAX_INHERITANCE_DEPTH } from '../domain/inheritance';
import { isAvailable, type FileText } from './confinement';

/**
 * Reads every file an analysis can need before the analysis starts, so the analysis itself is
 * synchronous and no result ever waits for another. References go a bounded number of files deep:
 * a plan's baseline assessment, the chain of assessments it inherits from (at most
 * MAX_INHERITANCE_DEPTH, plus one more, so the engine can tell a chain that is too long), and the
 * rubric at its end; a file is read once, however many documents refer to it, and a reference
 * back to a file already read is not followed again.
 *
 * `referencesOf` lists the URIs a file's text refers to; `readFile` gives a file's text (for
 * built-in frameworks too), or why there is none (ConfinedReader), which is kept with it.
 */
export const REFERENCE_DEPTH = MAX_INHERITANCE_DEPTH + 3;

export async function readReferencedFiles(
  root: { readonly uri: string; readonly text: string },
  readFile: (uri: string) => Promise<FileText>,
  referencesOf: (uri: string, text: string) => readonly string[],
): Promise<ReadonlyMap<string, FileText>> {
  const texts = new Map<string, FileText>([[root.uri, root.text]]);
  let frontier: { uri: string; text: string }[] = [root];
  for (let depth = 0; depth < REFERENCE_DEPTH && frontier.length > 0; depth++) {
    const next = new Set<string>();
    for (const file of frontier) for (const uri of referencesOf(file.uri, file.text)) if (!texts.has(uri)) next.add(uri);
    const read = await Promise.all([...next].map(async (uri) => [uri, await readFile(uri)] as const));
    frontier = [];
    for (const [uri, text] of read) {
      texts.set(uri, text);
      if (isAvailable(text)) frontier.push({ uri, text });
    }
  }
  return texts;
}
