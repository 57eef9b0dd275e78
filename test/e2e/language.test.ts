import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/e2e/codeServer.mjs';
import { codeLenses } from '../../src/core/language/codeLens';
import { sevenAttributesAssessment } from '../support/sevenAttributes';
import { analyzeFile, cliDiagnostics, lineColumnOf, openSession, readWorkspaceFile, type Session, screenshotOnFailure } from './session';

// Language features in the real editor: hovers, CodeLens, quick fixes, snippets and completion.
// Expected texts come from the engine and the shipped snippet file, not from copies in the test.

/** A snippet's body from the catalog the language server offers. */
function snippetBody(prefix: string): string[] {
  const catalog = JSON.parse(fs.readFileSync(path.join(repoRoot, 'snippets', 'rubrics.snippets.json'), 'utf8')) as { snippets: { prefix: string; body: string[] }[] };
  const found = catalog.snippets.find((s) => s.prefix === prefix);
  if (!found) throw new Error(`no snippet with prefix ${prefix}`);
  return found.body;
}

/** A snippet body as VS Code inserts it when every placeholder keeps its default (a choice's first option). */
function expand(body: string[], indent: string): string {
  return body
    .map((line) => line
      .replace(/\$\{\d+\|([^,|}]*)[^}]*\}/g, '$1')
      .replace(/\$\{\d+:([^}]*)\}/g, '$1')
      .replace(/\$\d+/g, ''))
    // VS Code indents every line after the first like the line the snippet starts on, empty ones too.
    .map((line, i) => (i === 0 ? line : indent + line))
    .join('\n');
}

/** A fresh assessment, waiting under `dimensions:` for a snippet. */
const SNIPPET_FILE = 'new-assessment.yaml';
const SNIPPET_HEADER = sevenAttributesAssessment('snippet-check', 'Snippet Check');

describe('Language features', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession({ name: 'language', files: { [SNIPPET_FILE]: SNIPPET_HEADER } });
  });
  screenshotOnFailure(() => session);
  afterAll(async () => {
    await session?.close();
  });

  it('hovering a dimension shows its title and current level from the rubric', async () => {
    const file = 'kestrel/2026-03.seven-attributes.assessment.yaml';
    const analysis = await analyzeFile(session, file);
    const doc = analysis.documents[0];
    if (doc?.kind !== 'Assessment' || !doc.rubric || !doc.score) throw new Error('the sample should be a scored assessment');
    const dimension = doc.rubric.index.dimensions.get('business-fusion');
    const score = doc.score.dimensions.find((d) => d.id === 'business-fusion');
    if (!dimension || score?.level === undefined) throw new Error('business-fusion should be scored');
    if (doc.score.overall.level === undefined) throw new Error('the sample should have an overall level');

    await session.workbench.openFile(file);
    // The first test of a fresh window: hover once the engine has checked the file, not while its
    // request would queue behind the start-up scan of the workspace.
    await session.workbench.waitForRubricsStatus(new RegExp(`^Level ${doc.score.overall.level} `));
    const text = readWorkspaceFile(session, file);
    const at = lineColumnOf(text, 'business-fusion:', '\ndimensions:');
    await session.workbench.goTo(at.line, 1);
    // The CodeLens rows push the lines down as they appear: hover once they are on screen.
    const lenses = codeLenses(analysis).map((l) => l.title);
    await session.workbench.waitForCodeLenses((shown) => shown.some((l) => lenses.includes(l)), { message: 'the CodeLens rows around business-fusion' });
    const hover = await session.workbench.hover('business-fusion:', 'business-fusion', { expect: new RegExp(dimension.title) });
    expect(hover).toContain(dimension.title);
    expect(hover).toMatch(new RegExp(`level ${score.level}\\b`, 'i'));
    await session.workbench.screenshot('hover');
  });

  it('shows a CodeLens with each assessed dimension\'s level, as the engine computes it', async () => {
    const file = 'kestrel/2026-03.seven-attributes.assessment.yaml';
    const expected = codeLenses(await analyzeFile(session, file)).map((l) => l.title);
    expect(expected.length).toBe(7);
    await session.workbench.openFile(file);
    const text = readWorkspaceFile(session, file);
    await session.workbench.goTo(lineColumnOf(text, '\ndimensions:').line + 1, 1);
    const shown = await session.workbench.waitForCodeLenses((lenses) => lenses.length > 0 && lenses.every((l) => expected.includes(l)),
      { message: `CodeLens titles among ${JSON.stringify(expected)}` });
    // The lenses on screen are a run of the engine's, in the same order.
    const first = expected.indexOf(shown[0] as string);
    expect(shown).toEqual(expected.slice(first, first + shown.length));
  });

  it('fixes a misspelled dimension id with the did-you-mean quick fix', async () => {
    const file = 'invalid/unknown-dimension.assessment.yaml';
    const wb = session.workbench;
    await wb.openFile(file);
    const text = readWorkspaceFile(session, file);
    const at = lineColumnOf(text, 'landing-zones:');
    await wb.waitForProblems((all) => all.some((p) => p.code === 'unknown-dimension' && p.line === at.line), { file, message: 'the unknown-dimension problem' });
    await wb.goTo(at.line, at.column + 2);
    await wb.applyQuickFix('Change to "landing-zone"');
    const saved = await wb.saveAndRead(file);
    expect(saved).toContain('\n  landing-zone:\n');
    expect(saved).not.toMatch(/^ {2}landing-zones:/m);
    expect(cliDiagnostics(session, file).map((d) => d.code)).not.toContain('unknown-dimension');
  });

  it('completes an attribute snippet under dimensions: that validates, then completes the missing dimension ids', async () => {
    const file = SNIPPET_FILE;
    const header = SNIPPET_HEADER;
    const wb = session.workbench;
    await wb.openFile(file);
    await wb.goTo(8, 3);
    // The snippets come from the language server, as completions where a dimension entry fits.
    await wb.type('attr-business-fus');
    const offered = await wb.suggestions({ expect: /^attr-business-fusion$/ });
    expect(offered[0]).toBe('attr-business-fusion');
    await wb.press('Enter');
    // A choice placeholder opens its suggestion list; Escape closes it, a second one ends the snippet.
    await wb.press('Escape');
    await wb.press('Escape');
    const saved = await wb.saveAndRead(file);
    expect(saved).toBe(header + expand(snippetBody('attr-business-fusion'), '  '));
    expect(cliDiagnostics(session, file).filter((d) => d.severity === 'error')).toEqual([]);

    // On a new key under dimensions:, completion offers the rubric's other attributes.
    await wb.focusEditor();
    await wb.press('Control+End');
    const line = saved.split('\n').length;
    // A space is one of the server's trigger characters: typed before Go to Line, the completion
    // list it opens can close the Go to Line box. So: a new line, go there, then the indentation.
    await wb.insertText('\n');
    await wb.goTo(line + 1, 1);
    await wb.press('Shift+End'); // whatever indentation the editor carried over
    await wb.insertText('  ');
    const labels = await wb.suggestions({ expect: /persuasive-vision/ });
    expect(labels.join(' ')).toContain('persuasive-vision');
    expect(labels).not.toContain('business-fusion');
    await wb.press('Escape');
  });
});
