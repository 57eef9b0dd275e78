/**
 * The preview script in a real browser engine (Debian's Chromium through playwright-core), under
 * the same kind of Content-Security-Policy the preview uses, with a stand-in for the VS Code
 * webview API. Skipped where no Chromium is installed; the end-to-end suite covers the same
 * behaviour inside VS Code.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chromiumAvailable, clearPosted, posted, savedState as state, send, WebviewHarness } from '../support/webviewHarness';
import { bodyPatch } from '../../src/core/render/html/bodyPatch';

const harness = new WebviewHarness();

const A = 'file:///ws/a.yaml';
const B = 'file:///ws/b.yaml';

const REPORT = `
<main>
  <h1>Kestrel Mutual</h1>
  <p class="toc"><a href="#gaps">gaps</a></p>
  <table>
    <tr class="row" data-source-offset="120"><td>Outward-looking perspective</td><td><a href="./evidence/survey.md">survey</a></td></tr>
    <tr class="row" data-source-offset="480"><td><a href="#dim-empower">Empower end users</a></td><td>2</td></tr>
    <tr class="row" data-source-offset="not-a-number"><td>Broken row</td></tr>
  </table>
  <details id="method"><summary>Method</summary><p>gated</p></details>
  <div class="tall"></div>
  <h2 id="gaps">Gaps</h2>
</main>`;

const open = (body = REPORT, saved?: unknown): Promise<Page> => harness.open(body, saved);

describe.skipIf(!chromiumAvailable)('preview script in a browser', () => {
  beforeAll(() => harness.start(), 60_000);
  afterAll(() => harness.stop());

  let page: Page;
  beforeEach(async () => {
    page = await open();
    // The extension names the document and version of a page as soon as its script is ready.
    await send(page, { type: 'document', uri: A, version: 1 });
  });
  afterEach(() => harness.closePages());

  it('says it is ready once loaded', async () => {
    expect(await posted(page)).toEqual([{ type: 'ready' }]);
  });

  it('says nothing about rows or links before it knows its document', async () => {
    const fresh = await open();
    await clearPosted(fresh);
    await fresh.click('text=Outward-looking perspective');
    await fresh.click('text=survey');
    expect(await posted(fresh)).toEqual([]);
  });

  it('makes source rows focusable and styles them through the page nonce', async () => {
    const row = page.locator('tr[data-source-offset="120"]');
    expect(await row.getAttribute('tabindex')).toBe('0');
    expect(await row.evaluate((el) => getComputedStyle(el).cursor)).toBe('pointer');
    expect(await page.locator('tr[data-source-offset="not-a-number"]').getAttribute('tabindex')).toBeNull();
  });

  it('asks to reveal the source when a row is clicked', async () => {
    await clearPosted(page);
    await page.click('text=Outward-looking perspective');
    expect(await posted(page)).toEqual([{ type: 'reveal', uri: A, version: 1, offset: 120 }]);
  });

  it('reveals the row when its own in-page link (a dimension’s name) is clicked, instead of jumping', async () => {
    await clearPosted(page);
    await page.click('text=Empower end users');
    expect(await posted(page)).toEqual([{ type: 'reveal', uri: A, version: 1, offset: 480 }]);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  });

  it('names the version of the report a click was made on', async () => {
    await send(page, { type: 'update', uri: A, version: 7, body: REPORT });
    await clearPosted(page);
    await page.click('text=Outward-looking perspective');
    expect(await posted(page)).toEqual([{ type: 'reveal', uri: A, version: 7, offset: 120 }]);
  });

  it('asks to reveal the source when Enter is pressed on a focused row', async () => {
    await clearPosted(page);
    await page.focus('tr[data-source-offset="120"]');
    await page.keyboard.press('Enter');
    expect(await posted(page)).toEqual([{ type: 'reveal', uri: A, version: 1, offset: 120 }]);
  });

  it('hands links to the extension instead of navigating, and does not also reveal the row', async () => {
    await clearPosted(page);
    await page.click('text=survey');
    expect(await posted(page)).toEqual([{ type: 'openLink', uri: A, href: './evidence/survey.md' }]);
    expect(page.url()).toBe('about:blank');
  });

  it('follows in-page links itself', async () => {
    await clearPosted(page);
    await page.click('text=gaps');
    expect(await posted(page)).toEqual([]);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
  });

  it('ignores rows with a malformed offset', async () => {
    await clearPosted(page);
    await page.click('text=Broken row');
    expect(await posted(page)).toEqual([]);
  });

  it('swaps in a new body and keeps the scroll position, the focus and open sections', async () => {
    await page.click('summary');
    await page.focus('tr[data-source-offset="480"]');
    await page.evaluate(() => window.scrollTo(0, 700));
    const body = REPORT.replace('Kestrel Mutual', 'Kestrel Mutual (edited)') + `<script>window.__ran = true</script>`;
    await send(page, { type: 'update', uri: A, version: 2, body });
    await page.waitForSelector('text=Kestrel Mutual (edited)');
    expect(await page.evaluate(() => window.scrollY)).toBe(700);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-source-offset'))).toBe('480');
    expect(await page.evaluate(() => (document.getElementById('method') as HTMLDetailsElement).open)).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
    expect(await page.locator('body script').count()).toBe(0);
    expect(await page.locator('tr[data-source-offset="120"]').getAttribute('tabindex')).toBe('0');
  });

  it('goes to the top for a document it has not shown, and back to where each was for the others', async () => {
    await page.evaluate(() => window.scrollTo(0, 700));
    await send(page, { type: 'update', uri: B, version: 1, body: REPORT.replace('Kestrel Mutual', 'Other') });
    await page.waitForSelector('text=Other');
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(await state(page)).toEqual({ uri: B, scrollY: 0, positions: { [A]: 700 } });
    await page.evaluate(() => window.scrollTo(0, 300));
    await send(page, { type: 'update', uri: A, version: 2, body: REPORT });
    await page.waitForSelector('text=Kestrel Mutual');
    expect(await page.evaluate(() => window.scrollY)).toBe(700);
    expect(await state(page)).toEqual({ uri: A, scrollY: 700, positions: { [B]: 300 } });
  });

  it('remembers the document and the scroll position, and restores them after a reload', async () => {
    await page.evaluate(() => window.scrollTo(0, 900));
    await page.waitForFunction(() => (window as unknown as { __state: { scrollY: number } }).__state?.scrollY === 900);
    const saved = await state(page);
    expect(saved).toEqual({ uri: A, scrollY: 900 });

    const again = await open(REPORT, saved);
    await send(again, { type: 'document', uri: A, version: 1 });
    expect(await again.evaluate(() => window.scrollY)).toBe(900);
    // A different document does not inherit that position.
    const other = await open(REPORT, saved);
    await send(other, { type: 'document', uri: B, version: 1 });
    expect(await other.evaluate(() => window.scrollY)).toBe(0);
  });

  it('shows and hides a notice built from text only', async () => {
    await send(page, { type: 'notice', message: '<img src=x onerror="window.__pwned=1"> Out of date' });
    const notice = page.locator('#rubrics-preview-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toBe('<img src=x onerror="window.__pwned=1"> Out of date');
    expect(await page.locator('#rubrics-preview-notice img').count()).toBe(0);
    // The notice survives a body swap, then goes away when cleared.
    await send(page, { type: 'update', uri: A, version: 2, body: REPORT });
    expect(await notice.count()).toBe(1);
    await send(page, { type: 'notice' });
    expect(await notice.count()).toBe(0);
    // A banner about another document than the one shown is out of date, and is dropped.
    await send(page, { type: 'notice', uri: B, message: 'About B' });
    expect(await notice.count()).toBe(0);
  });

  it('ignores messages of unexpected shape', async () => {
    const before = await page.evaluate(() => document.body.innerHTML.length);
    await send(page, { type: 'update', body: '<p>no uri</p>' });
    await send(page, { type: 'update', uri: 'file:///a', body: 5 });
    await send(page, 'update');
    expect(await page.evaluate(() => document.body.innerHTML.length)).toBe(before);
  });
});

describe.skipIf(!chromiumAvailable)('preview script: updates as patches (core/render/html/bodyPatch.ts)', () => {
  beforeAll(() => harness.start(), 60_000);
  afterAll(() => harness.stop());
  afterEach(() => harness.closePages());

  const row = (offset: number, text: string) => `<tr data-source-offset="${offset}" tabindex="0"><td>${text}</td></tr>`;
  const filler = `<p>${'Evidence and notes. '.repeat(200)}</p>`;
  /** A report body as the renderer writes it: one <main>, rows with source offsets, an open-able section. */
  const report = (rows: string, title = 'Kestrel') => `<main class="report"><h1>${title}</h1>${filler}<table><tbody>${rows}</tbody></table><details id="criteria-x"><summary>Criteria</summary>${filler}</details></main>`;
  const BEFORE = report(row(10, 'Outward') + row(40, 'Empower: yes') + row(90, 'Fusion'));
  const AFTER = report(row(10, 'Outward') + row(40, 'Empower: no') + row(89, 'Fusion'));
  const mainHtml = (p: Page) => p.evaluate(() => document.querySelector('main')?.outerHTML);

  async function shown(body: string): Promise<Page> {
    const p = await open('');
    await send(p, { type: 'update', uri: A, version: 1, body });
    await p.waitForSelector('main');
    await clearPosted(p);
    return p;
  }

  it('turns the page into the new report, exactly as a whole update would, and marks its version', async () => {
    const patch = bodyPatch(BEFORE, AFTER)!;
    // The table, not the whole report; the offsets after the edit move by one.
    expect(patch).toEqual({ shift: { from: 90, by: -1 }, replace: [{ path: [2], html: expect.stringContaining('Empower: no') }] });
    const patched = await shown(BEFORE);
    await patched.click('summary');
    await patched.focus('tr[data-source-offset="90"]');
    await send(patched, { type: 'patch', uri: A, version: 2, base: 1, ...patch });
    await patched.waitForSelector('text=Empower: no');
    const whole = await shown(AFTER);
    await whole.click('summary');
    expect(await mainHtml(patched)).toBe(await mainHtml(whole));
    expect(await patched.evaluate(() => document.body.getAttribute('data-report-version'))).toBe('2');
    // The focused row moved with the text: it is still focused, at its new offset.
    expect(await patched.evaluate(() => document.activeElement?.getAttribute('data-source-offset'))).toBe('89');
    expect(await posted(patched)).toEqual([]);
    await patched.click('text=Empower: no');
    expect(await posted(patched)).toEqual([{ type: 'reveal', uri: A, version: 2, offset: 40 }]);
  });

  it('asks for the whole report, and changes nothing, when the patch is not for the report it shows', async () => {
    const patch = bodyPatch(BEFORE, AFTER)!;
    const page = await shown(BEFORE);
    const before = await mainHtml(page);
    await send(page, { type: 'patch', uri: A, version: 3, base: 2, ...patch });
    await send(page, { type: 'patch', uri: B, version: 2, base: 1, ...patch });
    await send(page, { type: 'patch', uri: A, version: 2, base: 1, replace: [{ path: [9, 9], html: '<p>x</p>' }] });
    await send(page, { type: 'patch', uri: A, version: 2, base: 1, replace: [{ path: [0], html: '<p>one</p><p>two</p>' }] });
    await page.waitForFunction(() => (window as unknown as { __posted: unknown[] }).__posted.length === 4);
    expect(await posted(page)).toEqual([{ type: 'ready' }, { type: 'ready' }, { type: 'ready' }, { type: 'ready' }]);
    expect(await mainHtml(page)).toBe(before);
    expect(await page.evaluate(() => document.body.getAttribute('data-report-version'))).toBe('1');
  });

  it('runs nothing that a replacement carries', async () => {
    const page = await shown(BEFORE);
    await send(page, { type: 'patch', uri: A, version: 2, base: 1, replace: [{ path: [0], html: '<h1>Kestrel<script>window.__ran = true</script><img src="x" onerror="window.__ran = true"></h1>' }] });
    await page.waitForFunction(() => document.body.getAttribute('data-report-version') === '2');
    expect(await page.locator('main script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
  });
});
