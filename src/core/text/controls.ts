/**
 * Characters that never reach an output as themselves, whatever the channel (a terminal, a CI log,
 * GitHub's workflow commands, XML, Markdown, HTML): control characters (C0, DEL and C1: newlines,
 * ESC and CSI, which repaint a terminal), and the invisible layout characters (line and paragraph
 * separators, and the bidirectional controls that show text in another order than it is stored).
 * Each channel's escape shows them as the same visible escape (`\u001b`), from this one definition.
 */

/** Line and paragraph separators, and the bidirectional formatting characters. */
export const INVISIBLE_LAYOUT = '\\u2028\\u2029\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';

/** Every unsafe character (tab, newline and carriage return included), as a global expression. */
export const UNSAFE_CHARACTER = new RegExp(`[\\p{Cc}${INVISIBLE_LAYOUT}]`, 'gu');

/** The same, less tab, newline and carriage return: for channels that keep those as spacing. */
export const UNSAFE_BUT_SPACING = new RegExp(`[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f${INVISIBLE_LAYOUT}]`, 'g');

const SINGLE_UNSAFE = new RegExp(`^[\\p{Cc}${INVISIBLE_LAYOUT}]$`, 'u');

/** Whether one character (a UTF-16 unit) is unsafe; for escapes that walk text one character at a time. */
export function isUnsafeCharacter(ch: string): boolean {
  const code = ch.charCodeAt(0);
  // Nearly every character is printable ASCII: answered without the expression.
  if (code >= 0x20 && code < 0x7f) return false;
  return SINGLE_UNSAFE.test(ch);
}

/** An unsafe character as its visible escape: `\u001b`. */
export function visibleEscape(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
