import { resolveRelative } from '../../core/resolve/uris';

/** What to do with a link the user clicked in the report. */
export type LinkTarget =
  /** A web or mail address: hand it to the system (browser, mail client). */
  | { readonly kind: 'external'; readonly uri: string }
  /** A file next to the document (evidence such as ./evidence/catalogue.md): open it in VS Code. */
  | { readonly kind: 'workspace'; readonly uri: string; readonly fragment?: string }
  /** Anything else (javascript:, data:, command:, file:, or a relative link of an unsaved file): refused. */
  | { readonly kind: 'refused'; readonly reason: string };

const EXTERNAL = /^(https?|mailto):/i;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * Decides where a report link goes. The same rule as the engine's `unsafe-link` check: web
 * addresses and relative paths are fine, every other scheme is refused, so a crafted file cannot
 * make a click run a command or open something outside the user's view.
 */
export function classifyLink(href: string, documentUri: string): LinkTarget {
  const link = href.trim();
  if (!link || link.startsWith('#')) return { kind: 'refused', reason: 'A link inside the report is handled by the preview itself.' };
  // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:"): so does this check.
  // eslint-disable-next-line no-control-regex
  const compact = link.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (compact.startsWith('//')) return classifyLink(`https:${compact}`, documentUri);
  if (EXTERNAL.test(compact)) {
    try {
      return { kind: 'external', uri: new URL(link).toString() };
    } catch {
      return { kind: 'refused', reason: `"${link}" is not a valid web address.` };
    }
  }
  const scheme = SCHEME.exec(compact)?.[1];
  // A one-letter "scheme" is a Windows drive (C:\evidence\x.pdf): an absolute path that only works on one machine.
  if (scheme?.length === 1) return { kind: 'refused', reason: `"${link}" is an absolute path. Write the path relative to the file, so the link works for everyone.` };
  if (scheme) return { kind: 'refused', reason: `Links with the "${scheme}:" scheme do not open from the report. Use an https:// address or a path relative to the file.` };
  if (compact.startsWith('\\')) return { kind: 'refused', reason: `"${link}" is a network path. Write the path relative to the file, or use an https:// address.` };
  if (documentUri.startsWith('untitled:')) return { kind: 'refused', reason: 'Save the file first: relative links are resolved from its folder.' };
  const hash = link.indexOf('#');
  const path = hash < 0 ? link : link.slice(0, hash);
  const fragment = hash < 0 ? undefined : link.slice(hash + 1) || undefined;
  const resolved = path ? resolveRelative(documentUri, path.split('?')[0] as string) : undefined;
  if (!resolved) return { kind: 'refused', reason: `"${link}" is not a usable relative path.` };
  return { kind: 'workspace', uri: resolved, ...(fragment ? { fragment } : {}) };
}
