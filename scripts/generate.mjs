// Build-time code generation, run by `npm run gen` (and so before build and test):
// 1. compiles the JSON Schemas in schemas/ to validation code with ajv standalone, so nothing
//    compiles a schema or calls `new Function` at run time (CSP-safe, fast start-up);
// 2. compiles them to TypeScript types (json-schema-to-typescript) and collects their enums, so
//    the engine's view of the format comes from the schemas and cannot drift from them;
// 3. embeds the built-in framework YAML files as strings, so the core reads them without a
//    file system (the extension also runs in virtual workspaces).
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { compile } from 'json-schema-to-typescript';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outDir = path.join(root, 'src/core/generated');
fs.mkdirSync(outDir, { recursive: true });

function writeIfChanged(file, content) {
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  if (existing !== content) fs.writeFileSync(file, content);
}

// --- 1. schemas -----------------------------------------------------------------------------
const schemaDir = path.join(root, 'schemas');
const ajv = new Ajv({
  allErrors: true,
  strict: true,
  strictTypes: false, // `type: [string, object]` unions with per-type keywords are intended
  code: { source: true, esm: true, lines: false, optimize: true },
  messages: false, // the engine words its own message per keyword (schema/validateSchema.ts); ajv's would ship unread
  verbose: true, // errors carry their schema, so messages can list allowed keys and suggest near misses
});
ajv.addKeyword({ keyword: 'markdownDescription', schemaType: 'string' });
// The engine validates each document against its kind's schema; rubrics.schema.json (which picks
// one by kind, for other tools) is not compiled.
const kinds = { Rubric: 'rubric.schema.json', Assessment: 'assessment.schema.json', Plan: 'plan.schema.json' };
const idOf = {};
/**
 * The schema without its annotations (descriptions, examples): validation never reads them, and
 * the validators embed the schema objects they check against (for error messages), so each
 * description would otherwise ship again in every bundle, the web one included. The editor reads
 * the descriptions from the schema files themselves.
 */
const ANNOTATIONS = new Set(['title', 'description', 'markdownDescription', 'examples']);
const SUBSCHEMA_MAPS = new Set(['properties', '$defs', 'patternProperties', 'dependencies']);
const SUBSCHEMAS = new Set(['items', 'additionalProperties', 'propertyNames', 'if', 'then', 'else', 'not', 'contains']);
const SUBSCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf']);
function withoutAnnotations(schema) {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key) && key !== '$id') continue;
    if (SUBSCHEMA_MAPS.has(key) && value && typeof value === 'object') out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, Array.isArray(v) ? v : withoutAnnotations(v)]));
    else if (SUBSCHEMAS.has(key)) out[key] = withoutAnnotations(value);
    else if (SUBSCHEMA_LISTS.has(key) && Array.isArray(value)) out[key] = value.map(withoutAnnotations);
    else out[key] = value;
  }
  return out;
}
for (const file of fs.readdirSync(schemaDir).filter((f) => f.endsWith('.schema.json') && f !== 'rubrics.schema.json' && f !== 'report.schema.json').sort()) {
  const schema = JSON.parse(fs.readFileSync(path.join(schemaDir, file), 'utf8'));
  idOf[file] = schema.$id;
  ajv.addSchema(withoutAnnotations(schema));
}
const exportsMap = Object.fromEntries(Object.entries(kinds).map(([kind, file]) => [`validate${kind}`, idOf[file]]));
let code = standaloneCode(ajv, exportsMap);
if (/new Function|\beval\(/.test(code)) throw new Error('generated validators must not use new Function or eval');
// ajv's standalone output require()s small runtime helpers. Inline the one our schemas need, so
// the generated module is plain ESM that runs the same under esbuild, vitest and Node.
const inlineRuntime = {
  'ajv/dist/runtime/ucs2length':
    'function ucs2length(str) { let length = 0; let pos = 0; while (pos < str.length) { length++; const c = str.charCodeAt(pos++); if (c >= 0xd800 && c <= 0xdbff && pos < str.length && (str.charCodeAt(pos) & 0xfc00) === 0xdc00) pos++; } return length; }',
};
const helpers = new Set();
code = code.replace(/require\("(ajv\/dist\/runtime\/[^"]+)"\)(\.default)?/g, (_m, mod) => {
  if (!inlineRuntime[mod]) throw new Error(`generated validators need ${mod}; add an inline version to scripts/generate.mjs`);
  helpers.add(inlineRuntime[mod]);
  return mod.split('/').pop();
});
const imports = [...helpers];
writeIfChanged(
  path.join(outDir, 'validators.js'),
  `// Generated by scripts/generate.mjs from schemas/*.schema.json. Do not edit.\n/* eslint-disable */\n${imports.join('\n')}\n${code}\n`,
);
writeIfChanged(
  path.join(outDir, 'validators.d.ts'),
  `// Generated by scripts/generate.mjs. Do not edit.\nimport type { ValidateFunction } from 'ajv';\n${Object.keys(exportsMap)
    .map((name) => `export declare const ${name}: ValidateFunction;`)
    .join('\n')}\n`,
);

// --- 2. types and enums ------------------------------------------------------------------------
const schemaFiles = fs.readdirSync(schemaDir).filter((f) => f.endsWith('.schema.json') && f !== 'report.schema.json').sort();
const schemas = Object.fromEntries(schemaFiles.map((f) => [f, JSON.parse(fs.readFileSync(path.join(schemaDir, f), 'utf8'))]));
for (const [kind, file] of Object.entries(kinds)) {
  const types = await compile(schemas[file], kind, {
    cwd: schemaDir,
    bannerComment: `// Generated by scripts/generate.mjs from schemas/${file}. Do not edit.\n/* eslint-disable */`,
    additionalProperties: false,
    unknownAny: true,
    strictIndexSignatures: false,
    format: false,
    // Plain arrays: minItems/maxItems stay the validator's business, not tuple types.
    ignoreMinAndMaxItems: true,
  });
  writeIfChanged(path.join(outDir, `${kind.toLowerCase()}.types.ts`), types);
}
/** Every `enum` of the schemas, by the name of the property it constrains (the same name must mean the same values). */
const enums = new Map();
function collectEnums(node, name) {
  if (Array.isArray(node)) return node.forEach((item) => collectEnums(item, name));
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node.enum) && name !== undefined) {
    const known = enums.get(name);
    if (known && JSON.stringify(known) !== JSON.stringify(node.enum)) throw new Error(`schemas: the property "${name}" has two different enums; give one of them another name`);
    enums.set(name, node.enum);
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' && value && typeof value === 'object') for (const [property, schema] of Object.entries(value)) collectEnums(schema, property);
    else if (key !== 'examples' && key !== 'default') collectEnums(value, key === 'items' ? name : undefined);
  }
}
for (const file of schemaFiles) collectEnums(schemas[file], undefined);
writeIfChanged(
  path.join(outDir, 'schemaEnums.ts'),
  `// Generated by scripts/generate.mjs from the enums in schemas/*.schema.json. Do not edit.\n/** The allowed values of each enumerated property of the format, in schema order. */\nexport const SCHEMA_ENUMS = {\n${[...enums]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, values]) => `  ${JSON.stringify(name)}: ${JSON.stringify(values)} as const,`)
    .join('\n')}\n} as const;\n`,
);

// --- 3. built-in frameworks ----------------------------------------------------------------
const frameworkDir = path.join(root, 'src/core/builtins/frameworks');
const frameworks = fs.existsSync(frameworkDir)
  ? fs.readdirSync(frameworkDir).filter((f) => f.endsWith('.rubric.yaml')).sort()
  : [];
const entries = frameworks.map((f) => `  ${JSON.stringify(f)}: ${JSON.stringify(fs.readFileSync(path.join(frameworkDir, f), 'utf8'))},`);
writeIfChanged(
  path.join(outDir, 'builtinFrameworks.ts'),
  `// Generated by scripts/generate.mjs from src/core/builtins/frameworks/*.rubric.yaml. Do not edit.\n/** File name → YAML text of each built-in framework. */\nexport const BUILTIN_FRAMEWORK_FILES: Readonly<Record<string, string>> = {\n${entries.join('\n')}\n};\n`,
);
console.log(`generated validators and types for ${Object.keys(kinds).join(', ')}, ${enums.size} enums and ${frameworks.length} built-in frameworks`);
