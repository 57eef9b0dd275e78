import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cursorContext } from '../../src/core/language/cursor';
import { sampleAssessment } from '../../src/extension/sample';
import { readSettings, DEFAULT_VALIDATION_DELAY_MS } from '../../src/server/config';
import { indentLaterLines } from '../../src/server/convert';
import { DEFAULT_FILE_GLOBS, FileOwnership } from '../../src/server/ownership';
import { SNIPPETS, snippetCompletions, snippetPlace } from '../../src/server/snippets';
import { analyzeMemory } from '../support/memory';
import { DESK_ASSESSMENT, snapshotFor } from '../support/languageFixtures';

/** Offsets are marked with `|` in the text. */
function at(marked: string): { text: string; offset: number } {
  return { text: marked.replace('|', ''), offset: marked.indexOf('|') };
}

const positions = { positionAt: (offset: number) => ({ line: 0, character: offset }) };
const style = { adjustsIndentation: true, lineIndent: '' };

describe('snippets only where they belong', () => {
  it('places the cursor: dimensions of an assessment, lists of a rubric or plan, an empty document', () => {
    const place = (kind: 'Rubric' | 'Assessment' | 'Plan' | undefined, marked: string, empty = false) => {
      const { text, offset } = at(marked);
      const context = cursorContext(text, offset);
      return context ? snippetPlace(context, kind, empty) : undefined;
    };
    expect(place('Assessment', 'kind: Assessment\ndimensions:\n  |')).toBe('assessment-dimension');
    expect(place('Rubric', 'kind: Rubric\ndimensions:\n  - id: a\n  |')).toBe('rubric-dimension');
    expect(place('Rubric', 'kind: Rubric\ndimensions:\n  - id: a\n  - |')).toBe('rubric-dimension');
    expect(place('Rubric', 'kind: Rubric\ndimensions:\n  - id: a\n    criteria:\n      |')).toBe('rubric-criterion');
    expect(place('Plan', 'kind: Plan\ninitiatives:\n  - id: a\n  |')).toBe('plan-initiative');
    expect(place('Plan', 'kind: Plan\ninitiatives:\n  - id: a\n    moves:\n      |')).toBe('plan-move');
    expect(place(undefined, '|', true)).toBe('document');
    // And nowhere else: a value, a key of another map, the top of a document that has keys.
    expect(place('Assessment', 'kind: Assessment\ndimensions:\n  a:\n    target: |')).toBeUndefined();
    expect(place('Assessment', 'kind: Assessment\nsubject:\n  |')).toBeUndefined();
    expect(place('Plan', 'kind: Plan\ndimensions:\n  |')).toBeUndefined();
    expect(place('Assessment', 'kind: Assessment\n|', false)).toBeUndefined();
  });

  it('offers a framework\'s dimension snippets for its assessments only, after the context\'s completions, without dimensions already there', async () => {
    const text = 'apiVersion: rubrics-as-code/v1\nkind: Assessment\nid: x\nrubric: seven-attributes\nsubject: { organization: X }\ndate: 2026-03-31\ndimensions:\n  business-fusion:\n    target: 3\n  \n';
    const snapshot = await snapshotFor('x.assessment.yaml', text);
    const offset = text.length - 1;
    const items = snippetCompletions(snapshot, text, offset, positions, style);
    const prefixes = items.map((i) => i.label);
    expect(prefixes.length).toBe(6);
    expect(prefixes.every((p) => p.startsWith('attr-'))).toBe(true);
    expect(prefixes).not.toContain('attr-business-fusion');
    expect(items.every((i) => i.sortText?.startsWith('~') && i.insertTextFormat === 2)).toBe(true);
    // An assessment against the desk rubric of the fixtures (not a built-in): no framework snippets.
    const custom = await snapshotFor('acme.assessment.yaml', `${DESK_ASSESSMENT}  \n`);
    expect(snippetCompletions(custom, `${DESK_ASSESSMENT}  \n`, DESK_ASSESSMENT.length + 2, positions, style)).toEqual([]);
  });

  it('offers the document skeletons in an empty document, and list snippets without their dash after `- `', async () => {
    const empty = await snapshotFor('new.assessment.yaml', '');
    const skeletons = snippetCompletions(empty, '', 0, positions, style).map((i) => i.label);
    expect(skeletons).toEqual(expect.arrayContaining(['rubric-rubric', 'rubric-assessment', 'rubric-plan', 'rubric-assessment-seven-attributes']));
    const plan = 'apiVersion: rubrics-as-code/v1\nkind: Plan\ninitiatives:\n  - ';
    const items = snippetCompletions(await snapshotFor('x.plan.yaml', plan), plan, plan.length, positions, style);
    const stream = items.find((i) => i.label === 'stream-request-to-fulfill');
    expect(stream).toBeDefined();
    const newText = (stream?.textEdit as { newText: string }).newText;
    expect(newText.startsWith('id: ')).toBe(true);
    expect(newText).toContain('\n  title: ');
  });

  it('indents later lines itself for clients that do not adjust indentation', () => {
    expect(indentLaterLines('a:\n  b: 1\n', '    ')).toBe('a:\n      b: 1\n');
    expect(indentLaterLines('a', '  ')).toBe('a');
    const snippet = SNIPPETS.find((s) => s.prefix === 'attr-business-fusion');
    expect(snippet?.place).toBe('assessment-dimension');
  });
});

describe('file ownership in the server', () => {
  it('matches globs relative to the workspace folder that holds the file, and the apiVersion line', () => {
    const ownership = new FileOwnership(DEFAULT_FILE_GLOBS);
    ownership.setFolders(['file:///home/me/ws']);
    expect(ownership.owns('file:///home/me/ws/teams/acme.assessment.yaml', '')).toBe(true);
    expect(ownership.owns('file:///home/me/ws/governance/rubrics/cloud.yaml', '')).toBe(true);
    expect(ownership.owns('file:///home/me/ws/.github/workflows/ci.yaml', 'name: ci\n')).toBe(false);
    expect(ownership.owns('file:///home/me/ws/any.yaml', 'apiVersion: rubrics-as-code/v1\nkind: Plan\n')).toBe(true);
    expect(ownership.owns('file:///home/me/ws/My%20Rubrics/x.rubric.yaml', '')).toBe(true);
    // Views of a file in source control are not the file.
    expect(ownership.owns('git:/home/me/ws/acme.assessment.yaml?ref', 'apiVersion: rubrics-as-code/v1\n')).toBe(false);
    // Built-in rubrics are ours; other languages are not, whatever their name.
    expect(ownership.owns('rubrics-builtin:/seven-attributes.rubric.yaml', '')).toBe(true);
    expect(ownership.owns('file:///home/me/ws/notes.md', 'apiVersion: rubrics-as-code/v1\n', 'markdown')).toBe(false);
    ownership.setPatterns(['plans/*.yaml']);
    expect(ownership.owns('file:///home/me/ws/plans/a.yaml', '')).toBe(true);
    expect(ownership.owns('file:///home/me/ws/teams/acme.assessment.yaml', '')).toBe(false);
  });

  it('reads settings from any client, with defaults for what is missing or mistyped', () => {
    expect(readSettings(undefined)).toEqual({ files: DEFAULT_FILE_GLOBS, delay: DEFAULT_VALIDATION_DELAY_MS, scan: true, scanMaxFiles: 5000, codeLens: true, allowOutside: [] });
    expect(readSettings({ references: { allowOutside: ['/shared/rubrics', 7, ''] } }).allowOutside).toEqual(['/shared/rubrics']);
    expect(readSettings({ 'references.allowOutside': 'not a list' }).allowOutside).toEqual([]);
    expect(readSettings({ validation: { delay: 120 }, workspaceScan: { enabled: false }, codeLens: { enabled: false } })).toMatchObject({ delay: 120, scan: false, codeLens: false });
    expect(readSettings({ 'validation.delay': 9000, files: ['a/*.yaml', 3] })).toMatchObject({ delay: 5000, files: ['a/*.yaml'] });
    expect(readSettings({ validation: { delay: 'fast' } }).delay).toBe(DEFAULT_VALIDATION_DELAY_MS);
  });
});

describe('the extension manifest', () => {
  const root = path.join(__dirname, '../..');
  const manifest = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
  const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;

  it('has a localisable string for every %key% and no unused ones', () => {
    const keys = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1] as string);
    expect(keys.length).toBeGreaterThan(20);
    expect(keys.filter((k) => !(k in nls))).toEqual([]);
    expect(Object.keys(nls).filter((k) => !keys.includes(k))).toEqual([]);
  });

  it('keeps l10n/bundle.l10n.json in step with the vscode.l10n.t strings of the extension (npm run l10n writes it)', async () => {
    const { bundleText, extensionStrings } = await import('../../scripts/l10n.mjs');
    expect(extensionStrings().length).toBeGreaterThan(40);
    expect(extensionStrings()).toContain('The document has {0} errors; showing the report from the last valid version. The Problems panel lists what to fix.');
    expect(fs.readFileSync(path.join(root, 'l10n', 'bundle.l10n.json'), 'utf8')).toBe(bundleText());
  });

  it('opens the walkthrough\'s sample, which checks clean against the built-in framework', async () => {
    const analysis = await analyzeMemory({ 'getting-started.assessment.yaml': sampleAssessment(new Date('2026-03-31T12:00:00Z')) }, 'getting-started.assessment.yaml');
    expect(analysis.diagnostics.filter((d) => d.severity !== 'information')).toEqual([]);
    expect(analysis.documents[0]?.kind).toBe('Assessment');
    for (const media of ['open-sample', 'open-preview', 'run-cli']) expect(manifest).toContain(`media/walkthrough/${media}.md`);
  });
});
