import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { CodeLens, CompletionItem, CompletionList, Diagnostic, DocumentSymbol, Hover, Location } from 'vscode-languageserver/node';
import { generateBenchDocuments } from '../../bench/generate';
import { DIAGNOSTIC_CODES } from '../../src/core/diagnostics/codes';
import { Engine } from '../../src/core/engine';
import { MemoryFileHost } from '../../src/core/resolve/host';
import { LineIndex } from '../../src/core/text/lineIndex';
import { revisionUri } from '../../src/core/review/revisionUri';
import { ANSWER_EDITS, ANSWER_MODEL, ASSESSOR_EDITS, DOCUMENT_SUMMARY, PREVIEW_REPORT, RENDER_REPORT, SERVER_COMMANDS, type AnswerEditsResult, type AnswerModelResult, type AssessorEditsResult, type DocumentSummary } from '../../src/server/protocol';
import { DESK_ASSESSMENT, DESK_PLAN, DESK_RUBRIC, FILES, uriOf } from '../support/languageFixtures';
import { DESK_RUBRIC as QUESTIONNAIRE_RUBRIC, TWO_ASSESSORS } from '../support/questionnaireFixtures';
import { position, removeBundles, startStdioServer, startWorkerServer, type TestClient, type TestClientOptions } from '../support/lspClient';

/**
 * The language server end to end: the real bundled server in a worker thread (as the desktop
 * extension runs it), driven over LSP by a small client that serves files from memory.
 */

const files = Object.fromEntries(Object.entries(FILES).map(([name, text]) => [uriOf(name), text]));
const clients: TestClient[] = [];

async function start(options: TestClientOptions = {}): Promise<TestClient> {
  const client = await startWorkerServer({ files, ...options });
  clients.push(client);
  return client;
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});
afterAll(() => removeBundles());

/** The engine's diagnostics for a text, as LSP positions. */
async function expected(text: string, uri: string, overrides: Record<string, string> = {}) {
  const host = new MemoryFileHost(new Map(Object.entries({ ...files, ...overrides })));
  const analysis = await new Engine(host).analyze(uri, text);
  const lines = new LineIndex(text);
  return analysis.diagnostics.map((d) => ({ code: d.code, message: d.message, start: lines.positionAt(d.range.start), end: lines.positionAt(d.range.end) }));
}

function shown(diagnostics: Diagnostic[]) {
  return diagnostics.map((d) => ({ code: d.code, message: d.message, start: d.range.start, end: d.range.end }));
}

/** Locations as `file:line` (0-based lines, under file:///ws/), sorted. */
const where = (locations: Location[]) => locations.map((l) => `${l.uri.replace('file:///ws/', '')}:${l.range.start.line}`).sort();
/** The 0-based line of the first `needle` in `text`. */
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length - 1;
const labels = (items: CompletionItem[] | CompletionList | null) => (Array.isArray(items) ? items : (items?.items ?? [])).map((i) => i.label);

/** A server with the questionnaire's rubric and an assessment with two assessors open (panel.assessment.yaml), checked once. */
async function openPanel(): Promise<{ client: TestClient; uri: string; text: string; lines: string[] }> {
  const client = await start({ settings: { workspaceScan: { enabled: false } }, files: { ...files, [uriOf('qdesk.rubric.yaml')]: QUESTIONNAIRE_RUBRIC } });
  const uri = uriOf('panel.assessment.yaml');
  const text = TWO_ASSESSORS.replace('./desk.rubric.yaml', './qdesk.rubric.yaml');
  client.open(uri, text);
  await client.diagnosticsOf(uri);
  return { client, uri, text, lines: text.split('\n') };
}

describe('language server', () => {
  it('publishes the engine\'s diagnostics, reading the referenced rubric through the client', async () => {
    const client = await start();
    const uri = uriOf('acme.assessment.yaml');
    const text = DESK_ASSESSMENT.replace('  knowledge:', '  knowlege:');
    client.open(uri, text);
    const diagnostics = await client.diagnosticsOf(uri);
    expect(shown(diagnostics)).toEqual(await expected(text, uri));
    expect(diagnostics.map((d) => d.code)).toContain('unknown-dimension');
    expect(diagnostics.every((d) => d.source === 'rubrics')).toBe(true);
    expect(client.reads).toContain(uriOf('desk.rubric.yaml'));
    const status = await client.until(() => client.statuses.find((s) => s.uri === uri), 'the document status');
    expect(status).toMatchObject({ owned: true, summary: { kind: 'Assessment', title: 'acme-2026', version: 1 } });
  });

  it('follows incremental edits, prefers an open document\'s unsaved text, and re-checks what reads it', async () => {
    const client = await start();
    const rubric = uriOf('desk.rubric.yaml');
    const assessment = uriOf('acme.assessment.yaml');
    const plan = uriOf('acme.plan.yaml');
    client.open(rubric, DESK_RUBRIC);
    client.open(assessment, DESK_ASSESSMENT);
    client.open(plan, DESK_PLAN);
    for (const uri of [assessment, plan]) expect((await client.diagnosticsOf(uri)).filter((d) => d.severity === 1)).toEqual([]);
    const readsBefore = client.reads.length;

    // Rename the dimension "self-service" in the rubric, unsaved: the assessment and the plan
    // (which reads the rubric directly and through its baseline) are checked again.
    const at = DESK_RUBRIC.indexOf('- id: self-service') + '- id: '.length;
    client.change(rubric, DESK_RUBRIC, at, at + 'self-service'.length, 'self-help');
    const renamed = DESK_RUBRIC.replace('- id: self-service', '- id: self-help');
    await client.until(() => client.diagnostics.get(assessment)?.some((d) => d.code === 'unknown-dimension'), 'the assessment to report the renamed dimension');
    await client.until(() => client.diagnostics.get(plan)?.some((d) => d.code === 'unknown-dimension'), 'the plan to report the renamed dimension');
    expect(shown(client.diagnostics.get(assessment) ?? [])).toEqual(await expected(DESK_ASSESSMENT, assessment, { [rubric]: renamed }));
    expect(client.reads.slice(readsBefore)).not.toContain(rubric);
  });

  it('answers hover, definition, CodeLens, outline, completion and the report for an assessment', async () => {
    const client = await start({ initializationOptions: { clientReadsFiles: true, previewCommand: 'rubrics.openPreviewToSide' } });
    const uri = uriOf('acme.assessment.yaml');
    client.open(uri, DESK_ASSESSMENT);
    await client.diagnosticsOf(uri);
    const at = position(DESK_ASSESSMENT, DESK_ASSESSMENT.indexOf('knowledge:') + 2);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: at });
    expect(JSON.stringify(hover?.contents)).toContain('**Knowledge**');
    const definition = await client.request<Location | null>('textDocument/definition', { textDocument: { uri }, position: at });
    const rubricLines = DESK_RUBRIC.split('\n');
    const line = rubricLines.findIndex((l) => l.includes('- id: knowledge'));
    expect(definition).toEqual({ uri: uriOf('desk.rubric.yaml'), range: { start: { line, character: rubricLines[line]!.indexOf('knowledge') }, end: { line, character: rubricLines[line]!.indexOf('knowledge') + 'knowledge'.length } } });
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    expect(lenses).toHaveLength(2);
    expect(lenses[0]?.command).toMatchObject({ command: 'rubrics.openPreviewToSide', arguments: [uri] });
    expect(lenses[0]?.data).toMatchObject({ tooltip: expect.any(String) });
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(JSON.stringify(symbols)).toContain('self-service');
    const atRubric = position(DESK_ASSESSMENT, DESK_ASSESSMENT.indexOf('./desk.rubric.yaml'));
    const completion = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: atRubric });
    expect(labels(completion)).toEqual(expect.arrayContaining(['seven-attributes', './desk.rubric.yaml']));
    const report = await client.request<string>(RENDER_REPORT, { uri, format: 'markdown' });
    expect(report).toContain('Self-service');
    const summary = await client.request<DocumentSummary | null>(DOCUMENT_SUMMARY, { uri });
    expect(summary).toMatchObject({ uri, version: 1, kind: 'Assessment' });
  });

  it('gives an assessment\'s answer rows and the edits that set answers, checked by the format and refused for an older version', async () => {
    const client = await start({ initializationOptions: { clientReadsFiles: true } });
    const uri = uriOf('acme.assessment.yaml');
    client.open(uri, DESK_ASSESSMENT);
    await client.diagnosticsOf(uri);
    const rows = await client.request<AnswerModelResult>(ANSWER_MODEL, { uri });
    if (!('model' in rows)) throw new Error(rows.reason);
    expect(rows.version).toBe(1);
    const row = rows.model.rows.find((r) => r.criterion === 'kb-reviewed')!;
    expect(row).toMatchObject({ dimension: 'knowledge', scale: 'yes-no' });
    const set = await client.request<AnswerEditsResult>(ANSWER_EDITS, { uri, version: 1, changes: [{ dimension: 'knowledge', criterion: 'kb-reviewed', answer: 'yes' }] });
    expect(set).toEqual({ edits: [expect.objectContaining({ newText: expect.stringContaining('kb-reviewed: yes') })] });
    expect(await client.request<AnswerEditsResult>(ANSWER_EDITS, { uri, version: 1, changes: [{ dimension: 'knowledge', criterion: 'kb-reviewed', note: 'x'.repeat(20_001) }] })).toEqual({ problems: [expect.objectContaining({ criterion: 'kb-reviewed', field: 'note' })] });
    expect(await client.request<AnswerEditsResult>(ANSWER_EDITS, { uri, version: 7, changes: [] })).toEqual({ refused: expect.stringContaining('changed since its answers were read') });
    const rubricRows = await client.request<AnswerModelResult>(ANSWER_MODEL, { uri: uriOf('nowhere.yaml') });
    expect(rubricRows).toEqual({ reason: expect.stringContaining('is not open') });
  });

  it('finds the references of a rubric\'s dimension in assessments and plans, from the rubric or from a use', async () => {
    const client = await start({ settings: { workspaceScan: { enabled: false } } });
    const rubric = uriOf('desk.rubric.yaml');
    const assessment = uriOf('acme.assessment.yaml');
    const plan = uriOf('acme.plan.yaml');
    client.open(rubric, DESK_RUBRIC);
    client.open(assessment, DESK_ASSESSMENT);
    await client.diagnosticsOf(assessment);
    // The plan is not open: it is found because its last check read the rubric.
    client.open(plan, DESK_PLAN);
    await client.diagnosticsOf(plan);
    client.close(plan);
    const inRubric = position(DESK_RUBRIC, DESK_RUBRIC.indexOf('- id: self-service') + '- id: '.length + 2);
    const found = await client.request<Location[]>('textDocument/references', { textDocument: { uri: rubric }, position: inRubric, context: { includeDeclaration: true } });
    expect(where(found)).toEqual([
      `acme.assessment.yaml:${lineOf(DESK_ASSESSMENT, '  self-service:')}`,
      `acme.plan.yaml:${lineOf(DESK_PLAN, 'dimension: self-service')}`,
      `desk.rubric.yaml:${lineOf(DESK_RUBRIC, '- id: self-service')}`,
    ].sort());
    // From the assessment's key, without the declaration: the same uses.
    const fromUse = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: assessment }, position: position(DESK_ASSESSMENT, DESK_ASSESSMENT.indexOf('  self-service:') + 4), context: { includeDeclaration: false },
    });
    expect(where(fromUse)).toEqual(where(found).filter((w) => !w.startsWith('desk.rubric')));
    // Nothing to find on a key that is no rubric item.
    expect(await client.request('textDocument/references', { textDocument: { uri: assessment }, position: { line: 0, character: 1 }, context: { includeDeclaration: true } })).toEqual([]);
  });

  it('finds what uses a rubric from its id, or from a rubric: reference: the same documents as rubrics uses', async () => {
    const client = await start({ settings: { workspaceScan: { enabled: false } } });
    const rubric = uriOf('desk.rubric.yaml');
    const assessment = uriOf('acme.assessment.yaml');
    const plan = uriOf('acme.plan.yaml');
    client.open(rubric, DESK_RUBRIC);
    client.open(assessment, DESK_ASSESSMENT);
    client.open(plan, DESK_PLAN);
    await client.diagnosticsOf(assessment);
    await client.diagnosticsOf(plan);
    const idLine = DESK_RUBRIC.split('\n').findIndex((l) => l.startsWith('id: '));
    const fromId = await client.request<Location[]>('textDocument/references', { textDocument: { uri: rubric }, position: { line: idLine, character: 5 }, context: { includeDeclaration: false } });
    expect(where(fromId)).toEqual([`acme.assessment.yaml:${lineOf(DESK_ASSESSMENT, 'rubric: ')}`, `acme.plan.yaml:${lineOf(DESK_PLAN, 'rubric: ')}`]);
    const fromReference = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: assessment }, position: position(DESK_ASSESSMENT, DESK_ASSESSMENT.indexOf('./desk.rubric.yaml') + 3), context: { includeDeclaration: true },
    });
    expect(where(fromReference)).toEqual([...where(fromId), `desk.rubric.yaml:${idLine}`].sort());
  });

  it('leads the preview with the change since another version, read with its rubric at that revision through the client', async () => {
    const head = revisionUri('HEAD', 'ws/acme.assessment.yaml');
    // At HEAD the portal was not live yet, and the rubric at HEAD is the same: the answer moved the score.
    const client = await start({ settings: { workspaceScan: { enabled: false } }, files: { ...files, [head]: DESK_ASSESSMENT.replace('portal: yes', 'portal: no'), [revisionUri('HEAD', 'ws/desk.rubric.yaml')]: DESK_RUBRIC } });
    const uri = uriOf('acme.assessment.yaml');
    client.open(uri, DESK_ASSESSMENT);
    await client.diagnosticsOf(uri);
    const report = await client.request<{ body: string }>(PREVIEW_REPORT, { uri, compareWith: { uri: head, label: 'HEAD' } });
    expect(report.body).toContain('<h2>Since HEAD</h2>');
    expect(report.body).toMatch(/<td>Self-service<\/td><td class="num">[\d.]+<\/td><td class="num">[\d.]+<\/td><td class="num tone-good">▲ \+[\d.]+<\/td>/);
    expect(client.reads).toContain(revisionUri('HEAD', 'ws/desk.rubric.yaml'));
    // A file that git does not have at the ref is new there; without compareWith there is no section.
    const fresh = await client.request<{ body: string }>(PREVIEW_REPORT, { uri, compareWith: { uri: revisionUri('main', 'ws/acme.assessment.yaml'), label: 'main' } });
    expect(fresh.body).toContain('This file is not in main: everything in it is new.');
    expect((await client.request<{ body: string }>(PREVIEW_REPORT, { uri })).body).not.toContain('class="change"');
  });

  it('leaves the preview body, and the comparison with git, out of a report with errors when the client keeps a valid one', async () => {
    const head = revisionUri('HEAD', 'ws/acme.assessment.yaml');
    const client = await start({ settings: { workspaceScan: { enabled: false } }, files: { ...files, [head]: DESK_ASSESSMENT } });
    const uri = uriOf('acme.assessment.yaml');
    client.open(uri, DESK_ASSESSMENT.replace('portal: yes', 'portal: maybe-later'));
    await client.diagnosticsOf(uri);
    const compareWith = { uri: head, label: 'HEAD' };
    const omitted = await client.request<{ body?: string; errors: number; version: number }>(PREVIEW_REPORT, { uri, compareWith, omitBodyOnErrors: true });
    expect(omitted.errors).toBeGreaterThan(0);
    expect(omitted.body).toBeUndefined();
    expect(client.reads).not.toContain(head);
    // Without the flag (no valid report kept), the report with errors has its body, and its comparison.
    const whole = await client.request<{ body?: string }>(PREVIEW_REPORT, { uri, compareWith });
    expect(whole.body).toContain('maybe-later');
    expect(client.reads).toContain(head);
  });

  it('shows an assessment\'s questionnaire in the preview when asked, and offers it from the report; a plan keeps its report', async () => {
    const client = await start({ settings: { workspaceScan: { enabled: false } } });
    const uri = uriOf('acme.assessment.yaml');
    client.open(uri, DESK_ASSESSMENT);
    await client.diagnosticsOf(uri);
    const report = await client.request<{ body: string; shellKey: string }>(PREVIEW_REPORT, { uri });
    expect(report.body).toContain('data-view="questionnaire"');
    const questionnaire = await client.request<{ body: string; shellKey: string; title: string; version: number }>(PREVIEW_REPORT, { uri, view: 'questionnaire' });
    expect(questionnaire.body).toMatch(/^<main class="report questionnaire"/);
    expect(questionnaire.body).toContain('data-criterion="catalogue"');
    expect(questionnaire.shellKey).toBe(report.shellKey);
    expect(questionnaire.version).toBe(1);
    const plan = uriOf('acme.plan.yaml');
    client.open(plan, DESK_PLAN);
    await client.diagnosticsOf(plan);
    const planReport = await client.request<{ body: string }>(PREVIEW_REPORT, { uri: plan, view: 'questionnaire' });
    expect(planReport.body).toMatch(/^<main class="report report-plan"/);
    expect(planReport.body).not.toContain('data-view=');
  });

  it('checks answer changes against the rubric: the criterion of its dimension, the answer on its scale as the scale spells it', async () => {
    const client = await start({ settings: { workspaceScan: { enabled: false } } });
    const uri = uriOf('acme.assessment.yaml');
    client.open(uri, DESK_ASSESSMENT);
    await client.diagnosticsOf(uri);
    const result = await client.request<AnswerEditsResult>(ANSWER_EDITS, { uri, version: 1, changes: [{ dimension: 'self-service', criterion: 'catalogue', answer: 'ALL' }] });
    const line = DESK_ASSESSMENT.split('\n').findIndex((l) => l.includes('catalogue: some'));
    const column = DESK_ASSESSMENT.split('\n')[line]!.indexOf('some');
    expect(result).toEqual({ edits: [{ range: { start: { line, character: column }, end: { line, character: column + 'some'.length } }, newText: 'all' }] });
    expect(await client.request(ANSWER_EDITS, { uri, version: 1, changes: [{ dimension: 'self-service', criterion: 'catalogue', answer: 'plenty' }, { dimension: 'knowledge', criterion: 'portal', answer: 'yes' }] })).toEqual({
      problems: [
        { dimension: 'self-service', criterion: 'catalogue', field: 'answer', message: expect.stringMatching(/^"plenty" is not an answer of the scale "coverage"/) },
        { dimension: 'knowledge', criterion: 'portal', field: 'criterion', message: '"Knowledge" has no practice "portal".' },
      ],
    });
  });

  it('writes an assessor\'s answers under their response, and shows the questionnaire of whose answers the preview asks for', async () => {
    const { client, uri, lines } = await openPanel();
    const at = (needle: string) => lines.findIndex((l) => l.includes(needle));
    // Priya's portal: her line changes, not the agreed answers.
    const priya = await client.request<AnswerEditsResult>(ANSWER_EDITS, { uri, version: 1, assessor: 'priya', changes: [{ dimension: 'self-service', criterion: 'portal', answer: 'no' }] });
    const line = at('portal: yes');
    expect(priya).toEqual({ edits: [{ range: { start: { line, character: lines[line]!.indexOf('yes') }, end: { line, character: lines[line]!.indexOf('yes') + 3 } }, newText: 'no' }] });
    // Tomás has no dimensions yet: they are added under his response.
    const tomas = await client.request<AnswerEditsResult>(ANSWER_EDITS, { uri, version: 1, assessor: 'tomas', changes: [{ dimension: 'knowledge', criterion: 'kb', answer: 'yes' }] });
    expect(tomas).toEqual({ edits: [{ range: { start: { line: at('date: 2026-03-12'), character: lines[at('date: 2026-03-12')]!.length }, end: { line: at('date: 2026-03-12'), character: lines[at('date: 2026-03-12')]!.length } }, newText: '\n    dimensions:\n      knowledge:\n        answers:\n          kb: yes' }] });
    expect(await client.request(ANSWER_EDITS, { uri, version: 1, assessor: 'pirya', changes: [{ dimension: 'knowledge', criterion: 'kb', answer: 'yes' }] })).toEqual({ refused: 'The assessment has no assessor "pirya". Did you mean "priya"? Its assessors: priya, tomas.' });
    expect(await client.request(ANSWER_EDITS, { uri, version: 1, assessor: 'priya', changes: [{ dimension: 'knowledge', criterion: 'kb', notApplicable: { reason: 'None.' } }] })).toEqual({ problems: [expect.objectContaining({ criterion: 'kb', field: 'notApplicable' })] });
    // The rows of a spreadsheet: Priya's answers, and the assessors to choose from.
    const rows = await client.request<AnswerModelResult>(ANSWER_MODEL, { uri, assessor: 'priya' });
    if (!('model' in rows)) throw new Error(rows.reason);
    expect([rows.model.assessor, rows.model.rows.find((r) => r.criterion === 'catalogue')?.current, rows.assessors.map((a) => a.id)]).toEqual([{ id: 'priya', name: 'Priya Raman', role: 'Lead Architect' }, { answer: 'most', note: 'Most requests are in it.' }, ['priya', 'tomas']]);
    const agreedRows = await client.request<AnswerModelResult>(ANSWER_MODEL, { uri });
    expect('model' in agreedRows && [agreedRows.model.assessor, agreedRows.model.rows.find((r) => r.criterion === 'catalogue')?.current]).toEqual([undefined, { answer: 'Some' }]);
    expect(await client.request(ANSWER_MODEL, { uri, assessor: 'pirya' })).toEqual({ reason: expect.stringContaining('Did you mean "priya"?') });
    const page = await client.request<{ body: string }>(PREVIEW_REPORT, { uri, view: 'questionnaire', assessor: 'priya' });
    expect(page.body).toContain('Editing the answers of Priya Raman');
    expect((await client.request<{ body: string }>(PREVIEW_REPORT, { uri, view: 'questionnaire' })).body).toContain('Editing the agreed answers');
  });

  it('adds an assessor: the edit of their response and their id, a clear refusal naming the field, and the questionnaire of their answers once the edit is in', async () => {
    const { client, uri, text, lines } = await openPanel();
    const line = lines.findIndex((l) => l.includes('date: 2026-03-12'));
    const end = { line, character: lines[line]!.length };
    const added = await client.request<AssessorEditsResult>(ASSESSOR_EDITS, { uri, version: 1, name: ' Lena Berg ', role: 'Service Desk Lead', date: '2026-04-02' });
    expect(added).toEqual({ id: 'lena-berg', edits: [{ range: { start: end, end }, newText: '\n  lena-berg:\n    name: Lena Berg\n    role: Service Desk Lead\n    date: 2026-04-02' }] });
    // Refused, with no edit: an empty name, a name that is an assessor's already, a date that is none, a text that moved on.
    expect(await client.request(ASSESSOR_EDITS, { uri, version: 1, name: '', date: '2026-04-02' })).toEqual({ refused: "Write the new assessor's name.", field: 'name' });
    expect(await client.request(ASSESSOR_EDITS, { uri, version: 1, name: 'Priya', date: '2026-04-02' })).toEqual({ refused: expect.stringContaining('already has an assessor "priya" (Priya Raman)'), field: 'name' });
    expect(await client.request(ASSESSOR_EDITS, { uri, version: 1, name: 'Lena Berg', date: 'today' })).toEqual({ refused: expect.stringContaining('"today" is not a date'), field: 'date' });
    expect(await client.request(ASSESSOR_EDITS, { uri, version: 7, name: 'Lena Berg', date: '2026-04-02' })).toEqual({ refused: expect.stringContaining('changed since the questionnaire was shown'), field: 'file' });
    await expect(client.request(ASSESSOR_EDITS, { uri, version: 1, name: 3, date: '2026-04-02' })).rejects.toThrow(/params\.name must be a string/);
    // The client applies the edit; the questionnaire then edits her answers.
    const offset = text.indexOf('date: 2026-03-12') + 'date: 2026-03-12'.length;
    if (!('edits' in added)) throw new Error(added.refused);
    client.change(uri, text, offset, offset, added.edits[0]!.newText);
    const page = await client.request<{ body: string; version: number }>(PREVIEW_REPORT, { uri, view: 'questionnaire', assessor: 'lena-berg' });
    expect([page.version, page.body.includes('Editing the answers of Lena Berg')]).toEqual([2, true]);
  });

  it('leaves alone the files the workspace folder\'s .rubricsignore names, as the CLI does', async () => {
    const mkdocs = uriOf('rubrics/mkdocs.yml');
    const assessment = uriOf('acme.assessment.yaml');
    const check = async (extra: Record<string, string>) => {
      const client = await start({ workspaceFolders: ['file:///ws/'], settings: { workspaceScan: { enabled: false } }, files: { ...files, ...extra } });
      client.open(mkdocs, 'site_name: Governance\nnav: [index.md]\n');
      client.open(assessment, DESK_ASSESSMENT);
      await client.diagnosticsOf(assessment);
      return client.diagnostics.get(mkdocs)?.map((d) => d.code) ?? [];
    };
    // Under rubrics/, it is ours by name, and not a rubric document.
    expect(await check({})).toContain('unknown-api-version');
    expect(await check({ 'file:///ws/.rubricsignore': '# the docs site\nrubrics/mkdocs.yml\n' })).toEqual([]);
  });

  it('completes criteria in a half-typed assessment that never passed its schema', async () => {
    const client = await start();
    const uri = uriOf('fresh.assessment.yaml');
    const text = DESK_ASSESSMENT.replace(/dimensions:[\s\S]*$/, 'dimensions:\n  knowledge:\n    answers:\n      \n');
    client.open(uri, text);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: position(text, text.length - 1) });
    expect(labels(items)).toEqual(['kb', 'kb-reviewed']);
  });

  it('fixes a misspelt dimension with a quick fix the editor shows, as a versioned edit', async () => {
    const client = await start();
    const uri = uriOf('acme.assessment.yaml');
    const text = DESK_ASSESSMENT.replace('  knowledge:', '  knowlege:');
    client.open(uri, text);
    const diagnostic = (await client.diagnosticsOf(uri)).find((d) => d.code === 'unknown-dimension');
    expect(diagnostic).toBeDefined();
    const actions = await client.request<{ title: string; edit: { documentChanges: { textDocument: { version: number }; edits: { newText: string }[] }[] } }[]>('textDocument/codeAction', {
      textDocument: { uri }, range: diagnostic!.range, context: { diagnostics: [diagnostic] },
    });
    expect(actions.map((a) => a.title)).toContain('Change to "knowledge"');
    const change = actions.find((a) => a.title === 'Change to "knowledge"')!.edit.documentChanges[0]!;
    expect(change.textDocument.version).toBe(1);
    expect(change.edits[0]?.newText).toBe('knowledge');
    // Without the diagnostic on screen, no fix: a fix for a problem nobody sees would confuse.
    expect(await client.request('textDocument/codeAction', { textDocument: { uri }, range: diagnostic!.range, context: { diagnostics: [] } })).toEqual([]);
  });

  it('adds the missing dimensions through the editor (workspace/applyEdit)', async () => {
    const client = await start();
    const uri = uriOf('partial.assessment.yaml');
    const text = DESK_ASSESSMENT.replace(/ {2}knowledge:[\s\S]*$/, '');
    client.open(uri, text);
    await client.diagnosticsOf(uri);
    expect(await client.request('workspace/executeCommand', { command: SERVER_COMMANDS.addMissingDimensions, arguments: [uri] })).toBe('added');
    const complete = uriOf('acme.assessment.yaml');
    client.open(complete, DESK_ASSESSMENT);
    await client.diagnosticsOf(complete);
    expect(await client.request('workspace/executeCommand', { command: SERVER_COMMANDS.addMissingDimensions, arguments: [complete] })).toBe('nothing-missing');
  });

  it('leaves YAML files that are not ours alone: no diagnostics, no hover, no completion', async () => {
    const client = await start();
    const uri = 'file:///ws/.github/workflows/ci.yaml';
    const text = 'name: ci\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n';
    client.open(uri, text);
    const ours = uriOf('acme.assessment.yaml');
    client.open(ours, DESK_ASSESSMENT);
    await client.diagnosticsOf(ours);
    expect(client.diagnostics.has(uri)).toBe(false);
    expect(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } })).toBeNull();
    expect(await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 5, character: 0 } })).toBeNull();
    // Typing our apiVersion line makes it ours.
    client.change(uri, text, 0, 0, 'apiVersion: rubrics-as-code/v1\n');
    expect((await client.diagnosticsOf(uri)).map((d) => d.code)).toContain('unknown-kind');
  });

  it('checks the workspace\'s rubric files at start-up, open or not', async () => {
    const client = await start();
    const broken = uriOf('acme.assessment.yaml');
    await client.until(() => client.diagnostics.get(uriOf('acme.plan.yaml')), 'the plan, checked without being opened');
    expect(client.diagnostics.get(broken)?.filter((d) => d.severity === 1)).toEqual([]);
  });

  it('analyses a 50,000-line document off the calling thread: its event loop keeps turning', async () => {
    const generated = generateBenchDocuments(50_000);
    const rubric = uriOf('bench.rubric.yaml');
    const assessment = uriOf('big.assessment.yaml');
    const client = await start({ files: { [rubric]: generated.rubric }, settings: { workspaceScan: { enabled: false } } });
    let ticks = 0;
    let done = false;
    const spin = () => {
      if (done) return;
      ticks++;
      setImmediate(spin);
    };
    setImmediate(spin);
    client.open(assessment, generated.assessment);
    const diagnostics = await client.diagnosticsOf(assessment);
    done = true;
    expect(diagnostics.filter((d) => d.severity === 1)).toEqual([]);
    // Had the analysis run on this thread, no setImmediate callback could have run during it.
    expect(ticks).toBeGreaterThan(100);

    // Retyping an answer: completion answers for the new version from the finished analysis.
    const line = /^ {6}([a-z0-9-]+): ([a-z]+)$/m.exec(generated.assessment)!;
    const valueStart = line.index + line[0].length - line[2]!.length;
    client.change(assessment, generated.assessment, valueStart, valueStart + line[2]!.length, '');
    const edited = generated.assessment.slice(0, valueStart) + generated.assessment.slice(valueStart + line[2]!.length);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: assessment }, position: position(edited, valueStart) });
    expect(items.length).toBeGreaterThan(1);
    expect(items.every((i) => i.kind === 20 /* EnumMember: an answer */)).toBe(true);
  }, 60_000);

  it('checks a burst of changes to a large document for its last version without piling up checks, and a change during a check right after it', async () => {
    const generated = generateBenchDocuments(5_000);
    const rubric = uriOf('bench.rubric.yaml');
    const assessment = uriOf('big.assessment.yaml');
    const client = await start({ files: { [rubric]: generated.rubric }, settings: { workspaceScan: { enabled: false } } });
    client.open(assessment, generated.assessment);
    await client.until(() => client.statuses.some((s) => s.uri === assessment), 'the first check');
    const checks = () => client.statuses.filter((s) => s.uri === assessment && s.owned).map((s) => (s.owned ? s.summary.version : 0));
    // Ten keystrokes that end in an answer off the scale ("yesxxxxxxxxxx").
    const at = generated.assessment.indexOf(': yes\n', generated.assessment.length >> 1) + ': yes'.length;
    let text = generated.assessment;
    for (let i = 0; i < 10; i++) {
      client.change(assessment, text, at + i, at + i, 'x');
      text = `${text.slice(0, at + i)}x${text.slice(at + i)}`;
    }
    await client.until(() => checks().at(-1) === 11, 'the check of the last version');
    // The burst arrived before the first check began: one check, of version 11 (a check that overlapped the burst would add one more).
    expect(checks().slice(1).length).toBeLessThanOrEqual(2);
    expect((await client.diagnosticsOf(assessment)).map((d) => d.code)).toContain('answer-not-in-scale');
    // A change that lands while a check runs is checked once that one ends (without it, version 13 would never be).
    client.change(assessment, text, at + 1, at + 10, '');
    text = text.slice(0, at + 1) + text.slice(at + 10);
    await new Promise((resolve) => setTimeout(resolve, 2));
    client.change(assessment, text, at, at + 1, '');
    await client.until(() => checks().at(-1) === 13, 'the check of the change made during a check');
    expect(await client.diagnosticsOf(assessment)).toEqual([]);
  }, 60_000);
});

describe('rubrics lsp --stdio', () => {
  it('reads the workspace from disk: a referenced rubric, and the rubric files it checks at start-up', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rubrics-stdio-'));
    try {
      for (const [name, text] of Object.entries(FILES)) fs.writeFileSync(path.join(dir, name), text);
      fs.mkdirSync(path.join(dir, 'node_modules', 'pkg'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'node_modules', 'pkg', 'x.rubric.yaml'), 'not: ours\n');
      const folder = pathToFileURL(dir).toString();
      const { client } = await startStdioServer({ workspaceFolders: [folder], capabilities: { workspace: { configuration: true } } });
      clients.push(client);
      const uri = `${folder}/acme.assessment.yaml`;
      // The plan is checked without being opened, by the start-up scan; node_modules is skipped.
      await client.until(() => client.diagnostics.get(`${folder}/acme.plan.yaml`), 'the plan, checked from disk at start-up');
      const text = DESK_ASSESSMENT.replace('  knowledge:', '  knowlege:');
      client.open(uri, text);
      await client.until(() => client.diagnostics.get(uri)?.some((d) => d.code === 'unknown-dimension'), 'the open assessment\'s diagnostics');
      expect(client.diagnostics.has(`${folder}/node_modules/pkg/x.rubric.yaml`)).toBe(false);
      // Without a VS Code client, the server asked for no files: it read them itself.
      expect(client.reads).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('language server: a failure of the engine', () => {
  it('reaches the editor as an internal-error diagnostic (a registered code) and the log, not as silence', async () => {
    const client = await startWorkerServer({ initializationOptions: {} }, 'test/support/failingServer.ts');
    clients.push(client);
    const uri = 'file:///ws/acme.assessment.yaml';
    client.open(uri, DESK_ASSESSMENT);
    const diagnostics = await client.diagnosticsOf(uri);
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['internal-error', 1]]);
    expect(diagnostics[0]?.message).toContain('internal error');
    expect(DIAGNOSTIC_CODES['internal-error'].severity).toBe('error');
    await client.until(() => client.log.find((line) => line.includes('the file source broke')), 'the failure in the log');
  });
});
