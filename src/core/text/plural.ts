/**
 * English plurals, for counts in messages and the words rubrics choose for their parts
 * ("Capability", "Practice", "Business function"). The one pluraliser of the code base.
 */

const IRREGULAR: Readonly<Record<string, string>> = { criterion: 'criteria', analysis: 'analyses', person: 'people' };

/** The plural of a word or a term (its last word): practice → practices, capability → capabilities, criterion → criteria. */
export function pluralize(term: string): string {
  const match = /^(.*?)([A-Za-z]+)$/.exec(term);
  if (!match) return term;
  const head = match[1] as string;
  const word = match[2] as string;
  const lower = word.toLowerCase();
  const irregular = IRREGULAR[lower];
  if (irregular) return head + (word[0] === word[0]?.toUpperCase() ? irregular.charAt(0).toUpperCase() + irregular.slice(1) : irregular);
  if (/[^aeiou]y$/.test(lower)) return `${head}${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(lower)) return `${head}${word}es`;
  return `${head}${word}s`;
}

/** The word for `count` of it: singular for one, plural otherwise. */
export function wordFor(count: number, singular: string): string {
  return count === 1 ? singular : pluralize(singular);
}

/** "1 error", "3 errors", "2 criteria". */
export function countOf(count: number, singular: string): string {
  return `${count} ${wordFor(count, singular)}`;
}
