import { attr, escapeHtml } from './escape';
import { cspHash } from './sha256';

/**
 * The one builder of HTML pages and of their Content-Security-Policy: the standalone report, the
 * report in the preview, and the preview's message pages all come from here. Nothing loads unless
 * the policy lists it: styles by this page's nonce (or, for a static file, by hash), the preview's
 * one script by nonce, images only inline (data: and SVG), no remote origin, no base, no forms.
 */

export type PageMode = 'webview' | 'standalone';

export interface PageSecurity {
  /** This page load's nonce (webview pages): only elements that carry it may run or add styles. */
  readonly nonce?: string;
  /** The webview's origin for local resources (`webview.cspSource`). */
  readonly cspSource?: string;
  /** The preview script, as a webview URI. */
  readonly scriptUri?: string;
  /** An extra style sheet from the extension (allowed by `cspSource`). */
  readonly styleUri?: string;
}

export interface PageOptions extends PageSecurity {
  readonly mode: PageMode;
  readonly title: string;
  /** The page's one style sheet. */
  readonly css: string;
  readonly lang?: string;
}

/** Nonces are base64 or alphanumeric; anything else would break out of the policy string. */
const NONCE_PATTERN = /^[A-Za-z0-9+/=_-]{8,200}$/;
/**
 * A webview's resource origin looks like `https://*.vscode-cdn.net`; VS Code 1.139 gives
 * `'self' https://*.vscode-cdn.net`. Accept space-separated origins and the one keyword 'self';
 * refuse other keywords (no 'unsafe-inline') and separators that would start a new directive.
 */
const CSP_SOURCE_PATTERN = /^(?:'self'|[A-Za-z0-9*+.:/_-]{1,200})(?: (?:'self'|[A-Za-z0-9*+.:/_-]{1,200})){0,7}$/;

function checked(security: PageSecurity): { nonce?: string; cspSource?: string } {
  if (security.nonce !== undefined && !NONCE_PATTERN.test(security.nonce)) throw new Error('The page nonce must be 8 to 200 base64 or alphanumeric characters.');
  if (security.cspSource !== undefined && !CSP_SOURCE_PATTERN.test(security.cspSource)) throw new Error('The cspSource of a page is not a plain origin.');
  return { ...(security.nonce !== undefined ? { nonce: security.nonce } : {}), ...(security.cspSource !== undefined ? { cspSource: security.cspSource } : {}) };
}

/** The policy of a page with this style sheet. */
export function contentSecurityPolicy(mode: PageMode, security: PageSecurity, css: string): string {
  const { nonce, cspSource } = checked(security);
  const webview = mode === 'webview';
  const origin = webview && cspSource ? `${cspSource} ` : '';
  // Styles by nonce when there is one, else by hash (a static file has no nonce to offer).
  const styles = nonce ? `'nonce-${nonce}'` : cspHash(css);
  return [
    "default-src 'none'",
    `style-src ${origin}${styles}`,
    ...(webview && nonce ? [`script-src 'nonce-${nonce}'`] : []),
    `img-src ${origin}data:`,
    ...(webview && cspSource ? [`font-src ${cspSource}`] : []),
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** A whole page: its policy, its one style sheet, the body, and in a webview the preview script. */
export function htmlPage(options: PageOptions, body: string): string {
  const csp = contentSecurityPolicy(options.mode, options, options.css);
  const { nonce } = checked(options);
  const webview = options.mode === 'webview';
  const script = webview && nonce && options.scriptUri ? `<script nonce="${escapeHtml(nonce)}" src="${escapeHtml(options.scriptUri)}"></script>` : '';
  const extraStyle = webview && options.styleUri ? `<link rel="stylesheet" href="${escapeHtml(options.styleUri)}">` : '';
  return (
    `<!DOCTYPE html>\n<html lang="${escapeHtml(options.lang ?? 'en')}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta name="color-scheme" content="${webview ? 'normal' : 'light dark'}">\n` +
    `<title>${escapeHtml(options.title)}</title>\n` +
    `<style${attr('nonce', nonce)}>${options.css}</style>\n${extraStyle}` +
    `</head>\n<body>\n${body}\n${script}</body>\n</html>\n`
  );
}

/**
 * What a page's shell (everything but the body) depends on, as a short key: pages with the same
 * key differ only in their body, so a preview can swap the body in instead of loading a page.
 */
export function shellKey(mode: PageMode, css: string): string {
  return `${mode}:${cspHash(css)}`;
}
