import type { Evidence } from '../format/types';
import type { ReportLink } from '../report/model';

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/**
 * Whether a link may become clickable in a report: http, https, mailto, or a relative link
 * (no scheme). Everything else (javascript:, data:, vbscript:, file:, custom schemes) is shown
 * as text. Browsers drop ASCII whitespace and control characters inside a scheme
 * ("java\tscript:"), so they are removed before the scheme is read.
 */
export function isSafeUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (compact === '') return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1];
  if (scheme === undefined) return !compact.startsWith('\\');
  return SAFE_SCHEMES.has(scheme.toLowerCase());
}

/** Whether a safe link leaves the document (an absolute web address). */
export function isExternalUrl(url: string): boolean {
  return /^\s*(https?:)?\/\//i.test(url);
}

export function reportLink(evidence: Evidence): ReportLink {
  if (typeof evidence === 'string') return { url: evidence, safe: isSafeUrl(evidence) };
  return { url: evidence.url, ...(evidence.title ? { title: evidence.title } : {}), safe: isSafeUrl(evidence.url) };
}
