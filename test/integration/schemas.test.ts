import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { validateRubric } from '../../src/core/generated/validators';
import { analyzeMemory, codesAt } from '../support/memory';

type Schema = Record<string, unknown>;
const dir = path.join(__dirname, '../../schemas');
const schemas: Record<string, Schema> = Object.fromEntries(
  fs.readdirSync(dir).filter((f) => f.endsWith('.schema.json')).map((f) => [f, JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))]),
);

function resolveRef(ref: string, from: string): Schema {
  const [file, pointer] = ref.split('#');
  const root = schemas[file || from] as Schema;
  return (pointer ?? '').split('/').filter(Boolean).reduce((node: Schema, key) => node[key] as Schema, root);
}

/** Every property schema in a file, with its path, following nothing (refs are checked where they point). */
function properties(node: unknown, where: string, out: { where: string; schema: Schema }[] = []): typeof out {
  if (!node || typeof node !== 'object') return out;
  const schema = node as Schema;
  for (const [name, child] of Object.entries((schema.properties as Record<string, Schema>) ?? {})) {
    out.push({ where: `${where}.${name}`, schema: child });
    properties(child, `${where}.${name}`, out);
  }
  for (const key of ['items', 'additionalProperties']) if (typeof schema[key] === 'object') properties(schema[key], `${where}[${key}]`, out);
  for (const [name, def] of Object.entries((schema.$defs as Record<string, Schema>) ?? {})) properties(def, `${where}#${name}`, out);
  return out;
}

describe('schemas', () => {
  it('describe every property for hovers and completion, in plain text and Markdown', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const [file, schema] of Object.entries(schemas)) {
      for (const { where, schema: prop } of properties(schema, file)) {
        checked++;
        const described = prop.$ref && !prop.description ? resolveRef(prop.$ref as string, file) : prop;
        if (typeof described.description !== 'string' || typeof described.markdownDescription !== 'string') missing.push(where);
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it('close every object to unknown keys', () => {
    const open: string[] = [];
    const visit = (node: unknown, where: string) => {
      if (!node || typeof node !== 'object') return;
      const schema = node as Schema;
      const isObject = schema.type === 'object' || (Array.isArray(schema.type) && schema.type.includes('object'));
      if (isObject && schema.properties && schema.additionalProperties !== false) open.push(where);
      for (const [key, value] of Object.entries(schema)) if (typeof value === 'object') visit(value, `${where}/${key}`);
    };
    for (const [file, schema] of Object.entries(schemas)) visit(schema, file);
    // The combined schema's root only picks a kind's schema (allOf/if/then), which closes the object.
    expect(open).toEqual(['rubrics.schema.json']);
    expect(JSON.stringify(schemas['rubrics.schema.json']?.allOf)).toContain('rubric.schema.json');
  });

  it('give examples that validate against the engine', async () => {
    const example = (file: string) => stringify((schemas[file]!.examples as unknown[])[0]);
    const files = {
      'rubric.yaml': example('rubric.schema.json'),
      '2026.assessment.yaml': example('assessment.schema.json'),
      'plan.yaml': example('plan.schema.json'),
    };
    for (const name of Object.keys(files)) {
      const analysis = await analyzeMemory(files, name);
      expect(analysis.diagnostics.filter((d) => d.severity === 'error').map((d) => `${name}: ${d.code} ${d.message}`)).toEqual([]);
    }
  });

  it('accept a list at its count limit and refuse one item more, naming the limit at the list', async () => {
    const limit = (resolveRef('#/$defs/dimension', 'rubric.schema.json').properties as Record<string, Schema>).criteria!.maxItems as number;
    const rubric = (count: number) =>
      [
        'apiVersion: rubrics-as-code/v1',
        'kind: Rubric',
        'id: big',
        'title: Big',
        'version: 1.0.0',
        'levels: [{ level: 1, name: One }, { level: 2, name: Two }]',
        'dimensions:',
        '  - id: d',
        '    title: D',
        '    criteria:',
        ...Array.from({ length: count }, (_, i) => `      - { id: c${i}, level: 2, text: Check ${i}. }`),
        '',
      ].join('\n');
    const atLimit = await analyzeMemory({ 'big.rubric.yaml': rubric(limit) }, 'big.rubric.yaml');
    expect(atLimit.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const over = await analyzeMemory({ 'big.rubric.yaml': rubric(limit + 1) }, 'big.rubric.yaml');
    expect(codesAt(over)).toEqual(['schema-range@10:5']);
    expect(over.diagnostics[0]?.message).toBe(`"criteria" must have at most ${limit} items.`);
  });
});

describe('the generated validators count string lengths as ajv does', () => {
  // The build rewrites ajv's code-point counting to answer most checks from the string's own
  // length (scripts/generate.mjs, boundedLengthChecks): compare with ajv compiling the schema files.
  const reference = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  for (const file of Object.keys(schemas)) if (file !== 'rubrics.schema.json' && file !== 'report.schema.json') reference.addSchema(schemas[file] as Schema);
  const libraryValidates = reference.getSchema(schemas['rubric.schema.json']?.$id as string) as (data: unknown) => boolean;
  const rubric = parse(fs.readFileSync(path.join(__dirname, '../../samples/kestrel/claims-platform.rubric.yaml'), 'utf8')) as Record<string, unknown>;
  const astral = '\u{1F600}'; // one code point, two UTF-16 units
  const titles: [string, string][] = [
    ['empty', ''],
    ['one letter', 'a'],
    ['one astral character (two units, one code point)', astral],
    ['200 letters', 'a'.repeat(200)],
    ['201 letters', 'a'.repeat(201)],
    ['200 astral characters (400 units)', astral.repeat(200)],
    ['201 astral characters', astral.repeat(201)],
    ['199 astral characters and two letters', `${astral.repeat(199)}ab`],
    ['a lone high surrogate', '\uD83D'],
    ['100 astral characters and 100 letters', astral.repeat(100) + 'a'.repeat(100)],
  ];
  it.each(titles)('a title of %s', (_name, title) => {
    const data = { ...rubric, title };
    expect(validateRubric(data)).toBe(libraryValidates(data));
  });

  it('agree on titles that pass and titles that fail, so the comparison can tell them apart', () => {
    const verdicts = titles.map(([, title]) => validateRubric({ ...rubric, title }));
    expect(verdicts).toContain(true);
    expect(verdicts).toContain(false);
  });
});
