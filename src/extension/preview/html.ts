/**
 * The HTML plumbing of the report preview that does not need VS Code: nonces, the Content
 * Security Policy, the small pages shown when there is no report to show, and splitting the
 * renderer's page into head and body so that updates can swap the body alone.
 *
 * The report itself is rendered by src/core/report; this module never builds report markup.
 */

const NONCE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A fresh random nonce for one page load (32 characters, about 190 bits, from the platform's CSPRNG). */
export function createNonce(): string {
  const bytes = new Uint8Array(32);
  globalThis.crypto.getRandomValues(bytes);
  let nonce = '';
  // 248 is the largest multiple of 62 below 256: rejecting larger bytes keeps every character equally likely.
  for (const byte of bytes) if (byte < 248) nonce += NONCE_ALPHABET[byte % NONCE_ALPHABET.length];
  return nonce.length >= 16 ? nonce : createNonce();
}

/** Escapes text for use in HTML content and in double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

export interface PageSecurity {
  /** This page load's nonce: only elements carrying it may run scripts or add styles. */
  readonly nonce: string;
  /** The webview's own origin for local resources (`webview.cspSource`). */
  readonly cspSource: string;
}

/**
 * The policy of every preview page: nothing loads unless listed; scripts only with the nonce;
 * styles only with the nonce or from the extension's own files; images only from the extension
 * or inline data (the radar chart is inline SVG); no remote origin anywhere.
 */
export function contentSecurityPolicy({ nonce, cspSource }: PageSecurity): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export interface MessagePageOptions extends PageSecurity {
  /** The preview script (a webview URI), so a message page still answers the extension and keeps its state. */
  readonly scriptUri: string;
  readonly heading: string;
  /** Paragraphs under the heading, as plain text. */
  readonly paragraphs?: readonly string[];
  /** Something technical to show in a monospace block (an error message), as plain text. */
  readonly detail?: string;
}

/**
 * A small page for when there is no report to show: no rubric document yet, the file is gone, or
 * the engine failed. All text is escaped; the look follows the VS Code theme.
 */
export function messagePage(options: MessagePageOptions): string {
  const { nonce, scriptUri, heading, paragraphs = [], detail } = options;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(options))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(heading)}</title>
<style nonce="${escapeHtml(nonce)}">
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 1.5em 2em; line-height: 1.5; }
  h1 { font-size: 1.3em; font-weight: 600; margin: 0 0 0.6em; }
  p { max-width: 60em; margin: 0.4em 0; color: var(--vscode-descriptionForeground); }
  pre { max-width: 60em; white-space: pre-wrap; word-break: break-word; padding: 0.6em 0.8em; border-radius: 4px; font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); background: var(--vscode-textCodeBlock-background); border-left: 3px solid var(--vscode-inputValidation-errorBorder, var(--vscode-editorError-foreground)); }
</style>
</head>
<body>
<main class="rubrics-message" role="status">
<h1>${escapeHtml(heading)}</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${detail ? `<pre>${escapeHtml(detail)}</pre>` : ''}
</main>
<script nonce="${escapeHtml(nonce)}" src="${escapeHtml(scriptUri)}"></script>
</body>
</html>`;
}

export interface PageParts {
  /** Everything between <head> and </head>. */
  readonly head: string;
  /** Everything between the <body> tag and </body>. */
  readonly body: string;
}

/**
 * Splits a full page from the trusted renderer into head and body. Safe on renderer output only:
 * the renderer escapes every `<` in user text, so the first `<body` tag and the last `</body>`
 * are the page's own. Returns undefined for anything that is not a complete page.
 */
export function splitPage(html: string): PageParts | undefined {
  const headOpen = /<head(?:\s[^>]*)?>/i.exec(html);
  const headClose = html.search(/<\/head\s*>/i);
  const bodyOpen = /<body(?:\s[^>]*)?>/i.exec(html);
  const bodyClose = html.toLowerCase().lastIndexOf('</body');
  if (!headOpen || headClose < 0 || !bodyOpen || bodyClose < 0) return undefined;
  const headStart = headOpen.index + headOpen[0].length;
  const bodyStart = bodyOpen.index + bodyOpen[0].length;
  if (headClose < headStart || bodyOpen.index < headClose || bodyClose < bodyStart) return undefined;
  return { head: html.slice(headStart, headClose), body: html.slice(bodyStart, bodyClose) };
}

/**
 * Whether two pages can share one loaded page, the second one arriving as a body swap: their
 * heads (styles, policy) must be the same once each page's own nonce is set aside. The title
 * is ignored because the panel shows its own title.
 */
export function sameShell(a: PageParts, aNonce: string, b: PageParts, bNonce: string): boolean {
  return normalizeHead(a.head, aNonce) === normalizeHead(b.head, bNonce);
}

function normalizeHead(head: string, nonce: string): string {
  const withoutNonce = nonce ? head.split(nonce).join('\u0000nonce\u0000') : head;
  return withoutNonce.replace(/<title>[\s\S]*?<\/title>/i, '').trim();
}
