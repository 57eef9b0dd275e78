import { describe, expect, it } from 'vitest';
import { Random } from '../../../bench/generate';
import { unknownIdCase, unknownIdNear } from '../../../bench/unknownIds';
import { closestMatch, MAX_CELLS_PER_SEARCH, newSuggestionWork, Suggester } from '../../../src/core/text/suggest';

/**
 * The search as it was before it was indexed (before c390693): every candidate aligned
 * (Damerau-Levenshtein, optimal string alignment, leaving an alignment once a whole row is over
 * the limit), the first of the closest kept. The indexed search must answer the same.
 */
function exhaustiveClosest(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const limit = Math.min(4, Math.max(1, Math.floor(Math.max(needle.length, candidate.length) / 3)));
    const distance = distanceWithin(needle, candidate.toLowerCase(), limit);
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function distanceWithin(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prevPrev = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(i);
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      let value = Math.min((prev[j] as number) + 1, (current[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (prevPrev[j - 2] as number) + 1);
      current[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    [prevPrev, prev] = [prev, current];
  }
  return prev[b.length] as number;
}

/** 80-character kebab-case ids that differ only near the end. */
function similarIds(count: number, prefix: string): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}-${'practice-area-'.repeat(5)}${String(i).padStart(6, '0')}`.slice(0, 80));
}

/** Small lists over small alphabets (many near ties), with inputs edited from them or made up. */
function randomLists(random: Random, rounds: number): { candidates: string[]; inputs: string[] }[] {
  const word = (alphabet: string, length: number) => Array.from({ length }, () => random.pick([...alphabet])).join('');
  const edit = (text: string) => {
    let out = text;
    for (let k = random.int(0, 5); k > 0; k--) {
      const at = random.int(0, out.length);
      const letter = random.pick([...'ab-1XyZ']);
      const kind = random.int(0, 3);
      if (kind === 0) out = out.slice(0, at) + out.slice(at + 1);
      else if (kind === 1 && at + 1 < out.length) out = out.slice(0, at) + out[at + 1] + out[at] + out.slice(at + 2);
      else if (kind === 2) out = out.slice(0, at) + letter + out.slice(at);
      else out = out.slice(0, at) + letter + out.slice(at + 1);
    }
    return random.chance(0.2) ? out.toUpperCase() : out;
  };
  return Array.from({ length: rounds }, () => {
    const alphabet = random.pick(['ab', 'abc-1', 'abcdefghij-0123XYZ']);
    const longest = random.chance(0.3) ? 90 : 16;
    const candidates = Array.from({ length: random.int(1, 60) }, () => word(alphabet, random.int(0, longest)));
    // The same words in capitals: equal ignoring case, so only the order decides between them.
    if (random.chance(0.3)) candidates.push(...candidates.slice(0, 3).map((c) => c.toUpperCase()));
    const inputs = Array.from({ length: 30 }, () => (random.chance(0.7) ? edit(random.pick(candidates)) : word(alphabet, random.int(0, longest))));
    return { candidates, inputs };
  });
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
    expect(closestMatch('PLAN', ['Plan', 'plan'])).toBe('Plan');
  });

  it('counts a swap of two neighbours as one edit', () => {
    // Three letters allow one edit: a swap is one, a substitution of both letters would be two.
    expect(closestMatch('acb', ['abc'])).toBe('abc');
    expect(closestMatch('recieve', ['receive', 'recipe'])).toBe('receive');
    expect(exhaustiveClosest('acb', ['abc'])).toBe('abc');
  });

  it('answers exactly what the exhaustive search answers, on seeded lists', () => {
    const random = new Random(20261207);
    let compared = 0;
    const work = newSuggestionWork();
    for (const { candidates, inputs } of randomLists(random, 200)) {
      const suggester = new Suggester(candidates);
      for (const input of inputs) {
        expect(suggester.closest(input, work), `${JSON.stringify(input)} among ${JSON.stringify(candidates)}`).toBe(exhaustiveClosest(input, candidates));
        compared++;
      }
    }
    for (const size of [500, 2_000]) {
      const { known, unknown } = unknownIdCase(size);
      const suggester = new Suggester(known);
      // The exhaustive search is slow: a quarter of the smaller list and every 20th id of the larger one are enough.
      for (const input of unknown.filter((_, i) => i % (size === 500 ? 4 : 20) === 0)) {
        expect(suggester.closest(input, work), input).toBe(exhaustiveClosest(input, known));
        compared++;
      }
    }
    const long = similarIds(300, 'known');
    const longSuggester = new Suggester(long);
    for (const input of similarIds(300, 'unkno').filter((_, i) => i % 5 === 0)) expect(longSuggester.closest(input, work)).toBe(exhaustiveClosest(input, long));
    expect(compared).toBeGreaterThan(6_000);
    expect(work.capped).toBe(0);
  });

  it('does the same work per search whatever the length of the list (N unknown ids against N known ids)', () => {
    const perSearch = new Map<number, number>();
    for (const size of [500, 2_000, 8_000]) {
      const { known, unknown } = unknownIdCase(size);
      const suggester = new Suggester(known);
      const work = newSuggestionWork();
      for (const id of unknown) suggester.closest(id, work);
      expect(work.capped).toBe(0);
      perSearch.set(size, work.cells / size);
    }
    // Sixteen times the ids, and each search among them costs less than twice as much: the total grows linearly.
    expect(perSearch.get(8_000)).toBeLessThan(2 * (perSearch.get(500) as number));
    expect(perSearch.get(2_000)).toBeLessThan(1.5 * (perSearch.get(500) as number));
  });

  it('stays cheap for numbered ids, where many near neighbours exist', () => {
    for (const shape of [(i: number) => `c${i}`, (i: number) => `criterion-${i}`, (i: number) => `SM-${i % 12}.${Math.floor(i / 12) % 30}.${Math.floor(i / 360)}`]) {
      const known = Array.from({ length: 8_000 }, (_, i) => shape(i));
      const set = new Set(known);
      const random = new Random(8);
      const suggester = new Suggester(known);
      const work = newSuggestionWork();
      for (let i = 0; i < 2_000; i++) suggester.closest(unknownIdNear(random, known, (id) => set.has(id)), work);
      expect(work.capped).toBe(0);
      expect(work.cells / 2_000).toBeLessThan(MAX_CELLS_PER_SEARCH / 20);
    }
  });

  it('stops a search at the cap on ids of random letters, where no prefix narrows anything down', () => {
    const random = new Random(3);
    const word = () => Array.from({ length: 12 }, () => random.pick([...'abcdefghijklmnopqrstuvwxyz'])).join('');
    const known = Array.from({ length: 4_000 }, word);
    const suggester = new Suggester(known);
    const work = newSuggestionWork();
    for (let i = 0; i < 50; i++) suggester.closest(word(), work);
    expect(work.capped).toBeGreaterThan(0);
    // A row has at most 9 cells (4 edits either side): a search stops within one row of the cap.
    expect(work.cells).toBeLessThanOrEqual(50 * (MAX_CELLS_PER_SEARCH + 9));
    // A typo of one of them is still found: the walk follows the input first.
    expect(suggester.closest(`${(known[7] as string).slice(0, 11)}q`)).toBe(known[7]);
  });

  it('reuses the index of a list it has seen, so repeated searches do not re-index it', () => {
    const known = similarIds(300, 'known');
    const first = newSuggestionWork();
    const second = newSuggestionWork();
    closestMatch(known[7] as string, known, first);
    closestMatch(known[7] as string, known, second);
    expect(second).toEqual(first);
    expect(closestMatch(known[7] as string, known)).toBe(known[7]);
  });
});
