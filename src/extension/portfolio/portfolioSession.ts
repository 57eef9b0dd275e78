import { escapeHtml, type PageSecurity, portfolioPage } from '../core';
import type { PortfolioView } from '../../server/protocol';
import { openTarget, parsePortfolioPageMessage, type PortfolioHostMessage } from '../../webview/portfolioProtocol';
import { errorText } from '../preview/describe';
import { createNonce } from '../preview/html';
import { RenderScheduler } from '../preview/renderScheduler';

/** The webview side of a portfolio panel, as the session sees it (a VS Code webview panel in the extension). */
export interface PortfolioPage {
  readonly cspSource: string;
  /** The panel's script as a webview URI. */
  readonly scriptUri: string;
  /** Whether the page is on screen; a hidden page is not rendered until it shows again. */
  readonly visible: boolean;
  /** Loads a whole new page (the webview reloads and its script says "ready" again). */
  setHtml(html: string): void;
  postMessage(message: PortfolioHostMessage): void;
}

/** How the panel gets its view: the language server's portfolio of the workspace or of a folder. Rejects when none can be made. */
export type PortfolioSource = () => Promise<PortfolioView>;

/** What the panel says itself (given by the extension, in VS Code's display language). */
export interface PortfolioTexts {
  /** The page's title and the words shown until the first view arrives. */
  readonly title: string;
  readonly loading: string;
  /** The banner when the view could not be made or updated, for `reason`. */
  failed(reason: string): string;
}

export interface PortfolioSessionOptions {
  /** Quiet time after a change before rendering again, so a burst of changes (the workspace scan, typing) renders once. */
  readonly delayMs: number;
  /** The folder the panel shows (a URI), when not the whole workspace: the page saves it, so a reload restores it. */
  readonly folder?: string;
  readonly texts: PortfolioTexts;
  readonly log?: (message: string) => void;
}

/**
 * The state of one portfolio panel: what its page shows, and how a new view reaches it.
 * - The page is loaded once (with a fresh nonce) and every view after that is sent as a new body,
 *   so the reader keeps their scroll position; renders never overlap, and changes that come while
 *   one runs are merged into one more (RenderScheduler).
 * - A hidden page is not rendered; it is brought up to date when it shows again.
 * - A click opens only an assessment of the last view sent (see openTarget).
 * - A failure never blanks the panel: the last view stays, with a banner that says why.
 *
 * Pure logic over two small interfaces, so it is tested without VS Code.
 */
export class PortfolioSession {
  private ready = false;
  private latest: PortfolioView | undefined;
  /** The view the page shows, as far as the session knows. */
  private shown: PortfolioView | undefined;
  /** The assessments of the last view sent: the files a click may open. */
  private files: ReadonlySet<string> = new Set();
  private notice: string | undefined;
  private stale = false;
  private disposed = false;
  private readonly scheduler: RenderScheduler;

  constructor(
    private readonly page: PortfolioPage,
    private readonly source: PortfolioSource,
    private readonly options: PortfolioSessionOptions,
  ) {
    this.scheduler = new RenderScheduler(options.delayMs, () => this.renderNow(), (error) => this.options.log?.(`Portfolio: ${errorText(error)}`));
  }

  /** Loads the page and asks for the first view at once. */
  start(): void {
    this.loadPage();
    this.scheduler.schedule(true);
  }

  /** What the portfolio is built from changed: render again after the quiet time. */
  changed(): void {
    this.scheduler.schedule();
  }

  /** The panel was shown or hidden: a hidden webview loses its page, which says "ready" when it is back. */
  visibilityChanged(): void {
    if (!this.page.visible) {
      this.ready = false;
      this.shown = undefined;
      return;
    }
    if (this.stale) this.scheduler.schedule(true);
  }

  /**
   * A message from the page, checked: `ready` sends the latest view, `open` answers where to open
   * (an assessment of the view sent, at an offset in it); anything else is left out, with a line
   * in the log.
   */
  pageMessage(raw: unknown): { readonly uri: string; readonly offset: number } | undefined {
    const message = parsePortfolioPageMessage(raw);
    if (!message) {
      this.options.log?.('Portfolio: ignored a message of unexpected shape from the panel.');
      return undefined;
    }
    if (message.type === 'ready') {
      this.ready = true;
      this.shown = undefined;
      this.send();
      return undefined;
    }
    const target = openTarget(message, this.files);
    if (!target) this.options.log?.('Portfolio: ignored a request to open a file the portfolio does not show.');
    return target;
  }

  dispose(): void {
    this.disposed = true;
    this.scheduler.dispose();
  }

  private loadPage(): void {
    this.ready = false;
    this.shown = undefined;
    const body = `<main class="report portfolio"><p class="muted" role="status">${escapeHtml(this.options.texts.loading)}</p></main>`;
    this.page.setHtml(portfolioPage(body, this.options.texts.title, this.security()));
  }

  private security(): PageSecurity {
    return { nonce: createNonce(), cspSource: this.page.cspSource, scriptUri: this.page.scriptUri };
  }

  private async renderNow(): Promise<void> {
    if (this.disposed) return;
    if (!this.page.visible) {
      this.stale = true;
      return;
    }
    this.stale = false;
    let view: PortfolioView;
    try {
      view = await this.source();
    } catch (error) {
      this.setNotice(this.options.texts.failed(errorText(error)));
      this.options.log?.(`Portfolio: ${errorText(error)}`);
      return;
    }
    if (this.disposed) return;
    this.latest = view;
    this.setNotice(undefined);
    this.send();
  }

  /** Sends the latest view to a ready page that does not show it yet. */
  private send(): void {
    const view = this.latest;
    if (!this.ready || !view || this.shown === view) {
      if (this.ready && this.notice !== undefined) this.page.postMessage({ type: 'notice', message: this.notice });
      return;
    }
    this.files = new Set(view.files);
    this.shown = view;
    this.page.postMessage({ type: 'update', body: view.body, generation: view.generation, ...(this.options.folder !== undefined ? { folder: this.options.folder } : {}) });
    if (this.notice !== undefined) this.page.postMessage({ type: 'notice', message: this.notice });
  }

  private setNotice(message: string | undefined): void {
    if (message === this.notice) return;
    this.notice = message;
    if (this.ready) this.page.postMessage({ type: 'notice', ...(message !== undefined ? { message } : {}) });
  }
}
