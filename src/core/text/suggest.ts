/**
 * "Did you mean" for ids and keys: the closest candidate by edit distance, if it is close enough
 * to be a plausible typo (at most a third of the word, and at most 4 edits).
 *
 * Documents can hold hundreds of unknown ids checked against hundreds of known ones, so the search
 * is bounded: candidates are indexed once per list (lower case, length, letter counts), a cheap
 * lower bound (length and letter-count differences) discards most pairs before any alignment, the
 * alignment itself only fills the band of cells that can stay within the limit and stops as soon
 * as a row exceeds it, and each search gives up after a fixed amount of work. Every search thus
 * costs at most a constant, whatever the number of candidates and of ids looked up.
 */

/** Work done by searches, for tests and the benchmark (a count of steps, not a time). */
export interface SuggestionWork {
  /** Candidates looked at (each costs a length and letter-count comparison). */
  candidates: number;
  /** Cells of the edit-distance table filled in. */
  cells: number;
}

/** At most this many edits, however long the word. */
const MAX_EDITS = 4;
/** Candidates one search looks at, at most (closest lengths first). */
export const MAX_CANDIDATES_PER_SEARCH = 2_000;
/** Table cells one search fills, at most. */
export const MAX_CELLS_PER_SEARCH = 100_000;

const ALPHABET = 37; // a–z, 0–9, everything else

function bucket(code: number): number {
  if (code >= 97 && code <= 122) return code - 97;
  if (code >= 48 && code <= 57) return code - 48 + 26;
  return 36;
}

function letterCounts(text: string): Uint16Array {
  const counts = new Uint16Array(ALPHABET);
  for (let i = 0; i < text.length; i++) {
    const b = bucket(text.charCodeAt(i));
    if ((counts[b] as number) < 0xffff) counts[b] = (counts[b] as number) + 1;
  }
  return counts;
}

/** The largest distance that still reads as a typo of a word this long. */
function editLimit(lengthA: number, lengthB: number): number {
  return Math.min(MAX_EDITS, Math.max(1, Math.floor(Math.max(lengthA, lengthB) / 3)));
}

interface Candidate {
  readonly original: string;
  readonly lower: string;
  readonly counts: Uint16Array;
  /** Position in the list as given: ties go to the earlier candidate. */
  readonly order: number;
}

/**
 * The candidates of one length. Long ones are also cut into `2k + 1` pieces (k: the most edits a
 * word of about this length may have): k edits, even swaps across a cut, leave one piece intact,
 * and it appears in the input shifted by at most k. So only candidates sharing such a piece with
 * the input need an alignment, found by looking the input's substrings up.
 */
interface LengthGroup {
  readonly length: number;
  readonly members: Candidate[];
  /** Per piece: its text → members that have it. Absent for short words (scanned instead). */
  pieces?: Map<string, number[]>[];
  readonly starts: number[];
}

/** Pieces shorter than this match too often to narrow anything down: such groups are scanned. */
const MIN_PIECE_LENGTH = 3;

function maxEditsNear(length: number): number {
  return editLimit(length + MAX_EDITS, length);
}

/** A list of candidates, indexed once so that many searches against it stay cheap. */
export class Suggester {
  private readonly groups = new Map<number, LengthGroup>();

  constructor(candidates: Iterable<string>) {
    const seen = new Set<string>();
    let order = 0;
    for (const original of candidates) {
      if (seen.has(original)) continue;
      seen.add(original);
      const lower = original.toLowerCase();
      const candidate: Candidate = { original, lower, counts: letterCounts(lower), order: order++ };
      let group = this.groups.get(lower.length);
      if (!group) {
        const pieceCount = 2 * maxEditsNear(lower.length) + 1;
        const starts = Array.from({ length: pieceCount + 1 }, (_, p) => Math.floor((p * lower.length) / pieceCount));
        group = { length: lower.length, members: [], starts };
        if (lower.length >= MIN_PIECE_LENGTH * pieceCount) group.pieces = Array.from({ length: pieceCount }, () => new Map());
        this.groups.set(lower.length, group);
      }
      const index = group.members.push(candidate) - 1;
      group.pieces?.forEach((map, p) => {
        const piece = lower.slice(group.starts[p], group.starts[p + 1]);
        const list = map.get(piece);
        if (list) list.push(index);
        else map.set(piece, [index]);
      });
    }
  }

  /** The closest plausible candidate, if any; `work` counts the steps taken. */
  closest(input: string, work: SuggestionWork = { candidates: 0, cells: 0 }): string | undefined {
    const needle = input.toLowerCase();
    const counts = letterCounts(needle);
    let best: Candidate | undefined;
    let bestDistance = Infinity;
    const startCells = work.cells;
    let looked = 0;
    for (const candidate of this.shortlist(needle, work)) {
      if (looked++ >= MAX_CANDIDATES_PER_SEARCH || work.cells - startCells >= MAX_CELLS_PER_SEARCH) break;
      work.candidates++;
      // A tie only wins for an earlier candidate; otherwise the distance must beat the best.
      const allowed = Math.min(editLimit(needle.length, candidate.lower.length), best && candidate.order > best.order ? bestDistance - 1 : bestDistance);
      if (allowed < 0 || Math.abs(candidate.lower.length - needle.length) > allowed || countBound(counts, candidate.counts) > allowed) continue;
      const distance = editDistance(needle, candidate.lower, allowed, work);
      if (distance <= allowed && (distance < bestDistance || (best !== undefined && candidate.order < best.order))) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best?.original;
  }

  /** Candidates that may be within reach: by length, then by a shared piece where indexed. */
  private *shortlist(needle: string, work: SuggestionWork): Generator<Candidate> {
    for (let gap = 0; gap <= MAX_EDITS; gap++) {
      for (const length of gap === 0 ? [needle.length] : [needle.length - gap, needle.length + gap]) {
        const group = this.groups.get(length);
        if (!group || gap > editLimit(needle.length, length)) continue;
        if (!group.pieces) {
          yield* group.members;
          continue;
        }
        const reach = maxEditsNear(length);
        const found = new Set<number>();
        group.pieces.forEach((map, p) => {
          const start = group.starts[p] as number;
          const size = (group.starts[p + 1] as number) - start;
          for (let shift = -reach; shift <= reach; shift++) {
            const at = start + shift;
            if (at < 0 || at + size > needle.length) continue;
            work.candidates++;
            for (const member of map.get(needle.slice(at, at + size)) ?? []) found.add(member);
          }
        });
        for (const member of [...found].sort((a, b) => a - b)) yield group.members[member] as Candidate;
      }
    }
  }
}

/** A lower bound of the edit distance from letter counts: each edit changes them by at most 2. */
function countBound(a: Uint16Array, b: Uint16Array): number {
  let difference = 0;
  for (let i = 0; i < ALPHABET; i++) difference += Math.abs((a[i] as number) - (b[i] as number));
  return Math.ceil(difference / 2);
}

const suggesters = new WeakMap<object, Suggester>();

/**
 * The closest plausible candidate for `input`. A list passed as an array, Set or Map (its keys)
 * is indexed once and reused by later searches against the same object.
 */
export function closestMatch(input: string, candidates: readonly string[] | ReadonlySet<string> | ReadonlyMap<string, unknown> | Iterable<string>, work?: SuggestionWork): string | undefined {
  return suggesterFor(candidates).closest(input, work);
}

function suggesterFor(candidates: readonly string[] | ReadonlySet<string> | ReadonlyMap<string, unknown> | Iterable<string>): Suggester {
  const reusable = Array.isArray(candidates) || candidates instanceof Set || candidates instanceof Map;
  if (!reusable) return new Suggester(candidates as Iterable<string>);
  let suggester = suggesters.get(candidates);
  if (!suggester) {
    suggester = new Suggester(candidates instanceof Map ? candidates.keys() : (candidates as Iterable<string>));
    suggesters.set(candidates, suggester);
  }
  return suggester;
}

/**
 * Damerau-Levenshtein (optimal string alignment) distance, or `limit + 1` once it is certain to
 * exceed `limit`: only the cells within `limit` of the diagonal are filled, and a row whose cells
 * all exceed the limit ends the search.
 */
export function editDistance(a: string, b: string, limit = Infinity, work?: SuggestionWork): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const band = Number.isFinite(limit) ? limit : Math.max(a.length, b.length);
  const width = b.length + 1;
  const over = band + 1;
  let prevPrev = new Array<number>(width).fill(over);
  let prev = new Array<number>(width).fill(over);
  let current = new Array<number>(width).fill(over);
  for (let j = 0; j <= Math.min(b.length, band); j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - band);
    const to = Math.min(b.length, i + band);
    current[from - 1] = from === 1 ? i : over;
    let rowMin = from === 1 ? i : over;
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min((prev[j] as number) + 1, (current[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) value = Math.min(value, (prevPrev[j - 2] as number) + 1);
      current[j] = Math.min(value, over);
      if (value < rowMin) rowMin = value;
    }
    if (to < b.length) current[to + 1] = over;
    if (work) work.cells += to - from + 1;
    if (rowMin > limit) return limit + 1;
    [prevPrev, prev, current] = [prev, current, prevPrev];
  }
  const result = prev[b.length] as number;
  return result > limit ? limit + 1 : result;
}

export function quoteList(values: readonly unknown[], max = 8): string {
  const shown = values.slice(0, max).map((v) => JSON.stringify(v));
  return values.length > max ? `${shown.join(', ')} and ${values.length - max} more` : shown.join(', ');
}
