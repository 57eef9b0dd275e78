import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { DIAGNOSTIC_CODES } from '../../src/core/diagnostics/codes';
import { codeLenses } from '../../src/core/language/codeLens';
import { suite } from './runner';
import { sevenAttributesAssessment } from '../support/sevenAttributes';
import { analyzeWithEngine, assert, assertEqual, closeAllEditors, codeOf, openSample, positionOf, sampleUri, waitFor, waitForEngineDiagnostics } from './support';

// The language features, through the same VS Code commands the editor uses. Expected ids, titles
// and texts come from the engine's analysis of the same file.

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

async function assessmentOf(document: vscode.TextDocument) {
  const analysis = await analyzeWithEngine(document);
  const doc = analysis.documents[0];
  if (doc?.kind !== 'Assessment' || !doc.rubric) throw new Error(`${document.uri.path} should be an assessment with a rubric`);
  return { analysis, doc, rubric: doc.rubric };
}

/** A scratch file in the workspace (the extension treats untitled and saved files alike, but references resolve against a folder). */
async function scratchFile(name: string, text: string): Promise<vscode.TextDocument> {
  const uri = sampleUri(`suite-scratch/${name}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return (await openSample(`suite-scratch/${name}`)).document;
}

async function removeScratch(): Promise<void> {
  await closeAllEditors();
  await vscode.workspace.fs.delete(sampleUri('suite-scratch'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
}

suite('language features', (test) => {
  test('completion under dimensions: offers the rubric\'s dimensions that are not assessed yet', async () => {
    const document = await scratchFile('completion.assessment.yaml', sevenAttributesAssessment('completion-check', 'Completion Check', ['  business-fusion:', '    answers: {}']));
    try {
      const { rubric } = await assessmentOf(document);
      const missing = [...rubric.index.dimensions.keys()].filter((id) => id !== 'business-fusion');
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(9, 2));
      const labels = list.items.map(labelOf);
      for (const id of missing) assert(labels.includes(id), `completion should offer ${id}; offered ${JSON.stringify(labels)}`);
      assert(!labels.includes('business-fusion'), 'completion should not offer a dimension that is already assessed');
    } finally {
      await removeScratch();
    }
  });

  test('snippets come only in rubric documents, where they fit, after the place\'s own completions', async () => {
    const workflow = await scratchFile('deploy.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  \n');
    try {
      const foreign = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', workflow.uri, new vscode.Position(4, 2));
      const ours = foreign.items.map(labelOf).filter((l) => /^(attr|found|area|stream|rubric)-/.test(l));
      assert(ours.length === 0, `a Kubernetes file should get none of our snippets; got ${JSON.stringify(ours)}`);
      const assessment = await scratchFile('snippets.assessment.yaml', sevenAttributesAssessment('snippet-check', 'Snippet Check', ['  business-fusion:', '    answers: {}']));
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', assessment.uri, new vscode.Position(9, 2));
      const snippets = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet);
      const labels = snippets.map(labelOf);
      assert(labels.includes('attr-persuasive-vision'), `the attribute snippets should be offered under dimensions:; got ${JSON.stringify(labels)}`);
      assert(!labels.includes('attr-business-fusion'), 'a snippet for a dimension already assessed should not be offered');
      assert(labels.every((l) => l.startsWith('attr-')), `only the seven attributes' entries fit here; got ${JSON.stringify(labels)}`);
      const dimensions = list.items.filter((i) => i.kind !== vscode.CompletionItemKind.Snippet);
      assert(dimensions.length > 0, 'the rubric\'s dimensions should be offered too');
      const lastOwn = dimensions.map((i) => i.sortText ?? labelOf(i)).sort().pop() ?? '';
      assert(snippets.every((i) => (i.sortText ?? '') > lastOwn), 'snippets should sort after the completions of the place itself');
    } finally {
      await removeScratch();
    }
  });

  test('the walkthrough writes a sample assessment and opens it, and it checks clean', async () => {
    await closeAllEditors();
    const sample = sampleUri('getting-started.assessment.yaml');
    try {
      await vscode.commands.executeCommand('rubrics.walkthrough.openSample');
      const editor = await waitFor(() => (vscode.window.activeTextEditor?.document.uri.toString() === sample.toString() ? vscode.window.activeTextEditor : undefined), 'the sample in the editor');
      const shown = await waitForEngineDiagnostics(editor.document);
      assert(shown.every((line) => line.split(' ')[1] === 'information'), `the sample should have no errors or warnings; shown:\n${shown.join('\n')}`);
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(sample, { useTrash: false }).then(undefined, () => undefined);
    }
  });

  test('completion of an answer offers the values of the criterion\'s answer scale', async () => {
    const { document } = await openSample('kestrel/2026-03.seven-attributes.assessment.yaml');
    const { rubric } = await assessmentOf(document);
    const found = rubric.index.criteria.get('ao-criteria-agreed');
    assert(found, 'the rubric should define ao-criteria-agreed');
    const expected = (rubric.index.scaleOf(found.criterion)?.answers ?? []).map((a) => a.value);
    assert(expected.length >= 2, 'the criterion should have an answer scale');
    const key = positionOf(document, 'ao-criteria-agreed: ');
    const at = key.translate(0, 'ao-criteria-agreed: '.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, at);
    const labels = list.items.map(labelOf);
    for (const value of expected) assert(labels.includes(value), `completion should offer the answer ${value}; offered ${JSON.stringify(labels)}`);
    await closeAllEditors();
  });

  test('hover on a dimension key shows the rubric\'s title and description for it', async () => {
    const { document } = await openSample('kestrel/2026-03.seven-attributes.assessment.yaml');
    const { rubric } = await assessmentOf(document);
    const dimension = rubric.index.dimensions.get('persuasive-vision');
    assert(dimension, 'the rubric should define persuasive-vision');
    const at = positionOf(document, 'persuasive-vision:', '\ndimensions:').translate(0, 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at);
    const text = hoverText(hovers);
    assert(text.includes(dimension.title), `hover should name "${dimension.title}"; got:\n${text}`);
    await closeAllEditors();
  });

  test('CodeLens titles are the engine\'s, one per assessed dimension', async () => {
    const { document } = await openSample('kestrel/2026-03.nexgen-digital-services.assessment.yaml');
    await waitForEngineDiagnostics(document);
    const expected = codeLenses(await analyzeWithEngine(document)).map((l) => l.title);
    assert(expected.length > 0, 'the engine should give lenses for this assessment');
    const titles = await waitFor(async () => {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
      const t = lenses.map((l) => l.command?.title ?? '');
      return t.length === expected.length ? t : undefined;
    }, 'the CodeLens of every assessed dimension');
    assertEqual(titles, expected, 'CodeLens titles');
    await closeAllEditors();
  });

  test('the did-you-mean quick fix replaces an unknown dimension id, and the problem goes', async () => {
    const { document } = await openSample('invalid/unknown-dimension.assessment.yaml');
    const shown = await waitForEngineDiagnostics(document);
    assert(shown.some((l) => l.includes(' unknown-dimension ')), 'the sample should show unknown-dimension');
    const diagnostic = vscode.languages.getDiagnostics(document.uri).find((d) => codeOf(d) === 'unknown-dimension');
    assert(diagnostic, 'no unknown-dimension diagnostic');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === 'Change to "landing-zone"');
    assert(fix?.edit, `expected the fix 'Change to "landing-zone"'; offered ${JSON.stringify(actions.map((a) => a.title))}`);
    assert(fix.isPreferred, 'a single suggestion should be the preferred fix');
    assert(await vscode.workspace.applyEdit(fix.edit), 'the edit did not apply');
    assert(/^ {2}landing-zone:$/m.test(document.getText()) && !/^ {2}landing-zones:/m.test(document.getText()), 'the key should now be landing-zone');
    const after = await waitForEngineDiagnostics(document);
    assert(!after.some((l) => l.includes(' unknown-dimension ')), `unknown-dimension should be gone; shown:\n${after.join('\n')}`);
    await closeAllEditors();
  });

  test('go to definition on a relative rubric path opens the rubric file', async () => {
    const { document } = await openSample('kestrel/2026-03.claims-platform.assessment.yaml');
    await waitForEngineDiagnostics(document);
    const at = positionOf(document, './claims-platform.rubric.yaml').translate(0, 4);
    const targets = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, at);
    const uris = targets.map((t) => ('targetUri' in t ? t.targetUri : t.uri).toString());
    assert(uris.some((u) => u.endsWith('/kestrel/claims-platform.rubric.yaml')), `definition should lead to claims-platform.rubric.yaml; got ${JSON.stringify(uris)}`);
    await closeAllEditors();
  });

  test('the outline lists the assessed dimensions', async () => {
    const { document } = await openSample('kestrel/2026-03.seven-attributes.assessment.yaml');
    const { doc } = await assessmentOf(document);
    const assessed = Object.keys(doc.data?.dimensions ?? {});
    const symbols = await waitFor(async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
      return s?.length ? s : undefined;
    }, 'document symbols');
    const names: string[] = [];
    const walk = (list: vscode.DocumentSymbol[]) => list.forEach((s) => { names.push(s.name, s.detail); walk(s.children); });
    walk(symbols);
    for (const id of assessed) assert(names.some((n) => n.includes(id) || n.includes(doc.rubric?.index.dimensions.get(id)?.title ?? '\u0000')), `the outline should list ${id}; it has ${JSON.stringify(names)}`);
    await closeAllEditors();
  });

  test('a referenced rubric that is a FIFO is never opened, and one behind a link out of the workspace is never read: each reference says why', async () => {
    if (process.platform === 'win32') return; // no FIFOs or symbolic links to make there
    const sample = new TextDecoder().decode(await vscode.workspace.fs.readFile(sampleUri('kestrel/2026-03.claims-platform.assessment.yaml')));
    const referring = (rubric: string) => sample.replace('rubric: ./claims-platform.rubric.yaml', `rubric: ${rubric}`);
    await vscode.workspace.fs.createDirectory(sampleUri('suite-scratch'));
    execFileSync('mkfifo', [sampleUri('suite-scratch/pipe.rubric.yaml').fsPath]);
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'rubrics-suite-outside-'));
    fs.copyFileSync(sampleUri('kestrel/claims-platform.rubric.yaml').fsPath, path.join(outside, 'claims-platform.rubric.yaml'));
    fs.symlinkSync(path.join(outside, 'claims-platform.rubric.yaml'), sampleUri('suite-scratch/linked.rubric.yaml').fsPath);
    try {
      const piped = await scratchFile('pipe.assessment.yaml', referring('./pipe.rubric.yaml'));
      const why = await waitFor(() => vscode.languages.getDiagnostics(piped.uri).find((d) => codeOf(d) === 'rubric-not-found'), 'the FIFO reference\'s problem');
      assert(why.message.includes('is there but was not read: it is a FIFO (named pipe), not a regular file'), `expected the reason in the message; got ${why.message}`);
      const linked = await scratchFile('linked.assessment.yaml', referring('./linked.rubric.yaml'));
      const refused = await waitFor(() => vscode.languages.getDiagnostics(linked.uri).find((d) => codeOf(d) === 'reference-outside-workspace'), 'the linked reference\'s problem');
      assert(refused.message.includes('leads through a link to a file outside the workspace folder'), `expected the link to be named; got ${refused.message}`);
    } finally {
      await removeScratch();
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  test('diagnostics carry the source "rubrics", so problems are labelled and quick fixes find them', async () => {
    const { document } = await openSample('invalid/answer-not-in-scale.assessment.yaml');
    await waitForEngineDiagnostics(document);
    const ours = vscode.languages.getDiagnostics(document.uri).filter((d) => codeOf(d) in DIAGNOSTIC_CODES);
    assert(ours.length > 0 && ours.every((d) => d.source === 'rubrics'), `expected source "rubrics" on ${JSON.stringify(ours.map((d) => d.source))}`);
    await closeAllEditors();
  });
});
