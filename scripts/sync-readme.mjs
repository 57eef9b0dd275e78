// Regenerates two tables of README.md from their one home: the diagnostic codes (from
// src/core/diagnostics/codes.ts and help.ts; each row has an anchor named after its code, where
// SARIF's help links point) and the format's limits, lengths and counts (from the JSON Schemas).
// test/integration/readme.test.ts fails when they drift apart; run `node scripts/sync-readme.mjs` to fix.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

const unescape = (text) => text.replace(/\\u2019/g, '\u2019').replace(/\\'/g, "'");

export function codesTable() {
  const codes = fs.readFileSync(path.join(root, 'src/core/diagnostics/codes.ts'), 'utf8');
  const help = new Map(
    [...fs.readFileSync(path.join(root, 'src/core/diagnostics/help.ts'), 'utf8').matchAll(/^\s+'([a-z-]+)': '((?:[^'\\]|\\.)*)',$/gm)].map(([, code, text]) => [code, unescape(text)]),
  );
  const rows = [...codes.matchAll(/^\s+'([a-z-]+)': \{ severity: '(\w+)', summary: '((?:[^'\\]|\\.)*)' \},$/gm)].map(
    ([, code, severity, summary]) => `| <a id="${code}"></a>\`${code}\` | ${severity} | ${unescape(summary)} | ${help.get(code) ?? ''} |`,
  );
  return ['| code | severity | what it means | what to do |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/**
 * Every limit of the format's schemas, with where it applies: `Rubric dimensions[].title`
 * (`[]`: each item of a list, `*`: each entry of a map). Lengths (maxLength) first, then counts
 * (maxItems, maxProperties). Ids share one length limit, so they are one row.
 */
export function limitsTable() {
  const byLimit = new Map();
  const byCount = new Map();
  const kinds = { Rubric: 'rubric.schema.json', Assessment: 'assessment.schema.json', Plan: 'plan.schema.json' };
  const files = ['common.schema.json', ...Object.values(kinds)];
  const schemas = Object.fromEntries(files.map((f) => [f, JSON.parse(fs.readFileSync(path.join(root, 'schemas', f), 'utf8'))]));
  const idLimit = schemas['common.schema.json'].$defs.id.maxLength;
  const resolve = (node, file) => {
    if (!node?.$ref) return { schema: node, file };
    const [refFile, pointer = ''] = node.$ref.split('#');
    let target = schemas[refFile || file];
    for (const part of pointer.split('/').filter(Boolean)) target = target?.[part];
    return { schema: { ...target, ...node, $ref: target?.$ref, isId: node.$ref === 'common.schema.json#/$defs/id' || undefined }, file: refFile || file };
  };
  const add = (limit, where, table = byLimit) => {
    const list = table.get(limit) ?? [];
    if (!list.includes(where)) list.push(where);
    table.set(limit, list);
  };
  const visit = (node, file, at, depth) => {
    const { schema, file: from } = resolve(node, file);
    if (!schema || typeof schema !== 'object' || depth > 12) return;
    if (typeof schema.maxLength === 'number' && !schema.isId) add(schema.maxLength, at);
    const count = schema.maxItems ?? schema.maxProperties;
    if (typeof count === 'number') add(count, at, byCount);
    for (const [key, child] of Object.entries(schema.properties ?? {})) if (key !== 'apiVersion' && key !== 'kind') visit(child, from, `${at}${at.endsWith(' ') ? '' : '.'}${key}`, depth + 1);
    if (schema.items) visit(schema.items, from, `${at}[]`, depth + 1);
    if (schema.additionalProperties && typeof schema.additionalProperties === 'object') visit(schema.additionalProperties, from, `${at}.*`, depth + 1);
  };
  for (const [kind, file] of Object.entries(kinds)) visit(schemas[file], file, `${kind} `, 0);
  add(idLimit, 'every id (`id`, and the keys that name one: `group`, `subgroup`, `answerScale`, `dependsOn`...)');
  const rows = (table) =>
    [...table.entries()]
      .sort(([a], [b]) => a - b)
      .map(([limit, places]) => `| ${limit.toLocaleString('en-US')} | ${places.map((p) => (p.startsWith('every') ? p : `\`${p.replace(/^(\w+) \.?/, '$1 ')}\``)).join(', ')} |`);
  return ['| characters, at most | where |', '| ---: | --- |', ...rows(byLimit), '', '| items or entries, at most | where |', '| ---: | --- |', ...rows(byCount)].join('\n');
}

function replaceBlock(text, name, table) {
  return text.replace(new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`), `$1${table}\n$2`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = path.join(root, 'README.md');
  const readme = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, replaceBlock(replaceBlock(readme, 'diagnostic-codes', codesTable()), 'limits', limitsTable()));
  console.log('README.md: diagnostic codes and limits');
}
