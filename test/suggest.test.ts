import { describe, expect, it } from 'vitest';
import { closestMatch, editDistance, MAX_CANDIDATES_PER_SEARCH, MAX_CELLS_PER_SEARCH, Suggester, type SuggestionWork } from '../src/core/text/suggest';

/** 80-character kebab-case ids that differ only near the end: the hardest case for the search. */
function similarIds(count: number, prefix: string): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}-${'practice-area-'.repeat(5)}${String(i).padStart(6, '0')}`.slice(0, 80));
}

describe('did-you-mean search', () => {
  it('suggests close ids and nothing for unrelated words', () => {
    expect(closestMatch('empower-end-user', ['outward-looking', 'empower-end-users'])).toBe('empower-end-users');
    expect(closestMatch('Assesment', ['Rubric', 'Assessment', 'Plan'])).toBe('Assessment');
    expect(closestMatch('evidnce', ['evidence', 'note'])).toBe('evidence');
    expect(closestMatch('zzz', ['evidence', 'note'])).toBeUndefined();
    // A third of the word at most: two edits in a four-letter word are too many.
    expect(closestMatch('pxan', ['plan'])).toBe('plan');
    expect(closestMatch('pxax', ['plan'])).toBeUndefined();
  });

  it('prefers the earlier candidate on a tie, as the list was given', () => {
    expect(closestMatch('cat', ['bat', 'cut', 'hat'])).toBe('bat');
    expect(closestMatch('cat', ['hat', 'cut', 'bat'])).toBe('hat');
  });

  it('counts a swap of two neighbours as one edit', () => {
    expect(editDistance('recieve', 'receive')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
  });

  it('does a bounded amount of work per search, however many candidates and searches (N unknown ids against N known ids)', () => {
    const perSearch: number[] = [];
    for (const n of [50, 100, 200, 500]) {
      const known = similarIds(n, 'known');
      const suggester = new Suggester(known);
      const work: SuggestionWork = { candidates: 0, cells: 0 };
      for (const id of similarIds(n, 'unkno')) suggester.closest(id, work);
      perSearch.push((work.candidates * 40 + work.cells) / n);
      expect(work.candidates).toBeLessThanOrEqual(n * MAX_CANDIDATES_PER_SEARCH);
      expect(work.cells).toBeLessThanOrEqual(n * (MAX_CELLS_PER_SEARCH + 81 * 9));
    }
    // Near-linear: the work per search stops growing with the number of candidates.
    const [, , at200, at500] = perSearch as [number, number, number, number];
    expect(at500).toBeLessThanOrEqual(at200 * 1.5);
  });

  it('reuses the index of a list it has seen, so repeated searches do not re-index it', () => {
    const known = similarIds(300, 'known');
    const first: SuggestionWork = { candidates: 0, cells: 0 };
    const second: SuggestionWork = { candidates: 0, cells: 0 };
    closestMatch(known[7] as string, known, first);
    closestMatch(known[7] as string, known, second);
    expect(second).toEqual(first);
    expect(closestMatch(known[7] as string, known)).toBe(known[7]);
  });
});
