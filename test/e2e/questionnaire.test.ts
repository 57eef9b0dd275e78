import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../../scripts/e2e/workbench.mjs';
import { criterion, fileAnswers, overallScore } from './questionnairePage';
import { openSession, readWorkspaceFile, saveFromEditor, type Session, screenshotOnFailure } from './session';

// The questionnaire in the preview: answering with the mouse and the keyboard writes the answers
// into the assessment as ordinary edits (comments and layout kept, Ctrl+Z takes the last one
// back), and the score it shows is the one the CLI computes for the saved file. Then how it looks
// in a light, a dark and a high-contrast theme, and at 400 px.

const FILE = 'kestrel/2026-03.nexgen-digital-services.assessment.yaml';

const THEMES = [
  { name: 'light', label: 'Light Modern', workbench: '.monaco-workbench.vs' },
  { name: 'dark', label: 'Dark Modern', workbench: '.monaco-workbench.vs-dark' },
  { name: 'high-contrast', label: 'Dark High Contrast', workbench: '.monaco-workbench.hc-black' },
] as const;

/** The text with one answer line changed, failing when the line is not there exactly once. */
function answered(text: string, criterion: string, from: string, to: string): string {
  const line = `      ${criterion}: ${from}\n`;
  expect(text.split(line).length - 1, `${criterion}: ${from} in ${FILE}`).toBe(1);
  return text.replace(line, `      ${criterion}: ${to}\n`);
}

describe('Questionnaire', () => {
  let session: Session;
  beforeAll(async () => {
    // In git, as the demo's samples are: the report then shows the change since HEAD.
    session = await openSession({ name: 'questionnaire', git: true });
  });
  screenshotOnFailure(() => session);
  afterAll(async () => {
    await session?.close();
  });

  const shownScore = async (frame: Frame) => Number(await frame.locator('.q-score').innerText());
  const saveAndRead = () => saveFromEditor(session, FILE);

  it('answers three criteria with the mouse and two with the keyboard, keeps the file as written, and undoes the last one', async () => {
    const wb = session.workbench;
    const original = readWorkspaceFile(session, FILE);
    await wb.openFile(FILE);
    await wb.runCommand('Rubrics: Answer Questionnaire');
    const frame = await wb.webview('main.questionnaire');
    await until(async () => (await frame.locator('#q-progress').innerText()).includes('answered'), { message: 'the questionnaire\'s progress' });
    const before = await frame.locator('#q-progress').innerText();
    await wb.screenshot('questionnaire-light');

    // The mouse: three answers, each waited for in the file before the next.
    await criterion(frame, 'vs-board-level-technology').locator('[data-answer="some"]').click();
    await fileAnswers(frame, 'vs-board-level-technology', 'some');
    await criterion(frame, 'dti-applied-broadly').locator('[data-answer="most"]').click();
    await fileAnswers(frame, 'dti-applied-broadly', 'most');
    await criterion(frame, 'iso-sandboxes').locator('[data-answer="all"]').click();
    await fileAnswers(frame, 'iso-sandboxes', 'all');

    // The keyboard: a number chooses; the arrows move and Space chooses.
    await criterion(frame, 'cs-whole-estate').locator('[role="radio"][tabindex="0"]').focus();
    await wb.press('4');
    await fileAnswers(frame, 'cs-whole-estate', 'all');
    await criterion(frame, 'da-competitive-advantage').locator('[role="radio"][tabindex="0"]').focus();
    await wb.press('ArrowRight');
    await wb.press('Space');
    await fileAnswers(frame, 'da-competitive-advantage', 'some');
    // Focus stayed on the answer chosen, across the new page the edit brought.
    expect(await frame.evaluate(() => document.activeElement?.getAttribute('data-answer'))).toBe('some');

    let expected = answered(original, 'vs-board-level-technology', 'none', 'some');
    expected = answered(expected, 'dti-applied-broadly', 'none', 'most');
    expected = answered(expected, 'iso-sandboxes', 'some', 'all');
    expected = answered(expected, 'cs-whole-estate', 'most', 'all');
    const allFive = answered(expected, 'da-competitive-advantage', 'none', 'some');
    expect(await saveAndRead()).toBe(allFive);
    const scoreAfterFive = overallScore(session, FILE);
    await until(async () => (await shownScore(frame)) === scoreAfterFive, { message: `the questionnaire to show the CLI's score ${scoreAfterFive}` });
    expect(await frame.locator('#q-progress').innerText()).toBe(before);
    await wb.screenshot('questionnaire-answered-light');

    // Ctrl+Z in the editor takes back the last answer only (the editor has focus after the save).
    await wb.press('Control+Z');
    await fileAnswers(frame, 'da-competitive-advantage', 'none');
    expect(await saveAndRead()).toBe(expected);
    const scoreAfterUndo = overallScore(session, FILE);
    expect(scoreAfterUndo).toBeLessThan(scoreAfterFive);
    await until(async () => (await shownScore(frame)) === scoreAfterUndo, { message: `the questionnaire to show the CLI's score ${scoreAfterUndo} after the undo` });

    // The report, one click away, shows how far the answers moved the score since HEAD.
    await frame.locator('button[data-view="report"]').click();
    const report = await wb.webview('main.report-assessment #change');
    const overallRow = report.locator('#change tr', { hasText: 'Overall score' });
    await overallRow.waitFor();
    expect(await report.locator('#change h2').innerText()).toBe('Since HEAD');
    expect(await overallRow.locator('td').nth(2).innerText()).toBe(String(scoreAfterUndo));
    expect(await overallRow.locator('td.tone-good').count()).toBe(1);
    await wb.screenshot('questionnaire-report-since-head');
    await report.locator('button[data-view="questionnaire"]').click();
    await wb.webview('main.questionnaire');
  });

  it('writes a note and an evidence link, and clears an answer', async () => {
    const wb = session.workbench;
    const frame = await wb.webview('main.questionnaire');
    const target = criterion(frame, 'vs-financial-returns');
    await target.locator('textarea[data-field="note"]').fill('Two business cases with a measured return in 2025.');
    await target.locator('input[data-field="evidence"]').fill('https://intranet.kestrel.example/finance/returns-2025');
    // Leaving the note for the evidence box saves the note; Enter adds the link.
    await target.locator('input[data-field="evidence"]').press('Enter');
    await until(async () => (await target.locator('[data-evidence]').count()) === 1, { message: 'the evidence link in the file' });
    await until(async () => (await target.locator('textarea[data-field="note"]').inputValue()) === 'Two business cases with a measured return in 2025.', { message: 'the note' });
    const text = await saveAndRead();
    expect(text).toContain(
      '      vs-financial-returns:\n        answer: some\n        note: Two business cases with a measured return in 2025.\n        evidence:\n          - https://intranet.kestrel.example/finance/returns-2025\n',
    );
    // Evidence with a title and date keeps them when a link is added beside it and removed again.
    const titled = criterion(frame, 'vs-business-decisions');
    const before = await saveAndRead();
    await titled.locator('input[data-field="evidence"]').fill('./minutes/exco-2026-01.md');
    await titled.locator('input[data-field="evidence"]').press('Enter');
    await until(async () => (await titled.locator('[data-evidence]').count()) === 2, { message: 'the second evidence entry in the file' });
    const added = await saveAndRead();
    expect(added).toContain('            url: https://intranet.kestrel.example/exco/terms-of-reference\n          - ./minutes/exco-2026-01.md\n');
    await titled.locator('button[data-remove-evidence="1"]').click();
    await until(async () => (await titled.locator('[data-evidence]').count()) === 1, { message: 'the link to be removed from the file' });
    expect(await saveAndRead()).toBe(before);
    await criterion(frame, 'vs-strategic-focus').locator('button[data-clear]').click();
    await fileAnswers(frame, 'vs-strategic-focus', '');
    expect(await saveAndRead()).not.toContain('vs-strategic-focus');
    expect(await criterion(frame, 'vs-strategic-focus').locator('.q-source').innerText()).toMatch(/^Not answered yet/);
  });

  it('looks right in a light, a dark and a high-contrast theme, and at 400 px', async () => {
    const wb = session.workbench;
    for (const theme of THEMES) {
      await wb.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await until(async () => {
        if (await wb.page.locator(theme.workbench).count()) return true;
        await wb.runCommand('Preferences: Color Theme');
        await wb.page.locator('.quick-input-widget input').fill(theme.label);
        const row = wb.page.locator('.quick-input-list .monaco-list-row', { hasText: theme.label }).first();
        if (!(await row.waitFor({ timeout: 5_000 }).then(() => true, () => false))) return false;
        await row.click();
        return wb.page.locator(theme.workbench).waitFor({ timeout: 10_000 }).then(() => true, () => false);
      }, { timeout: 60_000, interval: 0, message: `the ${theme.name} theme` });
      const frame = await wb.webview('main.questionnaire');
      await criterion(frame, 'vs-technology-landscape-study').scrollIntoViewIfNeeded();
      // The chosen answer stands out from the others in every theme.
      const [chosen, other] = await Promise.all([
        criterion(frame, 'vs-technology-landscape-study').locator('[aria-checked="true"]').evaluate((el) => getComputedStyle(el).backgroundColor + getComputedStyle(el).outlineStyle),
        criterion(frame, 'vs-technology-landscape-study').locator('[aria-checked="false"]').first().evaluate((el) => getComputedStyle(el).backgroundColor + getComputedStyle(el).outlineStyle),
      ]);
      expect(chosen, `the chosen answer in ${theme.name}`).not.toBe(other);
      await wb.screenshot(`questionnaire-${theme.name}`);
    }

    // 400 px: the preview beside its assessment in a narrow window, the side bar hidden. The
    // preview gets a share of the window, so the window's width is found by steps (secant).
    const frame = await wb.webview('main.questionnaire');
    await wb.runCommand('View: Toggle Primary Side Bar Visibility');
    const previewWidth = async (viewport: number) => {
      await wb.page.setViewportSize({ width: Math.round(viewport), height: 900 });
      return until(() => frame.evaluate(() => window.innerWidth).catch(() => undefined), { message: 'the preview\'s width' });
    };
    let [x0, y0] = [800, await previewWidth(800)];
    let [x1, y1] = [1000, await previewWidth(1000)];
    for (let attempt = 0; attempt < 6 && Math.abs(y1 - 400) > 2; attempt++) {
      const next = x1 + ((400 - y1) * (x1 - x0)) / (y1 - y0 || 1);
      [x0, y0] = [x1, y1];
      [x1, y1] = [next, await previewWidth(next)];
    }
    const width = await frame.evaluate(() => window.innerWidth);
    expect(Math.abs(width - 400), `the preview is ${width} px wide`).toBeLessThanOrEqual(2);
    // Nothing is wider than the panel: no sideways scrolling.
    expect(await frame.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await frame.locator('#q-progress').scrollIntoViewIfNeeded();
    await wb.screenshot('questionnaire-high-contrast-400');
    await criterion(frame, 'vs-financial-returns').scrollIntoViewIfNeeded();
    await wb.screenshot('questionnaire-high-contrast-400-criterion');
    // The interview guide: the built-in rubric's guidance and question, with what to look for.
    const guide = criterion(frame, 'vs-financial-returns').locator('details.q-guide');
    await guide.locator('summary').click();
    await guide.locator('.q-ask').waitFor();
    expect(await guide.locator('.q-ask').innerText()).toMatch(/\?$/);
    expect(await guide.locator('.q-look li').count()).toBeGreaterThan(0);
    await guide.scrollIntoViewIfNeeded();
    await wb.screenshot('questionnaire-high-contrast-400-guide');
  });
});
