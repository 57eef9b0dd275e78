/**
 * "Did you mean" for ids and keys: the closest candidate by edit distance (Damerau-Levenshtein,
 * optimal string alignment, ignoring case), if it is close enough to be a plausible typo (at most
 * a third of the word, and at most 4 edits); on a tie, the candidate given first.
 *
 * Documents can hold thousands of unknown ids checked against thousands of known ones, so a search
 * must not look at every candidate. The candidates are indexed once per list in a trie (a tree of
 * their shared prefixes, in lower case). A search walks it computing one row of the alignment per
 * node, only within the band of cells that can stay within the limit, and leaves a branch as soon
 * as that row shows that nothing below can beat the best found so far: its lowest cell is over the
 * limit (cut-off distance), or no candidate below has a length within reach (length filter), or a
 * tie is all it could reach and every candidate below comes later in the list. The branch that
 * follows the input is walked first, so a close candidate is usually found at once and narrows the
 * rest. The work of a search thus depends on how many candidates look like the input (how many
 * share a long enough prefix with something within reach of it), not on how many there are.
 *
 * Ids of random letters, a third of which may differ, defeat any prefix index: every short prefix
 * is within reach. A fixed cap on the cells one search fills keeps those searches bounded too; such
 * a search answers the best candidate it found, which can differ from the exhaustive answer. Lists
 * of ids people write stay far below the cap (see test/core/text/suggest.test.ts and `npm run bench`).
 */

/** Work done by searches, for tests and the benchmark (a count of steps, not a time). */
export interface SuggestionWork {
  /** Trie nodes visited (each costs one banded row). */
  nodes: number;
  /** Cells of the alignment filled in. */
  cells: number;
  /** Searches that stopped at the cap with the best candidate found so far. */
  capped: number;
}

export function newSuggestionWork(): SuggestionWork {
  return { nodes: 0, cells: 0, capped: 0 };
}

/** At most this many edits, however long the word. */
const MAX_EDITS = 4;
/**
 * Cells one search may fill, at most. The busiest search over the benchmark's lists of 8,000 ids
 * fills about 3,000 (22,000 for dotted numbers such as "SM-3.14.22"); one such row costs nanoseconds.
 */
export const MAX_CELLS_PER_SEARCH = 50_000;

/** The largest distance that still reads as a typo of words of these lengths. */
function editLimit(lengthA: number, lengthB: number): number {
  return Math.min(MAX_EDITS, Math.max(1, Math.floor(Math.max(lengthA, lengthB) / 3)));
}

/** The largest edit limit any candidate can have against an input of this length. */
function widestLimit(inputLength: number): number {
  let widest = 0;
  for (let length = Math.max(0, inputLength - MAX_EDITS); length <= inputLength + MAX_EDITS; length++) {
    const limit = editLimit(inputLength, length);
    if (Math.abs(length - inputLength) <= limit) widest = Math.max(widest, limit);
  }
  return widest;
}

const NONE = -1;

/**
 * The candidates' lower-case forms as a trie in flat arrays. Node 0 is the root (the empty
 * prefix); a node's children are a linked list (first child, next sibling). Per node, what the
 * search needs to leave a branch early: the smallest list position and the range of lengths of
 * the candidates below it.
 */
class CandidateTrie {
  readonly char: Int32Array;
  readonly depth: Int32Array;
  readonly parent: Int32Array;
  readonly firstChild: Int32Array;
  readonly nextSibling: Int32Array;
  /** The earliest candidate whose lower-case form ends here, or NONE. */
  readonly ending: Int32Array;
  readonly minOrder: Int32Array;
  readonly minLength: Int32Array;
  readonly maxLength: Int32Array;

  /** `lowers[i]` is candidate i's lower-case form; i is also its position in the list. */
  constructor(lowers: readonly string[]) {
    const sorted = lowers.map((_, i) => i).sort((a, b) => compare(lowers[a] as string, lowers[b] as string) || a - b);
    // Words sorted: each shares a prefix with the one before and adds nodes for the rest only.
    let size = 1;
    for (let k = 0; k < sorted.length; k++) size += (lowers[sorted[k] as number] as string).length - (k > 0 ? sharedPrefix(lowers[sorted[k] as number] as string, lowers[sorted[k - 1] as number] as string) : 0);
    this.char = new Int32Array(size);
    this.depth = new Int32Array(size);
    this.parent = new Int32Array(size).fill(NONE);
    this.firstChild = new Int32Array(size).fill(NONE);
    this.nextSibling = new Int32Array(size).fill(NONE);
    this.ending = new Int32Array(size).fill(NONE);
    this.minOrder = new Int32Array(size).fill(0x7fffffff);
    this.minLength = new Int32Array(size).fill(0x7fffffff);
    this.maxLength = new Int32Array(size).fill(-1);
    const lastChild = new Int32Array(size).fill(NONE);
    const path: number[] = [0];
    let nodes = 1;
    let previous = '';
    for (const order of sorted) {
      const word = lowers[order] as string;
      for (let d = sharedPrefix(word, previous) + 1; d <= word.length; d++) {
        const up = path[d - 1] as number;
        const node = nodes++;
        this.char[node] = word.charCodeAt(d - 1);
        this.depth[node] = d;
        this.parent[node] = up;
        if (lastChild[up] === NONE) this.firstChild[up] = node;
        else this.nextSibling[lastChild[up] as number] = node;
        lastChild[up] = node;
        path[d] = node;
      }
      const end = path[word.length] as number;
      // Equal lower-case forms sort by position: the first one is the one a tie gives.
      if (this.ending[end] === NONE) {
        this.ending[end] = order;
        this.minOrder[end] = order;
        this.minLength[end] = word.length;
        this.maxLength[end] = word.length;
      }
      previous = word;
    }
    // Children are created after their parent: one pass from the end folds each into its parent.
    for (let node = nodes - 1; node > 0; node--) {
      const up = this.parent[node] as number;
      this.minOrder[up] = Math.min(this.minOrder[up] as number, this.minOrder[node] as number);
      this.minLength[up] = Math.min(this.minLength[up] as number, this.minLength[node] as number);
      this.maxLength[up] = Math.max(this.maxLength[up] as number, this.maxLength[node] as number);
    }
  }
}

function sharedPrefix(a: string, b: string): number {
  let shared = 0;
  while (shared < a.length && shared < b.length && a.charCodeAt(shared) === b.charCodeAt(shared)) shared++;
  return shared;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A list of candidates, indexed once so that many searches against it stay cheap. */
export class Suggester {
  private readonly originals: string[] = [];
  private readonly trie: CandidateTrie;

  constructor(candidates: Iterable<string>) {
    const seen = new Set<string>();
    for (const original of candidates) {
      if (seen.has(original)) continue;
      seen.add(original);
      this.originals.push(original);
    }
    this.trie = new CandidateTrie(this.originals.map((original) => original.toLowerCase()));
  }

  /** The closest plausible candidate, if any; `work` counts the steps taken. */
  closest(input: string, work: SuggestionWork = newSuggestionWork()): string | undefined {
    const needle = input.toLowerCase();
    const m = needle.length;
    const band = widestLimit(m);
    const over = band + 1;
    const width = 2 * band + 1;
    const { char, depth, parent, firstChild, nextSibling, ending, minOrder, minLength, maxLength } = this.trie;
    // codes[j] is the input's j-th character (1-based, as the alignment's columns).
    const codes = new Int32Array(m + 1);
    for (let j = 1; j <= m; j++) codes[j] = needle.charCodeAt(j - 1);
    // The alignment of the node at depth d with the input: cell (d, j) is at d * width + j - d + band,
    // for j within the band (d - band … d + band). Cells outside it are never written and hold `over`
    // (more than any limit). A walk goes depth first, so the rows above a node are its ancestors'.
    const rows = new Int32Array((m + band + 2) * width).fill(over);
    let best = NONE;
    let bestDistance = over;
    let cells = 0;
    const stack = [0];
    while (stack.length > 0) {
      const node = stack.pop() as number;
      const d = depth[node] as number;
      // Below this node a candidate must beat the best, or tie it from earlier in the list.
      const reach = best !== NONE && (minOrder[node] as number) > best ? bestDistance - 1 : Math.min(band, bestDistance);
      const shortest = (minLength[node] as number) - d;
      const longest = (maxLength[node] as number) - d;
      if (reach < 0 || longest + d < m - reach || shortest + d > m + reach) continue;
      const from = Math.max(0, d - band);
      const to = Math.min(m, d + band);
      const row = d * width - d + band;
      const up = row - width + 1; // (d - 1, j) is at up + j
      const upUp = up - width + 1; // (d - 2, j) is at upUp + j
      const c = char[node] as number;
      const previousChar = d >= 2 ? (char[parent[node] as number] as number) : NONE;
      // The lowest distance any candidate below can end with: a cell plus the difference between
      // what is left of the input and what is left of the candidate.
      let floor = over;
      let left = over;
      for (let j = from; j <= to; j++) {
        let value: number;
        if (d === 0) value = j;
        else if (j === 0) value = d;
        else {
          value = (rows[up + j - 1] as number) + (c === codes[j] ? 0 : 1);
          if (j < d + band) {
            const above = (rows[up + j] as number) + 1; // (d - 1, j) is in the band of the row above
            if (above < value) value = above;
          }
          if (left + 1 < value) value = left + 1;
          if (d >= 2 && j >= 2 && c === codes[j - 1] && previousChar === codes[j]) {
            const swapped = (rows[upUp + j - 2] as number) + 1;
            if (swapped < value) value = swapped;
          }
          if (value > over) value = over;
        }
        rows[row + j] = value;
        left = value;
        const rest = m - j;
        const bound = value + (rest < shortest ? shortest - rest : rest > longest ? rest - longest : 0);
        if (bound < floor) floor = bound;
      }
      cells += to - from + 1;
      work.nodes++;
      if (floor > reach) continue;
      const candidate = ending[node] as number;
      if (candidate !== NONE && to === m) {
        const distance = rows[row + m] as number;
        if (distance <= editLimit(m, d) && (distance < bestDistance || (distance === bestDistance && candidate < best))) {
          best = candidate;
          bestDistance = distance;
        }
      }
      if (cells > MAX_CELLS_PER_SEARCH) {
        work.capped++;
        break;
      }
      // The child that continues the input goes on top of the stack, so it is walked first.
      const next = d < m ? needle.charCodeAt(d) : NONE;
      let follow = NONE;
      for (let child = firstChild[node] as number; child !== NONE; child = nextSibling[child] as number) {
        if (char[child] === next) follow = child;
        else stack.push(child);
      }
      if (follow !== NONE) stack.push(follow);
    }
    work.cells += cells;
    return best === NONE ? undefined : this.originals[best];
  }
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

export function quoteList(values: readonly unknown[], max = 8): string {
  const shown = values.slice(0, max).map((v) => JSON.stringify(v));
  return values.length > max ? `${shown.join(', ')} and ${values.length - max} more` : shown.join(', ');
}
