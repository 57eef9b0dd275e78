import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../../scripts/e2e/workbench.mjs';
import { criterion, fileAnswers, overallScore } from './questionnairePage';
import { DARK_THEME, LIGHT_THEME, openSession, readWorkspaceFile, saveFromEditor, type Session, screenshotOnFailure, setTheme } from './session';

// The questionnaire of an assessment with several assessors: it says whose answers it edits, the
// person picks an assessor (with the mouse, then the keyboard) and answers; each answer lands in
// that assessor's response, as an ordinary edit that keeps every other byte (a dimension the
// response lacks is added under it), the score the page shows is the CLI's for the saved file, and
// Ctrl+Z takes the last answer back. An interviewer adds themselves by name ("Add an assessor…"):
// a name that is an assessor's already is refused beside the form, a new one becomes a response
// (one edit) whose answers the form then edits, and Ctrl+Z takes the answer, then the assessor,
// back. Screenshots in a light and a dark theme.

const FILE = 'kestrel/2026-06.digital-channels.assessment.yaml';

/** The text with `line` changed in the response of `assessor` only (the same line of another assessor stays). */
function inResponse(text: string, assessor: string, line: string, to: string): string {
  const start = text.indexOf(`\n  ${assessor}:\n`);
  const at = text.indexOf(line, start);
  expect(start, `${assessor}'s response in ${FILE}`).toBeGreaterThan(0);
  expect(at, `${line} in ${assessor}'s response`).toBeGreaterThan(start);
  return text.slice(0, at) + to + text.slice(at + line.length);
}

describe('Questionnaire with several assessors', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession({ name: 'questionnaire-assessors' });
  });
  screenshotOnFailure(() => session);
  afterAll(async () => {
    await session?.close();
  });

  /** Waits until the page is the questionnaire of this assessor's answers (the body the extension sends for the choice). */
  const editing = (frame: Frame, heading: string) => until(async () => (await frame.locator('#q-whose-h').innerText().catch(() => '')) === heading, { message: `the questionnaire to say "${heading}"` });

  it('edits the answers of the assessor chosen with the mouse or the keyboard, in their response only, and undoes the last one', async () => {
    const wb = session.workbench;
    const original = readWorkspaceFile(session, FILE);
    const scoreBefore = overallScore(session, FILE);
    await wb.openFile(FILE);
    await wb.runCommand('Rubrics: Answer Questionnaire');
    const frame = await wb.webview('main.questionnaire .q-whose');
    // By default, the agreed answers: the settled data map is chosen, the assessors' answers beside it.
    await editing(frame, 'Editing the agreed answers');
    expect(await criterion(frame, 'dfs-data-map').locator('[role="radiogroup"]').getAttribute('data-selected')).toBe('most');
    expect(await criterion(frame, 'dfs-data-map').locator('.q-others').innerText()).toMatch(/Amara Nwosu\s+most\s+Priya Raman\s+most\s+Grace Whitfield\s+some\s+Scored\s+most\s+\(the agreed answer\)/);

    // The mouse: Priya's answers; her "all" on the accountable owner becomes "most".
    await frame.locator('.q-whose-option', { hasText: 'Priya Raman' }).click();
    await editing(frame, 'Editing the answers of Priya Raman');
    expect(await frame.locator('main.questionnaire').getAttribute('data-assessor')).toBe('priya');
    await fileAnswers(frame, 'cs-accountable-owner', 'all');
    await criterion(frame, 'cs-accountable-owner').locator('[data-answer="most"]').click();
    await fileAnswers(frame, 'cs-accountable-owner', 'most');
    const afterPriya = inResponse(original, 'priya', 'cs-accountable-owner: all', 'cs-accountable-owner: most');
    expect(await saveFromEditor(session, FILE)).toBe(afterPriya);
    await frame.locator('.q-whose').scrollIntoViewIfNeeded();
    await wb.screenshot('questionnaire-assessors-light');

    // The keyboard: from Priya (the group's Tab stop) one step right is Grace; Enter chooses her.
    await frame.locator('.q-whose-option[aria-checked="true"]').focus();
    await wb.press('ArrowRight');
    expect(await frame.evaluate(() => document.activeElement?.textContent)).toBe('Grace Whitfield');
    await wb.press('Enter');
    await editing(frame, 'Editing the answers of Grace Whitfield');
    // Grace did not assess the vision: her answer adds the dimension under her response. "2" is "some".
    const landscape = criterion(frame, 'vs-technology-landscape-study');
    expect(await landscape.locator('.q-source').innerText()).toMatch(/^Not answered by Grace Whitfield yet/);
    await landscape.locator('[role="radio"][tabindex="0"]').focus();
    await wb.press('2');
    await fileAnswers(frame, 'vs-technology-landscape-study', 'some');
    const afterGrace = afterPriya.replace('          ti-lifecycle-plan: some\ndimensions:\n', '          ti-lifecycle-plan: some\n      vision-and-strategy:\n        answers:\n          vs-technology-landscape-study: some\ndimensions:\n');
    expect(afterGrace).not.toBe(afterPriya);
    expect(await saveFromEditor(session, FILE)).toBe(afterGrace);
    // Her answer is the only one there, so it is the consensus that is scored, and the vision is now
    // assessed (five of its six criteria without an answer): the page shows the CLI's new, lower score.
    const scoreAfter = overallScore(session, FILE);
    expect(scoreAfter).toBeLessThan(scoreBefore);
    await until(async () => Number(await frame.locator('.q-score').innerText()) === scoreAfter, { message: `the questionnaire to show the CLI's score ${scoreAfter}` });
    expect(await landscape.locator('.q-source').innerText()).toMatch(/^Answered by Grace Whitfield/);

    // Ctrl+Z in the editor (it has focus after the save) takes Grace's answer back, and only hers.
    await wb.press('Control+Z');
    await fileAnswers(frame, 'vs-technology-landscape-study', '');
    expect(await saveFromEditor(session, FILE)).toBe(afterPriya);
  });

  it('looks right in a dark theme', async () => {
    await setTheme(session, DARK_THEME);
    const frame = await session.workbench.webview('main.questionnaire .q-whose');
    await frame.locator('.q-whose').scrollIntoViewIfNeeded();
    // The choice stands out from the other assessors.
    const [chosen, other] = await Promise.all([
      frame.locator('.q-whose-option[aria-checked="true"]').evaluate((el) => getComputedStyle(el).backgroundColor),
      frame.locator('.q-whose-option[aria-checked="false"]').first().evaluate((el) => getComputedStyle(el).backgroundColor),
    ]);
    expect(chosen).not.toBe(other);
    await session.workbench.screenshot('questionnaire-assessors-dark');
    await criterion(frame, 'cs-accountable-owner').scrollIntoViewIfNeeded();
    await session.workbench.screenshot('questionnaire-assessors-dark-criterion');
  });

  it('adds an assessor by name, edits their answers, and undoes both', async () => {
    const wb = session.workbench;
    const before = readWorkspaceFile(session, FILE);
    let frame = await wb.webview('main.questionnaire .q-whose');
    let form = frame.locator('details.q-new-assessor');
    await form.locator('summary').click();
    const today = await frame.locator('#q-new-date').inputValue();
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // A name whose id is an assessor's already: refused beside the form, the name field marked, and nothing written.
    await frame.locator('#q-new-name').fill('Priya');
    await frame.locator('button[data-add-assessor]').click();
    await until(async () => /already has an assessor "priya" \(Priya Raman\)/.test(await frame.locator('#q-new-problem:not([hidden])').innerText().catch(() => '')), { message: 'the refusal of a taken name beside the form' });
    expect(await frame.locator('#q-new-name').getAttribute('aria-invalid')).toBe('true');
    await form.scrollIntoViewIfNeeded();
    await wb.screenshot('questionnaire-add-assessor-refused-dark');

    await setTheme(session, LIGHT_THEME);
    // (The theme may come with the page loaded again: the form is found, and opened, anew.)
    frame = await wb.webview('main.questionnaire .q-whose');
    form = frame.locator('details.q-new-assessor');
    if (!(await form.evaluate((d) => (d as HTMLDetailsElement).open))) await form.locator('summary').click();
    await frame.locator('#q-new-name').fill('Lena Berg');
    await frame.locator('#q-new-role').fill('Enterprise Architect');
    await form.scrollIntoViewIfNeeded();
    await wb.screenshot('questionnaire-add-assessor-light');
    await frame.locator('#q-new-name').press('Enter');
    // The form switches to her answers (the choice has her, checked), and closes.
    await editing(frame, 'Editing the answers of Lena Berg');
    expect(await frame.locator('.q-whose-option[aria-checked="true"]').getAttribute('data-assessor')).toBe('lena-berg');
    expect(await form.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await criterion(frame, 'cs-accountable-owner').locator('.q-source').innerText()).toMatch(/^Not answered by Lena Berg yet/);

    await criterion(frame, 'cs-accountable-owner').locator('[data-answer="most"]').click();
    await fileAnswers(frame, 'cs-accountable-owner', 'most');
    await frame.locator('.q-whose').scrollIntoViewIfNeeded();
    await wb.screenshot('questionnaire-add-assessor-added-light');
    // Her response goes after the last one, before the agreed answers, with the date unquoted; every other byte stays.
    const lena = `  lena-berg:\n    name: Lena Berg\n    role: Enterprise Architect\n    date: ${today}\n`;
    const answered = before.replace('\ndimensions:\n', `\n${lena}    dimensions:\n      cybersecurity:\n        answers:\n          cs-accountable-owner: most\ndimensions:\n`);
    expect(answered).not.toBe(before);
    expect(await saveFromEditor(session, FILE)).toBe(answered);

    // Ctrl+Z in the editor takes her answer back, then her response; the form then edits the agreed answers.
    await wb.press('Control+Z');
    await fileAnswers(frame, 'cs-accountable-owner', '');
    expect(await saveFromEditor(session, FILE)).toBe(before.replace('\ndimensions:\n', `\n${lena}dimensions:\n`));
    await wb.press('Control+Z');
    await editing(frame, 'Editing the agreed answers');
    expect(await saveFromEditor(session, FILE)).toBe(before);
  });
});
