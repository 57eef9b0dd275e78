/**
 * The portfolio panel's script in a real browser engine under the panel's kind of policy, on the
 * sample organization's heatmap as the core renders it for a webview: what a click and Enter on a
 * cell send, and what survives a new view (scroll, focus), and what is never run or followed.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { portfolioBody } from '../../src/core/render';
import { portfolioCss } from '../../src/core/render/html/portfolioStyles';
import { portfolioOf, tarnValleyFiles } from '../support/portfolio';
import { chromiumAvailable, clearPosted, posted, savedState, send, WebviewHarness } from '../support/webviewHarness';

const harness = new WebviewHarness({ script: 'portfolio.ts', css: portfolioCss('webview'), viewport: { width: 500, height: 400 } });
const PORTAL = 'file:///ws/tarn-valley/customer-digital/customer-portal.2026-04.seven-attributes.assessment.yaml';
let view = '';

describe.skipIf(!chromiumAvailable)('portfolio script in a browser', () => {
  beforeAll(async () => {
    view = portfolioBody(await portfolioOf(tarnValleyFiles()), { mode: 'webview' });
    await harness.start();
  }, 60_000);
  afterAll(() => harness.stop());

  let page: Page;
  beforeEach(async () => {
    page = await harness.open('<main><p>Reading…</p></main>');
    await send(page, { type: 'update', body: view, generation: 7 });
    await page.locator('body[data-portfolio-generation="7"]').waitFor();
    await clearPosted(page);
  });
  afterEach(() => harness.closePages());

  /** The first cell of the unit's row that opens its source, with the offset it carries. */
  async function cellOf(uri: string) {
    const cell = page.locator(`tr[data-uri="${uri}"] td[data-source-offset]`).first();
    return { cell, offset: Number(await cell.getAttribute('data-source-offset')) };
  }

  it('says it is ready once loaded, and shows the view it is sent', async () => {
    const fresh = await harness.open('<main><p>Reading…</p></main>');
    expect(await posted(fresh)).toEqual([{ type: 'ready' }]);
    await send(fresh, { type: 'update', body: view, generation: 3 });
    await fresh.locator('h1', { hasText: 'Tarn Valley Water' }).waitFor();
    expect(await fresh.locator('tr[data-uri]').count()).toBeGreaterThanOrEqual(12);
  });

  it('asks to open the row\'s assessment at the cell\'s offset on a click and on Enter, naming the view', async () => {
    const { cell, offset } = await cellOf(PORTAL);
    expect(offset).toBeGreaterThan(0);
    await cell.scrollIntoViewIfNeeded();
    await cell.click();
    expect(await posted(page)).toEqual([{ type: 'open', uri: PORTAL, offset, generation: 7 }]);
    await clearPosted(page);
    await cell.focus();
    await page.keyboard.press('Enter');
    expect(await posted(page)).toEqual([{ type: 'open', uri: PORTAL, offset, generation: 7 }]);
  });

  it('sends nothing for a click on a unit\'s name, a heading or a link out of the page', async () => {
    await page.locator(`tr[data-uri="${PORTAL}"] th`).first().click();
    await page.locator('h1').click();
    await send(page, { type: 'update', body: '<main><a id="out" href="https://example.com/x">out</a><a id="cmd" href="command:workbench.action.terminal.new">run</a></main>', generation: 8 });
    await page.locator('#out').click();
    await page.locator('#cmd').click();
    expect(await posted(page)).toEqual([]);
    expect(page.url()).toBe('about:blank');
  });

  it('keeps the scroll position and the focused cell across a new view, and saves where it is scrolled', async () => {
    const { cell, offset } = await cellOf(PORTAL);
    await cell.focus();
    await page.evaluate(() => window.scrollTo(0, 600));
    await send(page, { type: 'update', body: view, generation: 8, folder: 'file:///ws/tarn-valley/' });
    await page.locator('body[data-portfolio-generation="8"]').waitFor();
    expect(await page.evaluate(() => window.scrollY)).toBe(600);
    expect(await page.evaluate(() => [document.activeElement?.closest('tr')?.getAttribute('data-uri'), document.activeElement?.getAttribute('data-source-offset')])).toEqual([PORTAL, String(offset)]);
    await page.waitForFunction(() => ((window as unknown as { __state: { scrollY?: number } }).__state?.scrollY ?? 0) === 600);
    expect(await savedState(page)).toEqual({ folder: 'file:///ws/tarn-valley/', scrollY: 600 });
  });

  it('goes back to where it was scrolled when it is loaded again (a hidden panel, a reload)', async () => {
    const restored = await harness.open('<main><p>Reading…</p></main>', { scrollY: 500 });
    await send(restored, { type: 'update', body: view, generation: 9 });
    await restored.locator('body[data-portfolio-generation="9"]').waitFor();
    expect(await restored.evaluate(() => window.scrollY)).toBe(500);
  });

  it('runs no script a view carries and ignores messages of the wrong shape', async () => {
    await send(page, { type: 'update', body: '<main><p id="x">new</p><script>window.__ran = true</script><img src="x" onerror="window.__ran = true"></main>', generation: 10 });
    await page.locator('#x').waitFor();
    expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
    for (const bad of [{ type: 'update', body: '<main id="bad"></main>', generation: -1 }, { type: 'update', body: 3, generation: 11 }, { type: 'notice', message: 5 }, { type: 'other' }, 'update']) await send(page, bad);
    await send(page, { type: 'notice', message: 'Could not update.' });
    await page.locator('[role="alert"]', { hasText: 'Could not update.' }).waitFor();
    expect(await page.locator('#bad').count()).toBe(0);
    expect(await page.locator('body').getAttribute('data-portfolio-generation')).toBe('10');
  });
});
