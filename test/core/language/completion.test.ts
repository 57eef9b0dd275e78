import { describe, expect, it } from 'vitest';
import { completionsAt, type CompletionEntry } from '../../../src/core/language/completion';
import { cursorContext } from '../../../src/core/language/cursor';
import { yaml } from '../../support/memory';
import { cursor, DESK_ASSESSMENT, DESK_PLAN, DESK_RUBRIC, FILES, insertCompletion, memoryEngine, snapshotFor, uriOf } from '../../support/languageFixtures';

async function complete(path: string, text: string, env = {}): Promise<{ items: CompletionEntry[]; text: string }> {
  const at = cursor(text);
  const snapshot = await snapshotFor(path, at.text);
  return { items: await completionsAt(snapshot, at.offset, env), text: at.text };
}

const labels = (items: readonly CompletionEntry[]) => items.map((i) => i.label);

describe('cursor context from indentation', () => {
  it('finds the map a new key belongs to, through lists and flow maps', () => {
    const at = cursor(yaml`
      a:
        - id: x
          b:
            c: 1
            ‸
    `);
    expect(cursorContext(at.text, at.offset)).toMatchObject({ kind: 'key', path: ['a', 0, 'b'], siblingKeys: ['c'] });
    const flow = cursor('a: { b: 1, c: [x, ‸] }\n');
    expect(cursorContext(flow.text, flow.offset)).toMatchObject({ kind: 'value', path: ['a', 'c', 1], inFlow: true });
  });

  it('counts list items, including lists written at their key\'s column', () => {
    const at = cursor('items:\n- id: a\n- id: b\n- ‸\n');
    expect(cursorContext(at.text, at.offset)).toMatchObject({ kind: 'key', path: ['items', 2], newItem: true });
  });

  it('stays quiet inside block scalars and comments', () => {
    const block = cursor('description: |\n  Some text\n  ‸\nid: x\n');
    expect(cursorContext(block.text, block.offset)).toBeUndefined();
    const comment = cursor('id: x # a note ‸\n');
    expect(cursorContext(comment.text, comment.offset)).toBeUndefined();
  });

  it('starts over at each document of a multi-document file', () => {
    const at = cursor('a:\n  b: 1\n---\n‸\n');
    expect(cursorContext(at.text, at.offset)).toMatchObject({ kind: 'key', path: [] });
  });
});

describe('completion', () => {
  it('offers the rubric dimensions an assessment has not assessed yet, with their description', async () => {
    const text = DESK_ASSESSMENT.replace('  knowledge:\n    answers:\n      kb: yes\n', '  ‸\n');
    const { items } = await complete('acme.assessment.yaml', text);
    expect(labels(items)).toEqual(['knowledge']);
    expect(items[0]).toMatchObject({ kind: 'dimension', detail: 'Capability: Knowledge', retrigger: true });
    expect(items[0]?.insertText).toBe('knowledge:\n  ');
  });

  it('offers criterion ids under answers, leaving out those already answered, while the YAML is broken', async () => {
    // `k` alone on a line is not valid YAML: completion must still know where it is.
    const text = DESK_ASSESSMENT.replace('      kb: yes\n', '      kb: yes\n      k‸\n');
    const { items } = await complete('acme.assessment.yaml', text);
    expect(labels(items)).toEqual(['kb-reviewed']);
    expect(items[0]?.detail).toBe('Level 3 Defined · yes-no');
    expect(items[0]?.documentation).toContain('Articles are reviewed');
  });

  it('offers the answers of the criterion\'s own scale with their credit', async () => {
    const { items } = await complete('acme.assessment.yaml', DESK_ASSESSMENT.replace('catalogue: some', 'catalogue: ‸'));
    expect(items.map((i) => [i.label, i.detail])).toEqual([
      ['none', 'credit 0 · coverage'],
      ['some', 'credit 0.5 · coverage'],
      ['all', 'credit 1 · coverage'],
    ]);
    const yesNo = await complete('acme.assessment.yaml', DESK_ASSESSMENT.replace('kb: yes', 'kb: ‸'));
    expect(labels(yesNo.items)).toEqual(['yes', 'no']);
  });

  it('offers, in an assessor\'s response, the rubric\'s dimensions, a dimension\'s criteria and a criterion\'s answers, and the assessors as adjudicator', async () => {
    const responses = 'consensus: adjudicator\nadjudicator: ‸\nresponses:\n  ann:\n    name: Ann Lee\n    date: 2026-01-10\n    dimensions:\n      self-service:\n        answers:\n          catalogue: all\n  bob:\n    name: Bob\n    date: 2026-01-11\ndimensions:\n';
    const withResponses = (at: string) => DESK_ASSESSMENT.replace('dimensions:\n', responses.replace('‸', '')).replace('          catalogue: all\n', at);
    const adjudicator = await complete('acme.assessment.yaml', DESK_ASSESSMENT.replace('dimensions:\n', responses));
    expect(adjudicator.items.map((i) => [i.label, i.detail])).toEqual([['ann', 'Ann Lee'], ['bob', 'Bob']]);
    expect(labels((await complete('acme.assessment.yaml', withResponses('          catalogue: all\n      ‸\n'))).items)).toEqual(['knowledge']);
    expect(labels((await complete('acme.assessment.yaml', withResponses('          catalogue: all\n          ‸\n'))).items)).toEqual(['portal']);
    expect(labels((await complete('acme.assessment.yaml', withResponses('          catalogue: ‸\n'))).items)).toEqual(['none', 'some', 'all']);
  });

  it('offers levels with their names and the dimension\'s descriptor for targets', async () => {
    const { items } = await complete('acme.assessment.yaml', DESK_ASSESSMENT.replace('target: 3', 'target: ‸'));
    expect(items.map((i) => [i.label, i.detail])).toEqual([['1', 'Initial'], ['2', 'Managed'], ['3', 'Defined · threshold']]);
    expect(items[2]?.documentation).toContain('A catalogue covers most requests.');
  });

  it('offers schema keys with their Markdown description, required ones first, minus those present', async () => {
    const text = DESK_ASSESSMENT.replace('  knowledge:\n', '  knowledge:\n    ‸\n');
    const { items } = await complete('acme.assessment.yaml', text);
    expect(labels(items)).toEqual(['level', 'target', 'evidence', 'notes', 'metrics', 'notApplicable', 'exemption']);
    const evidence = items.find((i) => i.label === 'evidence')!;
    expect(evidence.documentation).toContain('Evidence for the dimension as a whole');
    expect(evidence.insertText).toBe('evidence:\n  - ');
    const root = await complete('acme.assessment.yaml', DESK_ASSESSMENT.replace('kind: Assessment\n', 'kind: Assessment\n‸\n'));
    expect(labels(root.items)).toEqual(['title', 'inherits', 'assessors', 'summary', 'evidenceValidFor', 'consensus', 'adjudicator', 'responses']);
  });

  it('indents nested inserts under a key typed after a list dash', async () => {
    const text = DESK_PLAN.replace('  - id: knowledge-drive\n', '  - ‸\n  - id: knowledge-drive\n');
    const { items, text: plain } = await complete('acme.plan.yaml', text);
    const moves = items.find((i) => i.label === 'moves')!;
    const after = insertCompletion(plain, moves.replace, moves.insertText);
    expect(after).toContain('  - moves:\n      - \n  - id: knowledge-drive');
    expect(items.filter((i) => i.detail?.endsWith('required')).map((i) => i.label)).toEqual(['id', 'title', 'start', 'end']);
  });

  it('offers plan dimensions, levels and other initiatives in flow and block lists', async () => {
    const dims = await complete('acme.plan.yaml', DESK_PLAN.replace('{ dimension: self-service, to: 3 }', '{ dimension: ‸, to: 3 }'));
    expect(labels(dims.items)).toEqual(['self-service', 'knowledge']);
    const to = await complete('acme.plan.yaml', DESK_PLAN.replace('{ dimension: self-service, to: 3 }', '{ dimension: self-service, to: ‸ }'));
    expect(labels(to.items)).toEqual(['1', '2', '3']);
    expect(to.items[1]?.documentation).toContain('A portal takes requests.');
    const flow = await complete('acme.plan.yaml', DESK_PLAN.replace('dependsOn: [portal-revamp]', 'dependsOn: [‸]'));
    expect(labels(flow.items)).toEqual(['portal-revamp']);
    const block = await complete('acme.plan.yaml', DESK_PLAN.replace('    dependsOn: [portal-revamp]\n', '    dependsOn:\n      - ‸\n'));
    expect(labels(block.items)).toEqual(['portal-revamp']);
  });

  it('offers built-in rubric ids, same-file rubrics and relative paths of the workspace\'s rubric files for rubric:', async () => {
    const env = {
      listDocuments: async (kind: string) => (kind === 'Rubric' ? [uriOf('desk.rubric.yaml'), uriOf('shared/rubrics/cloud.rubric.yaml')] : []),
    };
    const { items } = await complete('teams/acme.assessment.yaml', DESK_ASSESSMENT.replace('rubric: ./desk.rubric.yaml', 'rubric: ‸'), env);
    const files = items.filter((i) => i.kind === 'file').map((i) => i.label);
    expect(files).toEqual(['../desk.rubric.yaml', '../shared/rubrics/cloud.rubric.yaml']);
    const builtins = items.filter((i) => i.kind === 'rubric').map((i) => i.label);
    expect(builtins).toEqual(expect.arrayContaining(['seven-attributes', 'nexgen-digital-services', 'it4it-legacy-alignment']));
  });

  it('offers rubric-internal references: groups, answer scales and levels', async () => {
    const group = await complete('desk.rubric.yaml', DESK_RUBRIC.replace('    group: front\n', '    group: ‸\n'));
    expect(group.items.map((i) => [i.label, i.detail])).toEqual([['front', 'Front office']]);
    const scale = await complete('desk.rubric.yaml', DESK_RUBRIC.replace('answerScale: coverage', 'answerScale: ‸'));
    expect(labels(scale.items)).toEqual(['coverage', 'yes-no']);
    const level = await complete('desk.rubric.yaml', DESK_RUBRIC.replace('threshold: { level: 3 }', 'threshold: { level: ‸ }'));
    expect(labels(level.items)).toEqual(['1', '2', '3']);
  });

  it('offers format 1.1’s keys from the schema, with their descriptions', async () => {
    const { items } = await complete('desk.rubric.yaml', DESK_RUBRIC.replace('        guidance: Look at the catalogue itself.\n', '        guidance: Look at the catalogue itself.\n        ‸\n'));
    expect(labels(items)).toEqual(['title', 'weight', 'questions', 'subgroup', 'qualityCriteria', 'references', 'tags', 'dependsOn', 'related', 'difficulty', 'usefulness']);
    expect(items.find((i) => i.label === 'questions')?.documentation).toContain('What to ask in an interview');
    expect(items.find((i) => i.label === 'dependsOn')?.documentation).toContain('must be met before this one');
    const dimension = await complete('desk.rubric.yaml', DESK_RUBRIC.replace('    description: How users help themselves.\n', '    description: How users help themselves.\n    ‸\n'));
    expect(labels(dimension.items)).toContain('subgroups');
  });

  it('offers a dimension’s sub-groups to its criteria, and the rubric’s other criteria as dependencies (format 1.1)', async () => {
    const withStreams = DESK_RUBRIC.replace('    criteria:\n      - { id: portal,', '    subgroups: [{ id: online, title: Online }, { id: desk, title: At the desk }]\n    criteria:\n      - { id: portal,');
    const subgroup = await complete('desk.rubric.yaml', withStreams.replace('        level: 3\n        evidenceRequired: true', '        level: 3\n        subgroup: ‸\n        evidenceRequired: true'));
    expect(subgroup.items.map((i) => [i.label, i.detail])).toEqual([['online', 'Online'], ['desk', 'At the desk']]);
    const other = await complete('desk.rubric.yaml', withStreams.replace('      - { id: kb, text: A knowledge base exists., level: 2 }', '      - id: kb\n        text: A knowledge base exists.\n        level: 2\n        subgroup: ‸'));
    expect(other.items.filter((i) => i.kind === 'group')).toEqual([]);
    const dependency = await complete('desk.rubric.yaml', DESK_RUBRIC.replace('{ id: kb-reviewed, text: Articles are reviewed., level: 3 }', '{ id: kb-reviewed, text: Articles are reviewed., level: 3, dependsOn: [‸] }'));
    expect(dependency.items.map((i) => [i.label, i.detail])).toEqual([['portal', 'Self-service'], ['catalogue', 'Self-service'], ['kb', 'Knowledge']]);
  });

  it('starts a new document with apiVersion and kind, then offers the kinds', async () => {
    const empty = await complete('new.yaml', '‸', {});
    expect(labels(empty.items)).toEqual(['apiVersion', 'kind']);
    expect(empty.items[0]?.insertText).toBe('apiVersion: rubrics-as-code/v1');
    const kinds = await complete('new.yaml', 'apiVersion: rubrics-as-code/v1\nkind: ‸\n');
    expect(labels(kinds.items)).toEqual(['Rubric', 'Assessment', 'Plan']);
  });

  it('replaces the whole word under the cursor, and only the name when a colon follows', async () => {
    const { items, text } = await complete('acme.assessment.yaml', DESK_ASSESSMENT.replace('  knowledge:\n', '  know‸ledge:\n').replace('  self-service:', '  other:'));
    const knowledge = items.find((i) => i.label === 'knowledge')!;
    expect(text.slice(knowledge.replace.start, knowledge.replace.end)).toBe('knowledge');
    expect(knowledge.insertText).toBe('knowledge');
  });

  it('finds the rubric of a half-typed assessment that was never valid, by path or built-in id', async () => {
    // `answers:` with nothing under it fails the schema, and there is no earlier analysis: the
    // engine still resolves the rubric, since the reference itself passed the schema.
    const typed = DESK_ASSESSMENT.replace(/dimensions:[\s\S]*$/, 'dimensions:\n  knowledge:\n    answers:\n      ‸\n');
    const at = cursor(typed);
    const { engine } = memoryEngine({ ...FILES, 'fresh.assessment.yaml': at.text });
    const analysis = await engine.analyze(uriOf('fresh.assessment.yaml'), at.text);
    expect(analysis.documents[0]?.schemaValid).toBe(false);
    const doc = analysis.documents[0];
    expect(doc?.kind === 'Assessment' && doc.rubric?.index.rubric.id).toBe('desk');
    const items = await completionsAt({ analysis }, at.offset);
    expect(labels(items)).toEqual(['kb', 'kb-reviewed']);

    const builtin = at.text.replace('rubric: ./desk.rubric.yaml', 'rubric: seven-attributes').replace('knowledge:', 'business-fusion:');
    const builtinAnalysis = await engine.analyze(uriOf('fresh.assessment.yaml'), builtin);
    const seven = builtinAnalysis.documents[0];
    expect(seven?.kind === 'Assessment' && seven.rubric?.builtin).toBe(true);
    const offset = builtin.indexOf('answers:\n      ') + 'answers:\n      '.length;
    const criteria = labels(await completionsAt({ analysis: builtinAnalysis }, offset));
    expect(criteria.length).toBeGreaterThan(3);
    expect(criteria.every((c) => c.startsWith('bf-'))).toBe(true);
  });

  it('completes against an earlier analysis with the current text, as the worker does in very large documents', async () => {
    const { analysis } = await snapshotFor('acme.assessment.yaml', DESK_ASSESSMENT);
    const edited = cursor(DESK_ASSESSMENT.replace('  self-service:\n', '  self-service:\n    notes: added after the analysis\n').replace('      kb: yes\n', '      kb: yes\n      ‸\n'));
    const items = await completionsAt({ analysis, text: edited.text }, edited.offset);
    expect(labels(items)).toEqual(['kb-reviewed']);
    expect(edited.text.slice(items[0]!.replace.start - 6, items[0]!.replace.start)).toBe('      ');
  });

  it('puts a space after a colon just typed (the colon asks for suggestions)', async () => {
    const { items, text } = await complete('acme.assessment.yaml', DESK_ASSESSMENT.replace('target: 3', 'target:‸'));
    const three = items.find((i) => i.label === '3')!;
    expect(insertCompletion(text, three.replace, three.insertText)).toContain('\n    target: 3\n');
  });
});
