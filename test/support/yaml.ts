/**
 * Shared by the YAML tests: a strict structural comparison of two parses (values, prototypes,
 * number types, key order, every span and range) and deterministic generators of YAML text.
 */
import { Random } from '../../bench/generate';
import type { Range } from '../../src/core/text/range';
import type { ContainerSpan, ParsedYamlDocument } from '../../src/core/yaml/types';
import { PARSED_MAP_PROTOTYPE } from '../../src/core/yaml/maps';

/** Describes the first difference between two parses of the same text, or undefined if they agree. */
export function diffParses(fast: readonly ParsedYamlDocument[], full: readonly ParsedYamlDocument[]): string | undefined {
  if (fast.length !== full.length) return `document count: fast ${fast.length}, full ${full.length}`;
  for (let d = 0; d < fast.length; d++) {
    const a = fast[d] as ParsedYamlDocument;
    const b = full[d] as ParsedYamlDocument;
    const at = `document ${d}`;
    if (b.issues.length > 0) return `${at}: the full parser reports ${b.issues.map((i) => `${i.code} "${i.message}"`).join('; ')}, the fast parser accepted the text`;
    if (a.issues.length > 0) return `${at}: the fast parser reports issues`;
    const ranges = diffRange(a.documentRange, b.documentRange, `${at} documentRange`) ?? diffRange(a.valueRange, b.valueRange, `${at} valueRange`);
    if (ranges) return ranges;
    const value = diffValue(a.value, b.value, a, b, `${at} value`);
    if (value) return value;
  }
  return undefined;
}

function diffRange(a: Range | undefined, b: Range | undefined, at: string): string | undefined {
  if (!a || !b) return a === b ? undefined : `${at}: range missing (fast ${JSON.stringify(a)}, full ${JSON.stringify(b)})`;
  if (a.start !== b.start || a.end !== b.end) return `${at}: fast [${a.start},${a.end}] full [${b.start},${b.end}]`;
  return undefined;
}

function describe(value: unknown): string {
  if (typeof value === 'number') return `number ${Object.is(value, -0) ? '-0' : String(value)}`;
  if (typeof value === 'string') return `string ${JSON.stringify(value)}`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function diffValue(a: unknown, b: unknown, docA: ParsedYamlDocument, docB: ParsedYamlDocument, at: string): string | undefined {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    // Object.is: NaN equals NaN, and -0 differs from 0, as a deep-equal of the data would see.
    return Object.is(a, b) ? undefined : `${at}: fast ${describe(a)}, full ${describe(b)}`;
  }
  const spanA = docA.spans.get(a);
  const spanB = docB.spans.get(b);
  if (!spanA || !spanB) return `${at}: span missing (fast ${Boolean(spanA)}, full ${Boolean(spanB)})`;
  const range = diffRange(spanA.range, spanB.range, `${at} span`);
  if (range) return range;
  if (Array.isArray(a) !== Array.isArray(b)) return `${at}: fast ${describe(a)}, full ${describe(b)}`;
  if (Array.isArray(a) && Array.isArray(b)) return diffSequence(a, b, spanA, spanB, docA, docB, at);
  return diffMap(a as Record<string, unknown>, b as Record<string, unknown>, spanA, spanB, docA, docB, at);
}

function diffSequence(a: unknown[], b: unknown[], spanA: ContainerSpan, spanB: ContainerSpan, docA: ParsedYamlDocument, docB: ParsedYamlDocument, at: string): string | undefined {
  if (a.length !== b.length) return `${at}: length fast ${a.length}, full ${b.length}`;
  if (!spanA.items || !spanB.items || spanA.pairs || spanB.pairs) return `${at}: sequence span without items`;
  if (spanA.items.length !== a.length || spanB.items.length !== b.length) return `${at}: item range count differs from length`;
  for (let i = 0; i < a.length; i++) {
    const diff = diffRange(spanA.items[i], spanB.items[i], `${at}[${i}] range`) ?? diffValue(a[i], b[i], docA, docB, `${at}[${i}]`);
    if (diff) return diff;
  }
  return undefined;
}

function diffMap(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  spanA: ContainerSpan,
  spanB: ContainerSpan,
  docA: ParsedYamlDocument,
  docB: ParsedYamlDocument,
  at: string,
): string | undefined {
  if (Object.getPrototypeOf(a) !== PARSED_MAP_PROTOTYPE || Object.getPrototypeOf(b) !== PARSED_MAP_PROTOTYPE) return `${at}: maps must inherit nothing (fast ${Object.getPrototypeOf(a) === PARSED_MAP_PROTOTYPE}, full ${Object.getPrototypeOf(b) === PARSED_MAP_PROTOTYPE})`;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.join('\u0000') !== keysB.join('\u0000')) return `${at}: keys fast ${JSON.stringify(keysA)}, full ${JSON.stringify(keysB)}`;
  if (!spanA.pairs || !spanB.pairs || spanA.items || spanB.items) return `${at}: map span without pairs`;
  const pairsA = [...spanA.pairs.keys()];
  const pairsB = [...spanB.pairs.keys()];
  if (pairsA.join('\u0000') !== pairsB.join('\u0000')) return `${at}: span keys fast ${JSON.stringify(pairsA)}, full ${JSON.stringify(pairsB)}`;
  for (const key of pairsA) {
    const pa = spanA.pairs.get(key);
    const pb = spanB.pairs.get(key);
    const diff =
      diffRange(pa?.key, pb?.key, `${at}.${key} key range`) ??
      diffRange(pa?.value, pb?.value, `${at}.${key} value range`) ??
      diffValue(a[key], b[key], docA, docB, `${at}.${key}`);
    if (diff) return diff;
  }
  return undefined;
}

/**
 * Describes the first range of a parse (documents, values, spans, issues) that does not lie
 * inside a text of `length` characters, or undefined if all do.
 */
export function rangeOutside(documents: readonly ParsedYamlDocument[], issues: readonly { range: Range }[], length: number): string | undefined {
  const check = (r: Range | undefined, at: string): string | undefined =>
    r === undefined || (r.start >= 0 && r.start <= r.end && r.end <= length) ? undefined : `${at}: [${r.start},${r.end}] outside [0,${length}]`;
  for (const [i, issue] of issues.entries()) {
    const bad = check(issue.range, `file issue ${i}`);
    if (bad) return bad;
  }
  for (const [d, doc] of documents.entries()) {
    const bad = check(doc.documentRange, `document ${d}`) ?? check(doc.valueRange, `document ${d} value`) ?? doc.issues.map((issue, i) => check(issue.range, `document ${d} issue ${i}`)).find(Boolean);
    if (bad) return bad;
    // Every container reachable from the root, once (aliases share values).
    const seen = new Set<object>();
    const pending: unknown[] = [doc.value];
    while (pending.length > 0) {
      const value = pending.pop();
      if (value === null || typeof value !== 'object' || seen.has(value)) continue;
      seen.add(value);
      const span = doc.spans.get(value);
      if (!span) return `document ${d}: a container without a span`;
      const inSpan =
        check(span.range, `document ${d} span`) ??
        span.items?.map((r, i) => check(r, `document ${d} item ${i}`)).find(Boolean) ??
        [...(span.pairs?.entries() ?? [])].map(([key, pair]) => check(pair.key, `document ${d} key ${key}`) ?? check(pair.value, `document ${d} value of ${key}`)).find(Boolean);
      if (inSpan) return inSpan;
      pending.push(...(Array.isArray(value) ? value : Object.values(value)));
    }
  }
  return undefined;
}

// --- deterministic randomness ------------------------------------------------------------------

// The benchmark's seeded generator (mulberry32), so every failure can be replayed from its seed.
export { Random };

// --- a generator of (mostly) subset YAML -------------------------------------------------------

const WORDS = ['alpha', 'beta', 'gamma', 'service', 'desk', 'portal', 'catalogue', 'level', 'id', 'title', 'x', 'a-b', 'key_1', 'ünïcode', 'naïve', 'emoji😀'];
/** Plain scalars inside the subset, chosen to probe the core schema's number, bool and null rules. */
const PLAIN_SCALARS = [
  'yes', 'no', 'on', 'off', 'true', 'True', 'TRUE', 'tRue', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL', 'nUll', '~',
  '0', '-0', '+0', '1', '-1', '+12', '007', '1_000', '0x1F', '0X1F', '0xg', '0o17', '0o8', '0b101', '1.5', '-1.5', '1.', '.5', '-.5', '1.0', '1.50',
  '1e3', '1E-3', '-1.5e+3', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '.NAN', 'nan', 'inf', '12345678901234567890', '1.7976931348623157e309',
  '2026-01-15', '2026-01-15T10:00:00Z', '12:30', '1:2:3', 'https://example.com/a#b', 'a#b', 'C#', 'a:b', 'a, b', 'a [b] {c}', "it's", 'say "hi"',
  '-x', '-1x', '--', 'a - b', 'a  b', 'é', '日本語', 'x!', 'a&b', 'a*b', 'a|b', 'a>b', 'a%b', 'a@b', 'a?', 'a-', 'a]', 'a}',
];
/** Plain scalars that `yaml` reads differently or rejects: the fast parser must leave them alone. */
const ODD_PLAIN_SCALARS = ['x:', '@x', '`x', '%x', '*x', '&x', '!x', '?x', ':x', '|x', '>x', ',x', ']x', '}x', '---', '...', 'a: b', '-', '- x', '? x', 'a #b', '! x', '&a x', '!!str 1', '*a'];
const DOUBLE_QUOTED = ['"plain"', '""', '"a\\nb"', '"quote \\" inside"', '"back\\\\slash"', '"\\x41\\u00e9\\U0001F600"', '"\\/\\0\\a\\b\\e\\f\\r\\v\\N\\_\\L\\P\\ "', '"# not a comment"', '"a: b"', '"\\ud83d\\ude00"', '"  spaced  "', '"it\'s"'];
const ODD_DOUBLE_QUOTED = ['"tab\\there"', '"\\q"', '"\\x4"', '"\\U00110000"', '"unclosed', '"a\\', '"a" b', '"a"#c'];
const SINGLE_QUOTED = ["'plain'", "''", "'it''s'", "''''", "'a: b'", "'# x'", "'back\\slash'", "'  spaced  '", "'\"'"];
const ODD_SINGLE_QUOTED = ["'unclosed", "'a' b", "'a'''", "'a'#c"];
const KEYS = ['id', 'title', 'a', 'b', 'c', 'key with spaces', 'kebab-key', 'snake_key', '1', '2.0', '0x10', 'true', 'null', '~', '-k', 'a#b', 'a:b', '"quoted key"', "'single key'", '"1"', '"a: b"', '""', 'ünï'];

export interface GeneratorOptions {
  maxDepth: number;
  /** Probability of straying from the subset a little (odd indents, stray characters). */
  wildness: number;
  /** Probability that a value gets an anchor, and that a scalar is an alias of an earlier one (default none). */
  anchors?: number;
}

/** Anchors written so far in the document being generated, for aliases to refer to. */
let writtenAnchors: string[] = [];

/** A random YAML text, mostly within the fast parser's subset, with comments and blank lines. */
export function randomYaml(random: Random, options: GeneratorOptions = { maxDepth: 4, wildness: 0.05 }): string {
  const documents = random.chance(0.2) ? random.int(2, 3) : 1;
  const parts: string[] = [];
  for (let d = 0; d < documents; d++) {
    const lines: string[] = [];
    writtenAnchors = [];
    if (d > 0 || random.chance(0.2)) lines.push(random.pick(['---', '--- # doc', '---  ']));
    if (lines.length > 0 && random.chance(0.1)) {
      // An empty document: the marker alone, perhaps with blank or comment lines.
      if (random.chance(0.5)) lines.push(random.pick(['', '# nothing here', '  ', '  # indented']));
      parts.push(lines.join('\n'));
      continue;
    }
    if (random.chance(0.2)) lines.push('# leading comment');
    if (random.chance(0.1)) lines.push('');
    const rootIndent = random.chance(0.1) ? random.int(1, 3) : 0;
    if (random.chance(0.75)) writeMap(random, options, lines, rootIndent, 0);
    else writeSequence(random, options, lines, rootIndent, 0);
    if (random.chance(0.2)) lines.push(random.pick(['', '# trailing', '   ', '  # indented trailing']));
    parts.push(lines.join('\n'));
  }
  let text = parts.join('\n') + (random.chance(0.8) ? '\n' : '');
  if (random.chance(0.15)) text = text.replace(/\n/g, '\r\n');
  return text;
}

function scalarText(random: Random, options: GeneratorOptions): string {
  if (random.chance(options.wildness)) return random.pick([...ODD_PLAIN_SCALARS, ...ODD_DOUBLE_QUOTED, ...ODD_SINGLE_QUOTED]);
  const roll = random.next();
  if (roll < 0.45) return random.pick(PLAIN_SCALARS);
  if (roll < 0.6) return `${random.pick(WORDS)} ${random.pick(WORDS)}`;
  if (roll < 0.75) return random.pick(DOUBLE_QUOTED);
  if (roll < 0.85) return random.pick(SINGLE_QUOTED);
  if (roll < 0.95) return flowText(random, options, 0);
  return random.pick(WORDS);
}

function flowText(random: Random, options: GeneratorOptions, depth: number): string {
  const atom = (): string => (depth < 2 && random.chance(0.25) ? flowText(random, options, depth + 1) : random.pick([...PLAIN_SCALARS.slice(0, 50), ...WORDS, ...DOUBLE_QUOTED.slice(0, 5), ...SINGLE_QUOTED.slice(0, 4)]));
  const space = (): string => (random.chance(0.3) ? '' : ' ');
  const count = random.int(0, 3);
  if (random.chance(0.5)) {
    const items = Array.from({ length: count }, atom);
    return `[${space()}${items.join(`,${space()}`)}${space()}]`;
  }
  const keys = new Set<string>();
  const pairs: string[] = [];
  for (let i = 0; i < count; i++) {
    const key = random.pick(['a', 'b', 'c', 'id', '"q"', "'s'", '1', 'x y']);
    if (keys.has(key) && !random.chance(options.wildness)) continue;
    keys.add(key);
    pairs.push(`${key}: ${atom()}`);
  }
  if (random.chance(options.wildness)) pairs.push(random.pick(['a', 'b:', '"c":1', 'd : 1']));
  return `{${space()}${pairs.join(`,${space()}`)}${space()}}`;
}

function comment(random: Random): string {
  return random.chance(0.15) ? random.pick([' # note', '  # a: b', ' #', ' # "quoted"']) : '';
}

function interject(random: Random, lines: string[], indent: number): void {
  if (random.chance(0.08)) lines.push('');
  if (random.chance(0.06)) lines.push(' '.repeat(random.int(0, Math.max(0, indent) + 4)) + '# comment line');
  if (random.chance(0.02)) lines.push(' '.repeat(random.int(1, 6)));
}

function childIndent(random: Random, options: GeneratorOptions, indent: number): number {
  if (random.chance(options.wildness)) return Math.max(0, indent + random.int(-1, 1));
  return Math.max(0, indent) + random.pick([2, 2, 2, 4, 1, 3]);
}

function writeValue(random: Random, options: GeneratorOptions, lines: string[], prefix: string, indent: number, depth: number, inSequence: boolean): void {
  if (options.anchors && random.chance(options.anchors)) {
    // An anchor on this value; aliases after it (and, rarely, inside it) may name it.
    const name = random.chance(0.1) && writtenAnchors.length > 0 ? random.pick(writtenAnchors) : `${random.pick(['a', 'lv', 'x-y', 'n.1'])}${writtenAnchors.length}`;
    if (random.chance(0.05)) writtenAnchors.push(name);
    writeValueAfterProperties(random, options, lines, `${prefix} &${name}`, indent, depth, inSequence);
    writtenAnchors.push(name);
    return;
  }
  if (options.anchors && writtenAnchors.length > 0 && random.chance(options.anchors)) {
    lines.push(`${prefix} ${random.chance(0.05) ? '*unknown' : `*${random.pick(writtenAnchors)}`}${comment(random)}`);
    return;
  }
  writeValueAfterProperties(random, options, lines, prefix, indent, depth, inSequence);
}

function writeValueAfterProperties(random: Random, options: GeneratorOptions, lines: string[], prefix: string, indent: number, depth: number, inSequence: boolean): void {
  const roll = random.next();
  if (depth < options.maxDepth && roll < 0.3) {
    lines.push(prefix + comment(random));
    const sameIndent = !inSequence && random.chance(0.2);
    writeMap(random, options, lines, sameIndent ? indent + 1 : childIndent(random, options, indent), depth + 1);
    return;
  }
  if (depth < options.maxDepth && roll < 0.45) {
    lines.push(prefix + comment(random));
    const sameIndent = !inSequence && random.chance(0.3);
    writeSequence(random, options, lines, sameIndent ? indent : childIndent(random, options, indent), depth + 1);
    return;
  }
  if (roll < 0.52) {
    lines.push(prefix + comment(random));
    return;
  }
  if (roll < 0.65) {
    writeBlockScalar(random, options, lines, prefix, indent);
    return;
  }
  if (roll < 0.7) {
    writeMultiLinePlain(random, options, lines, prefix, indent);
    return;
  }
  if (roll < 0.72) {
    writeMultiLineQuoted(random, options, lines, prefix, indent);
    return;
  }
  if (roll < 0.76) {
    // The value on the line after its key or dash.
    lines.push(prefix + comment(random));
    lines.push(`${' '.repeat(childIndent(random, options, Math.max(0, indent)))}${scalarText(random, options)}${comment(random)}`);
    return;
  }
  lines.push(`${prefix} ${scalarText(random, options)}${comment(random)}`);
}

function writeBlockScalar(random: Random, options: GeneratorOptions, lines: string[], prefix: string, indent: number): void {
  const header = random.pick(['|', '>', '|-', '>-', '|+', '>+']) + (random.chance(options.wildness) ? random.pick(['2', '1-', '+2', '#x']) : '');
  lines.push(`${prefix} ${header}${comment(random)}`);
  const body = Math.max(0, indent) + random.pick([2, 2, 1, 3, 4]);
  const count = random.int(1, 5);
  if (random.chance(0.1)) lines.push('');
  for (let i = 0; i < count; i++) {
    const roll = random.next();
    if (roll < 0.15) lines.push('');
    else if (roll < 0.2) lines.push(' '.repeat(random.chance(options.wildness) ? random.int(0, body + 3) : random.int(0, body)));
    else if (roll < 0.3) lines.push(' '.repeat(body + random.int(1, 3)) + 'more indented');
    else lines.push(' '.repeat(body) + random.pick(['text', 'a line: with colon', '# not a comment', '- not a list', 'trailing  ', "it's \"fine\"", 'x']));
  }
  if (random.chance(0.2)) lines.push(random.pick(['', '', ' '.repeat(body)]));
  if (random.chance(options.wildness)) lines.push(' '.repeat(body + 2));
}

/** A plain scalar folded over several lines, sometimes with blank lines or a comment inside. */
function writeMultiLinePlain(random: Random, options: GeneratorOptions, lines: string[], prefix: string, indent: number): void {
  const words = (): string => `${random.pick(WORDS)} ${random.pick([...WORDS, ...PLAIN_SCALARS.slice(0, 40)])}`;
  lines.push(`${prefix} ${words()}${random.chance(0.1) ? '  ' : ''}`);
  const count = random.int(1, 3);
  for (let i = 0; i < count; i++) {
    if (random.chance(0.2)) lines.push(random.chance(0.5) ? '' : ' '.repeat(random.int(0, indent + 4)));
    const pad = ' '.repeat(random.chance(options.wildness) ? random.int(0, indent + 1) : Math.max(0, indent) + random.int(1, 4));
    const roll = random.next();
    if (roll < options.wildness) lines.push(pad + random.pick(['- x', '# c', 'k: v', '[a]', '"q"', 'x # c', '&a x']));
    else lines.push(pad + words() + (random.chance(0.1) ? ' # end' : ''));
  }
}

const QUOTED_PIECES = ['text', 'it\'s', "it''s", 'a: b', '# not a comment', '\\"q\\"', '\\t', '\\u00e9', '\\', '\\x4', '\\q', '  spaced  ', '- dash', '"', "'", ''];

/** A double- or single-quoted scalar over several lines, with escapes, blank lines and odd spacing. */
function writeMultiLineQuoted(random: Random, options: GeneratorOptions, lines: string[], prefix: string, indent: number): void {
  const quote = random.pick(['"', "'"]);
  // Pieces that would close the scalar early are dropped; others stay, odd or not.
  const piece = (): string => {
    const p = random.pick(QUOTED_PIECES);
    if (p.includes(quote) && !(quote === "'" && p.includes("''")) && !(quote === '"' && p.includes('\\"'))) return 'x';
    if (quote === "'" && p.includes('\\')) return p.replace(/\\/g, '/');
    return p;
  };
  lines.push(`${prefix} ${quote}${piece()}${random.chance(0.2) ? '  ' : ''}${random.chance(0.1) && quote === '"' ? '\\' : ''}`);
  const count = random.int(1, 3);
  for (let i = 0; i < count; i++) {
    if (random.chance(0.2)) lines.push(' '.repeat(random.int(0, Math.max(0, indent) + 3)));
    const pad = ' '.repeat(random.chance(options.wildness) ? random.int(0, Math.max(0, indent) + 1) : Math.max(0, indent) + random.int(1, 4));
    lines.push(`${pad}${piece()} ${piece()}`);
  }
  const close = random.chance(0.2) ? `${' '.repeat(Math.max(0, indent) + 1)}${quote}` : `${quote}`;
  if (close.length > 1) lines.push(close + comment(random));
  else lines[lines.length - 1] += close + (random.chance(options.wildness) ? ' junk' : comment(random));
}

function writeMap(random: Random, options: GeneratorOptions, lines: string[], indent: number, depth: number): void {
  const count = random.int(1, 4);
  const used = new Set<string>();
  const pad = ' '.repeat(Math.max(0, indent));
  for (let i = 0; i < count; i++) {
    let key = random.chance(0.7) ? random.pick(WORDS) : random.pick(KEYS);
    if (used.has(key) && !random.chance(options.wildness)) key = `${key}-${i}`;
    used.add(key);
    interject(random, lines, indent);
    writeValue(random, options, lines, `${pad}${key}:`, indent, depth, false);
  }
}

function writeSequence(random: Random, options: GeneratorOptions, lines: string[], indent: number, depth: number): void {
  const count = random.int(1, 4);
  const pad = ' '.repeat(Math.max(0, indent));
  for (let i = 0; i < count; i++) {
    interject(random, lines, indent);
    const roll = random.next();
    if (depth < options.maxDepth && roll < 0.25) {
      // A compact map: `- key: value` with its other keys aligned under the first.
      const gap = random.pick([1, 1, 1, 2, 3]);
      const inner: string[] = [];
      writeMap(random, options, inner, indent + 1 + gap, depth + 1);
      const first = inner.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#'));
      if (first < 0) continue;
      for (let l = 0; l < first; l++) lines.push(inner[l] as string);
      lines.push(`${pad}-${' '.repeat(gap)}${(inner[first] as string).slice(indent + 1 + gap)}`);
      for (let l = first + 1; l < inner.length; l++) lines.push(inner[l] as string);
    } else if (depth < options.maxDepth && roll < 0.32) {
      // A compact nested sequence: `- - x`.
      const inner: string[] = [];
      writeSequence(random, options, inner, indent + 2, depth + 1);
      const first = inner.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#'));
      if (first < 0) continue;
      for (let l = 0; l < first; l++) lines.push(inner[l] as string);
      lines.push(`${pad}- ${(inner[first] as string).slice(indent + 2)}`);
      for (let l = first + 1; l < inner.length; l++) lines.push(inner[l] as string);
    } else {
      writeValue(random, options, lines, `${pad}-`, indent, depth, true);
    }
  }
}

// --- mutations of real text ---------------------------------------------------------------------

const INSERTIONS = [':', ': ', '-', '- ', '"', "'", '#', ' #', ' ', '  ', '\t', '[', ']', '{', '}', ',', '|', '>', '&a ', '*a', '!tag ', '? ', '\r', '\n', '---\n', '...', '%', '@', '\\', 'é', '😀'];

/** A copy of `text` with a few random line-level and character-level edits. */
export function mutateYaml(random: Random, text: string): string {
  const lines = text.split('\n');
  const edits = random.int(1, 3);
  for (let e = 0; e < edits; e++) {
    const index = random.int(0, Math.max(0, lines.length - 1));
    const line = lines[index] ?? '';
    switch (random.int(0, 6)) {
      case 0:
        lines.splice(index, 1);
        break;
      case 1:
        lines.splice(index, 0, line);
        break;
      case 2:
        lines[index] = ' '.repeat(random.int(1, 2)) + line;
        break;
      case 3:
        lines[index] = line.replace(/^ {1,2}/, '');
        break;
      case 4: {
        const other = random.int(0, Math.max(0, lines.length - 1));
        lines[index] = lines[other] ?? '';
        lines[other] = line;
        break;
      }
      default: {
        const at = random.int(0, line.length);
        lines[index] = line.slice(0, at) + random.pick(INSERTIONS) + line.slice(at);
      }
    }
  }
  return lines.join('\n');
}

// --- line soup: random lines with random indentation --------------------------------------------

const LINE_FRAGMENTS = [
  'a:', 'b: 1', 'c: x y', '- 1', '- a: 1', '-', '- - x', 'k: |', 'k: >-', 'k: |+', 'text', 'more text', '# c', 'k: [1, 2]', 'k: {a: 1}',
  "k: 'q'", 'k: "q"', 'k: v # c', '- k:', '---', '', '  ', 'a: b: c', 'k: "a', "k: 'a", '- [a, b]', '- {a: b}', 'x: ~', 'y: -1', 'z: .5',
  '"k": v', "'k': v", 'k:v', '-x', 'k: a#b', 'key with space: v', '- |', '- >', '- "s"', 'k: -', 'k: - a', '? k', ': v', 'k: &a v', 'k: *a',
];

/** Lines picked at random and indented at random: probes how structure and indentation interact. */
export function lineSoup(random: Random): string {
  const count = random.int(1, 10);
  const lines: string[] = [];
  for (let i = 0; i < count; i++) lines.push(' '.repeat(random.pick([0, 0, 0, 1, 2, 2, 2, 3, 4, 4, 6])) + random.pick(LINE_FRAGMENTS));
  return lines.join(random.chance(0.1) ? '\r\n' : '\n') + (random.chance(0.7) ? '\n' : '');
}
