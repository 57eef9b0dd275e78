import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../../scripts/e2e/workbench.mjs';
import { cliDiagnostics, openSession, readWorkspaceFile, saveFromEditor, type Session, screenshotOnFailure } from './session';

// With Workspace Trust on and the folder not trusted, VS Code opens it in restricted mode. The
// extension declares that it supports untrusted workspaces (it never runs workspace code), so
// validation must work there just the same.

describe('Restricted mode', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession({ name: 'restricted', trust: true });
  });
  screenshotOnFailure(() => session);
  afterAll(async () => {
    await session?.close();
  });

  it('still validates an invalid sample exactly like the CLI', async () => {
    const wb = session.workbench;
    await wb.waitForRestrictedMode();
    const file = 'invalid/answer-not-in-scale.assessment.yaml';
    const expected = cliDiagnostics(session, file);
    expect(expected.length).toBeGreaterThan(0);
    await wb.openFile(file);
    const shown = await wb.waitForProblems((all) => all.filter((p) => p.file === 'answer-not-in-scale.assessment.yaml').length === expected.length,
      { file, message: 'the sample\'s problems in restricted mode' });
    const mine = shown.filter((p) => p.file === 'answer-not-in-scale.assessment.yaml');
    expect(mine.map((p) => [p.code, p.line, p.column, p.message])).toEqual(expected.map((d) => [d.code, d.line, d.column, d.message]));
    await wb.screenshot('restricted-mode');
  });

  it('answers in the questionnaire in restricted mode', async () => {
    const wb = session.workbench;
    const file = 'kestrel/2025-03.seven-attributes.assessment.yaml';
    const original = readWorkspaceFile(session, file);
    await wb.openFile(file);
    await wb.runCommand('Rubrics: Answer Questionnaire');
    const frame = await wb.webview('main.questionnaire');
    const group = frame.locator('article[data-criterion="olp-outside-in-design"] [role="radiogroup"]');
    expect(await group.getAttribute('data-selected')).toBe('no');
    await group.locator('[data-answer="yes"]').click();
    await until(async () => (await group.getAttribute('data-selected')) === 'yes', { message: 'the answer in the file' });
    await wb.screenshot('restricted-questionnaire');
    const saved = await saveFromEditor(session, file);
    expect(saved).toBe(original.replace('      olp-outside-in-design: no\n', '      olp-outside-in-design: yes\n'));
  });

  it('adds an assessor in restricted mode, and edits their answers', async () => {
    const wb = session.workbench;
    const file = 'kestrel/2025-03.seven-attributes.assessment.yaml';
    const before = readWorkspaceFile(session, file);
    const frame = await wb.webview('main.questionnaire .q-whose');
    await frame.locator('details.q-new-assessor > summary').click();
    const today = await frame.locator('#q-new-date').inputValue();
    await frame.locator('#q-new-name').fill('Lena Berg');
    await frame.locator('#q-new-name').press('Enter');
    await until(async () => (await frame.locator('#q-whose-h').innerText().catch(() => '')) === 'Editing the answers of Lena Berg', { message: 'the questionnaire of the new assessor\'s answers' });
    const group = frame.locator('article[data-criterion="olp-outside-in-design"] [role="radiogroup"]');
    await group.locator('[data-answer="no"]').click();
    await until(async () => (await group.getAttribute('data-selected')) === 'no', { message: 'her answer in the file' });
    const saved = await saveFromEditor(session, file);
    expect(saved.startsWith(`${before}consensus: median\nresponses:\n  lena-berg:\n    name: Lena Berg\n    date: ${today}\n    dimensions:\n`)).toBe(true);
    expect(saved).toMatch(/\n {10}olp-outside-in-design: no\n$/);
  });
});
