import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../../scripts/e2e/workbench.mjs';
import type { PortfolioModel, PortfolioUnit } from '../../src/core/views';
import { cliPortfolio, DARK_THEME, LIGHT_THEME, openSession, readWorkspaceFile, setTheme, type Session, screenshotOnFailure } from './session';

// "Rubrics: Open Portfolio" on the samples workspace: the panel shows Tarn Valley Water's twelve
// units with the scores `rubrics portfolio --format json` computes, a click on a cell opens the
// assessment on its dimension's line, and an edit of an assessment reaches the panel. Screenshots
// in light and dark, wide and at 500 px (test-results/e2e/portfolio-*.png): look at them.

const SECURE = 'tarn-valley/customer-digital/customer-portal.2026-04.secure-delivery.assessment.yaml';
const TARN_UNITS = 12;

function unitOf(model: PortfolioModel, rubric: string, path: string): PortfolioUnit {
  const unit = model.tables.find((t) => t.rubric.id === rubric)?.units.find((u) => u.assessment.path === path);
  if (!unit) throw new Error(`rubrics portfolio shows no ${path} against ${rubric}`);
  return unit;
}

/** The score a cell shows (its first number: "2.25/2 ✓" → 2.25). */
async function cellScore(frame: Frame, selector: string): Promise<number | undefined> {
  const cell = frame.locator(selector).first();
  if (!(await cell.count())) return undefined;
  const match = /-?\d+(?:\.\d+)?/.exec(await cell.innerText());
  return match ? Number(match[0]) : undefined;
}

/** The portfolio rounds scores to two decimals. */
const shown = (score: number | undefined) => (score === undefined ? undefined : Math.round(score * 100) / 100);

describe('Portfolio panel', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession({ name: 'portfolio' });
  });
  screenshotOnFailure(() => session);
  afterAll(async () => {
    await session?.close();
  });

  /** The panel of the whole workspace (from the Command Palette) or of a folder (from its menu in the Explorer), once every Tarn Valley unit shows. */
  async function openPortfolio(folder?: string): Promise<Frame> {
    const wb = session.workbench;
    if (folder === undefined) await wb.runCommand('Rubrics: Open Portfolio');
    else {
      // The menu takes a click only once it has settled: open it and pick the item until it closes.
      const item = wb.page.locator('.monaco-menu .action-item', { hasText: 'Open Portfolio' }).first();
      await until(async () => {
        if (!(await item.isVisible().catch(() => false))) await wb.page.locator('.explorer-folders-view .monaco-list-row', { hasText: folder }).first().click({ button: 'right' });
        await item.waitFor({ timeout: 5_000 });
        await item.hover();
        await item.click();
        return item.waitFor({ state: 'hidden', timeout: 2_000 }).then(() => true, () => false);
      }, { timeout: 30_000, interval: 0, message: `"Open Portfolio" in the Explorer's menu of ${folder}` });
    }
    const frame = await wb.webview(folder === undefined ? 'main.portfolio' : 'h1:has-text("Tarn Valley Water: portfolio")');
    // The language server scans the workspace in the background: wait for every Tarn Valley unit.
    await until(async () => {
      const units = await frame.locator('tr[data-uri][data-path^="tarn-valley/"] th').evaluateAll((ths) => new Set(ths.map((th) => th.firstChild?.textContent ?? '')).size).catch(() => 0);
      return units === TARN_UNITS;
    }, { timeout: 90_000, message: `the ${TARN_UNITS} units of Tarn Valley Water in the portfolio` });
    return frame;
  }

  it('shows the units with the scores the CLI computes, opens a cell\'s dimension in its assessment, and follows an edit', async () => {
    const wb = session.workbench;
    const frame = await openPortfolio();
    const model = cliPortfolio(session, 'tarn-valley');
    const unit = unitOf(model, 'tarn-secure-delivery', SECURE);
    const testing = unit.dimensions.find((d) => d.id === 'security-testing');
    expect(testing?.sourceOffset).toBeGreaterThan(0);
    const cell = `tr[data-uri$="/${SECURE}"] td[data-source-offset="${testing?.sourceOffset}"]`;
    expect(await cellScore(frame, cell)).toBe(shown(testing?.score));
    await wb.screenshot('portfolio-workspace-light');

    // A click opens the assessment with the cursor on the dimension's line.
    const text = readWorkspaceFile(session, SECURE);
    const line = text.slice(0, testing?.sourceOffset).split('\n').length;
    expect(text.split('\n')[line - 1]).toMatch(/^ {2}security-testing:/);
    await frame.locator(cell).click();
    await wb.activeTab('customer-portal.2026-04.secure-delivery.assessment.yaml');
    await until(async () => (await wb.cursorPosition()).line === line, { message: `the cursor on line ${line}` });

    // An answer changed and saved: the panel shows the new score, the one the CLI computes.
    await wb.replaceText('st-3-depth: "no"', 'st-3-depth: "yes"');
    await wb.saveAndRead(SECURE);
    const after = unitOf(cliPortfolio(session, 'tarn-valley'), 'tarn-secure-delivery', SECURE).dimensions.find((d) => d.id === 'security-testing');
    expect(shown(after?.score)).not.toBe(shown(testing?.score));
    await until(async () => (await cellScore(frame, cell)) === shown(after?.score), { message: `the panel to show ${shown(after?.score)} for Customer Portal's security testing` });
  });

  it('opens on a folder from the Explorer, and looks right in light and dark themes and at 500 px', async () => {
    const wb = session.workbench;
    await wb.runCommand('View: Close All Editors');
    const frame = await openPortfolio('tarn-valley');
    // Only the folder's assessments: Kestrel Mutual and the invalid samples are elsewhere.
    const paths = await frame.locator('tr[data-uri]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-path') ?? ''));
    expect(paths.length).toBeGreaterThanOrEqual(TARN_UNITS);
    expect(paths.filter((p) => !p.startsWith('tarn-valley/'))).toEqual([]);
    expect(await frame.locator('.notice').count()).toBe(0);
    await wb.screenshot('portfolio-light');

    await themed(DARK_THEME);
    const background = await frame.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor);
    const [r = 255, g = 255, b = 255] = (background.match(/\d+/g) ?? []).map(Number);
    expect(r + g + b).toBeLessThan(200);
    await wb.screenshot('portfolio-dark');

    // The panel alone, 500 px wide: the unit names stay in view and the page itself does not scroll sideways.
    await wb.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await wb.runCommand('View: Toggle Primary Side Bar Visibility');
    // The page's own width is what the heatmap lays out in; the workbench around it takes the rest (and settles after each resize).
    let viewport = 600;
    await wb.page.setViewportSize({ width: viewport, height: 900 });
    await until(async () => {
      const inner = await frame.evaluate(() => window.innerWidth).catch(() => undefined);
      if (inner === undefined) return false;
      if (Math.abs(inner - 500) <= 2) return true;
      viewport += 500 - inner;
      await wb.page.setViewportSize({ width: viewport, height: 900 });
      return false;
    }, { timeout: 30_000, interval: 300, message: 'the panel to be 500 px wide' });
    expect(await frame.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
    const heatmap = frame.locator('table.heatmap').first();
    await heatmap.scrollIntoViewIfNeeded();
    const unit = await frame.locator('table.heatmap tbody th[scope="row"]').first().boundingBox();
    expect(unit?.x).toBeGreaterThanOrEqual(0);
    await wb.screenshot('portfolio-dark-500');
    await themed(LIGHT_THEME);
    await heatmap.scrollIntoViewIfNeeded();
    await wb.screenshot('portfolio-light-500');

    // High contrast: every cell outlined in the theme's contrast border.
    await until(async () => {
      await wb.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await wb.runCommand('Preferences: Color Theme');
      await wb.page.locator('.quick-input-widget input').fill('Dark High Contrast');
      const row = wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Dark High Contrast' }).first();
      if (!(await row.waitFor({ timeout: 5_000 }).then(() => true, () => false))) return false;
      await row.click();
      return wb.page.locator('.monaco-workbench.hc-black').first().waitFor({ timeout: 10_000 }).then(() => true, () => false);
    }, { timeout: 60_000, interval: 0, message: 'the high-contrast theme' });
    await wb.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await until(async () => (await frame.locator('body.vscode-high-contrast').count()) > 0, { message: 'the panel in high contrast' });
    const border = await frame.locator('table.heatmap td[data-source-offset]').first().evaluate((td) => getComputedStyle(td).borderTopColor);
    const contrastBorder = await frame.locator('body').evaluate((body) => getComputedStyle(body).getPropertyValue('--vscode-contrastBorder').trim());
    expect(contrastBorder).not.toBe('');
    expect(border).not.toBe(await frame.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor));
    await heatmap.scrollIntoViewIfNeeded();
    await wb.screenshot('portfolio-high-contrast-500');
  });

  /** Switches the theme and waits for the picker to be gone, so the screenshot shows the panel alone. */
  async function themed(theme: string): Promise<void> {
    await setTheme(session, theme);
    await session.workbench.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }
});
