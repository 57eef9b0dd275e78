/**
 * The change between two report bodies, as the few elements a page must replace, so that the
 * preview updates a large report without sending and parsing all of it again: a keystroke in a
 * 5,000-line assessment changes a dimension's card and a few summary rows, but its body is a
 * megabyte (bench/editor-results.md). Applied to the page that shows `before` (webview/patch.ts),
 * the patch gives exactly `after`.
 *
 * The bodies are the report renderer's own output: well-formed elements, every attribute value
 * quoted and every `<`, `>` and `"` in text and values escaped (escape.ts), so elements are found
 * by their tags alone. Where that does not hold, or the change is not much smaller than the body,
 * there is no patch and the caller sends the body whole.
 *
 * An edit also moves the source offsets (`data-source-offset`) of everything written after it, in
 * every part of the report. Those moves are one `shift` (offsets from `from` on move by `by`),
 * applied to the page first; elements are compared after it, so a part that only moved is left
 * alone.
 */

/** Offsets at or after `from` (in the text `before` was made from) move by `by`. */
export interface OffsetShift {
  readonly from: number;
  readonly by: number;
}

/** Replace the element at `path` (child indices from the body's root element) with `html`, one element. */
export interface ElementReplacement {
  readonly path: readonly number[];
  readonly html: string;
}

export interface BodyPatch {
  readonly shift?: OffsetShift;
  readonly replace: readonly ElementReplacement[];
}

/** A patch is worth sending when it carries at most this share of the new body. */
export const WORTHWHILE_SHARE = 0.5;
/** Elements smaller than this are replaced whole rather than compared child by child. */
const COMPARE_CHILDREN_FROM = 2_048;
const OFFSET_ATTRIBUTE = / data-source-offset="(\d+)"/g;

/**
 * The patch that turns `before` into `after`, or undefined when the body should be sent whole
 * (it is not the renderer's HTML, its root changed, or the patch would carry more than `maxShare` of it).
 */
export function bodyPatch(before: string, after: string, maxShare = WORTHWHILE_SHARE): BodyPatch | undefined {
  if (before === after) return { replace: [] };
  const oldTree = elementTree(before);
  const newTree = elementTree(after);
  if (!oldTree || !newTree) return undefined;
  // Found when first needed: most elements are equal as they are.
  let shift: OffsetShift | undefined | null = null;
  const shifted = (text: string): string => {
    if (shift === null) shift = offsetShift(before, after);
    return shift ? shiftOffsets(text, shift) : text;
  };
  const replace: ElementReplacement[] = [];
  let size = 0;
  const budget = after.length * maxShare;
  const push = (path: number[], html: string): boolean => {
    size += html.length;
    if (size > budget) return false;
    replace.push({ path, html });
    return true;
  };
  const compare = (old: number, now: number, path: number[]): boolean => {
    const oldHtml = before.slice(oldTree.start[old], oldTree.end[old]);
    const newHtml = after.slice(newTree.start[now], newTree.end[now]);
    if (oldHtml === newHtml) return true;
    // A small element is compared whole (its offsets moved, or it changed); a large one child by child.
    if (newHtml.length < COMPARE_CHILDREN_FROM) return shifted(oldHtml) === newHtml || (path.length > 0 && push(path, newHtml));
    // Children compare one to one only where the element's own tags and the text around them are
    // the same, and never inside SVG: a page parses a replacement as HTML, where an SVG part alone would not be SVG.
    if (after.startsWith('<svg', newTree.start[now]) || childCount(oldTree, old) !== childCount(newTree, now) || shifted(frame(before, oldTree, old)) !== frame(after, newTree, now)) {
      return path.length > 0 && push(path, newHtml);
    }
    for (let a = oldTree.firstChild[old] as number, b = newTree.firstChild[now] as number, i = 0; b >= 0; a = oldTree.nextSibling[a] as number, b = newTree.nextSibling[b] as number, i++) {
      if (!compare(a, b, [...path, i])) return false;
    }
    return true;
  };
  if (!compare(0, 0, [])) return undefined;
  const found = shift as OffsetShift | undefined | null;
  return found ? { shift: found, replace } : { replace };
}

/**
 * A body's elements, numbered in the order they open (0 is the root), as flat lists: where each
 * starts and ends in the text, its first child and its next sibling (-1 for none). Numbers, not
 * objects: a large report has tens of thousands of elements, and it is read on every update.
 */
interface ElementTree {
  readonly start: number[];
  readonly end: number[];
  readonly firstChild: number[];
  readonly nextSibling: number[];
}

/**
 * The trees of the last bodies read: each update compares the body the page shows, which was the
 * new body of the update before, with the next one.
 */
const recentTrees: { html: string; tree: ElementTree | undefined }[] = [];
const RECENT_TREES = 2;

function elementTree(html: string): ElementTree | undefined {
  const known = recentTrees.find((r) => r.html === html);
  if (known) return known.tree;
  const tree = readElementTree(html);
  recentTrees.unshift({ html, tree });
  recentTrees.length = Math.min(recentTrees.length, RECENT_TREES);
  return tree;
}

/** The body's elements, read in one pass; undefined where the body is not one well-formed element (the report's <main>). */
function readElementTree(html: string): ElementTree | undefined {
  const tree: ElementTree = { start: [], end: [], firstChild: [], nextSibling: [] };
  /** Open elements, and the last child seen of each. */
  const open: number[] = [];
  const lastChild: number[] = [];
  let at = html.indexOf('<');
  if (at !== 0) return undefined;
  while (at >= 0) {
    const close = html.indexOf('>', at);
    if (close < 0) return undefined;
    const next = html.charCodeAt(at + 1);
    if (next === 47 /* / */) {
      const element = open.pop();
      lastChild.pop();
      if (element === undefined) return undefined;
      tree.end[element] = close + 1;
    } else if (next === 33 /* ! */) {
      // A comment: skipped (the renderer writes none; a body with one is still read right).
      const end = html.startsWith('<!--', at) ? html.indexOf('-->', at) : close;
      if (end < 0) return undefined;
      at = html.indexOf('<', end + 1);
      continue;
    } else {
      const element = tree.start.length;
      if (element > 0 && open.length === 0) return undefined; // a second top-level element
      tree.start.push(at);
      tree.end.push(-1);
      tree.firstChild.push(-1);
      tree.nextSibling.push(-1);
      if (open.length > 0) {
        const parent = open.length - 1;
        const previous = lastChild[parent] as number;
        if (previous < 0) tree.firstChild[open[parent] as number] = element;
        else tree.nextSibling[previous] = element;
        lastChild[parent] = element;
      }
      if (html.charCodeAt(close - 1) === 47 /* / */ || isVoidElement(html, at)) tree.end[element] = close + 1;
      else {
        open.push(element);
        lastChild.push(-1);
      }
    }
    at = html.indexOf('<', close + 1);
  }
  return open.length === 0 && tree.end[0] === html.length ? tree : undefined;
}

function childCount(tree: ElementTree, element: number): number {
  let count = 0;
  for (let child = tree.firstChild[element] as number; child >= 0; child = tree.nextSibling[child] as number) count++;
  return count;
}

/** The element's text with each child element's text left out: its tags and the text between its children. */
function frame(html: string, tree: ElementTree, element: number): string {
  let out = '';
  let at = tree.start[element] as number;
  for (let child = tree.firstChild[element] as number; child >= 0; child = tree.nextSibling[child] as number) {
    out += html.slice(at, tree.start[child]);
    at = tree.end[child] as number;
  }
  return out + html.slice(at, tree.end[element]);
}

const VOID_ELEMENTS: readonly string[] = ['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'];
/** The void elements by their first letter's code: every tag of a large body is asked about, most of them with no candidate. */
const VOID_BY_FIRST = new Map<number, string[]>();
for (const name of VOID_ELEMENTS) VOID_BY_FIRST.set(name.charCodeAt(0), [...(VOID_BY_FIRST.get(name.charCodeAt(0)) ?? []), name]);

/** Whether the start tag at `at` opens a void element, without allocating. */
function isVoidElement(html: string, at: number): boolean {
  const candidates = VOID_BY_FIRST.get(html.charCodeAt(at + 1));
  if (!candidates) return false;
  for (const name of candidates) {
    if (!html.startsWith(name, at + 1)) continue;
    const after = html.charCodeAt(at + 1 + name.length);
    // The name ends there (a space, `>` or `/`), rather than going on (`<bra…>`).
    if (after === 32 || after === 62 || after === 47 || after === 10 || after === 9) return true;
  }
  return false;
}

/**
 * The one move of source offsets between two bodies: with the same number of offsets in both,
 * paired in order, every offset from some point on moved by the same amount and every one before
 * it stayed (what one edit of the text does). Anything else is no shift: then every part whose
 * offsets moved differs, and is replaced. A shift that held for only some pairs would move offsets
 * of parts found equal, so it is checked on every pair.
 */
function offsetShift(before: string, after: string): OffsetShift | undefined {
  const old = offsetsOf(before);
  const now = offsetsOf(after);
  if (old.length !== now.length) return undefined;
  let from = Infinity;
  let by = 0;
  for (let i = 0; i < old.length; i++) {
    const delta = (now[i] as number) - (old[i] as number);
    if (delta === 0) continue;
    if (by !== 0 && delta !== by) return undefined;
    by = delta;
    from = Math.min(from, old[i] as number);
  }
  if (by === 0) return undefined;
  for (let i = 0; i < old.length; i++) {
    const o = old[i] as number;
    if ((now[i] as number) !== (o >= from ? o + by : o)) return undefined;
  }
  return { from, by };
}

function offsetsOf(html: string): number[] {
  const out: number[] = [];
  for (const match of html.matchAll(OFFSET_ATTRIBUTE)) out.push(Number(match[1]));
  return out;
}

/** The text with its source offsets moved by `shift`, as the page moves them. */
export function shiftOffsets(html: string, shift: OffsetShift): string {
  return html.replace(OFFSET_ATTRIBUTE, (whole, value: string) => {
    const offset = Number(value);
    return offset >= shift.from ? ` data-source-offset="${offset + shift.by}"` : whole;
  });
}

/** Applies a patch to a body's text, as the page applies it to its elements (for tests, and for a caller without a page). */
export function applyBodyPatch(html: string, patch: BodyPatch): string | undefined {
  let text = patch.shift ? shiftOffsets(html, patch.shift) : html;
  for (const { path, html: replacement } of patch.replace) {
    const tree = elementTree(text);
    if (!tree) return undefined;
    let element = 0;
    for (const index of path) {
      element = tree.firstChild[element] as number;
      for (let i = 0; i < index && element >= 0; i++) element = tree.nextSibling[element] as number;
      if (element < 0) return undefined;
    }
    text = text.slice(0, tree.start[element]) + replacement + text.slice(tree.end[element]);
  }
  return text;
}
