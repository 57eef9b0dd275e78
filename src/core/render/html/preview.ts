import { htmlPage, shellKey, type PageSecurity } from './page';
import { reportCss } from './styles';

/**
 * The preview's page shell, apart from the report renderers: the extension builds the page around
 * a body that the language server rendered, and so needs none of the renderers (nor markdown-it).
 */

/** What the preview needs of a report: its body, the shell it goes in, its title, and whether the document has errors. */
export interface PreviewReport {
  /**
   * The report's body; absent when the document has errors and the caller said it keeps an
   * earlier valid report to show instead (rendering a large body only to drop it is most of the
   * preview's time after a keystroke that makes an error).
   */
  readonly body?: string;
  /** Reports with the same key share a page shell (styles, policy): a new one is a body swap. */
  readonly shellKey: string;
  readonly title: string;
  /** Errors of the document; the preview keeps showing the last report without any while there are some. */
  readonly errors: number;
}

/** The preview's page for a report: the webview shell, with this load's nonce, around its body. */
export function previewPage(report: { readonly body: string; readonly title: string }, security: PageSecurity): string {
  return htmlPage({ ...security, mode: 'webview', title: report.title, css: reportCss('webview') }, report.body);
}

let webviewKey: string | undefined;
export function webviewShellKey(): string {
  webviewKey ??= shellKey('webview', reportCss('webview'));
  return webviewKey;
}

