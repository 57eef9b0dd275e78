/**
 * Fuzzing the engine with fast-check: generators of random, mutated and hostile documents, and
 * the property every one of them must keep. Shared by test/core/yaml/fuzz.test.ts (a few hundred
 * cases in `npm test`) and by `npm run fuzz` (100,000 cases or more, vitest.fuzz.config.ts).
 *
 * The property, through the engine's public entry `new Engine(host).analyze(uri, text)`:
 * no exception; every diagnostic and every parsed range inside the text; the YAML work within a
 * budget linear in the text (counted in work units, so no timing and no flakiness); every
 * document checked whole, within the engine's own budget (DOCUMENT_BUDGET), which is larger;
 * and where the fast parser accepts a text, the same result as `yaml`.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { aliasSharedRubric } from '../../bench/hostile';
import { generateBenchDocuments } from '../../bench/generate';
import { DocumentBudget } from '../../src/core/document/budget';
import { Engine } from '../../src/core/engine';
import { MemoryFileHost } from '../../src/core/resolve/host';
import { YAML_LIMITS } from '../../src/core/yaml/limits';
import { parseYaml } from '../../src/core/yaml/parse';
import { parseFastOrBail } from '../../src/core/yaml/parseFast';
import { parseFull } from '../../src/core/yaml/parseFull';
import { workUnits, type ParseWork } from '../../src/core/yaml/work';
import { diffParses, rangeOutside } from './yaml';

// --- the corpus that mutations start from ------------------------------------------------------

const root = path.resolve(__dirname, '../..');

function yamlFilesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) found.push(...yamlFilesUnder(full));
    else if (/\.ya?ml$/.test(name)) found.push(full);
  }
  return found.sort();
}

export interface CorpusFile {
  /** Where the engine sees the file, so its relative references resolve within the corpus. */
  readonly uri: string;
  readonly text: string;
}

/** The samples, the built-in frameworks and a small generated assessment with its rubric. */
export function loadCorpus(): CorpusFile[] {
  const files = [...yamlFilesUnder(path.join(root, 'samples')), ...yamlFilesUnder(path.join(root, 'src/core/builtins/frameworks'))].map((file) => ({
    uri: `file:///ws/${path.relative(root, file).split(path.sep).join('/')}`,
    text: readFileSync(file, 'utf8'),
  }));
  const bench = generateBenchDocuments(300);
  files.push({ uri: 'file:///ws/bench/bench.rubric.yaml', text: bench.rubric }, { uri: 'file:///ws/bench/bench.assessment.yaml', text: bench.assessment });
  return files;
}

/** One engine over the corpus, reused for every case as the editor reuses its engine. */
export function corpusEngine(corpus: readonly CorpusFile[]): Engine {
  return new Engine(new MemoryFileHost(new Map(corpus.map((f) => [f.uri, f.text]))));
}

// --- the property --------------------------------------------------------------------------------

/**
 * The most YAML work a text of `length` characters may cost: a constant number of units per
 * character (the parsers read each character about four times, six on the full-parser path,
 * which also runs the guards and an abandoned fast attempt), plus what the alias guards let
 * aliases repeat before they stop them: the complete parser's limit, the fast parser's half of
 * it when it gives up first, and for each the last alias counted, which may overshoot by as
 * much again as was counted before it.
 */
export function yamlWorkBudget(length: number): number {
  return 12 * (length + 1) + 3 * YAML_LIMITS.maxExpandedNodes;
}

export interface CaseResult {
  readonly work: ParseWork;
  readonly parser: 'fast' | 'full';
  /** The most any document of the text spent of the engine's budget, as a share of it (0 to 1). */
  readonly budgetShare: number;
}

/** Checks one text against the property; throws a description of the first breach. */
export async function checkText(engine: Engine, uri: string, text: string): Promise<CaseResult> {
  const analysis = await engine.analyze(uri, text);
  for (const d of analysis.diagnostics) {
    if (!(d.range.start >= 0 && d.range.start <= d.range.end && d.range.end <= text.length)) {
      throw new Error(`Diagnostic ${d.code} at [${d.range.start},${d.range.end}] lies outside the text (${text.length} characters).`);
    }
  }
  // The engine's documents hide the parser's spans behind LocatedDocument; the same parse, made
  // here, exposes every span to the check.
  const parsed = parseYaml(text);
  const outside = rangeOutside(parsed.documents, [], text.length);
  if (outside) throw new Error(`A parsed range lies outside the text: ${outside}`);

  const units = workUnits(parsed.work);
  if (units > yamlWorkBudget(text.length)) {
    throw new Error(`The YAML work for ${text.length} characters was ${units} units (${JSON.stringify(parsed.work)}), over the budget of ${yamlWorkBudget(text.length)}.`);
  }
  if (analysis.incomplete) throw new Error(`The engine did not check the text whole: ${analysis.incomplete.join(' ')}`);
  let budgetShare = 0;
  for (const doc of analysis.documents ?? []) {
    const limit = new DocumentBudget(doc.parsed.documentRange.end - doc.parsed.documentRange.start).limit;
    budgetShare = Math.max(budgetShare, doc.work / limit);
  }
  const fast = parseFastOrBail(text);
  if (fast) {
    const diff = diffParses(fast, parseFull(text));
    if (diff) throw new Error(`The fast parser disagrees with yaml: ${diff}`);
  }
  return { work: parsed.work, parser: parsed.parser, budgetShare };
}

// --- generators ------------------------------------------------------------------------------------

/** Characters that mean something to YAML, and some that the parsers must refuse or pass through. */
const YAML_CHARACTERS = [
  ...'abcxyz019 -?:,[]{}#&*!|>\'"%@`\\.~+=/',
  '\n', '\n', '\n', '  ', '\t', '\r', '\r\n', 'é', '😀', '\u2028', '\u0000', '\ufeff', '\u0085',
];

const SNIPPETS = [
  '&a ', '*a', '&b [*a, *a]', '<<: *a', '!!omap', '!!pairs', '!!set', '!!binary ', '!!timestamp ', '!!str ', '!foo ', '%YAML 1.1\n---\n',
  '---\n', '...\n', '? ', ': ', '- ', '- - ', '{', '}', '[', ']', '"', "'", '|', '|-', '>+', '|2', '# ', ' #x', '\t', '\r', '\n\n',
  'key: value\n', 'a: [1, 2]\n', 'b: {c: d}\n', 'null', '~', 'yes', '0x1F', '.inf', '2026-02-30', '&a [*a]', '*nope',
  'apiVersion: rubrics-as-code/v1\n', 'kind: Assessment\n', 'rubric: seven-attributes\n', 'level: 9\n', 'id: x\n',
];

const yamlText = (maxLength: number) => fc.string({ unit: fc.constantFrom(...YAML_CHARACTERS), maxLength });

const SCALARS = [
  'x', 'word', 'two words', 'yes', 'no', 'true', 'null', '~', '0', '-1', '1.5', '1e3', '.nan', '0o17', '0x1F', '2026-03-31',
  '"quoted"', "'single'", '"esc\\n\\u00e9"', "'it''s'", '""', 'a: b', 'a #b', '- x', '*a', '&a x', '!!str 1', '@x', '|', '>-',
  'https://example.com/a#b', 'C#', 'é', '😀', 'rubrics-as-code/v1', 'Rubric', 'Assessment', 'Plan', 'seven-attributes',
];
const KEYS = [
  'apiVersion', 'kind', 'id', 'title', 'version', 'rubric', 'baseline', 'date', 'dimensions', 'levels', 'level', 'name',
  'criteria', 'answers', 'answer', 'evidence', 'target', 'scoring', 'method', 'initiatives', 'moves', 'dependsOn', 'weight',
  'a', 'b', '1', '"q"', "'s'", 'a b', '-k', '? k', '<<', '&k k', '*k',
];

type Tree = { readonly scalar: string } | { readonly map: readonly (readonly [string, Tree])[] } | { readonly seq: readonly Tree[] };

const tree = fc.letrec<{ node: Tree; map: Tree; seq: Tree }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.oneof(fc.constantFrom(...SCALARS), yamlText(10)).map((scalar) => ({ scalar })), tie('map'), tie('seq')),
  map: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...KEYS), yamlText(6)), tie('node')), { maxLength: 5 }).map((map) => ({ map })),
  seq: fc.array(tie('node'), { maxLength: 5 }).map((seq) => ({ seq })),
})).node;

interface Style {
  readonly indent: number;
  readonly flow: boolean;
  readonly comments: boolean;
  readonly crlf: boolean;
}

function render(node: Tree, style: Style, column: number, lines: string[], prefix: string): void {
  const pad = ' '.repeat(column);
  if ('scalar' in node) {
    lines.push(`${prefix}${node.scalar}${style.comments ? ' # c' : ''}`);
  } else if ('map' in node) {
    if (node.map.length === 0 || style.flow) {
      lines.push(`${prefix}{${node.map.map(([k, v]) => `${k}: ${'scalar' in v ? v.scalar : '[]'}`).join(', ')}}`);
      return;
    }
    if (prefix.trim() !== '') lines.push(prefix.trimEnd());
    for (const [key, value] of node.map) render(value, style, column + style.indent, lines, `${pad}${key}: `);
  } else {
    if (node.seq.length === 0 || style.flow) {
      lines.push(`${prefix}[${node.seq.map((v) => ('scalar' in v ? v.scalar : '{}')).join(', ')}]`);
      return;
    }
    if (prefix.trim() !== '') lines.push(prefix.trimEnd());
    for (const item of node.seq) render(item, style, column + style.indent, lines, `${pad}- `);
  }
}

/** Random documents: a tree of keys and values written in block or flow style, often with a rubric envelope. */
export const randomDocument = fc
  .record({
    tree,
    style: fc.record({ indent: fc.constantFrom(1, 2, 2, 4), flow: fc.boolean(), comments: fc.boolean(), crlf: fc.boolean() }),
    envelope: fc.constantFrom('', 'apiVersion: rubrics-as-code/v1\nkind: Rubric\n', 'apiVersion: rubrics-as-code/v1\nkind: Assessment\nrubric: seven-attributes\n', 'apiVersion: rubrics-as-code/v1\nkind: Plan\n'),
    documents: fc.integer({ min: 1, max: 3 }),
  })
  .map(({ tree: node, style, envelope, documents }) => {
    const lines: string[] = [];
    render(node, { ...style, flow: false }, 0, lines, '');
    const body = envelope + lines.join('\n') + '\n';
    const text = Array.from({ length: documents }, () => body).join('---\n');
    return style.crlf ? text.replace(/\n/g, '\r\n') : text;
  });

type Edit =
  | { readonly insert: string; readonly at: number }
  | { readonly remove: number; readonly at: number }
  | { readonly duplicateLine: number }
  | { readonly indentLine: number; readonly by: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ insert: fc.oneof(fc.constantFrom(...SNIPPETS), yamlText(4)), at: fc.nat() }),
  fc.record({ remove: fc.integer({ min: 1, max: 40 }), at: fc.nat() }),
  fc.record({ duplicateLine: fc.nat() }),
  fc.record({ indentLine: fc.nat(), by: fc.integer({ min: -3, max: 3 }) }),
);

function applyEdit(text: string, e: Edit): string {
  if ('insert' in e) {
    const at = e.at % (text.length + 1);
    return text.slice(0, at) + e.insert + text.slice(at);
  }
  if ('remove' in e) {
    const at = e.at % (text.length + 1);
    return text.slice(0, at) + text.slice(at + e.remove);
  }
  const lines = text.split('\n');
  if ('duplicateLine' in e) {
    const i = e.duplicateLine % lines.length;
    lines.splice(i, 0, lines[i] as string);
  } else {
    const i = e.indentLine % lines.length;
    const line = lines[i] as string;
    lines[i] = e.by >= 0 ? ' '.repeat(e.by) + line : line.replace(new RegExp(`^ {0,${-e.by}}`), '');
  }
  return lines.join('\n');
}

/** A real file (sample, built-in framework, generated assessment) after a few random edits, at its own URI. */
export function mutatedFile(corpus: readonly CorpusFile[]): fc.Arbitrary<CorpusFile> {
  return fc.record({ file: fc.constantFrom(...corpus), edits: fc.array(edit, { minLength: 1, maxLength: 8 }) }).map(({ file, edits }) => ({ uri: file.uri, text: edits.reduce(applyEdit, file.text) }));
}

/**
 * Documents whose aliases stand for far more than their text: billion laughs in lists, maps and
 * merge keys, aliases of long strings, self-referencing anchors, and the alias-shared rubric.
 */
export const aliasAmplification = fc.oneof(
  fc.record({ levels: fc.integer({ min: 1, max: 9 }), width: fc.integer({ min: 1, max: 12 }), shape: fc.constantFrom('list', 'map', 'merge') }).map(({ levels, width, shape }) => {
    const lines = [shape === 'merge' ? '%YAML 1.1\n---' : 'apiVersion: rubrics-as-code/v1', `a0: &a0 ${shape === 'list' ? '[x, x]' : '{ x: 1, y: 2 }'}`];
    for (let i = 1; i < levels; i++) {
      const refs = Array.from({ length: width }, (_, k) => (shape === 'list' ? `*a${i - 1}` : shape === 'map' ? `k${k}: *a${i - 1}` : `m${k}: { <<: *a${i - 1}, n: ${k} }`));
      lines.push(`a${i}: &a${i} ${shape === 'list' ? `[${refs.join(', ')}]` : `{ ${refs.join(', ')} }`}`);
    }
    return lines.join('\n') + '\n';
  }),
  fc.record({ length: fc.integer({ min: 1, max: 200_000 }), count: fc.integer({ min: 1, max: 3_000 }) }).map(({ length, count }) => `s: &s "${'x'.repeat(length)}"\nlist: [${Array(count).fill('*s').join(', ')}]\n`),
  fc.constantFrom('a: &a [*a]\n', 'a: &a { b: *a }\n', 'a: &a\n  - b: [*a]\n', '&k k: *k\n', 'a: *a\n', 'a: &a 1\n*a : 2\n'),
  fc.integer({ min: 1, max: 400 }).map((dimensions) => aliasSharedRubric(dimensions, 200)),
);

const LONG_RUN_TEMPLATES = [
  (run: string) => `a${run}b`,
  (run: string) => `key: ${run}\n`,
  (run: string) => `key: "${run}\n`,
  (run: string) => `key: '${run}'\n`,
  (run: string) => `- ${run}\n`,
  (run: string) => `a: |${run}x\n  body\n`,
  (run: string) => `${run}: v\n`,
  (run: string) => `a: [${run}\n`,
  (run: string) => `# ${run}\n`,
  (run: string) => `a: b${run}# c\n`,
  (run: string) => `a:\n${run}b: 1\n`,
  (run: string) => `a: 1\t\nb: ${run}\n`,
];

/** One very long run of a single YAML-significant character, or of a short pattern, inside a small document. */
export const longLine = fc
  .record({
    unit: fc.constantFrom(' ', ' ', '#', '-', ':', '[', '{', '"', "'", '\\', 'a', '\t', '&', '*', '\n', '- ', '  \n', 'a: ', '"a" '),
    length: fc.integer({ min: 1_000, max: 200_000 }),
    template: fc.integer({ min: 0, max: LONG_RUN_TEMPLATES.length - 1 }),
  })
  .map(({ unit, length, template }) => (LONG_RUN_TEMPLATES[template] as (run: string) => string)(unit.repeat(Math.ceil(length / unit.length))));

/** Every kind of case, tagged so a run can say how many of each it checked. */
export function anyCase(corpus: readonly CorpusFile[]): fc.Arbitrary<{ readonly kind: string; readonly uri: string; readonly text: string }> {
  const at = (kind: string) => (text: string) => ({ kind, uri: `file:///ws/fuzz/${kind}.yaml`, text });
  return fc.oneof(
    { weight: 3, arbitrary: randomDocument.map(at('random')) },
    { weight: 4, arbitrary: mutatedFile(corpus).map((file) => ({ kind: 'mutated', ...file })) },
    { weight: 1, arbitrary: aliasAmplification.map(at('alias')) },
    { weight: 1, arbitrary: longLine.map(at('long-line')) },
  );
}
