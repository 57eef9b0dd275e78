import type { ExtensionMessage } from '../../webview/protocol';
import { createNonce, messagePage, sameShell, splitPage, type PageParts } from './html';
import { RenderScheduler } from './renderScheduler';

/** The webview side of a preview, as the session sees it (a VS Code webview panel in the extension). */
export interface PreviewPage {
  readonly cspSource: string;
  /** The preview script as a webview URI. */
  readonly scriptUri: string;
  /** Whether the page is on screen; hidden pages are not rendered until they show again. */
  readonly visible: boolean;
  /** Loads a whole new page (the webview reloads and its script says "ready" again). */
  setHtml(html: string): void;
  postMessage(message: ExtensionMessage): void;
}

/** Renders the report of a document as a full HTML page; rejects when the engine cannot. */
export type RenderReport = (uri: string, security: { nonce: string; cspSource: string; scriptUri: string }) => Promise<string>;

export interface PreviewSessionOptions {
  /** Quiet time after an analysis before rendering, so typing does not render every keystroke. */
  readonly delayMs: number;
  /** A short name of a document for messages (its file name). */
  readonly describe: (uri: string) => string;
  /** Where failures are logged for the user (the output channel). */
  readonly log?: (message: string) => void;
}

interface LoadedPage {
  readonly kind: 'report' | 'message';
  readonly nonce: string;
  /** The document the page was loaded for (none for the "nothing to preview" page). */
  readonly uri?: string;
  /** Head and body of a report page, as loaded. */
  readonly parts?: PageParts;
}

/**
 * The state of one report preview: which document it follows, what its page shows, and how a new
 * analysis reaches the screen. A report whose page shell (styles, policy) is unchanged is sent to
 * the page as a new body, so the reader keeps their scroll position; anything else loads a fresh
 * page with a fresh nonce. Failures never blank the preview: an earlier report stays with a notice
 * above it, or a page explains what went wrong.
 *
 * Pure logic over two small interfaces, so it is tested without VS Code.
 */
export class PreviewSession {
  private documentUri: string | undefined;
  private loaded: LoadedPage | undefined;
  /** Whether the loaded page's script has said "ready" (messages before that would be lost). */
  private ready = false;
  /** The newest report body and its document, which the page should show. */
  private latest: { uri: string; body: string } | undefined;
  /** What the page shows right now, as far as the session knows. */
  private shown: { uri: string; body: string } | undefined;
  private notice: string | undefined;
  private noticeShown: string | undefined;
  /** A render was skipped because the page was hidden. */
  private stale = false;
  private disposed = false;
  private readonly scheduler: RenderScheduler;

  constructor(
    private readonly page: PreviewPage,
    private readonly render: RenderReport,
    private readonly options: PreviewSessionOptions,
  ) {
    this.scheduler = new RenderScheduler(options.delayMs, () => this.renderNow(), (error) => this.options.log?.(`Preview: ${errorText(error)}`));
  }

  /** The document the preview follows. */
  get uri(): string | undefined {
    return this.documentUri;
  }

  /** Follows another document (or refreshes this one), rendering right away. */
  show(uri: string): void {
    this.documentUri = uri;
    this.scheduler.schedule(true);
  }

  /** Shows the page that invites the user to open a rubric document. */
  showNothing(): void {
    this.documentUri = undefined;
    this.loadPage('message', createNonce(), (nonce) =>
      messagePage({
        ...this.security(nonce),
        heading: 'No rubric document to preview',
        paragraphs: [
          'Open a rubric, an assessment or a plan (a YAML file that starts with "apiVersion: rubrics-as-code/v1") and the report appears here.',
          'The preview follows the rubric document you are editing and updates as you type.',
        ],
      }),
    );
  }

  /** A document was analyzed again: re-render once typing pauses, if it is the one shown. */
  documentChanged(uri: string): void {
    if (uri === this.documentUri) this.scheduler.schedule();
  }

  /**
   * The panel was shown or hidden. A hidden webview is destroyed (the preview keeps no context
   * when hidden, to spare memory) and reloads from its last HTML when shown again.
   */
  visibilityChanged(): void {
    if (!this.page.visible) {
      this.ready = false;
      this.noticeShown = undefined;
      const loaded = this.loaded;
      this.shown = loaded?.kind === 'report' && loaded.uri !== undefined && loaded.parts ? { uri: loaded.uri, body: loaded.parts.body } : undefined;
      return;
    }
    if (this.stale) this.scheduler.schedule(true);
  }

  /** The page's script loaded and listens. */
  pageReady(): void {
    this.ready = true;
    // A page that was reloaded (hidden, then shown) starts from the HTML it was loaded with;
    // bring it up to date. The update names its document, so the page restores that document's
    // scroll position; otherwise tell the page which document its HTML shows.
    if (this.latest && (this.latest.uri !== this.shown?.uri || this.latest.body !== this.shown.body)) this.postBody(this.latest);
    else if (this.loaded?.uri !== undefined) this.page.postMessage({ type: 'document', uri: this.loaded.uri });
    if (this.notice !== undefined) this.postNotice(this.notice);
    else this.noticeShown = undefined;
  }

  dispose(): void {
    this.disposed = true;
    this.scheduler.dispose();
  }

  private security(nonce: string) {
    return { nonce, cspSource: this.page.cspSource, scriptUri: this.page.scriptUri };
  }

  private async renderNow(): Promise<void> {
    const uri = this.documentUri;
    if (this.disposed || uri === undefined) return;
    if (!this.page.visible) {
      this.stale = true;
      return;
    }
    this.stale = false;
    const nonce = createNonce();
    let html: string;
    try {
      html = await this.render(uri, this.security(nonce));
    } catch (error) {
      if (!this.disposed && uri === this.documentUri) this.showFailure(uri, error);
      return;
    }
    // A newer request (another document, or the panel closed) supersedes this result.
    if (this.disposed || uri !== this.documentUri) return;
    this.setNotice(undefined);
    const parts = splitPage(html);
    const loaded = this.loaded;
    if (parts && loaded?.kind === 'report' && loaded.parts && sameShell(loaded.parts, loaded.nonce, parts, nonce)) {
      this.latest = { uri, body: parts.body };
      if (this.ready) this.postBody(this.latest);
      return;
    }
    this.loadPage('report', nonce, () => html, uri, parts);
  }

  private loadPage(kind: LoadedPage['kind'], nonce: string, build: (nonce: string) => string, uri?: string, parts?: PageParts): void {
    this.ready = false;
    this.noticeShown = undefined;
    this.loaded = { kind, nonce, ...(uri !== undefined ? { uri } : {}), ...(parts ? { parts } : {}) };
    this.latest = kind === 'report' && uri !== undefined && parts ? { uri, body: parts.body } : undefined;
    this.shown = this.latest;
    this.page.setHtml(build(nonce));
  }

  private postBody(body: { uri: string; body: string }): void {
    this.page.postMessage({ type: 'update', uri: body.uri, body: body.body });
    this.shown = body;
  }

  private setNotice(message: string | undefined): void {
    this.notice = message;
    if (this.ready && this.noticeShown !== message) this.postNotice(message);
  }

  private postNotice(message: string | undefined): void {
    this.page.postMessage(message === undefined ? { type: 'notice' } : { type: 'notice', message });
    this.noticeShown = message;
  }

  private showFailure(uri: string, error: unknown): void {
    const reason = errorText(error);
    this.options.log?.(`Preview of ${this.options.describe(uri)} failed: ${reason}`);
    // Keep an earlier report of the same document on screen, flagged as out of date.
    if (this.loaded?.kind === 'report' && this.latest?.uri === uri) {
      this.setNotice(`The report could not be updated, so it shows an earlier version. ${reason}`);
      return;
    }
    this.notice = undefined;
    this.loadPage('message', createNonce(), (nonce) =>
      messagePage({
        ...this.security(nonce),
        heading: `The report of ${this.options.describe(uri)} could not be rendered`,
        paragraphs: [
          'The engine that checks and scores the file did not produce a report. Problems in the file itself appear in the Problems panel; this is something else.',
          'Edit the file or run "Rubrics: Show Output" for details. The preview tries again on the next change.',
        ],
        detail: reason,
      }),
      uri,
    );
  }
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return typeof error === 'string' ? error : 'Unknown error.';
}
