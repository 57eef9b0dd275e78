/**
 * The preview's own pages, for when there is no report to show. They are built, with their
 * policy, by the core's one page builder (src/core/render/html/page.ts), as report pages are.
 */
import { escapeHtml, htmlPage, type PageSecurity, shellKey } from '../core';

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

export interface MessagePageOptions extends PageSecurity {
  readonly heading: string;
  /** Paragraphs under the heading, as plain text. */
  readonly paragraphs?: readonly string[];
  /** Something technical to show in a monospace block (an error message), as plain text. */
  readonly detail?: string;
}

const MESSAGE_CSS = `
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 1.5em 2em; line-height: 1.5; }
  h1 { font-size: 1.3em; font-weight: 600; margin: 0 0 0.6em; }
  p { max-width: 60em; margin: 0.4em 0; color: var(--vscode-descriptionForeground); }
  pre { max-width: 60em; white-space: pre-wrap; word-break: break-word; padding: 0.6em 0.8em; border-radius: 4px; font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); background: var(--vscode-textCodeBlock-background); border-left: 3px solid var(--vscode-inputValidation-errorBorder, var(--vscode-editorError-foreground)); }
`;

/** The shell key of message pages: a report never shares their shell, so it always loads its own page. */
export const MESSAGE_SHELL_KEY = shellKey('webview', MESSAGE_CSS);

/**
 * A small page for when there is no report to show: no rubric document yet, the file is gone, or
 * the engine failed. All text is escaped; the look follows the VS Code theme; the preview script
 * runs on it too, so the page still answers the extension and keeps its state.
 */
export function messagePage(options: MessagePageOptions): string {
  const { heading, paragraphs = [], detail } = options;
  const body = [
    '<main class="rubrics-message" role="status">',
    `<h1>${escapeHtml(heading)}</h1>`,
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    detail ? `<pre>${escapeHtml(detail)}</pre>` : '',
    '</main>',
  ].join('\n');
  return htmlPage({ ...options, mode: 'webview', title: heading, css: MESSAGE_CSS }, body);
}
