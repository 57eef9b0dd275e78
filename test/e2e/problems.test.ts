import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../scripts/e2e/workbench.mjs';
import { cliDiagnostics, openSession, type CliDiagnostic, type Session, screenshotOnFailure } from './session';

// The Problems panel must show what `rubrics validate` prints for the same file: same codes,
// messages, severities and line:column (VS Code shows the start of each range).

function fromCli(d: CliDiagnostic) {
  return { severity: d.severity, code: d.code, message: d.message, line: d.line, column: d.column };
}
function fromPanel(p: Problem) {
  return { severity: p.severity, code: p.code, message: p.message, line: p.line, column: p.column };
}
const byPosition = (a: { line?: number; column?: number; code: string }, b: { line?: number; column?: number; code: string }) =>
  (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.code.localeCompare(b.code);

describe('Problems panel', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession({ name: 'problems' });
  });
  screenshotOnFailure(() => session);
  afterAll(async () => {
    await session?.close();
  });

  async function problemsOf(relativePath: string, count: number): Promise<Problem[]> {
    const name = path.basename(relativePath);
    const rows = await session.workbench.waitForProblems((all) => all.filter((p) => p.file === name).length === count,
      { file: relativePath, message: `${count} problem(s) of ${name} in the Problems panel` });
    return rows.filter((p) => p.file === name);
  }

  it.each([
    'invalid/unknown-dimension.assessment.yaml',
    'invalid/answer-not-in-scale.assessment.yaml',
    'invalid/yaml-syntax.assessment.yaml',
    'invalid/schema-required.assessment.yaml',
  ])('shows the CLI\'s problems for %s: code, message, line and column', async (file) => {
    const expected = cliDiagnostics(session, file);
    expect(expected.length).toBeGreaterThan(0);
    await session.workbench.openFile(file);
    const shown = await problemsOf(file, expected.length);
    expect(shown.map(fromPanel).sort(byPosition)).toEqual(expected.map(fromCli).sort(byPosition));
    if (file.includes('unknown-dimension')) await session.workbench.screenshot('problems-panel');
  });

  it('clears the problems once the mistake is fixed by typing', async () => {
    const file = 'invalid/unknown-dimension.assessment.yaml';
    const wb = session.workbench;
    await wb.openFile(file);
    const before = await problemsOf(file, cliDiagnostics(session, file).length);
    expect(before.map((p) => p.code)).toContain('unknown-dimension');

    await wb.replaceText('landing-zones:', 'landing-zone:');
    const saved = await wb.saveAndRead(file);
    expect(saved).toContain('  landing-zone:\n');
    const after = cliDiagnostics(session, file);
    expect(after.map((d) => d.code)).not.toContain('unknown-dimension');
    const shown = await problemsOf(file, after.length);
    expect(shown.map(fromPanel).sort(byPosition)).toEqual(after.map(fromCli).sort(byPosition));
  });
});
