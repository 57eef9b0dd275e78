import { bodyPatch, previewPage, type PreviewReport } from '../core';
import type { DocumentVersion, ExtensionMessage, NewAssessorField, PreviewView } from '../../webview/protocol';
import { errorText } from './describe';
import { createNonce, MESSAGE_SHELL_KEY, messagePage } from './html';
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

/** The report of one version of a document, as the preview gets it. */
export interface DocumentReport extends PreviewReport, DocumentVersion {}

/** What the preview asks of a report. */
export interface ReportRequest {
  /**
   * The preview holds a valid report of the document, which it shows while the document has
   * errors: a report with errors may come without its body.
   */
  readonly omitBodyOnErrors: boolean;
  /** Which view of an assessment to show (other documents show their report whatever it is). */
  readonly view: PreviewView;
  /** In the questionnaire: whose answers it edits (an assessor's id); absent, the assessment's agreed answers. */
  readonly assessor?: string;
}

/**
 * How the preview gets a report: the one thing it needs from whatever analyses documents (the
 * language server). Rejects when no report can be made.
 */
export type ReportSource = (uri: string, request: ReportRequest) => Promise<DocumentReport>;

/** A page of explanation: a heading and its paragraphs. */
export interface PreviewMessage {
  readonly heading: string;
  readonly paragraphs: readonly string[];
}

/** What the preview says to the reader (given by the extension, in VS Code's display language). */
export interface PreviewTexts {
  nothingToPreview(): PreviewMessage;
  /** The banner over the last valid report while the document has `errors` errors. */
  showingLastValid(errors: number): string;
  /** The banner over an earlier report when an update failed for `reason`. */
  showingEarlier(reason: string): string;
  /** The page when the report of the file named `name` could not be made. */
  notRendered(name: string): PreviewMessage;
  reportWithoutBody(): string;
}

export interface PreviewSessionOptions {
  /** Quiet time after an analysis before rendering, so typing does not render every keystroke. */
  readonly delayMs: number;
  /** A short name of a document for messages (its file name). */
  readonly describe: (uri: string) => string;
  readonly texts: PreviewTexts;
  /** Where failures are logged for the user (the output channel). */
  readonly log?: (message: string) => void;
}

/** A report as the page shows it. */
interface Shown extends DocumentVersion {
  readonly body: string;
}

interface LoadedPage {
  readonly shellKey: string;
  /** The report the page was loaded with (none for a message page). */
  readonly report?: Shown;
}

/** How many documents' last valid reports are kept, for switching back to a document while it has errors. */
const MAX_KEPT_REPORTS = 8;

/**
 * The state of one report preview: which document it follows, what its page shows, and how a new
 * report reaches the screen.
 * - A report whose page shell (styles, policy) is the loaded one is sent as a new body, so the
 *   reader keeps their scroll position; the page is reloaded (with a fresh nonce) only when the
 *   shell changes.
 * - While a document has errors, the preview keeps its last valid report, with a banner that says
 *   so, rather than swapping in a report of the problems (and losing the reader's place); a
 *   document that never was valid shows its problems.
 * - Failures never blank the preview: an earlier report stays with a banner, or a page explains.
 * - Every message names the document and version it is about; clicks on a page are applied only
 *   to the document that page shows.
 *
 * Pure logic over two small interfaces, so it is tested without VS Code.
 */
export class PreviewSession {
  private documentUri: string | undefined;
  private loaded: LoadedPage | undefined;
  /** Whether the loaded page's script has said "ready" (messages before that would be lost). */
  private ready = false;
  /** The newest report the page should show. */
  private latest: Shown | undefined;
  /** What the page shows right now, as far as the session knows. */
  private shown: Shown | undefined;
  /** The last valid report of each document and view, by `keyOf`. */
  private readonly lastValid = new Map<string, DocumentReport>();
  private currentView: PreviewView = 'report';
  private currentAssessor: string | undefined;
  private notice: string | undefined;
  private noticeShown: string | undefined;
  /** A render was skipped because the page was hidden. */
  private stale = false;
  private disposed = false;
  private readonly scheduler: RenderScheduler;

  constructor(
    private readonly page: PreviewPage,
    private readonly source: ReportSource,
    private readonly options: PreviewSessionOptions,
  ) {
    this.scheduler = new RenderScheduler(options.delayMs, () => this.renderNow(), (error) => this.options.log?.(`Preview: ${errorText(error)}`));
  }

  /** The document the preview follows. */
  get uri(): string | undefined {
    return this.documentUri;
  }

  /** The view the preview shows of assessments: their report or their questionnaire. */
  get view(): PreviewView {
    return this.currentView;
  }

  /** Whose answers the questionnaire edits: an assessor's id, or undefined for the assessment's agreed answers. */
  get assessor(): string | undefined {
    return this.currentAssessor;
  }

  /** Edits another assessor's answers in the questionnaire (undefined: the agreed answers), rendering right away. */
  setAssessor(assessor: string | undefined): void {
    if (assessor === this.currentAssessor) return;
    this.currentAssessor = assessor;
    this.setNotice(undefined);
    if (this.documentUri !== undefined) this.scheduler.schedule(true);
  }

  /** Switches between an assessment's report and its questionnaire, rendering right away. */
  setView(view: PreviewView): void {
    if (view === this.currentView) return;
    this.currentView = view;
    // A banner over the other view (its last valid version) does not belong to this one.
    this.setNotice(undefined);
    if (this.documentUri !== undefined) this.scheduler.schedule(true);
  }

  /**
   * Follows another document (or refreshes this one), in `view` when given, rendering right away.
   * Another document's questionnaire edits its agreed answers until the user picks an assessor
   * (its assessors are not this one's), unless `assessor` says whose (a preview restored).
   */
  show(uri: string, view?: PreviewView, assessor?: string): void {
    if (view !== undefined && view !== this.currentView) {
      this.currentView = view;
      this.setNotice(undefined);
    }
    if (uri !== this.documentUri || assessor !== undefined) this.currentAssessor = assessor;
    this.documentUri = uri;
    this.scheduler.schedule(true);
  }

  /** Shows the page that invites the user to open a rubric document. */
  showNothing(): void {
    this.documentUri = undefined;
    this.loadMessage(this.options.texts.nothingToPreview());
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
      this.shown = this.loaded?.report;
      return;
    }
    if (this.stale) this.scheduler.schedule(true);
  }

  /** The page's script loaded and listens (or, already listening, could not apply an update and asks for the whole report). */
  pageReady(): void {
    if (this.ready) this.shown = undefined;
    this.ready = true;
    // A page that was reloaded (hidden, then shown) starts from the HTML it was loaded with;
    // bring it up to date. The update names its document, so the page restores that document's
    // scroll position; otherwise tell the page which document its HTML shows.
    const latest = this.latest;
    if (latest && !sameShown(latest, this.shown)) this.postBody(latest);
    else if (this.loaded?.report) this.page.postMessage({ type: 'document', uri: this.loaded.report.uri, version: this.loaded.report.version });
    if (this.notice !== undefined) this.postNotice(this.notice);
    else this.noticeShown = undefined;
  }

  /**
   * Where a click on the page asks to reveal the source: only in the document the page shows (a
   * click may land while the preview switches to another one), at the offset of the version the
   * report was made from.
   */
  revealTarget(request: DocumentVersion & { readonly offset: number }): { uri: string; offset: number; version: number } | undefined {
    return this.shown && request.uri === this.shown.uri ? { uri: request.uri, offset: request.offset, version: request.version } : undefined;
  }

  /** The document a link on the page belongs to (relative links resolve against it), when the page still shows it. */
  linkDocument(request: { readonly uri: string }): string | undefined {
    return this.shown && request.uri === this.shown.uri ? request.uri : undefined;
  }

  /** The document an answer on the page is for: only the one the page shows (the answer applies to its current text). */
  answerDocument(request: DocumentVersion): string | undefined {
    return this.shown && request.uri === this.shown.uri ? request.uri : undefined;
  }

  /** Tells the page, beside the criterion, why an answer it sent was not written; false when the page does not show that document now. */
  answerRefused(refusal: { readonly uri: string; readonly dimension: string; readonly criterion: string; readonly message: string }): boolean {
    if (!this.ready || this.shown?.uri !== refusal.uri) return false;
    this.page.postMessage({ type: 'answerRefused', ...refusal });
    return true;
  }

  /** Tells the page, under its new-assessor form, why the assessor was not added; false when the page does not show that document now. */
  assessorRefused(refusal: { readonly uri: string; readonly field: NewAssessorField; readonly message: string }): boolean {
    if (!this.ready || this.shown?.uri !== refusal.uri) return false;
    this.page.postMessage({ type: 'assessorRefused', ...refusal });
    return true;
  }

  /**
   * An assessor was added to a document at its page's request: when the preview still follows
   * that document, the page is told (it closes its form once it shows their answers) and the
   * questionnaire edits their answers from now on.
   */
  assessorAdded(uri: string, assessor: string): void {
    if (uri !== this.documentUri) return;
    if (this.ready && this.shown?.uri === uri) this.page.postMessage({ type: 'assessorAdded', uri, assessor });
    this.setAssessor(assessor);
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
    const view = this.currentView;
    const assessor = this.currentAssessor;
    const current = () => !this.disposed && uri === this.documentUri && view === this.currentView && assessor === this.currentAssessor;
    let report: DocumentReport;
    try {
      // Renders never overlap (RenderScheduler), so a report kept now is still kept when this one arrives.
      report = await this.source(uri, { omitBodyOnErrors: this.lastValid.has(this.keyOf(uri)), view, ...(assessor !== undefined ? { assessor } : {}) });
    } catch (error) {
      if (current()) this.showFailure(uri, error);
      return;
    }
    // A newer request (another document, another view or assessor, or the panel closed) supersedes this result.
    if (!current()) return;
    if (report.errors === 0) this.keepValid(report);
    const kept = report.errors > 0 ? this.lastValid.get(this.keyOf(uri)) : undefined;
    const shown = kept ?? report;
    const notice = kept ? this.options.texts.showingLastValid(report.errors) : undefined;
    if (shown.body === undefined) {
      this.showFailure(uri, new Error(this.options.texts.reportWithoutBody()));
      return;
    }
    const body: Shown = { uri, version: shown.version, body: shown.body };
    if (this.loaded?.report && this.loaded.shellKey === shown.shellKey) {
      this.latest = body;
      this.setNotice(notice);
      if (this.ready && !sameShown(body, this.shown)) this.postBody(body);
      return;
    }
    this.notice = notice;
    const nonce = createNonce();
    this.loadPage({ shellKey: shown.shellKey, report: body }, previewPage({ title: shown.title, body: body.body }, this.security(nonce)));
  }

  /** The key of a document's last valid report in the current view (and, in the questionnaire, for whose answers). */
  private keyOf(uri: string): string {
    return `${this.currentView}\n${this.currentView === 'questionnaire' ? (this.currentAssessor ?? '') : ''}\n${uri}`;
  }

  private keepValid(report: DocumentReport): void {
    const key = this.keyOf(report.uri);
    this.lastValid.delete(key);
    this.lastValid.set(key, report);
    while (this.lastValid.size > MAX_KEPT_REPORTS) this.lastValid.delete(this.lastValid.keys().next().value as string);
  }

  private loadPage(loaded: LoadedPage, html: string): void {
    this.ready = false;
    this.noticeShown = undefined;
    this.loaded = loaded;
    this.latest = loaded.report;
    this.shown = loaded.report;
    this.page.setHtml(html);
  }

  private loadMessage(text: { heading: string; paragraphs: readonly string[]; detail?: string }): void {
    this.notice = undefined;
    this.loadPage({ shellKey: MESSAGE_SHELL_KEY }, messagePage({ ...text, ...this.security(createNonce()) }));
  }

  /**
   * Sends a report to the page: as a patch of the one it shows when that is much smaller (a large
   * report changes in a few places per edit), else whole.
   */
  private postBody(body: Shown): void {
    const shown = this.shown;
    const patch = shown && shown.uri === body.uri ? bodyPatch(shown.body, body.body) : undefined;
    if (shown && patch) {
      this.page.postMessage({ type: 'patch', uri: body.uri, version: body.version, base: shown.version, ...patch });
      this.shown = body;
      return;
    }
    this.page.postMessage({ type: 'update', uri: body.uri, version: body.version, body: body.body });
    this.shown = body;
  }

  private setNotice(message: string | undefined): void {
    this.notice = message;
    if (this.ready && this.noticeShown !== message) this.postNotice(message);
  }

  private postNotice(message: string | undefined): void {
    const uri = this.shown?.uri;
    this.page.postMessage({ type: 'notice', ...(uri !== undefined ? { uri } : {}), ...(message !== undefined ? { message } : {}) });
    this.noticeShown = message;
  }

  private showFailure(uri: string, error: unknown): void {
    const reason = errorText(error);
    this.options.log?.(`Preview of ${this.options.describe(uri)} failed: ${reason}`);
    // Keep an earlier report of the same document on screen, flagged as out of date.
    if (this.loaded?.report && this.latest?.uri === uri) {
      this.setNotice(this.options.texts.showingEarlier(reason));
      return;
    }
    this.loadMessage({ ...this.options.texts.notRendered(this.options.describe(uri)), detail: reason });
  }
}

function sameShown(a: Shown, b: Shown | undefined): boolean {
  return b !== undefined && a.uri === b.uri && a.version === b.version && a.body === b.body;
}
