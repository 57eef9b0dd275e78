import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliDiagnostics, openSession, type Session, screenshotOnFailure } from './session';

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
});
