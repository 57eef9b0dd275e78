/**
 * Scalar rules of the fast YAML parser, written to give exactly what the `yaml` library gives
 * (YAML 1.2 core schema, strict mode). Anything these functions cannot decode exactly is
 * reported as `undefined`, and the caller falls back to the complete parser.
 */

// The core schema's tests, in the order `yaml` tries them (see yaml/dist/schema/core/*.js).
const NULL_RE = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL_RE = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT_RE = /^0o[0-7]+$/;
const INT_RE = /^[-+]?[0-9]+$/;
const INT_HEX_RE = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN_RE = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP_RE = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT_RE = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/**
 * The value of a plain (unquoted) scalar under the core schema: null, boolean, number, or the
 * text itself. Dates stay strings, as in `yaml`'s default 1.2 schema.
 */
export function resolvePlainScalar(source: string): unknown {
  const first = source.charCodeAt(0);
  // Most scalars in rubric files are words and sentences: one character decides they are strings.
  switch (first) {
    case 126 /* ~ */:
    case 110 /* n */:
    case 78 /* N */:
      return NULL_RE.test(source) ? null : source;
    case 116 /* t */:
    case 84 /* T */:
    case 102 /* f */:
    case 70 /* F */:
      return BOOL_RE.test(source) ? source.charCodeAt(0) === 116 || source.charCodeAt(0) === 84 : source;
    case 43 /* + */:
    case 45 /* - */:
    case 46 /* . */:
      return resolveNumber(source);
    default:
      if (first >= 48 && first <= 57) return resolveNumber(source);
      return source;
  }
}

function resolveNumber(source: string): unknown {
  // Same functions as `yaml` (parseInt on the digits, parseFloat), so edge cases such as -0
  // and integers beyond 2^53 come out identical.
  if (INT_OCT_RE.test(source)) return parseInt(source.substring(2), 8);
  if (INT_RE.test(source)) return parseInt(source, 10);
  if (INT_HEX_RE.test(source)) return parseInt(source.substring(2), 16);
  if (FLOAT_NAN_RE.test(source)) {
    if (source.slice(-3).toLowerCase() === 'nan') return NaN;
    return source.charCodeAt(0) === 45 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (FLOAT_EXP_RE.test(source) || FLOAT_RE.test(source)) return parseFloat(source);
  return source;
}

/** A quoted scalar read from the text: its decoded value and where it ends. */
export interface QuotedScalar {
  readonly value: string;
  /** Offset just after the closing quote. */
  readonly end: number;
}

/**
 * Reads a single-quoted scalar at `start` (the opening quote) that must close before
 * `lineEnd`. Returns undefined when it does not close on this line.
 */
export function readSingleQuoted(text: string, start: number, lineEnd: number): QuotedScalar | undefined {
  let value = '';
  let from = start + 1;
  for (let i = from; i < lineEnd; i++) {
    if (text.charCodeAt(i) !== 39) continue;
    if (text.charCodeAt(i + 1) === 39 && i + 1 < lineEnd) {
      value += text.slice(from, i + 1);
      i++;
      from = i + 1;
      continue;
    }
    return { value: value + text.slice(from, i), end: i + 1 };
  }
  return undefined;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  '\t': '\t',
};

const HEX_RE = /^[0-9a-fA-F]+$/;

/**
 * Reads a double-quoted scalar at `start` that must close before `lineEnd`, decoding escapes
 * as `yaml` does. Returns undefined when it does not close on this line or has an escape
 * `yaml` would reject.
 */
export function readDoubleQuoted(text: string, start: number, lineEnd: number): QuotedScalar | undefined {
  let value = '';
  let from = start + 1;
  for (let i = from; i < lineEnd; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34 /* " */) return { value: value + text.slice(from, i), end: i + 1 };
    if (ch !== 92 /* \ */) continue;
    value += text.slice(from, i);
    const next = text[i + 1];
    if (next === undefined || i + 1 >= lineEnd) return undefined; // an escaped line break: multi-line
    const simple = ESCAPES[next];
    if (simple !== undefined) {
      value += simple;
      i += 1;
    } else if (next === 'x' || next === 'u' || next === 'U') {
      const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
      const digits = text.substr(i + 2, length);
      if (digits.length !== length || i + 2 + length > lineEnd || !HEX_RE.test(digits)) return undefined;
      const code = parseInt(digits, 16);
      if (code > 0x10ffff) return undefined;
      value += String.fromCodePoint(code);
      i += 1 + length;
    } else {
      return undefined; // an invalid escape is an error in `yaml`
    }
    from = i + 1;
  }
  return undefined;
}

/**
 * The value of a double-quoted scalar spanning several lines; `source` runs from the opening to
 * the closing quote. Line breaks fold as in `yaml`: one becomes a space, n + 1 become n line
 * breaks, spaces around them go, and an escaped line break joins the lines. Undefined for an
 * escape `yaml` rejects.
 */
export function foldDoubleQuoted(source: string): string | undefined {
  let value = '';
  const last = source.length - 1;
  for (let i = 1; i < last; i++) {
    const ch = source[i] as string;
    if (ch === '\r' && source[i + 1] === '\n') continue;
    if (ch === '\n') {
      const fold = foldLineBreaks(source, i);
      value += fold.text;
      i = fold.last;
    } else if (ch === '\\') {
      const next = source[++i] as string;
      const simple = ESCAPES[next];
      if (simple !== undefined) {
        value += simple;
      } else if (next === '\n' || (next === '\r' && source[i + 1] === '\n')) {
        // An escaped line break: the lines join without a space, the next line's indentation goes.
        if (next === '\r') i++;
        while (source[i + 1] === ' ' || source[i + 1] === '\t') i++;
      } else if (next === 'x' || next === 'u' || next === 'U') {
        const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        const digits = source.substr(i + 1, length);
        if (digits.length !== length || i + length >= last || !HEX_RE.test(digits)) return undefined;
        const code = parseInt(digits, 16);
        if (code > 0x10ffff) return undefined;
        value += String.fromCodePoint(code);
        i += length;
      } else {
        return undefined;
      }
    } else if (ch === ' ' || ch === '\t') {
      // Spaces before a line break go; others stay.
      const from = i;
      while (source[i + 1] === ' ' || source[i + 1] === '\t') i++;
      const next = source[i + 1];
      if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n')) value += source.slice(from, i + 1);
    } else {
      value += ch;
    }
  }
  return value;
}

/** Folds the line break at `at` and the blank lines and indentation after it. */
function foldLineBreaks(source: string, at: number): { text: string; last: number } {
  let text = '';
  let i = at;
  for (let ch = source[i + 1]; ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r'; ch = source[i + 1]) {
    if (ch === '\r' && source[i + 2] !== '\n') break;
    if (ch === '\n') text += '\n';
    i++;
  }
  return { text: text || ' ', last: i };
}

/**
 * The value of a single-quoted scalar spanning several lines; `source` runs from the opening to
 * the closing quote. Lines are trimmed and joined as in `yaml`: one line break becomes a space,
 * n + 1 become n line breaks; then `''` stands for `'`.
 */
export function foldSingleQuoted(source: string): string {
  const lines = source.slice(1, -1).split('\n');
  let value = trimTrailing((lines[0] as string).replace(/\r$/, ''));
  let sep = ' ';
  for (let i = 1; i < lines.length; i++) {
    const isLast = i === lines.length - 1;
    const raw = lines[i] as string;
    // The last line keeps its trailing spaces (they sit before the closing quote).
    const line = isLast ? trimLeading(raw) : trimLeading(trimTrailing(raw.replace(/\r$/, '')));
    if (isLast) {
      value += sep + line;
    } else if (line === '') {
      if (sep === '\n') value += sep;
      else sep = '\n';
    } else {
      value += sep + line;
      sep = ' ';
    }
  }
  return value.replace(/''/g, "'");
}

function trimTrailing(s: string): string {
  let end = s.length;
  while (end > 0 && (s.charCodeAt(end - 1) === 32 || s.charCodeAt(end - 1) === 9)) end--;
  return s.slice(0, end);
}

function trimLeading(s: string): string {
  let start = 0;
  while (start < s.length && (s.charCodeAt(start) === 32 || s.charCodeAt(start) === 9)) start++;
  return s.slice(start);
}

/**
 * Builds the value of a block scalar from its content lines, with `yaml`'s folding and
 * chomping rules. The caller has already checked the cases this does not cover (explicit
 * indentation indicators, more-indented leading or trailing blank lines, tabs).
 */
export class BlockScalarBuilder {
  private value = '';
  private sep = '';
  private prevMoreIndented = false;
  private started = false;
  private pendingBlanks: number[] = [];

  constructor(private readonly folded: boolean, private readonly trimIndent: number) {}

  /** A line holding only spaces (`spaces` of them). */
  blank(spaces: number): void {
    this.pendingBlanks.push(spaces);
  }

  /** A line with text: `indent` spaces, then `content` (without the line break). */
  line(indent: number, content: string): void {
    const blanks = this.pendingBlanks;
    if (!this.started) {
      // Leading blank lines are kept as line breaks (the caller refused more-indented ones).
      for (let i = 0; i < blanks.length; i++) this.value += '\n';
      this.started = true;
    } else {
      for (let i = 0; i < blanks.length; i++) this.add(blanks[i] as number, '');
    }
    if (blanks.length) this.pendingBlanks = [];
    this.add(indent, content);
  }

  private add(indent: number, content: string): void {
    const extra = indent > this.trimIndent ? ' '.repeat(indent - this.trimIndent) : '';
    if (!this.folded) {
      this.value += this.sep + extra + content;
      this.sep = '\n';
    } else if (indent > this.trimIndent) {
      // A more-indented line inside a folded scalar keeps its line breaks.
      if (this.sep === ' ') this.sep = '\n';
      else if (!this.prevMoreIndented && this.sep === '\n') this.sep = '\n\n';
      this.value += this.sep + extra + content;
      this.sep = '\n';
      this.prevMoreIndented = true;
    } else if (content === '') {
      if (this.sep === '\n') this.value += '\n';
      else this.sep = '\n';
    } else {
      this.value += this.sep + content;
      this.sep = ' ';
      this.prevMoreIndented = false;
    }
  }

  /**
   * The final value. `trailingBreaks` is the number of line breaks after the last text line,
   * which only keep chomping (`+`) preserves.
   */
  finish(chomp: '' | '-' | '+', trailingBreaks: number): string {
    if (chomp === '-') return this.value;
    if (chomp === '+') {
      let value = this.value + '\n'.repeat(trailingBreaks);
      if (value.charCodeAt(value.length - 1) !== 10) value += '\n';
      return value;
    }
    return this.value + '\n';
  }
}
