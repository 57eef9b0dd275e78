import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../src/core/render/html/escape';
import { PortfolioSession, type PortfolioPage } from '../../../src/extension/portfolio/portfolioSession';
import type { PortfolioView } from '../../../src/server/protocol';
import type { PortfolioHostMessage } from '../../../src/webview/portfolioProtocol';

/** The portfolio panel's logic without VS Code: a page that records what it is given, a source that answers views. */

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';
const SCRIPT = `${CSP_SOURCE}/ext/dist/webview/portfolio.js`;
const A = 'file:///ws/a.assessment.yaml';
const B = 'file:///ws/b.assessment.yaml';

class FakePage implements PortfolioPage {
  readonly cspSource = CSP_SOURCE;
  readonly scriptUri = SCRIPT;
  visible = true;
  readonly html: string[] = [];
  readonly messages: PortfolioHostMessage[] = [];
  setHtml(html: string): void {
    this.html.push(html);
  }
  postMessage(message: PortfolioHostMessage): void {
    this.messages.push(message);
  }
}

function viewOf(generation: number, files: string[] = [A]): PortfolioView {
  return { body: `<main class="report portfolio"><p>view ${generation}</p></main>`, title: 'T', generation, files, units: files.length };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const settle = async (ms = 0) => {
  await new Promise((resolve) => setTimeout(resolve, ms));
  for (let i = 0; i < 5; i++) await tick();
};

function session(views: (() => PortfolioView | Promise<PortfolioView>)[], options: { folder?: string; delayMs?: number } = {}) {
  const page = new FakePage();
  const log: string[] = [];
  let asked = 0;
  const s = new PortfolioSession(page, async () => (views[Math.min(asked++, views.length - 1)] as () => PortfolioView)(), {
    delayMs: options.delayMs ?? 0,
    ...(options.folder ? { folder: options.folder } : {}),
    texts: { title: 'Portfolio', loading: 'Reading <the> assessments…', failed: (reason) => `Not updated. ${reason}` },
    log: (m) => log.push(m),
  });
  return { s, page, log, asked: () => asked };
}

describe('PortfolioSession', () => {
  it('loads one page with a strict policy, its script and a fresh nonce, and sends each view as a body once the page is ready', async () => {
    const { s, page } = session([() => viewOf(1), () => viewOf(2)]);
    s.start();
    expect(page.html).toHaveLength(1);
    const html = page.html[0] as string;
    const nonce = /<script nonce="([A-Za-z0-9]{16,})" src="([^"]+)"><\/script>/.exec(html);
    expect(nonce?.[2]).toBe(SCRIPT);
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html).toContain(`content="${escapeHtml(`default-src 'none'; style-src ${CSP_SOURCE} 'nonce-${nonce?.[1]}'; script-src 'nonce-${nonce?.[1]}'; img-src ${CSP_SOURCE} data:; font-src ${CSP_SOURCE}; base-uri 'none'; form-action 'none'`)}"`);
    // Another panel's page has another nonce.
    const other = session([() => viewOf(1)]);
    other.s.start();
    expect(other.page.html[0]).not.toContain(nonce?.[1]);
    expect(html).toContain('Reading &lt;the&gt; assessments…');
    await settle();
    // Nothing is posted before the page's script listens.
    expect(page.messages).toEqual([]);
    s.pageMessage({ type: 'ready' });
    expect(page.messages).toEqual([{ type: 'update', body: viewOf(1).body, generation: 1 }]);
    s.changed();
    await settle();
    expect(page.messages.at(-1)).toEqual({ type: 'update', body: viewOf(2).body, generation: 2 });
    // A body swap, never a new page: the reader keeps their place.
    expect(page.html).toHaveLength(1);
  });

  it('opens only the assessments of the view sent, and logs what it leaves out', async () => {
    const { s, log } = session([() => viewOf(1, [A])]);
    s.start();
    s.pageMessage({ type: 'ready' });
    await settle();
    expect(s.pageMessage({ type: 'open', uri: A, offset: 40, generation: 1 })).toEqual({ uri: A, offset: 40 });
    expect(s.pageMessage({ type: 'open', uri: B, offset: 40, generation: 1 })).toBeUndefined();
    expect(s.pageMessage({ type: 'open', uri: A, offset: -4, generation: 1 })).toBeUndefined();
    expect(log).toEqual(['Portfolio: ignored a request to open a file the portfolio does not show.', 'Portfolio: ignored a message of unexpected shape from the panel.']);
  });

  it('does not render while hidden, and brings the page up to date when it shows again', async () => {
    const { s, page, asked } = session([() => viewOf(1), () => viewOf(2)]);
    s.start();
    s.pageMessage({ type: 'ready' });
    await settle();
    page.visible = false;
    s.visibilityChanged();
    s.changed();
    await settle();
    expect(asked()).toBe(1);
    page.visible = true;
    s.visibilityChanged();
    await settle();
    expect(asked()).toBe(2);
    // The webview lost its page while hidden: the view goes to the new page once it is ready.
    expect(page.messages.at(-1)).toEqual({ type: 'update', body: viewOf(1).body, generation: 1 });
    s.pageMessage({ type: 'ready' });
    expect(page.messages.at(-1)).toEqual({ type: 'update', body: viewOf(2).body, generation: 2, });
  });

  it('keeps the last view with a banner when an update fails, and drops the banner when one succeeds', async () => {
    const { s, page, log } = session([() => viewOf(1), () => Promise.reject(new Error('The server stopped.')), () => viewOf(3)]);
    s.start();
    s.pageMessage({ type: 'ready' });
    await settle();
    s.changed();
    await settle();
    expect(page.messages.at(-1)).toEqual({ type: 'notice', message: 'Not updated. The server stopped.' });
    expect(log).toContain('Portfolio: The server stopped.');
    s.changed();
    await settle();
    expect(page.messages.slice(-2)).toEqual([{ type: 'notice' }, { type: 'update', body: viewOf(3).body, generation: 3 }]);
  });

  it('merges a burst of changes into one render after the quiet time, and gives the page its folder to save', async () => {
    const { s, page, asked } = session([() => viewOf(1), () => viewOf(2)], { folder: 'file:///ws/t', delayMs: 20 });
    s.start();
    s.pageMessage({ type: 'ready' });
    await settle();
    for (let i = 0; i < 10; i++) s.changed();
    await settle(60);
    expect(asked()).toBe(2);
    expect(page.messages.at(-1)).toEqual({ type: 'update', body: viewOf(2).body, generation: 2, folder: 'file:///ws/t' });
  });
});
