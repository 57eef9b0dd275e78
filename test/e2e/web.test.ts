import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../../scripts/e2e/workbench.mjs';
import { cliDiagnostics, cliReport, lineColumnOf, openSession, readWorkspaceFile, saveFromEditor, type Session, screenshotOnFailure } from './session';

// The web extension (dist/web/extension.js, the build github.dev and vscode.dev load) in a real
// browser-based VS Code: code-server is told to run the extension in its web worker extension
// host, where there is no Node.js. The language server then runs in a Web Worker and reads every
// file through VS Code's file system API. Diagnostics, hover, completion and the preview must
// work as on the desktop.

const EXTENSION_ID = 'rubrics-as-code.rubrics-as-code';

/** The log of the server-side (Node.js) extension host. */
function nodeHostActivations(session: Session): string {
  const logs = path.join(session.server.userDataDir, 'logs');
  const files = fs.readdirSync(logs, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('remoteexthost.log'));
  return files.map((f) => fs.readFileSync(path.join(logs, f), 'utf8')).join('\n');
}

describe('Web extension in the web worker extension host', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession({
      name: 'web',
      settings: {
        // Run our extension where vscode.dev runs it: in the browser, not in the server's Node.js host.
        'remote.extensionKind': { [EXTENSION_ID]: ['web'] },
        'extensions.webWorker': true,
      },
    });
  });
  screenshotOnFailure(() => session);
  afterAll(async () => {
    await session?.close();
  });

  it('checks a file in the browser exactly like the CLI, reading the rubric it references', async () => {
    const wb = session.workbench;
    const file = 'invalid/unknown-dimension.assessment.yaml';
    const expected = cliDiagnostics(session, file);
    expect(expected.map((d) => d.code)).toContain('unknown-dimension');
    await wb.openFile(file);
    const rows = await wb.waitForProblems((all) => all.filter((p) => p.file === path.basename(file)).length === expected.length, { file, message: 'the CLI\'s problems from the web extension' });
    const byPosition = (a: unknown[], b: unknown[]) => String(a).localeCompare(String(b));
    expect(rows.map((p) => [p.line, p.column, p.code, p.message]).sort(byPosition)).toEqual(expected.map((d) => [d.line, d.column, d.code, d.message]).sort(byPosition));
    // It ran in the browser: the web worker extension host is up, and the Node.js host never activated it.
    expect(wb.page.frames().some((f) => /webWorkerExtensionHostIframe/.test(f.url()))).toBe(true);
    // (The host's start-up line may list the extension among those it could run; what counts is
    // that it never activated it.)
    const activations = nodeHostActivations(session).split('\n').filter((line) => line.includes('ExtensionService#_doActivateExtension'));
    expect(activations.length).toBeGreaterThan(0);
    expect(activations.filter((line) => line.includes(`_doActivateExtension ${EXTENSION_ID}`))).toEqual([]);
    await wb.screenshot('web-problems');
  });

  it('hovers and completes from the rubric', async () => {
    const wb = session.workbench;
    const file = 'kestrel/2026-03.seven-attributes.assessment.yaml';
    await wb.openFile(file);
    const text = readWorkspaceFile(session, file);
    const at = lineColumnOf(text, 'business-fusion:', '\ndimensions:');
    await wb.goTo(at.line, 1);
    const hover = await wb.hover('business-fusion:', 'business-fusion', { expect: /business fusion/i });
    expect(hover).toMatch(/level \d/i);
    const answer = lineColumnOf(text, 'ao-criteria-agreed: ');
    await wb.goTo(answer.line, answer.column + 'ao-criteria-agreed: '.length);
    const labels = await wb.suggestions({ expect: /^(yes|no|none|some|most|all)$/ });
    expect(labels.length).toBeGreaterThan(1);
    await wb.press('Escape');
  });

  it('shows the report preview with the CLI\'s overall score', async () => {
    const wb = session.workbench;
    const file = 'kestrel/2026-03.seven-attributes.assessment.yaml';
    const overall = (cliReport(session, file) as { assessment?: { overall?: { score: number } } }).assessment?.overall?.score;
    expect(typeof overall).toBe('number');
    await wb.openFile(file);
    await wb.runCommand('Rubrics: Open Report Preview to the Side');
    const frame = await wb.webview('.report');
    const shown = await until(async () => {
      const card = frame.locator('.card', { hasText: 'Overall score' }).locator('.card-value').first();
      if (!(await card.count())) return undefined;
      const match = /-?\d+(?:\.\d+)?/.exec(await card.innerText());
      return match ? Number(match[0]) : undefined;
    }, { message: 'the overall score in the preview' });
    expect(shown).toBe(Math.round((overall as number) * 100) / 100);
    await wb.screenshot('web-preview');
  });

  it('answers in the questionnaire, writing the file through the web extension\'s edit', async () => {
    const wb = session.workbench;
    const file = 'kestrel/2025-03.nexgen-digital-services.assessment.yaml';
    const original = readWorkspaceFile(session, file);
    await wb.openFile(file);
    await wb.runCommand('Rubrics: Answer Questionnaire');
    const frame = await wb.webview('main.questionnaire');
    const article = frame.locator('article[data-criterion="vs-strategic-focus"]');
    expect(original).toContain('      vs-strategic-focus: some\n');
    await article.locator('[data-answer="all"]').click();
    await until(async () => (await article.locator('[role="radiogroup"]').getAttribute('data-selected')) === 'all', { message: 'the answer in the file' });
    // The keyboard too: the number of an answer chooses it.
    await article.locator('[data-answer="all"]').focus();
    await wb.press('3');
    await until(async () => (await article.locator('[role="radiogroup"]').getAttribute('data-selected')) === 'most', { message: 'the second answer in the file' });
    await wb.screenshot('web-questionnaire');
    const saved = await saveFromEditor(session, file);
    expect(saved).toBe(original.replace('      vs-strategic-focus: some\n', '      vs-strategic-focus: most\n'));
  });

  it('adds the first assessor of an assessment through the web extension, with the consensus rule chosen in the form', async () => {
    const wb = session.workbench;
    const file = 'kestrel/2025-03.nexgen-digital-services.assessment.yaml';
    const before = readWorkspaceFile(session, file);
    expect(before).not.toMatch(/^(responses|consensus):/m);
    const frame = await wb.webview('main.questionnaire .q-whose');
    expect(await frame.locator('#q-whose-h').innerText()).toBe('Several assessors');
    await frame.locator('details.q-new-assessor > summary').click();
    const today = await frame.locator('#q-new-date').inputValue();
    await frame.locator('#q-new-name').fill('Lena Berg');
    await frame.locator('#q-new-consensus').selectOption('minimum');
    await frame.locator('button[data-add-assessor]').click();
    await until(async () => (await frame.locator('#q-whose-h').innerText().catch(() => '')) === 'Editing the answers of Lena Berg', { message: 'the questionnaire of the new assessor\'s answers' });
    await wb.screenshot('web-questionnaire-first-assessor');
    // The rule and her response go after the assessment's last key; its own answers stay the agreed ones.
    expect(await saveFromEditor(session, file)).toBe(`${before}consensus: minimum\nresponses:\n  lena-berg:\n    name: Lena Berg\n    date: ${today}\n`);
  });
});
