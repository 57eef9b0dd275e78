import { unescapeAll } from 'markdown-it/lib/common/utils.mjs';
import type { Evidence } from '../format/types';
import { excerpt } from '../text/excerpt';

/**
 * The one link policy: which links in a document (evidence, references, links in Markdown text)
 * a report may make clickable. The `unsafe-link` rule, every renderer and the preview's click
 * handler ask this, so a link is refused or allowed the same way everywhere.
 *
 * Allowed: web addresses (http, https, and `//host` which browsers complete with https), mail
 * addresses (mailto), links inside the page (`#part`) and paths relative to the document.
 * Refused: every other scheme (javascript:, data:, vbscript:, file:, command:, custom schemes),
 * Windows drive paths (`C:\…`, absolute on one machine only) and network paths (`\\server\share`).
 * Browsers drop ASCII whitespace and control characters inside a scheme ("java\tscript:"), so
 * they are removed before the scheme is read, after character references and backslash escapes
 * are decoded as a Markdown renderer decodes them ("java&#115;cript:", "javascript&colon;").
 */
export type LinkKind = 'web' | 'mail' | 'fragment' | 'relative';

export type LinkVerdict =
  | { readonly safe: true; readonly kind: LinkKind }
  | { readonly safe: false; readonly reason: string };

const WEB_SCHEMES = new Set(['http', 'https']);

// The safe verdicts carry nothing of the link, so one object of each serves every link (an
// assessment's hundreds of evidence links are checked on every keystroke and in every CI run).
const WEB: LinkVerdict = Object.freeze({ safe: true, kind: 'web' });
const MAIL: LinkVerdict = Object.freeze({ safe: true, kind: 'mail' });
const FRAGMENT: LinkVerdict = Object.freeze({ safe: true, kind: 'fragment' });
const RELATIVE: LinkVerdict = Object.freeze({ safe: true, kind: 'relative' });

// eslint-disable-next-line no-control-regex
const BLANK_OR_CONTROL = /[\u0000-\u0020\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const EVERY_BLANK_OR_CONTROL = /[\u0000-\u0020\u007f-\u009f]/g;

export function classifyLink(url: string): LinkVerdict {
  // What a renderer follows: CommonMark decodes character references and backslash escapes in a
  // link's destination, so `java&#115;cript:`, `javascript&colon;` and `javascript\:` are all
  // `javascript:` (a link with neither & nor \ is returned as it is, at no cost).
  const decoded = unescapeAll(url);
  // Looked for before replacing: nearly no link has any, and a test is far cheaper than a replace.
  const compact = BLANK_OR_CONTROL.test(decoded) ? decoded.replace(EVERY_BLANK_OR_CONTROL, '') : decoded;
  if (compact === '') return { safe: false, reason: 'The link is empty.' };
  // Most links are written `https://…`: known without the scheme's regular expression.
  if (compact.startsWith('https:') || compact.startsWith('http:')) return WEB;
  if (compact.startsWith('#')) return FRAGMENT;
  if (compact.startsWith('//')) return WEB;
  if (compact.startsWith('\\')) return { safe: false, reason: `"${excerpt(url.trim())}" is a network path, which only opens on some machines. Use an https:// address or a path relative to this file.` };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
  if (scheme === undefined) return RELATIVE;
  if (WEB_SCHEMES.has(scheme)) return WEB;
  if (scheme === 'mailto') return MAIL;
  if (scheme.length === 1) return { safe: false, reason: `"${excerpt(url.trim())}" is an absolute path on one machine. Write the path relative to this file, so the link works for everyone.` };
  return { safe: false, reason: `Links with the "${scheme}:" scheme are refused in reports. Use an https:// address or a path relative to this file.` };
}

/** Whether a link may become clickable in a report. */
export function isSafeUrl(url: string): boolean {
  return classifyLink(url).safe;
}

/** Whether a safe link leaves the document for the web (it then opens with rel="noopener noreferrer"). */
export function isExternalUrl(url: string): boolean {
  const verdict = classifyLink(url);
  return verdict.safe && verdict.kind === 'web';
}

/** The address of an evidence entry, written as a plain link or as `{ title, url }`. */
export function evidenceUrl(evidence: Evidence): string {
  return typeof evidence === 'string' ? evidence : evidence.url;
}
