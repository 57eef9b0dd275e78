/**
 * The complete parser's conversion of `yaml`'s AST (src/core/yaml/parseFull.ts): every YAML
 * feature either becomes the plain data it means, with canonical ranges, or gets a diagnostic at
 * the exact range. Never a silent null, a list of nulls or a "Symbol(<<)" key.
 */
import { describe, expect, it } from 'vitest';
import { YAML_LIMITS } from '../../../src/core/yaml/limits';
import { parseYaml } from '../../../src/core/yaml/parse';
import { parseFull } from '../../../src/core/yaml/parseFull';
import { describeYamlError } from '../../../src/core/yaml/yamlLibrary';
import type { ParsedYamlDocument } from '../../../src/core/yaml/types';
import { analyzeMemory } from '../../support/memory';
import { rangeOutside } from '../../support/yaml';

function only(text: string): ParsedYamlDocument {
  const parsed = parseYaml(text, { parser: 'full' });
  expect(parsed.documents.length).toBe(1);
  return parsed.documents[0] as ParsedYamlDocument;
}

/** The document's value as plain JSON data (null-prototype maps become ordinary objects). */
function data(doc: ParsedYamlDocument): unknown {
  return JSON.parse(JSON.stringify(doc.value));
}

/** Issues as "code@covered text". */
function issuesOf(text: string, doc: ParsedYamlDocument): string[] {
  return doc.issues.map((i) => `${i.code}@${text.slice(i.range.start, i.range.end)}`);
}

describe('aliases on the full parser', () => {
  it('reports an alias without an anchor at the alias, instead of reading it as null', () => {
    const text = 'a: *nope\nb: 1\n';
    const doc = only(text);
    expect(issuesOf(text, doc)).toEqual(['yaml-syntax@*nope']);
    expect(doc.issues[0]?.message).toMatch(/\*nope refers to no anchor.*&nope/);
  });

  it('resolves an alias to the last anchor of that name before it, without an issue', () => {
    const text = 'a: &x 1\nb: &x [2]\nc: *x\n';
    const doc = only(text);
    expect(doc.issues).toEqual([]);
    expect(data(doc)).toEqual({ a: 1, b: [2], c: [2] });
    // The alias reuses the anchored value, and its range is the alias itself.
    const value = doc.value as { b: unknown; c: unknown };
    expect(value.c).toBe(value.b);
    const pair = doc.spans.get(doc.value as object)?.pairs?.get('c');
    expect(text.slice(pair!.value.start, pair!.value.end)).toBe('*x');
  });

  it('does not count an alias that comes before its anchor', () => {
    const text = 'a: *x\nb: &x 1\n';
    expect(issuesOf(text, only(text))).toEqual(['yaml-syntax@*x']);
  });

  it('refuses an alias inside the value it refers to, which would repeat without end', () => {
    for (const text of ['a: &a [1, *a]\n', 'a: &a\n  b:\n    c: *a\n']) {
      const doc = only(text);
      expect(issuesOf(text, doc)).toEqual(['yaml-alias-limit@*a']);
      expect(doc.issues[0]?.message).toMatch(/without end/);
      // The data holds no cycle: whatever walks it next terminates.
      expect(() => JSON.stringify(doc.value)).not.toThrow();
    }
  });

  it('lets an anchored key be used as a value, and an alias of a scalar be a key', () => {
    const text = '&k key: 1\nother: *k\n*k : 2\n';
    const doc = only(text);
    expect(data(doc)).toEqual({ key: 2, other: 'key' });
    // `key` and `*k` name the same entry: reported, not silently merged.
    expect(issuesOf(text, doc)).toEqual(['yaml-duplicate-key@*k']);
  });

  it('stops when aliases repeat too many characters of text, though few values', () => {
    const long = 'x'.repeat(1_000_000);
    const count = Math.ceil(YAML_LIMITS.maxExpandedCharacters / long.length) + 1;
    const text = `a: &a "${long}"\nb: [${Array(count).fill('*a').join(', ')}]\n`;
    expect(count).toBeLessThan(YAML_LIMITS.maxExpandedNodes);
    const doc = only(text);
    expect(doc.issues.map((i) => i.code)).toEqual(['yaml-alias-limit']);
    expect(doc.issues[0]?.message).toMatch(/characters of text/);
    expect(doc.value).toBeNull();
    // Just under the limit, the same document is read whole.
    const fewer = `a: &a "${long}"\nb: [${Array(count - 2).fill('*a').join(', ')}]\n`;
    expect(only(fewer).issues).toEqual([]);
  });

  it('counts only what aliases repeat towards the alias guard, and finds repeated keys in one pass', () => {
    // `yaml`'s own repeated-key check compares each key with every earlier one: 30,000 keys took
    // about ten seconds that way. The conversion looks each key up once.
    const keys = 30_000;
    const text = Array.from({ length: keys }, (_, i) => `k${i}: ${i}`).join('\n') + '\nk7: again\n';
    const parsed = parseYaml(text, { parser: 'full' });
    expect(parsed.documents[0]?.issues.map((i) => i.code)).toEqual(['yaml-duplicate-key']);
    expect(parsed.work.aliasExpansions).toBe(0);
    expect(parsed.work.nodesBuilt).toBe(2 * (keys + 1) + 1);
  });
});

describe('tags and YAML 1.1 on the full parser', () => {
  it('reads !!omap as a map, in its order, with each key where it is written', () => {
    const text = 'a: !!omap\n  - z: 1\n  - y: 2\n';
    const doc = only(text);
    expect(doc.issues).toEqual([]);
    const omap = (doc.value as { a: Record<string, unknown> }).a;
    expect(Object.keys(omap)).toEqual(['z', 'y']);
    expect(data(doc)).toEqual({ a: { z: 1, y: 2 } });
    const span = doc.spans.get(omap);
    expect(text.slice(span!.pairs!.get('y')!.key.start, span!.pairs!.get('y')!.key.end)).toBe('y');
    expect(text.slice(span!.range.start, span!.range.end)).toBe('- z: 1\n  - y: 2');
    expect(data(only('a: !!omap [x: 1, y: 2]\n'))).toEqual({ a: { x: 1, y: 2 } });
  });

  it('reports a key repeated in an !!omap, and an entry that is not a one-key map', () => {
    const text = 'a: !!omap\n  - x: 1\n  - x: 2\n  - [y]\n';
    const doc = only(text);
    expect(issuesOf(text, doc)).toEqual(['yaml-syntax@[y]', 'yaml-duplicate-key@x']);
  });

  it('reads !!pairs as a list of one-key maps, repeats allowed', () => {
    const text = 'a: !!pairs\n  - x: 1\n  - x: 2\n';
    const doc = only(text);
    expect(doc.issues).toEqual([]);
    expect(data(doc)).toEqual({ a: [{ x: 1 }, { x: 2 }] });
    const list = (doc.value as { a: object[] }).a;
    const item = doc.spans.get(list)!.items![1]!;
    expect(text.slice(item.start, item.end)).toBe('x: 2');
  });

  it('merges maps named by a %YAML 1.1 merge key, the map\u2019s own keys winning', () => {
    const text = '%YAML 1.1\n---\nbase: &base { weight: 1, group: run }\nd:\n  <<: *base\n  weight: 2\n';
    const doc = only(text);
    expect(doc.issues).toEqual([]);
    expect(data(doc)).toEqual({ base: { weight: 1, group: 'run' }, d: { weight: 2, group: 'run' } });
    // A merged entry points at the anchor's text; an own entry at its own.
    const d = (doc.value as { d: object }).d;
    const pairs = doc.spans.get(d)!.pairs!;
    expect(text.slice(pairs.get('group')!.value.start, pairs.get('group')!.value.end)).toBe('run');
    expect(pairs.get('group')!.value.start).toBeLessThan(text.indexOf('d:'));
    expect(text.slice(pairs.get('weight')!.value.start, pairs.get('weight')!.value.end)).toBe('2');
    expect([...pairs.keys()]).not.toContain('<<');
  });

  it('merges a list of maps with the earlier ones winning, and keeps keys written before the merge', () => {
    const text = '%YAML 1.1\n---\na: &a { x: 1 }\nb: &b { x: 2, z: 2 }\nc:\n  z: 0\n  <<: [*a, *b]\n';
    expect(data(only(text))).toEqual({ a: { x: 1 }, b: { x: 2, z: 2 }, c: { z: 0, x: 1 } });
  });

  it('reports a merge key whose value is not a map', () => {
    const text = '%YAML 1.1\n---\nc:\n  <<: 3\n';
    const doc = only(text);
    expect(issuesOf(text, doc)).toEqual(['yaml-syntax@3']);
    expect(doc.issues[0]?.message).toMatch(/merge key/);
  });

  it('keeps `<<` an ordinary key in YAML 1.2, where merge keys do not exist', () => {
    expect(data(only('a: &a { x: 1 }\nb:\n  <<: *a\n'))).toEqual({ a: { x: 1 }, b: { '<<': { x: 1 } } });
  });

  it('keeps timestamps as the text written, since dates are text in this format', () => {
    expect(data(only('a: !!timestamp 2026-03-31\n'))).toEqual({ a: '2026-03-31' });
    expect(data(only('%YAML 1.1\n---\ndate: 2026-03-31\n2026-04-01: x\n'))).toEqual({ date: '2026-03-31', '2026-04-01': 'x' });
  });

  it('refuses binary data, which rubric files never hold, at its value', () => {
    const text = 'a: !!binary aGVsbG8=\n';
    const doc = only(text);
    expect(issuesOf(text, doc)).toEqual(['yaml-unsupported@aGVsbG8=']);
    expect(doc.issues[0]?.message).toMatch(/Binary data/);
  });

  it('reports keys that differ in YAML but are one key here, and only those', () => {
    const text = '1: a\n"1": b\n';
    expect(issuesOf(text, only(text))).toEqual(['yaml-duplicate-key@"1"']);
    // A plain repeated key is reported once, at its second place.
    const repeated = 'apiVersion: rubrics-as-code/v1\na: 1\nb: 2\na: 3\n';
    const doc = only(repeated);
    expect(doc.issues.map((i) => [i.code, i.range.start])).toEqual([['yaml-duplicate-key', repeated.lastIndexOf('a')]]);
    expect(doc.issues[0]?.message).toMatch(/"a" appears more than once/);
    // A text that is not a rubric file's is quoted nowhere.
    expect(only('a: 1\nb: 2\na: 3\n').issues[0]?.message).toMatch(/^A key appears more than once/);
    expect(only('1: a\n"2": b\n&x c: d\n').issues).toEqual([]);
  });

  it('reports a list or a map used as a key, and still lets later aliases use its anchors', () => {
    const text = '? &k [a]\n: 1\nb: *k\n';
    const doc = only(text);
    expect(issuesOf(text, doc)).toEqual(['yaml-syntax@[a]']);
    expect(data(doc)).toEqual({ b: ['a'] });
  });
});

describe('every silent wrong value gets a diagnostic through the engine', () => {
  it('an unresolved alias in an assessment', async () => {
    const text = 'apiVersion: rubrics-as-code/v1\nkind: Assessment\nid: a\nrubric: seven-attributes\ndate: *when\n';
    const analysis = await analyzeMemory({ 'x.assessment.yaml': text }, 'x.assessment.yaml');
    const found = analysis.diagnostics.find((d) => d.code === 'yaml-syntax');
    expect(found && text.slice(found.range.start, found.range.end)).toBe('*when');
  });
});

describe('describeYamlError', () => {
  it('drops the position suffix, keeps the text and adds advice', () => {
    expect(describeYamlError('BAD_INDENT', 'Bad indentation at line 3, column 2:\n\n  x\n  ^', true)).toBe('Bad indentation. Check the indentation of this line against the lines above it.');
    expect(describeYamlError('X', 'Something odd', true)).toBe('Something odd.');
  });

  it('reads a message with a megabyte of white space in linear time, and prints it bounded, on one line', () => {
    const message = `Block scalar header includes extra characters: |x${' '.repeat(1_000_000)}y\tz at line 1, column 4:`;
    const described = describeYamlError('UNEXPECTED_TOKEN', message, true);
    expect(described.length).toBeLessThan(300);
    expect(described).not.toMatch(/\s\s|\n|at line/);
    expect(describeYamlError('X', ' '.repeat(1_000_000), true).length).toBeLessThan(10);
  });

  it('quotes a short, printable excerpt of the text, never more', () => {
    const token = 'eC1hY2Nlc3MtdG9rZW46Z2hzX1NFQ1JFVF9UT0tFTl9USEFUX0lTX0xPTkc=';
    const described = describeYamlError('UNEXPECTED_TOKEN', `Unexpected scalar token in YAML stream: ${JSON.stringify(`basic ${token}\u001b[2J`)} at line 7, column 31:`, true);
    expect(described).toMatch(/^Unexpected scalar token in YAML stream: "basic eC1hY2Nlc3MtdG9rZW46Z2hzX1NFQ1JFV…"\.$/);
    expect(described).not.toContain(token);
    expect(describeYamlError('BAD_DQ_ESCAPE', 'Invalid escape sequence \\\u001b', true)).toBe('Invalid escape sequence: "\\\\u001b".');
  });

  it('quotes nothing of a text that does not declare itself a rubric file, and still says what is wrong', () => {
    const described = describeYamlError('UNEXPECTED_TOKEN', 'Unexpected scalar token in YAML stream: "basic TOKEN"', false);
    expect(described).toBe('This is not valid YAML (none of the text is quoted: it does not declare apiVersion: rubrics-as-code/v1).');
    expect(describeYamlError('BAD_INDENT', 'Bad indentation of "secret" at line 3', false)).toBe('The indentation is not valid here (none of the text is quoted: it does not declare apiVersion: rubrics-as-code/v1). Check the indentation of this line against the lines above it.');
  });

  it('in a whole file: a .git/config read as YAML shows none of its lines, a rubric file a short excerpt', () => {
    const config = '[core]\n\trepositoryformatversion = 0\n[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46Z2hzX1NFQ1JFVA==\n';
    const messages = parseFull(config).flatMap((d) => d.issues.map((i) => i.message));
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.join('\n')).not.toMatch(/eC1h|extraheader|basic|core/);
    const rubric = `apiVersion: rubrics-as-code/v1\nkind: Rubric\nid: x\nkey: value\nkey: again\n${'z'.repeat(200)}: [\n`;
    const rubricMessages = parseFull(rubric).flatMap((d) => d.issues.map((i) => i.message));
    expect(rubricMessages.some((m) => m.includes('"key"'))).toBe(true);
    expect(rubricMessages.every((m) => !m.includes('z'.repeat(41)))).toBe(true);
  });
});

describe('parseFull', () => {
  it('gives one empty document for an empty text, and counts its work', () => {
    const parsed = parseYaml('', { parser: 'full' });
    expect(parsed.documents.map((d) => d.value)).toEqual([null]);
    expect(parseFull('# only a comment\n').map((d) => d.value)).toEqual([null]);
  });
});

describe('ranges from yaml stay inside the text', () => {
  it('at the end of an unclosed flow collection, where yaml ends a document one character past it', () => {
    // Found by the fuzz tests: yaml ends these documents one character past the text.
    for (const text of ['- [x][\n', 'a: [x][\r\n', '- [][\n---\n- [][\n']) {
      const docs = parseFull(text);
      expect(docs.length).toBeGreaterThan(0);
      expect(rangeOutside(docs, [], text.length)).toBeUndefined();
    }
    const text = '- [x][\n';
    for (const doc of parseFull(text)) {
      expect(doc.documentRange.end).toBeLessThanOrEqual(text.length);
      expect(doc.documentRange.start).toBeLessThanOrEqual(doc.documentRange.end);
      for (const issue of doc.issues) expect(issue.range.end).toBeLessThanOrEqual(text.length);
    }
  });
});
