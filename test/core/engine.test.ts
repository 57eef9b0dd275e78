import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/core/engine';
import { MemoryFileHost } from '../../src/core/resolve/host';
import { analyzeMemory, codesAt, yaml } from '../support/memory';

const rubric = (id = 'desk') => yaml`
  apiVersion: rubrics-as-code/v1
  kind: Rubric
  id: ${id}
  title: Service desk
  version: 1.0.0
  scoring: { method: rated }
  levels: [{ level: 1, name: Initial }, { level: 2, name: Managed }, { level: 3, name: Defined }]
  dimensions:
    - { id: intake, title: Intake }
    - { id: knowledge, title: Knowledge }
`;

const assessment = (ref: string, dimensions = ['intake: { level: 2 }', 'knowledge: { level: 3 }']) =>
  yaml`
    apiVersion: rubrics-as-code/v1
    kind: Assessment
    id: a1
    rubric: ${ref}
    subject: { organization: Acme }
    date: 2026-01-15
    dimensions:
  ` + dimensions.map((d) => `  ${d}\n`).join('');

describe('references', () => {
  it('resolves a relative path, and a path#id into a multi-document file', async () => {
    const two = `${rubric('first')}---\n${rubric('second')}`;
    const plain = await analyzeMemory({ 'r/desk.rubric.yaml': rubric(), 'a.yaml': assessment('./r/desk.rubric.yaml') }, 'a.yaml');
    expect(codesAt(plain)).toEqual([]);
    expect(plain.dependencies).toEqual(['file:///ws/r/desk.rubric.yaml']);
    const byId = await analyzeMemory({ 'two.yaml': two, 'a.yaml': assessment('./two.yaml#second') }, 'a.yaml');
    expect(codesAt(byId)).toEqual([]);
    const doc = byId.documents[0]!;
    expect(doc.kind === 'Assessment' && doc.rubric?.index.rubric.id).toBe('second');
  });

  it('resolves a rubric defined later in the same file by its id', async () => {
    const text = `${assessment('desk')}---\n${rubric()}`;
    const analysis = await analyzeMemory({ 'both.yaml': text }, 'both.yaml');
    expect(codesAt(analysis)).toEqual([]);
    expect(analysis.documents.map((d) => d.kind)).toEqual(['Assessment', 'Rubric']);
  });

  it('says which file is missing, and suggests a close id', async () => {
    const missing = await analyzeMemory({ 'a.yaml': assessment('./nope.rubric.yaml') }, 'a.yaml');
    expect(codesAt(missing)).toEqual(['rubric-not-found@4:9']);
    expect(missing.diagnostics[0]!.message).toContain('No file found at "./nope.rubric.yaml"');
    const typo = await analyzeMemory({ 'a.yaml': `${assessment('dsek')}---\n${rubric()}` }, 'a.yaml');
    expect(typo.diagnostics[0]!.message).toContain('Did you mean "desk"?');
    expect(typo.diagnostics[0]!.fixes?.[0]?.replacement).toBe('desk');
  });

  it('refuses to score against a rubric with errors, and says so on the reference', async () => {
    const broken = rubric().replace('levels: [{ level: 1, name: Initial }, { level: 2', 'levels: [{ level: 1, name: Initial }, { level: 5');
    const analysis = await analyzeMemory({ 'desk.rubric.yaml': broken, 'a.yaml': assessment('./desk.rubric.yaml') }, 'a.yaml');
    expect(codesAt(analysis)).toEqual(['rubric-invalid@4:9']);
    const doc = analysis.documents[0]!;
    expect(doc.kind === 'Assessment' && doc.score).toBeFalsy();
  });

  it('re-reads a referenced file when its text changes, and reuses it when not', async () => {
    const host = new MemoryFileHost(new Map([['file:///ws/desk.rubric.yaml', rubric()]]));
    let reads = 0;
    const counting = { readFile: (uri: string) => (reads++, host.readFile(uri)) };
    const engine = new Engine(counting);
    const text = assessment('./desk.rubric.yaml');
    const first = await engine.analyze('file:///ws/a.yaml', text);
    const second = await engine.analyze('file:///ws/a.yaml', text);
    expect(reads).toBe(2);
    const firstDoc = first.documents[0]!;
    const secondDoc = second.documents[0]!;
    // Same text → the cached rubric index is reused, not rebuilt.
    expect(firstDoc.kind === 'Assessment' && secondDoc.kind === 'Assessment' && firstDoc.rubric?.index === secondDoc.rubric?.index).toBe(true);
    host.set('file:///ws/desk.rubric.yaml', rubric().replace('title: Intake', 'title: Request intake'));
    const third = await engine.analyze('file:///ws/a.yaml', text);
    const thirdDoc = third.documents[0]!;
    expect(thirdDoc.kind === 'Assessment' && thirdDoc.rubric?.index.dimensions.get('intake')?.title).toBe('Request intake');
  });
});

describe('broken input gives diagnostics, never exceptions', () => {
  it('reports YAML syntax errors with their position', async () => {
    const analysis = await analyzeMemory({ 'a.yaml': 'apiVersion: rubrics-as-code/v1\nkind: Assessment\nsubject: [unclosed\n' }, 'a.yaml');
    expect(analysis.diagnostics.some((d) => d.code === 'yaml-syntax' && d.severity === 'error')).toBe(true);
  });

  it('reports a duplicate key on the second occurrence', async () => {
    const analysis = await analyzeMemory({ 'a.yaml': 'apiVersion: rubrics-as-code/v1\nkind: Rubric\nkind: Rubric\n' }, 'a.yaml');
    expect(codesAt(analysis)).toContain('yaml-duplicate-key@3:1');
  });

  it('refuses an alias bomb quickly', async () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const analysis = await analyzeMemory({ 'bomb.yaml': lines.join('\n') + '\n' }, 'bomb.yaml');
    expect(analysis.diagnostics.map((d) => d.code)).toContain('yaml-alias-limit');
  });

  it('refuses nesting deeper than the limit without overflowing the stack', async () => {
    const deep = 'a: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n';
    const analysis = await analyzeMemory({ 'deep.yaml': deep }, 'deep.yaml');
    expect(codesAt(analysis)).toEqual(['yaml-too-deep@1:1']);
  });

  it('asks for apiVersion and kind on a foreign document', async () => {
    const analysis = await analyzeMemory({ 'a.yaml': 'name: something else\n' }, 'a.yaml');
    expect(analysis.diagnostics.map((d) => d.code)).toEqual(['unknown-api-version', 'unknown-kind']);
    expect(codesAt(analysis)).toEqual(['unknown-api-version@1:1', 'unknown-kind@1:1']);
  });

  it('caps the number of problems per file and says how many there are', async () => {
    const dims = Array.from({ length: 40 }, (_, i) => `unknown-${i}: { level: 2 }`);
    const text = `${assessment('desk', ['intake: { level: 2 }', ...dims])}---\n${rubric()}`;
    const analysis = await analyzeMemory({ 'a.yaml': text }, 'a.yaml', { maxProblems: 10 });
    expect(analysis.diagnostics).toHaveLength(11);
    expect(analysis.diagnostics[10]!.code).toBe('too-many-problems');
    expect(analysis.diagnostics[10]!.message).toContain('41 problems');
  });
});

describe('schema diagnostics point at the offending key or value', () => {
  it('lands a missing required key on the parent key, an unknown key on itself with a suggestion', async () => {
    const text = yaml`
      apiVersion: rubrics-as-code/v1
      kind: Rubric
      id: desk
      title: Desk
      version: 1.0.0
      levels: [{ level: 1, name: One }, { level: 2, name: Two }]
      dimensions:
        - id: intake
          titel: Intake
    `;
    const analysis = await analyzeMemory({ 'r.yaml': text }, 'r.yaml');
    // The schema errors do not stop the rules: the dimension has no criteria, which gated scoring needs.
    expect(codesAt(analysis)).toEqual(['criteria-required@8:5', 'schema-required@8:5', 'schema-unknown-key@9:5']);
    const byCode = (code: string) => analysis.diagnostics.find((d) => d.code === code)!;
    expect(byCode('schema-unknown-key').message).toBe('"titel" is not a key the format defines here. Did you mean "title"?');
    expect(byCode('schema-required').message).toContain('missing the required key "title"');
    expect(byCode('criteria-required').message).toContain('"intake" has no criteria');
  });

  it('explains a wrong type in plain words', async () => {
    const analysis = await analyzeMemory({ 'desk.rubric.yaml': rubric(), 'a.yaml': assessment('./desk.rubric.yaml', ['intake: { level: three }']) }, 'a.yaml');
    // The rest of the assessment is still checked against its rubric.
    expect(codesAt(analysis)).toEqual(['dimension-not-assessed@7:1', 'schema-type@8:20']);
    expect(analysis.diagnostics[1]!.message).toBe('"level" must be a whole number, but it is text "three".');
  });
});

describe('dates', () => {
  it('checks that the assessment date is a real day even when the rubric is missing', async () => {
    const text = assessment('./missing.rubric.yaml').replace('2026-01-15', '2026-13-31');
    const analysis = await analyzeMemory({ 'a.yaml': text }, 'a.yaml');
    expect(codesAt(analysis)).toEqual(['rubric-not-found@4:9', 'invalid-date@6:7']);
  });
});

describe('schema errors do not hide the rest (issue 7)', () => {
  it('resolves the reference of a document with schema errors, and runs every rule whose inputs passed', async () => {
    // A rated assessment with a key the format lacks and a wrong type elsewhere: the reference and
    // the levels are still checked in the same pass, instead of after the schema errors are fixed.
    const text = assessment('./desk.rubric.yaml', ['intake: { level: 7, colour: blue }', 'knowledge: { level: two }']);
    const found = await analyzeMemory({ 'desk.rubric.yaml': rubric(), 'a.yaml': text }, 'a.yaml');
    expect(codesAt(found)).toEqual(['level-out-of-scale@8:20', 'schema-unknown-key@8:23', 'schema-type@9:23']);
    const missing = await analyzeMemory({ 'a.yaml': text }, 'a.yaml');
    expect(codesAt(missing)).toEqual(['rubric-not-found@4:9', 'schema-unknown-key@8:23', 'schema-type@9:23']);
  });

  it('does not score a document that failed its schema, and does not report what it cannot know', async () => {
    const text = assessment('./desk.rubric.yaml', ['intake: { level: two }']);
    const analysis = await analyzeMemory({ 'desk.rubric.yaml': rubric(), 'a.yaml': text }, 'a.yaml');
    const doc = analysis.documents[0]!;
    expect(doc.kind === 'Assessment' && doc.score).toBeFalsy();
    expect(doc.kind === 'Assessment' && doc.rubric?.index.rubric.id).toBe('desk');
    // The level that failed the schema is neither "not rated" nor "out of scale": only the schema says something about it.
    expect(codesAt(analysis)).toEqual(['dimension-not-assessed@7:1', 'schema-type@8:20']);
  });
});
