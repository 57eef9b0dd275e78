import { Composer, Parser } from 'yaml';
import type { CollectionTag, Document, Tags, YAMLError } from 'yaml';
import type { Range } from '../text/range';
import { boundedQuote, excerpt } from '../text/excerpt';
import { YAML_LIMITS } from './limits';

/*
 * How the complete parser calls the `yaml` library, and turns what it says into our terms:
 * composition that stays linear on hostile text, and messages fit to show.
 */

/**
 * `yaml`'s parse into documents, as parseAllDocuments does it, with three changes that keep
 * hostile text linear: repeated keys are left to the conversion (`yaml`'s check compares each
 * key with every earlier one: seconds for a map of 20,000 keys), !!omap likewise, and each
 * document keeps at most YAML_LIMITS.maxIssuesPerDocument problems (a 2 MB line of `"` makes a
 * million of them, each an Error object). Errors are built without stack traces, which nobody
 * reads and which made each one cost microseconds.
 */
export function composeDocuments(text: string): { documents: Document.Parsed[]; streamErrors: readonly YAMLError[] } {
  const composer = new Composer({ uniqueKeys: false, prettyErrors: false, strict: true, customTags: withLinearOmap });
  boundIssues(composer);
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const documents = Array.from(composer.compose(new Parser().parse(text)));
    return { documents, streamErrors: documents.length === 0 ? composer.streamInfo().errors : [] };
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/** The code of the one problem that says a document's other problems were not listed. */
const TOO_MANY_ISSUES = 'TOO_MANY_ISSUES';

/** The parts of `yaml`'s Composer that collect a document's problems (not public API: checked before use). */
interface ComposerIssues {
  onError: (source: unknown, code: string, message: string, warning?: boolean) => void;
  readonly errors: unknown[];
  readonly warnings: unknown[];
}

/**
 * Makes the composer keep at most maxIssuesPerDocument problems for the document it composes,
 * then one that says so. If `yaml` ever stores them differently, nothing is bounded but nothing
 * breaks either (and test/core/yaml/limits.test.ts fails).
 */
function boundIssues(composer: Composer): void {
  const issues = composer as unknown as ComposerIssues;
  const report = issues.onError;
  if (typeof report !== 'function' || !Array.isArray(issues.errors) || !Array.isArray(issues.warnings)) return;
  const max = YAML_LIMITS.maxIssuesPerDocument;
  issues.onError = (source, code, message, warning) => {
    const pending = issues.errors.length + issues.warnings.length;
    if (pending < max) report(source, code, message, warning);
    else if (pending === max) report(source, TOO_MANY_ISSUES, `This document has more than ${max.toLocaleString('en-US')} YAML problems; only the first are listed. Fix those first`, false);
  };
}

export const OMAP_TAG = 'tag:yaml.org,2002:omap';

/**
 * `yaml`'s !!omap checks each key against a list of the earlier ones (quadratic). This one keeps
 * the list of one-key maps as it is; the conversion turns it into a map and finds repeats.
 */
const LINEAR_OMAP: CollectionTag = { tag: OMAP_TAG, collection: 'seq', default: false, resolve: (sequence) => sequence };

function withLinearOmap(tags: Tags): Tags {
  return [LINEAR_OMAP, ...tags.filter((tag) => typeof tag !== 'object' || tag.tag !== OMAP_TAG)];
}
function toRange(r: readonly number[]): Range {
  return { start: r[0] ?? 0, end: r[1] ?? r[0] ?? 0 };
}

/**
 * A range from `yaml`, kept inside the text and in order: it places a problem at the end of the
 * text (an unclosed quote) one character past it, and so the end of an unclosed collection.
 */
export function clampRange(pos: readonly number[], length: number): Range {
  const r = toRange(pos);
  const start = Math.min(Math.max(0, r.start), length);
  return { start, end: Math.min(Math.max(start, r.end), length) };
}

/** How long a `yaml` message may get. */
const MAX_MESSAGE = 240;

/** Where a `yaml` message's position suffix starts: "at line L, column C:" before its code frame. */
const POSITION_SUFFIX = /^\s*at line \d+, column \d+:?\s*$/;

/**
 * Where `yaml` (pinned, see package.json) puts text of the document in a message: the parser's
 * "Unexpected scalar token in YAML stream: "…"", a block scalar header, a tag, an escape or the
 * first character of a value. Group 1 is the message's own words, group 2 the quoted text.
 */
const QUOTES_TEXT = [
  /^(.* in YAML stream|Block scalar header includes extra characters|Unresolved tag): (.+)$/s,
  /^(Invalid escape sequence|Plain value cannot start with) (.+)$/s,
];

/** What each `yaml` problem is, in words that quote nothing: for a text that is not a rubric file's. */
const YAML_PROBLEMS: Readonly<Record<string, string>> = {
  DUPLICATE_KEY: 'A key appears more than once in this map',
  BAD_INDENT: 'The indentation is not valid here',
  TAB_AS_INDENT: 'A tab is used for indentation',
  MISSING_CHAR: 'A character is missing here',
  BAD_DQ_ESCAPE: 'An escape sequence is not valid',
  BAD_SCALAR_START: 'A plain value cannot start with this character',
  TAG_RESOLVE_FAILED: 'A tag is not known',
  MULTILINE_IMPLICIT_KEY: 'An implicit key cannot span several lines',
};

/**
 * `yaml` messages end with "at line L, column C:" and a code frame; we show ranges ourselves.
 * The suffix is found by searching for it, never by a backtracking pattern over the whole message
 * (a 1 MB run of spaces made that one quadratic). Messages that quote the text quote a short
 * excerpt of it, and only when `quote`: the text declares itself a rubric file (apiVersion:
 * rubrics-as-code/v1). Otherwise (a file named by mistake, or read through a link) the message
 * says what is wrong in its own words and quotes nothing: the range shows where.
 */
export function describeYamlError(code: string, message: string, quote: boolean): string {
  const advice: Record<string, string> = {
    DUPLICATE_KEY: ' Each key may appear once in a map; remove or rename one of them.',
    BAD_INDENT: ' Check the indentation of this line against the lines above it.',
    TAB_AS_INDENT: ' Indent with spaces; YAML does not allow tabs for indentation.',
    MISSING_CHAR: '',
  };
  const suffixAdvice = advice[code] ?? '';
  // The problem that says more were left out is in this module's words, not `yaml`'s.
  if (!quote && code !== TOO_MANY_ISSUES) return `${YAML_PROBLEMS[code] ?? 'This is not valid YAML'} (none of the text is quoted: it does not declare apiVersion: rubrics-as-code/v1).${suffixAdvice}`;
  const newline = message.indexOf('\n');
  let first = newline < 0 ? message : message.slice(0, newline);
  const suffix = first.lastIndexOf(' at line ');
  if (suffix >= 0 && POSITION_SUFFIX.test(first.slice(suffix))) first = first.slice(0, suffix);
  first = first.trim();
  for (const shape of QUOTES_TEXT) {
    const match = shape.exec(first);
    if (match) {
      first = `${match[1]}: ${quotedExcerpt(match[2] as string)}`;
      break;
    }
  }
  const plain = boundedQuote(first, MAX_MESSAGE).trim();
  return `${plain.endsWith('.') ? plain : plain + '.'}${suffixAdvice}`;
}

/** A text as `yaml` quoted it (JSON, or as written) as a short excerpt, in quotes. */
function quotedExcerpt(text: string): string {
  let raw = text;
  if (text.startsWith('"') && text.endsWith('"')) {
    try {
      raw = JSON.parse(text) as string;
    } catch {
      // not JSON after all: the text as written
    }
  }
  return `"${excerpt(raw)}"`;
}
