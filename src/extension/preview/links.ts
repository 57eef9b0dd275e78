import { classifyLink as linkPolicy, resolveRelative } from '../core';

/** What to do with a link the user clicked in the report. */
export type LinkTarget =
  /** A web or mail address: hand it to the system (browser, mail client). */
  | { readonly kind: 'external'; readonly uri: string }
  /** A file next to the document (evidence such as ./evidence/catalogue.md): open it in VS Code. */
  | { readonly kind: 'workspace'; readonly uri: string; readonly fragment?: string }
  /** Anything the link policy refuses, or a relative link of an unsaved file. */
  | { readonly kind: 'refused'; readonly reason: string };

/**
 * Decides where a report link goes. Whether it may open at all is the one link policy's answer
 * (src/core/domain/links.ts, the same the `unsafe-link` rule and the renderers ask): web and mail
 * addresses go to the system, relative paths open next to the document, the rest is refused, so
 * a crafted file cannot make a click run a command or open something outside the user's view.
 */
export function classifyLink(href: string, documentUri: string): LinkTarget {
  const link = href.trim();
  const verdict = linkPolicy(link);
  if (!verdict.safe) return { kind: 'refused', reason: verdict.reason };
  switch (verdict.kind) {
    case 'fragment':
      return { kind: 'refused', reason: 'A link inside the report is handled by the preview itself.' };
    case 'web':
    case 'mail':
      try {
        // eslint-disable-next-line no-control-regex
        const compact = link.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
        return { kind: 'external', uri: new URL(compact.startsWith('//') ? `https:${compact}` : link).toString() };
      } catch {
        return { kind: 'refused', reason: `"${link}" is not a valid web address.` };
      }
    case 'relative': {
      if (documentUri.startsWith('untitled:')) return { kind: 'refused', reason: 'Save the file first: relative links are resolved from its folder.' };
      const hash = link.indexOf('#');
      const path = hash < 0 ? link : link.slice(0, hash);
      const fragment = hash < 0 ? undefined : link.slice(hash + 1) || undefined;
      const resolved = path ? resolveRelative(documentUri, path.split('?')[0] as string) : undefined;
      if (!resolved) return { kind: 'refused', reason: `"${link}" is not a usable relative path.` };
      return { kind: 'workspace', uri: resolved, ...(fragment ? { fragment } : {}) };
    }
  }
}
