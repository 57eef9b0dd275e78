/**
 * Text from people's files, as the CLI prints it. A YAML key, a title or a file name can hold
 * anything: a newline followed by `::error file=…::` (a line the GitHub Actions runner obeys),
 * `##[stop-commands]` or `##vso[…]` (obeyed anywhere in a line by the GitHub and Azure runners),
 * ANSI escapes that repaint a terminal, bidirectional controls that show text in another order
 * than it is stored, or a megabyte of one key. Every output of the CLI passes user text through
 * here, so each of those is handled once for all formats.
 */

import { LOG_COMMAND, UNSAFE_BUT_SPACING, UNSAFE_CHARACTER, visibleEscape, WORKFLOW_COMMAND_START } from './core';

/** The most characters of one text the CLI prints; the middle of a longer one is left out. */
export const MAX_PRINTED_LENGTH = 1000;
const KEPT_HEAD = 600;
const KEPT_TAIL = 300;


const NAMED_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * One line of text that is safe in a terminal and in any CI log, at most about
 * MAX_PRINTED_LENGTH characters of the original: unsafe characters are shown as escapes
 * (`\n`, `\u001b`, `\u202e`), the second `#` of a log command as `\u0023`, a `:` that would start
 * a workflow command as `\u003a`, and the middle of an over-long text as a count of what was
 * left out. Work is proportional to what is printed, not to the length of the text.
 */
export function printable(text: string): string {
  if (text.length <= MAX_PRINTED_LENGTH) return escapeVisibly(text);
  const head = text.slice(0, cutBefore(text, KEPT_HEAD));
  const tail = text.slice(cutBefore(text, text.length - KEPT_TAIL));
  const omitted = text.length - head.length - tail.length;
  return `${escapeVisibly(head)}…(${omitted.toLocaleString('en-US')} characters left out)…${escapeVisibly(tail, false)}`;
}

/**
 * A path for the start of a line (the `file:line:column` of the stylish format): printable,
 * and given a leading `./` instead of an escape when it would start a workflow command, so it
 * stays a path that terminals can open.
 */
export function printablePath(path: string): string {
  return printable(WORKFLOW_COMMAND_START.test(path) ? `./${path}` : path);
}

/**
 * JSON output (validate's json and sarif, report and diff as json) made safe to print without
 * changing what it means: the same unsafe characters, and the `#` of a log command, become
 * JSON `\uXXXX` escapes, which any JSON reader turns back into the original text. Those
 * characters only occur inside JSON strings (JSON.stringify already escapes the rest of C0
 * there), so this works on any JSON text.
 */
export function printableJson(json: string): string {
  // JSON text has tab, newline and carriage return only as spacing between values: those stay.
  return json.replace(UNSAFE_BUT_SPACING, visibleEscape).replace(LOG_COMMAND, '#\\u0023');
}

function escapeVisibly(text: string, atLineStart = true): string {
  const escaped = text.replace(UNSAFE_CHARACTER, (ch) => NAMED_ESCAPES[ch] ?? visibleEscape(ch)).replace(LOG_COMMAND, '#\\u0023');
  return atLineStart ? escaped.replace(WORKFLOW_COMMAND_START, '$1\\u003a:') : escaped;
}

/** `index`, moved back by one when it would split a surrogate pair. */
function cutBefore(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff && index > 0 ? index - 1 : index;
}
