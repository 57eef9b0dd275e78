import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../../src/core/yaml/parse';
import { parseFastOrBail, tryParseFast } from '../../../src/core/yaml/parseFast';
import { parseFull } from '../../../src/core/yaml/parseFull';
import type { ParsedYamlDocument } from '../../../src/core/yaml/types';
import { PARSED_MAP_PROTOTYPE } from '../../../src/core/yaml/maps';
import { diffParses } from '../../support/yaml';

/** Parses with the fast parser, which must accept the text and agree with the full parser. */
function fast(text: string): ParsedYamlDocument[] {
  const documents = parseFastOrBail(text);
  expect(documents, `the fast parser should accept ${JSON.stringify(text)}`).toBeDefined();
  expect(diffParses(documents ?? [], parseFull(text))).toBeUndefined();
  return documents ?? [];
}

function first(text: string): ParsedYamlDocument {
  return fast(text)[0] as ParsedYamlDocument;
}

/** The text a range covers. */
function at(text: string, range: { start: number; end: number } | undefined): string | undefined {
  return range && text.slice(range.start, range.end);
}

function spanOf(doc: ParsedYamlDocument, value: unknown) {
  const span = doc.spans.get(value as object);
  expect(span).toBeDefined();
  return span!;
}

describe('fast YAML parser: constructs', () => {
  it('reads block maps into objects that inherit nothing, with key and value ranges', () => {
    const text = 'id: desk\ntitle: Service desk # the name\nweight: 2\n';
    const doc = first(text);
    const value = doc.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(PARSED_MAP_PROTOTYPE);
    expect({ ...value }).toEqual({ id: 'desk', title: 'Service desk', weight: 2 });
    const span = spanOf(doc, value);
    expect(at(text, span.range)).toBe('id: desk\ntitle: Service desk # the name\nweight: 2');
    expect([...span.pairs!.keys()]).toEqual(['id', 'title', 'weight']);
    expect(at(text, span.pairs!.get('title')!.key)).toBe('title');
    expect(at(text, span.pairs!.get('title')!.value)).toBe('Service desk');
    expect(doc.documentRange).toEqual({ start: 0, end: text.length });
  });

  it('reads block sequences, compact maps in sequences and nested compact sequences', () => {
    const text = ['levels:', '  - level: 1', '    name: Initial', '  -   level: 2', '      name: Managed', 'matrix:', '- - a', '  - b', '- []', ''].join('\n');
    const doc = first(text);
    const value = doc.value as { levels: Record<string, unknown>[]; matrix: unknown[] };
    expect(value.levels.map((l) => ({ ...l }))).toEqual([{ level: 1, name: 'Initial' }, { level: 2, name: 'Managed' }]);
    expect(value.matrix).toEqual([['a', 'b'], []]);
    const levels = spanOf(doc, value.levels);
    expect(at(text, levels.range)).toBe('- level: 1\n    name: Initial\n  -   level: 2\n      name: Managed');
    expect(at(text, levels.items![1])).toBe('level: 2\n      name: Managed');
    // A sequence may sit at its key's own indentation.
    expect(at(text, spanOf(doc, value.matrix).range)).toBe('- - a\n  - b\n- []');
    expect(at(text, spanOf(doc, value.matrix).items![0])).toBe('- a\n  - b');
  });

  it('gives empty values null and a zero-width range right after their indicator', () => {
    const text = 'a:\nb:   # nothing\nc:\n  -\n  - # nothing either\n  - x\nd: 1\n';
    const doc = first(text);
    const value = doc.value as Record<string, unknown>;
    expect(value.a).toBeNull();
    expect(value.b).toBeNull();
    expect(value.c).toEqual([null, null, 'x']);
    const pairs = spanOf(doc, value).pairs!;
    expect(pairs.get('a')!.value).toEqual({ start: 2, end: 2 });
    expect(pairs.get('b')!.value).toEqual({ start: 5, end: 5 });
    const items = spanOf(doc, value.c).items!;
    expect(text[items[0]!.start - 1]).toBe('-');
    expect(items[0]!.start).toBe(items[0]!.end);
    expect(text[items[1]!.start - 1]).toBe('-');
  });

  it('resolves plain scalars with the YAML 1.2 core schema, as `yaml` does', () => {
    const cases: [string, unknown][] = [
      ['~', null], ['null', null], ['Null', null], ['NULL', null], ['nUll', 'nUll'],
      ['true', true], ['True', true], ['TRUE', true], ['false', false], ['False', false], ['tRue', 'tRue'], ['yes', 'yes'], ['off', 'off'],
      ['0', 0], ['-0', -0], ['+12', 12], ['007', 7], ['0x1F', 31], ['0X1F', '0X1F'], ['0o17', 15], ['0o8', '0o8'], ['1_000', '1_000'], ['0b101', '0b101'],
      ['1.5', 1.5], ['-1.5', -1.5], ['1.', 1], ['.5', 0.5], ['1e3', 1000], ['-1.5e+3', -1500], ['.inf', Infinity], ['-.Inf', -Infinity], ['+.INF', Infinity],
      ['.nan', NaN], ['.NaN', NaN], ['nan', 'nan'], ['12345678901234567890', parseInt('12345678901234567890', 10)],
      ['2026-03-31', '2026-03-31'], ['12:30', '12:30'], ['https://example.com/a#b', 'https://example.com/a#b'], ['C#', 'C#'], ['a, b', 'a, b'], ["it's", "it's"],
    ];
    for (const [source, expected] of cases) {
      const value = first(`v: ${source}\n`).value as { v: unknown };
      expect(Object.is(value.v, expected) || value.v === expected, `${source} → ${String(value.v)} (${typeof value.v})`).toBe(true);
    }
  });

  it('turns keys into strings the way the full parser does', () => {
    const doc = first('1: one\n2.50: two\ntrue: yes\nnull: nothing\n"quoted: key": q\n\'it\'\'s\': s\n');
    expect(Object.keys(doc.value as object)).toEqual(['1', '2.5', 'true', '', 'quoted: key', "it's"]);
  });

  it('decodes one-line double- and single-quoted scalars, with quotes in the range', () => {
    const text = String.raw`a: "tab\there \"q\" \\ \x41\u00e9\U0001F600 \/ \_"` + "\nb: 'it''s # not a comment'\nc: \"\"\n";
    const doc = first(text);
    const value = doc.value as Record<string, string>;
    expect(value.a).toBe('tab\there "q" \\ Aé😀 / \u00a0');
    expect(value.b).toBe("it's # not a comment");
    expect(value.c).toBe('');
    expect(at(text, spanOf(doc, value).pairs!.get('b')!.value)).toBe("'it''s # not a comment'");
  });

  it('reads literal and folded block scalars with clip, strip and keep chomping', () => {
    const text = ['lit: |', '  line one', '    indented', '', '  line three', 'folded: >', '  a', '  b', '', '  c', '    more', '  d', 'strip: |-', '  x', '', 'keep: >+', '  y', '', '', 'next: 1', ''].join('\n');
    const doc = first(text);
    const value = doc.value as Record<string, unknown>;
    expect(value.lit).toBe('line one\n  indented\n\nline three\n');
    expect(value.folded).toBe('a b\nc\n  more\nd\n');
    expect(value.strip).toBe('x');
    expect(value.keep).toBe('y\n\n\n');
    const pairs = spanOf(doc, value).pairs!;
    // From the indicator to the end of the last line with text.
    expect(at(text, pairs.get('lit')!.value)).toBe('|\n  line one\n    indented\n\n  line three');
    expect(at(text, pairs.get('keep')!.value)).toBe('>+\n  y');
  });

  it('keeps a header comment and leading blank lines of block scalars as `yaml` does', () => {
    const doc = first('notes: |  # markdown\n\n  after a blank line\n');
    expect((doc.value as { notes: string }).notes).toBe('\nafter a blank line\n');
  });

  it('folds plain scalars that continue on more-indented lines, as `yaml` does', () => {
    const text = 'text: A practice that is\n  written over\n\n  several lines # and a comment\nnext:\n  on its own line\n  and the next\n';
    const doc = first(text);
    const value = doc.value as Record<string, string>;
    expect(value.text).toBe('A practice that is written over\nseveral lines');
    expect(value.next).toBe('on its own line and the next');
    const pairs = spanOf(doc, value).pairs!;
    expect(at(text, pairs.get('text')!.value)).toBe('A practice that is\n  written over\n\n  several lines');
    expect(at(text, pairs.get('next')!.value)).toBe('on its own line\n  and the next');
  });

  it('folds quoted scalars over several lines, with escapes and escaped line breaks, as `yaml` does', () => {
    const text = 'a: "first line  \n\n   second \\"line\\"\\\n   joined \\u00e9"\nb: \'it\'\'s\n  folded\' # c\n';
    const doc = first(text);
    const value = doc.value as Record<string, string>;
    expect(value.a).toBe('first line\nsecond "line"joined é');
    expect(value.b).toBe("it's folded");
    expect(at(text, spanOf(doc, value).pairs!.get('b')!.value)).toBe("'it''s\n  folded'");
  });

  it('reads values on the line after their key or dash', () => {
    const value = first('a:\n  "quoted"\nb:\n  [1, 2]\nc:\n  -\n    plain\n').value as Record<string, unknown>;
    expect(JSON.parse(JSON.stringify(value))).toEqual({ a: 'quoted', b: [1, 2], c: ['plain'] });
  });

  it('reads empty block scalars as empty text whose range is the header', () => {
    const text = 'a: | # nothing yet\nb: >-\n\nc: 1\n';
    const doc = first(text);
    const value = doc.value as Record<string, unknown>;
    expect(value.a).toBe('');
    expect(value.b).toBe('');
    expect(at(text, spanOf(doc, value).pairs!.get('a')!.value)).toBe('| # nothing yet');
  });

  it('reads one-line flow sequences and maps, nested', () => {
    const text = 'scoring: { method: gated, weights: [1, 2.5, "x"] }\nempty: [ ]\nnone: {}\n';
    const doc = first(text);
    const value = doc.value as { scoring: { method: string; weights: unknown[] }; empty: unknown[]; none: object };
    expect(Object.getPrototypeOf(value.scoring)).toBe(PARSED_MAP_PROTOTYPE);
    expect(value.scoring.method).toBe('gated');
    expect(value.scoring.weights).toEqual([1, 2.5, 'x']);
    expect(value.empty).toEqual([]);
    expect(Object.keys(value.none)).toEqual([]);
    const scoring = spanOf(doc, value.scoring);
    expect(at(text, scoring.range)).toBe('{ method: gated, weights: [1, 2.5, "x"] }');
    expect(at(text, scoring.pairs!.get('weights')!.value)).toBe('[1, 2.5, "x"]');
    expect(at(text, spanOf(doc, value.scoring.weights).items![2])).toBe('"x"');
  });

  it('skips comments anywhere, including between entries at any indentation', () => {
    const text = '# head\na: # after key\n  # inside\n  b: 1 # after value\n# back at zero\n  c: 2\nd: [1, 2] # after flow\n';
    const value = first(text).value as { a: Record<string, unknown>; d: unknown[] };
    expect({ ...value.a }).toEqual({ b: 1, c: 2 });
    expect(value.d).toEqual([1, 2]);
  });

  it('splits documents at --- and gives each its range', () => {
    const text = '# file comment\napiVersion: v1\n---\nkind: Rubric\n--- # third\nkind: Plan\n';
    const docs = fast(text);
    expect(docs.map((d) => ({ ...(d.value as object) }))).toEqual([{ apiVersion: 'v1' }, { kind: 'Rubric' }, { kind: 'Plan' }]);
    expect(docs.map((d) => at(text, d.documentRange))).toEqual(['apiVersion: v1\n', '---\nkind: Rubric\n', '--- # third\nkind: Plan\n']);
  });

  it('reads empty documents as null at their marker, ended as `yaml` ends them', () => {
    const text = 'a: 1\n---  \n\n--- # only a comment\n---\n# trailing\n';
    const docs = fast(text);
    expect(docs.map((d) => (d.value === null ? null : { ...(d.value as object) }))).toEqual([{ a: 1 }, null, null, null]);
    expect(docs.map((d) => at(text, d.documentRange))).toEqual(['a: 1\n', '---  ', '--- # only a comment\n', '---\n# trailing\n']);
    expect(docs[1]!.valueRange).toEqual({ start: 5, end: 5 });
  });

  it('ends a document whose last value is empty right after that value, as `yaml` does', () => {
    const text = 'a: 1\nb:   \n\n';
    expect(first(text).documentRange).toEqual({ start: 0, end: 10 });
  });

  it('reads CRLF text with the same values and ranges excluding the carriage returns', () => {
    const text = 'a: 1\r\nb:\r\n  - x  \r\n  - |\r\n    text\r\n';
    const doc = first(text);
    expect(JSON.parse(JSON.stringify(doc.value))).toEqual({ a: 1, b: ['x', 'text\n'] });
    const items = spanOf(doc, (doc.value as { b: unknown[] }).b).items!;
    expect(at(text, items[0])).toBe('x');
    expect(at(text, items[1])).toBe('|\r\n    text');
  });

  it('is chosen by parseYaml for subset text and skipped for anything else', () => {
    expect(parseYaml('a: 1\n').parser).toBe('fast');
    expect(parseYaml('a: !!str 1\n').parser).toBe('full');
    expect(parseYaml('a: 1\n', { parser: 'full' }).parser).toBe('full');
    expect(() => parseYaml('a: !!str 1\n', { parser: 'fast' })).toThrow(/fast parser/);
  });
});

describe('fast YAML parser: anchors and aliases', () => {
  it('reads an anchored map used by later aliases as one shared value, each alias at its own range', () => {
    const text = 'dimensions:\n  - id: a\n    levels: &shared # written once\n      1: Initial\n      2: Managed\n  - id: b\n    levels: *shared\n';
    const doc = first(text);
    const dimensions = (doc.value as { dimensions: { levels: object }[] }).dimensions;
    expect(dimensions[1]!.levels).toBe(dimensions[0]!.levels);
    const second = doc.spans.get(dimensions[1]!)!.pairs!.get('levels')!;
    expect(at(text, second.value)).toBe('*shared');
    expect(at(text, doc.spans.get(dimensions[0]!.levels)!.range)).toBe('1: Initial\n      2: Managed');
  });

  it('reads anchors on scalars, quoted and block scalars, flow collections and sequence items', () => {
    first('a: &x 1\nb: *x\nc: &q "quoted"\nd: *q # again\n');
    first('a: &t |\n  text\nb: *t\n');
    first('a: &f [1, &g two, {k: *g}]\nb: *f\nc: {x: *f, y: *g}\n');
    first('- &item\n  k: 1\n- *item\n- &s scalar\n- [*s, *item]\n');
    first('a: &list\n- 1\n- 2\nb: *list\n');
    first('a: &x-y.z 1\nb: *x-y.z\n');
  });

  it('resolves an alias to the last anchor of its name, per document', () => {
    const docs = fast('a: &x 1\nb: &x 2\nc: *x\n---\na: &x 3\nb: *x\n');
    expect({ ...(docs[0]!.value as object) }).toEqual({ a: 1, b: 2, c: 2 });
    expect({ ...(docs[1]!.value as object) }).toEqual({ a: 3, b: 3 });
    // An anchor does not reach into the next document.
    expect(parseFastOrBail('a: &x 1\n---\nb: *x\n')).toBeUndefined();
  });

  it('counts what aliases repeat, as the complete parser does', () => {
    const text = 'a: &m {x: 1, y: [2, 3]}\nb: *m\nc: [*m, *m]\n';
    expect(parseYaml(text).work.aliasExpansions).toBe(parseYaml(text, { parser: 'full' }).work.aliasExpansions);
    expect(parseYaml(text).work.aliasExpansions).toBe(3 * 5);
  });
});

describe('fast YAML parser: leaves everything else to the full parser', () => {
  // [what, text, whether `yaml` reports a problem in it]
  const cases: [string, string, boolean][] = [
    ['an alias without an anchor', 'a: *x\n', false],
    ['an alias before its anchor', 'a: *x\nb: &x 1\n', false],
    ['an alias inside its own anchored value', 'a: &x [1, *x]\n', false],
    ['an anchor on a key', '&k a: 1\n', false],
    ['an anchor on a compact key', '- &k a: 1\n', false],
    ['an anchor on an empty value', 'a: &x\nb: 1\n', false],
    ['an anchor on a scalar on the next line', 'a: &x\n  text\n', false],
    ['two anchors in a row', 'a: &x &y 1\n', false],
    ['an anchor on an alias', 'a: &x 1\nb: &y *x\n', false],
    ['an alias as a key', 'a: &x k\n*x : 1\n', false],
    ['an alias followed by text', 'a: &x 1\nb: *x y\n', true],
    ['an anchor name with a character outside the subset', 'a: &x! 1\nb: *x!\n', false],
    ['an anchor on an empty flow item', 'a: [&x , 1]\n', false],
    ['aliases that repeat more than half what the alias guard allows', `a: &a [${Array(400).fill('x').join(', ')}]\nb: [${Array(300).fill('*a').join(', ')}]\n`, false],
    ['a tag', 'a: !!str 1\n', false],
    ['a directive', '%YAML 1.2\n---\na: 1\n', false],
    ['a complex key', '? a\n: b\n', false],
    ['a tab in indentation', 'a:\n\tb: 1\n', true],
    ['a tab in a value', 'a: x\ty\n', false],
    ['a duplicate key', 'a: 1\na: 2\n', true],
    ['keys that only become equal as strings', '1: a\n"1": b\n', false],
    ['a nested map on one line', 'a: b: c\n', true],
    ['a plain scalar continued by a line that looks like an entry', 'a: one\n  - two\n', false],
    ['a plain scalar continued after a comment line', 'a: one\n  # c\n  two\n', true],
    ['a plain scalar continued by a line that looks like a key', 'a: one\n  b: two\n', true],
    ['a block scalar header on the line after its key', 'a:\n  |\n   text\n', false],
    ['a quoted scalar continued at its key\'s indentation', 'a: "one\ntwo"\n', true],
    ['a quoted key over two lines', '"one\n  two": x\n', true],
    ['a quoted scalar that never closes', 'a: "one\n  two\n', true],
    ['an unclosed quote', "a: 'one\n", true],
    ['text after a quoted scalar', 'a: "x" y\n', true],
    ['a comment without a space before it', 'a: "x"#c\n', true],
    ['an invalid escape', 'a: "\\q"\n', true],
    ['a multi-line flow sequence', 'a: [1,\n  2]\n', false],
    ['a flow pair inside a sequence', 'a: [b: c]\n', false],
    ['a flow key without value', 'a: {b}\n', false],
    ['a trailing comma in flow', 'a: [1, 2,]\n', false],
    ['an explicit indentation indicator', 'a: |2\n   text\n', false],
    ['an empty block scalar with keep chomping', 'a: |+\n\nb: 1\n', false],
    ['a block scalar with a more-indented trailing blank line', 'a: |\n  text\n     \nb: 1\n', false],
    ['a block scalar with a more-indented leading blank line', 'a: |\n     \n  text\n', true],
    ['a block scalar not indented past its key', '- a: |\n  x\n', true],
    ['bad indentation of a later key', 'a:\n  b: 1\n c: 2\n', true],
    ['a sequence under a scalar', 'a: 1\n- x\n', true],
    ['a document end marker', 'a: 1\n...\n', false],
    ['content after ---', '--- a\n', false],
    ['an empty file', '', false],
    ['a comment-only file', '# nothing\n', false],
    ['a scalar document', 'just text\n', false],
    ['a byte order mark', '\ufeffa: 1\n', false],
    ['a lone carriage return', 'a: 1\rb: 2\n', false],
    ['a control character', 'a: x\u0007\n', false],
    ['a key longer than 1024 characters', `${'k'.repeat(1100)}: v\n`, true],
    // `yaml` counts from the line break after an empty value: 1,024 characters are too many there.
    ['a 1,024-character key after an empty value', `x:\n${'k'.repeat(1024)}: v\n`, true],
    ['a 1,022-character key after an empty value, indented', `a:\n  x:\n  ${'k'.repeat(1022)}: v\n`, true],
    ['a reserved indicator', 'a: @x\n', true],
    ['the last value empty with a comment after it', 'a:\n# c\n', false],
  ];
  for (const [what, text, yamlComplains] of cases) {
    it(`bails on ${what}`, () => {
      expect(parseFastOrBail(text)).toBeUndefined();
      const problems = parseFull(text).flatMap((d) => d.issues);
      if (yamlComplains) expect(problems.length, 'the full parser reports it').toBeGreaterThan(0);
    });
  }

  it('accepts long keys that `yaml` accepts, where they are clearly short enough', () => {
    fast(`x:\n${'k'.repeat(1000)}: v\n`);
    fast(`x: 1\n${'k'.repeat(1020)}: v\n`);
  });

  it('bails instead of recursing past the nesting limit', () => {
    const deep = Array.from({ length: 80 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
    expect(parseFastOrBail(deep)).toBeUndefined();
    expect(parseFastOrBail('a: ' + '['.repeat(100) + ']'.repeat(100) + '\n')).toBeUndefined();
  });

  it('never throws from tryParseFast, whatever the input', () => {
    for (const text of ['\u0000', '-', ':', '- - - -', '{', '"', 'a: |', 'a: >-\n', '--- |', '\r\n', 'a:\r']) expect(() => tryParseFast(text)).not.toThrow();
  });
});
