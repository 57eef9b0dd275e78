import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../../scripts/e2e/workbench.mjs';
import { cliReport, DARK_THEME, LIGHT_THEME, lineColumnOf, openSession, readWorkspaceFile, setTheme, type Session, screenshotOnFailure } from './session';

// The preview beside the editor shows the same overall score as `rubrics report --format json`,
// and follows the text as it is typed.

interface Overall {
  score: number;
  level: number;
}

function overallFromCli(session: Session, file: string): Overall {
  const report = cliReport(session, file) as { assessment?: { overall?: Overall } };
  const overall = report.assessment?.overall;
  if (!overall || typeof overall.score !== 'number') throw new Error(`rubrics report gave no overall score for ${file}`);
  return overall;
}

/** The number in the report's "Overall score" card (e.g. "2.57 of 5" → 2.57). */
async function previewOverallScore(frame: Frame): Promise<number | undefined> {
  const card = frame.locator('.card', { hasText: 'Overall score' }).locator('.card-value').first();
  if (!(await card.count())) return undefined;
  const match = /-?\d+(?:\.\d+)?/.exec(await card.innerText());
  return match ? Number(match[0]) : undefined;
}

/** The report rounds scores to two decimals. */
const shown = (score: number) => Math.round(score * 100) / 100;

describe('Report preview', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession({ name: 'preview' });
  });
  screenshotOnFailure(() => session);
  afterAll(async () => {
    await session?.close();
  });

  async function openPreviewOf(file: string): Promise<Frame> {
    const wb = session.workbench;
    await wb.openFile(file);
    await wb.runCommand('Rubrics: Open Report Preview to the Side');
    return wb.webview('.report');
  }

  it('shows the overall score that the CLI reports', async () => {
    const file = 'kestrel/2026-03.seven-attributes.assessment.yaml';
    const expected = overallFromCli(session, file);
    const frame = await openPreviewOf(file);
    const score = await until(() => previewOverallScore(frame), { message: 'the overall score in the preview' });
    expect(score).toBe(shown(expected.score));
    await session.workbench.screenshot('preview-light');
    // The radar chart of the seven attributes, further down the report.
    const radar = frame.locator('svg.radar');
    expect(await radar.count()).toBe(1);
    await radar.scrollIntoViewIfNeeded();
    await session.workbench.screenshot('preview-light-chart');
    await setTheme(session, DARK_THEME);
    // The report is themed with VS Code's colours: its background follows the theme.
    const background = await until(async () => {
      const color = await frame.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor);
      const [r = 255, g = 255, b = 255] = (color.match(/\d+/g) ?? []).map(Number);
      return r + g + b < 200 ? color : undefined;
    }, { message: 'a dark preview background after switching to a dark theme' });
    expect(background).toBeTruthy();
    await session.workbench.screenshot('preview-dark-chart');
    await frame.locator('body').evaluate(() => window.scrollTo(0, 0));
    await session.workbench.screenshot('preview-dark');
    await setTheme(session, LIGHT_THEME);
  });

  it('follows the rubric documents opened from the Explorer and with Quick Open, which the language server had not seen', async () => {
    const wb = session.workbench;
    const frame = await openPreviewOf('kestrel/2026-03.seven-attributes.assessment.yaml');
    await until(async () => (await frame.locator('main.report-assessment').count()) > 0, { message: 'the assessment\'s report' });
    // Give the keyboard back to the workbench, and the first editor group the focus, as a person clicking the Explorer would.
    await wb.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await wb.runCommand('View: Focus First Editor Group');
    const explorer = wb.page.locator('.explorer-folders-view');
    const row = (name: string) => explorer.locator('.monaco-list-row', { hasText: name }).first();
    if (!(await row('roadmap-2026-2028.plan.yaml').isVisible().catch(() => false))) await row('kestrel').click();
    await row('roadmap-2026-2028.plan.yaml').click();
    await wb.activeTab('roadmap-2026-2028.plan.yaml');
    const plan = await wb.webview('main.report-plan');
    expect(await plan.locator('h1').innerText()).toBe('Kestrel IT 2028: from keeping the lights on to growing the mutual');
    await wb.screenshot('preview-follows-plan');
    await wb.openFile('kestrel/2025-03.it4it-legacy-alignment.assessment.yaml');
    await until(async () => /IT4IT/i.test(await (await wb.webview('main.report-assessment')).locator('header').innerText()), { message: 'the preview to follow the assessment opened with Quick Open' });
  });

  it('updates the score as a level is typed, to what the CLI computes for the new text', async () => {
    const file = 'kestrel/2026-03.claims-platform.assessment.yaml';
    const wb = session.workbench;
    const before = overallFromCli(session, file);
    const frame = await openPreviewOf(file);
    await until(async () => (await previewOverallScore(frame)) === shown(before.score), { message: `the preview to show ${shown(before.score)}` });

    // Raise release-automation from level 2 to 4 by typing over the digit in the editor.
    const text = readWorkspaceFile(session, file);
    const at = lineColumnOf(text, 'level: 2', 'release-automation:');
    await wb.goTo(at.line, at.column + 'level: '.length);
    await wb.press('Shift+ArrowRight');
    await wb.type('4');
    const changed = await until(async () => {
      const score = await previewOverallScore(frame);
      return score !== undefined && score !== shown(before.score) ? score : undefined;
    }, { message: 'the preview score to change after the edit' });

    const saved = await wb.saveAndRead(file);
    expect(saved.slice(saved.indexOf('release-automation:'))).toMatch(/^release-automation:\n\s+level: 4\n/);
    const after = overallFromCli(session, file);
    expect(after.score).toBeGreaterThan(before.score);
    expect(changed).toBe(shown(after.score));
  });
});
