import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PreviewSession, type DocumentReport, type PreviewPage, type PreviewTexts, type ReportRequest } from '../../../src/extension/preview/previewSession';

/** The English of src/extension/preview/previewTexts.ts (which needs VS Code's l10n), as the assertions read it. */
const TEXTS: PreviewTexts = {
  nothingToPreview: () => ({ heading: 'No rubric document to preview', paragraphs: ['Open a rubric, an assessment or a plan and the report appears here.'] }),
  showingLastValid: (errors) => `The document has ${errors} error${errors === 1 ? '' : 's'}; showing the report from the last valid version. The Problems panel lists what to fix.`,
  showingEarlier: (reason) => `The report could not be updated, so it shows an earlier version. ${reason}`,
  notRendered: (name) => ({ heading: `The report of ${name} could not be rendered`, paragraphs: ['The engine that checks and scores the file did not produce a report.'] }),
  reportWithoutBody: () => 'The language server sent a report without its body.',
};
import { RenderScheduler } from '../../../src/extension/preview/renderScheduler';
import type { ExtensionMessage } from '../../../src/webview/protocol';

const CSP = 'vscode-webview://csp';
const SCRIPT = 'vscode-webview://res/dist/webview/preview.js';

class FakePage implements PreviewPage {
  readonly cspSource = CSP;
  readonly scriptUri = SCRIPT;
  visible = true;
  loads: string[] = [];
  messages: ExtensionMessage[] = [];
  setHtml(html: string): void {
    this.loads.push(html);
  }
  postMessage(message: ExtensionMessage): void {
    this.messages.push(message);
  }
  updates(): string[] {
    return this.messages.filter((m): m is Extract<ExtensionMessage, { type: 'update' }> => m.type === 'update').map((m) => m.body);
  }
  notices(): (string | undefined)[] {
    return this.messages.filter((m): m is Extract<ExtensionMessage, { type: 'notice' }> => m.type === 'notice').map((m) => m.message);
  }
  /** The nonce a loaded page's policy names. */
  nonceOf(load: number): string | undefined {
    return /<script nonce="([A-Za-z0-9]+)"/.exec(this.loads[load] ?? '')?.[1];
  }
}

/** Reports from a mutable table of document texts and error counts; can be told to fail or to hold a report. */
class FakeSource {
  texts = new Map<string, string>();
  errors = new Map<string, number>();
  versions = new Map<string, number>();
  shellKey = 'webview:one';
  failWith: Error | undefined;
  calls: string[] = [];
  requests: ReportRequest[] = [];
  private held: (() => void)[] = [];
  hold = false;

  report = async (uri: string, request: ReportRequest): Promise<DocumentReport> => {
    this.calls.push(uri);
    this.requests.push(request);
    const text = this.texts.get(uri);
    const shellKey = this.shellKey;
    const failure = this.failWith;
    const errors = this.errors.get(uri) ?? 0;
    const version = this.versions.get(uri) ?? 1;
    if (this.hold) await new Promise<void>((resolve) => this.held.push(resolve));
    if (failure) throw failure;
    if (text === undefined) throw new Error(`no such file ${uri}`);
    // Like the language server: a report with errors comes without its body when the preview keeps a valid one.
    const body = errors > 0 && request.omitBodyOnErrors ? {} : { body: `<main>${request.view === 'questionnaire' ? `questionnaire${request.assessor ? ` (${request.assessor})` : ''} of ` : ''}${text}</main>` };
    return { uri, version, ...body, shellKey, title: text, errors };
  };

  /** The document changes: a new version with this text and this many errors. */
  edit(uri: string, text: string, errors = 0): void {
    this.texts.set(uri, text);
    this.errors.set(uri, errors);
    this.versions.set(uri, (this.versions.get(uri) ?? 1) + 1);
  }

  release(): void {
    for (const resolve of this.held.splice(0)) resolve();
  }
}

const A = 'file:///ws/a.assessment.yaml';
const B = 'file:///ws/b.plan.yaml';

async function settle(ms = 0): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

describe('PreviewSession', () => {
  let page: FakePage;
  let renderer: FakeSource;
  let logs: string[];
  let session: PreviewSession;

  beforeEach(() => {
    vi.useFakeTimers();
    page = new FakePage();
    renderer = new FakeSource();
    renderer.texts.set(A, 'score 2.1');
    renderer.texts.set(B, 'plan');
    logs = [];
    session = new PreviewSession(page, renderer.report, { delayMs: 100, describe: (uri) => uri.slice(uri.lastIndexOf('/') + 1), texts: TEXTS, log: (m) => logs.push(m) });
  });

  afterEach(() => {
    session.dispose();
    vi.useRealTimers();
  });

  it('loads the first report as a full page with its own nonce, the preview script and the policy', async () => {
    session.show(A);
    await settle();
    expect(page.loads).toHaveLength(1);
    expect(page.loads[0]).toContain('<main>score 2.1</main>');
    const nonce = page.nonceOf(0);
    expect(nonce).toMatch(/^[A-Za-z0-9]{16,}$/);
    expect(page.loads[0]).toContain(`<script nonce="${nonce}" src="${SCRIPT}"></script>`);
    expect(page.loads[0]).toContain(`style-src ${CSP}`);
  });

  it('tells a freshly loaded page which document and version it shows', async () => {
    session.show(A);
    await settle();
    session.pageReady();
    expect(page.messages).toEqual([{ type: 'document', uri: A, version: 1 }]);
  });

  it('sends later reports of the same document as a new body, naming the document and version, keeping the page (and its scroll)', async () => {
    session.show(A);
    await settle();
    session.pageReady();
    renderer.edit(A, 'score 2.4');
    session.documentChanged(A);
    await settle(100);
    expect(page.loads).toHaveLength(1);
    expect(page.messages.at(-1)).toEqual({ type: 'update', uri: A, version: 2, body: '<main>score 2.4</main>' });
  });

  it('sends a report that changed in a few places as a patch of the one the page shows, and whole when the page asks again', async () => {
    // A body large enough to be worth patching: most of it stays as it is.
    const large = (score: string) => `<p>${score}</p><p>${'Evidence and notes. '.repeat(200)}</p>`;
    renderer.texts.set(A, large('score 2.1'));
    session.show(A);
    await settle();
    session.pageReady();
    renderer.edit(A, large('score 2.4'));
    session.documentChanged(A);
    await settle(100);
    expect(page.messages.at(-1)).toEqual({ type: 'patch', uri: A, version: 2, base: 1, replace: [{ path: [0], html: '<p>score 2.4</p>' }] });
    // A page that could not apply an update says "ready" again: it gets the whole report.
    session.pageReady();
    expect(page.messages.at(-1)).toEqual({ type: 'update', uri: A, version: 2, body: `<main>${large('score 2.4')}</main>` });
  });

  it('loads every page with a fresh nonce', async () => {
    session.show(A);
    await settle();
    session.pageReady();
    renderer.shellKey = 'webview:two';
    session.documentChanged(A);
    await settle(100);
    expect(page.loads).toHaveLength(2);
    expect(page.nonceOf(0)).not.toBe(page.nonceOf(1));
  });

  it('waits for typing to pause before rendering (debounce)', async () => {
    session.show(A);
    await settle();
    session.pageReady();
    for (let i = 0; i < 10; i++) {
      session.documentChanged(A);
      await settle(50);
    }
    expect(renderer.calls).toHaveLength(1);
    await settle(100);
    expect(renderer.calls).toHaveLength(2);
  });

  it('ignores analyses of other documents', async () => {
    session.show(A);
    await settle();
    session.documentChanged(B);
    await settle(500);
    expect(renderer.calls).toHaveLength(1);
  });

  it('reloads the whole page when the page shell changes', async () => {
    session.show(A);
    await settle();
    session.pageReady();
    renderer.shellKey = 'webview:two';
    session.documentChanged(A);
    await settle(100);
    expect(page.loads).toHaveLength(2);
    expect(page.updates()).toEqual([]);
  });

  it('holds updates until the page says it is ready, then sends the newest', async () => {
    session.show(A);
    await settle();
    renderer.edit(A, 'second');
    session.documentChanged(A);
    await settle(100);
    expect(page.updates()).toEqual([]);
    session.pageReady();
    expect(page.updates()).toHaveLength(1);
    expect(page.updates()[0]).toContain('second');
  });

  it('switches documents and shows only the newest one when renders overlap', async () => {
    session.show(A);
    await settle();
    session.pageReady();
    renderer.hold = true;
    session.show(B);
    await settle();
    renderer.hold = false;
    session.show(A);
    renderer.release();
    await settle();
    // The render of B finished after the switch back to A: it must not reach the page.
    const shown = [...page.loads, ...page.updates()];
    expect(shown.some((html) => html.includes('<main>plan</main>'))).toBe(false);
    expect(session.uri).toBe(A);
  });

  it('sends the newest body to a page that was hidden and shown again', async () => {
    session.show(A);
    await settle();
    session.pageReady();
    page.visible = false;
    session.visibilityChanged();
    renderer.edit(A, 'edited while hidden');
    session.documentChanged(A);
    await settle(100);
    // Nothing is rendered for a hidden page.
    expect(renderer.calls).toHaveLength(1);
    page.visible = true;
    session.visibilityChanged();
    await settle();
    expect(renderer.calls).toHaveLength(2);
    // The shown webview reloaded from its original HTML; once its script is up it gets the new body.
    session.pageReady();
    expect(page.updates().at(-1)).toContain('edited while hidden');
  });

  it('after hiding, brings a page that switched documents by body swap back to the newest document only', async () => {
    session.show(A);
    await settle();
    session.pageReady();
    session.show(B);
    await settle();
    expect(page.loads).toHaveLength(1);
    expect(page.messages.at(-1)).toMatchObject({ type: 'update', uri: B });
    page.visible = false;
    session.visibilityChanged();
    page.visible = true;
    session.visibilityChanged();
    await settle();
    page.messages.length = 0;
    session.pageReady();
    // The reloaded page holds A's HTML: it gets B's body, and is never told it shows A (which
    // would make it forget where B was scrolled).
    expect(page.messages.map((m) => m.type === 'update' || m.type === 'document' ? `${m.type} ${m.uri}` : m.type)).toEqual([`update ${B}`]);
  });

  it('keeps the last report with a notice when an update fails, and clears the notice when it works again', async () => {
    session.show(A);
    await settle();
    session.pageReady();
    renderer.failWith = new Error('The engine worker stopped.');
    session.documentChanged(A);
    await settle(100);
    expect(page.loads).toHaveLength(1);
    const notice = page.messages.at(-1);
    expect(notice?.type).toBe('notice');
    expect(notice?.type === 'notice' && notice.message).toMatch(/earlier version.*The engine worker stopped\./);
    expect(notice?.type === 'notice' && notice.uri).toBe(A);
    expect(logs.join('\n')).toMatch(/a\.assessment\.yaml failed: The engine worker stopped\./);

    renderer.failWith = undefined;
    renderer.edit(A, 'score 2.2');
    session.documentChanged(A);
    await settle(100);
    expect(page.messages.at(-2)).toEqual({ type: 'notice', uri: A });
    expect(page.messages.at(-1)?.type).toBe('update');
  });

  it('shows a page that explains the failure when there is no earlier report', async () => {
    renderer.failWith = new Error('Worker crashed <badly>');
    session.show(A);
    await settle();
    expect(page.loads).toHaveLength(1);
    expect(page.loads[0]).toContain('could not be rendered');
    expect(page.loads[0]).toContain('Worker crashed &lt;badly&gt;');
    expect(page.loads[0]).not.toContain('<badly>');
  });

  it('recovers from the failure page with a full report page', async () => {
    renderer.failWith = new Error('boom');
    session.show(A);
    await settle();
    session.pageReady();
    renderer.failWith = undefined;
    session.documentChanged(A);
    await settle(100);
    expect(page.loads).toHaveLength(2);
    expect(page.loads[1]).toContain('score 2.1');
  });

  it('keeps the last valid report with a banner while the document has errors, and takes the new one once it is valid again', async () => {
    session.show(A);
    await settle();
    session.pageReady();
    renderer.edit(A, 'half typed', 3);
    session.documentChanged(A);
    await settle(100);
    // Holding a valid report, the session asks for none of the body it would not show.
    expect(renderer.requests.map((r) => r.omitBodyOnErrors)).toEqual([false, true]);
    // The page keeps the valid report (no update, so the reader keeps their place) and says why.
    expect(page.loads).toHaveLength(1);
    expect(page.updates()).toEqual([]);
    expect(page.notices().at(-1)).toBe('The document has 3 errors; showing the report from the last valid version. The Problems panel lists what to fix.');
    renderer.edit(A, 'score 2.6');
    session.documentChanged(A);
    await settle(100);
    expect(page.updates()).toEqual(['<main>score 2.6</main>']);
    expect(page.messages.at(-2)).toEqual({ type: 'notice', uri: A });
    expect(page.loads).toHaveLength(1);
  });

  it('shows the problems of a document that never was valid', async () => {
    renderer.errors.set(A, 2);
    session.show(A);
    await settle();
    session.pageReady();
    expect(page.loads[0]).toContain('<main>score 2.1</main>');
    expect(page.notices()).toEqual([]);
    // With no valid report to fall back on, the session asks for the body of the report with errors.
    expect(renderer.requests).toEqual([{ omitBodyOnErrors: false, view: 'report' }]);
  });

  it('explains, rather than shows an empty page, when a report with errors comes without the body it needs', async () => {
    renderer.errors.set(A, 2);
    const bodyless = new PreviewSession(page, async (uri) => ({ uri, version: 1, shellKey: 'webview:one', title: 'x', errors: 2 }), { delayMs: 5, describe: (uri) => uri.split('/').at(-1) ?? uri, texts: TEXTS });
    bodyless.show(A);
    await settle();
    expect(page.loads).toHaveLength(1);
    expect(page.loads[0]).toContain('could not be rendered');
    expect(page.loads[0]).toContain('without its body');
    bodyless.dispose();
  });

  it('reveals a clicked row only in the document the page shows', async () => {
    session.show(A);
    await settle();
    session.pageReady();
    expect(session.revealTarget({ uri: A, version: 1, offset: 120 })).toEqual({ uri: A, version: 1, offset: 120 });
    // The user switches to B; a click made on A's report lands after the switch started.
    renderer.hold = true;
    session.show(B);
    await settle();
    expect(session.revealTarget({ uri: A, version: 1, offset: 120 })).toEqual({ uri: A, version: 1, offset: 120 });
    renderer.release();
    await settle();
    expect(page.messages.at(-1)).toMatchObject({ type: 'update', uri: B });
    // Now the page shows B: a late click on A's report is not applied to B.
    expect(session.revealTarget({ uri: A, version: 1, offset: 120 })).toBeUndefined();
    expect(session.revealTarget({ uri: B, version: 1, offset: 7 })).toEqual({ uri: B, version: 1, offset: 7 });
    expect(session.linkDocument({ uri: A })).toBeUndefined();
    expect(session.linkDocument({ uri: B })).toBe(B);
  });

  it('switches between an assessment\'s report and its questionnaire by swapping the body, and asks for the view it shows', async () => {
    session.show(A);
    await settle();
    session.pageReady();
    expect(session.view).toBe('report');
    session.setView('questionnaire');
    await settle();
    expect(renderer.requests.map((r) => r.view)).toEqual(['report', 'questionnaire']);
    expect(page.updates()).toEqual(['<main>questionnaire of score 2.1</main>']);
    // Typing re-renders the view on screen.
    renderer.edit(A, 'score 2.4');
    session.documentChanged(A);
    await settle(100);
    expect(page.updates().at(-1)).toBe('<main>questionnaire of score 2.4</main>');
    // Asking for the view it already shows renders nothing new.
    session.setView('questionnaire');
    await settle(100);
    expect(renderer.requests).toHaveLength(3);
    expect(page.loads).toHaveLength(1);
  });

  it('asks for the questionnaire of whose answers the page chose, renders at once, and keeps the choice while typing', async () => {
    session.show(A, 'questionnaire');
    await settle();
    session.pageReady();
    session.setAssessor('priya');
    await settle();
    expect(session.assessor).toBe('priya');
    expect(renderer.requests.at(-1)).toEqual({ omitBodyOnErrors: false, view: 'questionnaire', assessor: 'priya' });
    expect(page.updates()).toEqual(['<main>questionnaire (priya) of score 2.1</main>']);
    renderer.edit(A, 'score 2.4');
    session.documentChanged(A);
    await settle(100);
    expect(page.updates().at(-1)).toBe('<main>questionnaire (priya) of score 2.4</main>');
    // Choosing the same again renders nothing; the agreed answers again, at once.
    session.setAssessor('priya');
    await settle(100);
    expect(renderer.requests).toHaveLength(3);
    session.setAssessor(undefined);
    await settle();
    // (It holds a valid page of the agreed answers from before, so a page with errors may come without its body.)
    expect(renderer.requests.at(-1)).toEqual({ omitBodyOnErrors: true, view: 'questionnaire' });
  });

  it('forgets the assessor for another document, whose assessors are not this one\'s; a restored preview gets its own back', async () => {
    session.show(A, 'questionnaire');
    await settle();
    session.setAssessor('priya');
    await settle();
    session.show(B);
    await settle();
    expect([session.assessor, renderer.requests.at(-1)]).toEqual([undefined, { omitBodyOnErrors: false, view: 'questionnaire' }]);
    // The same document shown again (a refresh) keeps the choice.
    session.setAssessor('tomas');
    session.show(B);
    await settle();
    expect(renderer.requests.at(-1)?.assessor).toBe('tomas');
    session.show(A, 'questionnaire', 'priya');
    await settle();
    expect(renderer.requests.at(-1)).toEqual({ omitBodyOnErrors: true, view: 'questionnaire', assessor: 'priya' });
  });

  it('never shows an answer of one assessor\'s questionnaire for another\'s: a render for an earlier choice is dropped', async () => {
    session.show(A, 'questionnaire');
    await settle();
    session.pageReady();
    renderer.hold = true;
    session.setAssessor('priya');
    await settle();
    session.setAssessor('tomas');
    renderer.release();
    await settle();
    renderer.hold = false;
    renderer.release();
    await settle();
    expect(page.updates()).toEqual(['<main>questionnaire (tomas) of score 2.1</main>']);
  });

  it('opens a document straight in the view asked for, with one render', async () => {
    session.show(A, 'questionnaire');
    await settle();
    expect(renderer.requests).toEqual([{ omitBodyOnErrors: false, view: 'questionnaire' }]);
    expect(page.loads[0]).toContain('<main>questionnaire of score 2.1</main>');
  });

  it('keeps the last valid version of each view apart: errors in one view never bring back the other view\'s body', async () => {
    session.show(A);
    await settle();
    session.pageReady();
    session.setView('questionnaire');
    await settle();
    renderer.edit(A, 'broken', 2);
    session.documentChanged(A);
    await settle(100);
    // The questionnaire of the last valid version stays, with the banner.
    expect(page.updates()).toEqual(['<main>questionnaire of score 2.1</main>']);
    expect(page.notices().at(-1)).toMatch(/has 2 errors/);
    // Back to the report: the banner goes with the view, and the report's own last valid body comes back.
    session.setView('report');
    await settle();
    expect(page.messages).toContainEqual({ type: 'notice', uri: A });
    expect(renderer.requests.at(-1)).toEqual({ omitBodyOnErrors: true, view: 'report' });
    expect(page.updates().at(-1)).toBe('<main>score 2.1</main>');
  });

  it('takes answers only for the document the page shows, and tells the page why one was not written', async () => {
    session.show(A, 'questionnaire');
    await settle();
    const refusal = { uri: A, dimension: 'portal', criterion: 'catalogue', message: 'No such answer' };
    // Before the page listens, nothing can be shown there: the caller says it another way.
    expect(session.answerRefused(refusal)).toBe(false);
    session.pageReady();
    expect(session.answerDocument({ uri: A, version: 1 })).toBe(A);
    expect(session.answerDocument({ uri: B, version: 1 })).toBeUndefined();
    expect(session.answerRefused(refusal)).toBe(true);
    expect(page.messages.at(-1)).toEqual({ type: 'answerRefused', ...refusal });
    session.show(B);
    await settle();
    expect(session.answerDocument({ uri: A, version: 1 })).toBeUndefined();
    expect(session.answerRefused(refusal)).toBe(false);
  });

  it('after adding an assessor, tells the page and edits their answers at once; a refusal goes beside the form of the page that asked', async () => {
    session.show(A, 'questionnaire');
    await settle();
    const refusal = { uri: A, field: 'name' as const, message: 'Write the new assessor\'s name.' };
    expect(session.assessorRefused(refusal)).toBe(false);
    session.pageReady();
    expect(session.assessorRefused(refusal)).toBe(true);
    expect(page.messages.at(-1)).toEqual({ type: 'assessorRefused', ...refusal });
    renderer.edit(A, 'score 2.1 with lena');
    session.assessorAdded(A, 'lena-berg');
    await settle();
    expect(session.assessor).toBe('lena-berg');
    expect(renderer.requests.at(-1)).toEqual({ omitBodyOnErrors: false, view: 'questionnaire', assessor: 'lena-berg' });
    // The page hears of it before the body that shows her answers.
    expect(page.messages.slice(-2)).toEqual([{ type: 'assessorAdded', uri: A, assessor: 'lena-berg' }, { type: 'update', uri: A, version: 2, body: '<main>questionnaire (lena-berg) of score 2.1 with lena</main>' }]);
    // An assessor added to a document the preview no longer follows changes nothing here.
    session.show(B);
    await settle();
    const before = page.messages.length;
    session.assessorAdded(A, 'mia');
    await settle();
    expect([session.assessor, page.messages.length, session.assessorRefused({ ...refusal, uri: A })]).toEqual([undefined, before, false]);
  });

  it('shows an invitation when there is nothing to preview', () => {
    session.showNothing();
    expect(page.loads[0]).toContain('No rubric document to preview');
    expect(session.uri).toBeUndefined();
  });

  it('does nothing after it is disposed', async () => {
    session.show(A);
    session.dispose();
    await settle(500);
    expect(page.loads).toHaveLength(0);
  });
});

describe('RenderScheduler', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('never runs two renders at once and always runs once more after the last request', async () => {
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    const scheduler = new RenderScheduler(10, async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((resolve) => setTimeout(resolve, 50));
      running--;
      runs++;
    }, () => undefined);
    scheduler.schedule(true);
    await vi.advanceTimersByTimeAsync(5);
    scheduler.schedule(true);
    scheduler.schedule(true);
    await vi.advanceTimersByTimeAsync(500);
    expect(maxRunning).toBe(1);
    expect(runs).toBe(2);
    await vi.advanceTimersByTimeAsync(500);
    expect(runs).toBe(2);
  });

  it('reports a failed render and keeps working', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const scheduler = new RenderScheduler(10, async () => {
      calls++;
      if (calls === 1) throw new Error('first fails');
    }, (e) => errors.push(e));
    scheduler.schedule();
    await vi.advanceTimersByTimeAsync(20);
    scheduler.schedule();
    await vi.advanceTimersByTimeAsync(20);
    expect(calls).toBe(2);
    expect(errors).toHaveLength(1);
  });
});
