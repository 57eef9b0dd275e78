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
  // Both drop the texts for people; containersAsFunctions also makes maps and lists functions of their own.
  ajv.addSchema(containersAsFunctions(withoutAnnotations(schema)));
}
const exportsMap = Object.fromEntries(Object.entries(kinds).map(([kind, file]) => [`validate${kind}`, idOf[file]]));
let code = rememberSharedValues(standaloneCode(ajv, exportsMap));
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
code = boundedLengthChecks(code);
code = compactErrors(code);
const imports = [...helpers];
writeIfChanged(
  path.join(outDir, 'validators.js'),
  `// Generated by scripts/generate.mjs from schemas/*.schema.json. Do not edit.\n/* eslint-disable */\n${imports.join('\n')}\n${code}\n`,
);
writeIfChanged(
  path.join(outDir, 'validators.d.ts'),
  `// Generated by scripts/generate.mjs. Do not edit.\nimport type { ValidateFunction } from 'ajv';\n${Object.keys(exportsMap)
    .map((name) => `export declare const ${name}: ValidateFunction;`)
    .join('\n')}\n/** Runs \`validate\` (a call of the validators above) with \`values\` validated once per schema place. */\nexport declare function withSharedValues<T>(values: ReadonlySet<object>, validate: () => T): T;\n`,
);

// The editor's view of the schemas (src/core/language/schemaModel.ts: completion, hovers, quick
// fixes): only the keywords it reads, and a plain description only where no Markdown one stands
// before it. Bundled whole, the schema files also carried both texts of 174 descriptions, the
// length limits and the titles, into every bundle (the 1 MB web one included) for nothing.
const EDITOR_KEYWORDS = new Set(['$ref', 'type', 'required', 'enum', 'const', 'default', 'examples', 'markdownDescription', 'pattern', 'minimum']);
function forEditor(node) {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (EDITOR_KEYWORDS.has(key) || (key === 'description' && node.markdownDescription === undefined)) out[key] = value;
    else if ((key === 'properties' || key === '$defs') && value && typeof value === 'object') out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, forEditor(v)]));
    else if (key === 'items' || key === 'additionalProperties') out[key] = forEditor(value);
  }
  return out;
}
const editorSchemas = Object.fromEntries(['common', 'rubric', 'assessment', 'plan'].map((name) => [`${name}.schema.json`, forEditor(JSON.parse(fs.readFileSync(path.join(schemaDir, `${name}.schema.json`), 'utf8')))]));
writeIfChanged(
  path.join(outDir, 'editorSchemas.ts'),
  `// Generated by scripts/generate.mjs from schemas/*.schema.json. Do not edit.\n/* eslint-disable */\n/** The format's schemas as the editor's features read them, by file name. */\nexport const EDITOR_SCHEMAS: Readonly<Record<string, unknown>> = ${JSON.stringify(editorSchemas)};\n`,
);

/**
 * ajv writes each error out in full where a check fails: an object literal with seven named keys,
 * then the same four statements that add it to the list, at each of the validators' 500-odd
 * checks. Built by two small functions instead, the errors are the same objects (same keys, in
 * the same order) and the module is a fifth smaller, which the web bundles feel (they are
 * downloaded on every github.dev visit; test/integration/webBundle.test.ts holds them under a limit).
 */
function compactErrors(source) {
  const KEYS = ['instancePath', 'schemaPath', 'keyword', 'params', 'schema', 'parentSchema', 'data'];
  let literals = 0;
  let out = '';
  let at = 0;
  for (let start = source.indexOf('= {instancePath', at); start >= 0; start = source.indexOf('= {instancePath', at)) {
    const open = start + 2;
    const close = matchingBrace(source, open);
    const fields = topLevelFields(source.slice(open + 1, close));
    const values = KEYS.map((key, i) => {
      const field = fields[i];
      if (field === undefined || (field !== key && !field.startsWith(`${key}:`))) throw new Error(`scripts/generate.mjs: an ajv error literal has ${fields.join(', ')}, not the keys compactErrors knows (${KEYS.join(', ')}); has its standalone output changed?`);
      return field === key ? key : field.slice(key.length + 1);
    });
    // Keys after those (propertyName, on an error of a map's key) follow in a literal of their own.
    const extra = fields.slice(KEYS.length);
    out += `${source.slice(at, open)}ajvError(${values.join(',')}${extra.length ? `,{${extra.join(',')}}` : ''})`;
    at = close + 1;
    literals++;
  }
  out += source.slice(at);
  let pushes = 0;
  out = out.replace(/if\(vErrors === null\)\{vErrors = \[(err\d+)\];\}else \{vErrors\.push\(\1\);\}/g, (_m, err) => {
    pushes++;
    return `vErrors = withError(vErrors, ${err});`;
  });
  if (literals === 0 || pushes !== literals) throw new Error(`scripts/generate.mjs: compactErrors rewrote ${literals} error literals but ${pushes} additions of them; has ajv's standalone output changed?`);
  return `/** An error as ajv writes it with \`verbose\`: the same keys in the same order, then any \`extra\` ones. */
function ajvError(instancePath, schemaPath, keyword, params, schema, parentSchema, data, extra) {
  const error = { instancePath, schemaPath, keyword, params, schema, parentSchema, data };
  return extra === undefined ? error : Object.assign(error, extra);
}
/** The list of errors with one more: a new list for the first. */
function withError(errors, error) {
  if (errors === null) return [error];
  errors.push(error);
  return errors;
}
${out}`;
}

/** The index of the brace that closes the one at `open`, skipping strings. */
function matchingBrace(source, open) {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '"' || c === "'") i = stringEnd(source, i);
    else if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  throw new Error('scripts/generate.mjs: unbalanced braces in the validators');
}

/** The index of the quote that ends the string opening at `i`. */
function stringEnd(source, i) {
  const quote = source[i];
  for (let j = i + 1; j < source.length; j++) {
    if (source[j] === '\\') j++;
    else if (source[j] === quote) return j;
  }
  throw new Error('scripts/generate.mjs: an unterminated string in the validators');
}

/** The comma-separated parts of an object literal's body, at its top level. */
function topLevelFields(body) {
  const fields = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '"' || c === "'") i = stringEnd(body, i);
    else if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') depth--;
    else if (c === ',' && depth === 0) {
      fields.push(body.slice(from, i));
      from = i + 1;
    }
  }
  fields.push(body.slice(from));
  return fields;
}

/**
 * ajv checks minLength and maxLength by counting a string's code points (ucs2length), which walks
 * the whole string, for every string of every document. A string of n UTF-16 units has between
 * n/2 and n code points, so its own length answers almost every check at once; only a string
 * whose length lies between the two bounds is counted. Same results, a fraction of the work on a
 * run over a repository (every id, title and text has such a check).
 */
function boundedLengthChecks(source) {
  const name = /const (func\d+) = ucs2length;/.exec(source)?.[1];
  if (!name) return source;
  const rewritten = source
    .replace(new RegExp(`\\b${name}\\((\\w+)\\) > (\\d+)`, 'g'), (_m, value, max) => `codePointsAbove(${value}, ${max})`)
    .replace(new RegExp(`\\b${name}\\((\\w+)\\) < (\\d+)`, 'g'), (_m, value, min) => `codePointsBelow(${value}, ${min})`);
  if (new RegExp(`\\b${name}\\(`).test(rewritten)) throw new Error('scripts/generate.mjs: ajv counts string lengths in a form boundedLengthChecks does not know; has its standalone output changed?');
  return `/** Whether a string has more than \`max\` code points. */
function codePointsAbove(str, max) {
  return str.length > max && ucs2length(str) > max;
}
/** Whether a string has fewer than \`min\` code points. */
function codePointsBelow(str, min) {
  if (str.length < min) return true;
  if (str.length >= 2 * min - 1) return false;
  return ucs2length(str) < min;
}
${rewritten}`;
}

/**
 * A value that aliases repeat (`levels: &lv` once, `levels: *lv` in a thousand dimensions) is one
 * object at many places of the data, and ajv would validate it at each of them. So every schema
 * of a map or a list becomes a function of its own, and each function remembers the shared values
 * that passed it (rememberSharedValues): a repeated value is validated once per schema it meets.
 *
 * ajv compiles a `$ref` target into a function only when the target holds a `$ref` itself
 * (otherwise it inlines it; compile/resolve.js, inlineRef). So a map or list schema written in
 * place moves to `$defs` behind a `$ref`, and every such schema gets `allOf: [{ $ref: <true> }]`,
 * which validates nothing and keeps it from being inlined. Only the compiled copy changes (it also
 * drops the texts for people, which validation never reads); the schema files, the types and
 * what other tools read stay as they are.
 */
function containersAsFunctions(schema) {
  const copy = JSON.parse(JSON.stringify(schema));
  const defs = (copy.$defs ??= {});
  const always = '__passes';
  defs[always] = true;
  const keep = (node) => (node.allOf = [...(node.allOf ?? []), { $ref: `#/$defs/${always}` }]);
  let hoisted = 0;
  const isContainer = (node) => {
    const types = [node.type].flat();
    return types.includes('object') || types.includes('array') || ['properties', 'additionalProperties', 'patternProperties', 'items', 'required'].some((k) => k in node);
  };
  /** Visits the subschemas of `node`; `place` replaces one that moves to $defs. */
  const visit = (node, place) => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
    // Texts for people and other tools: the validators never read them, and verbose errors would
    // carry each one into the bundle (twice for a schema that moved to $defs).
    for (const annotation of ['title', 'description', 'markdownDescription', 'examples', '$comment']) delete node[annotation];
    for (const key of ['properties', 'patternProperties', '$defs']) {
      for (const [name, child] of Object.entries(node[key] ?? {})) visit(child, key === '$defs' ? undefined : (next) => (node[key][name] = next));
    }
    for (const key of ['additionalProperties', 'items', 'not', 'if', 'then', 'else', 'contains']) {
      const child = node[key];
      if (Array.isArray(child)) child.forEach((c, i) => visit(c, (next) => (child[i] = next)));
      else visit(child, (next) => (node[key] = next));
    }
    for (const key of ['anyOf', 'oneOf', 'allOf']) (node[key] ?? []).forEach((c, i) => visit(c, (next) => (node[key][i] = next)));
    if (node === copy || !isContainer(node) || ('$ref' in node && Object.keys(node).length === 1)) return;
    keep(node);
    if (place) {
      const name = `__container${++hoisted}`;
      defs[name] = node;
      place({ $ref: `#/$defs/${name}` });
    }
  };
  visit(copy, undefined);
  return copy;
}

/**
 * Wraps each generated validator so that a map or list from `sharedValues` that passed it once
 * passes again at once. Only values that passed are remembered: a repeated value with an error
 * is validated at each of its places, so every place it makes invalid is known to the stages
 * after the schema (its diagnostics merge, since they all sit at the anchor).
 */
function rememberSharedValues(source) {
  const signature = /function (validate\d+)\(data, \{instancePath="", parentData, parentDataProperty, rootData=data\}=\{\}\)\{/g;
  // The exports name validators before they are defined; they move to the end, where the
  // wrappers (variables, not hoisted declarations) exist.
  const exportLine = /export const (\w+) = (validate\d+);/g;
  const exported = [...source.matchAll(exportLine)].map(([line]) => line);
  let count = 0;
  const wrapped = source.replace(exportLine, '').replace(signature, (match, name) => {
    count++;
    // The body sets `${name}.errors`, which is the wrapper: where callers read them.
    // A wrapper of its own per validator, not a closure from one factory: a shared closure's call
    // of \`validate\` sees every validator and is never inlined (bench: 10 ms of a cold validate).
    return `function ${name}(data, options) {\n  return sharedValues === null ? ${name}$validate(data, options) : rememberedCall(${name}, ${name}$validate, data, options);\n}\n${match.replace(name, `${name}$validate`)}`;
  });
  if (count === 0 || exported.length === 0) throw new Error('scripts/generate.mjs: no validator functions found to wrap; has ajv changed its standalone output?');
  return `let sharedValues = null;
let passedShared = new WeakMap();
/** Validates with \`values\` known to be shared (see ParsedYamlDocument.shared): each is checked once per schema. */
export function withSharedValues(values, validate) {
  sharedValues = values.size > 0 ? values : null;
  passedShared = new WeakMap();
  try {
    return validate();
  } finally {
    sharedValues = null;
  }
}
/** Runs \`validate\` (behind \`wrapper\`) so that a shared value which passed it once passes again at once. */
function rememberedCall(wrapper, validate, data, options) {
  if (data === null || typeof data !== "object" || !sharedValues.has(data)) return validate(data, options);
  let passed = passedShared.get(data);
  if (passed !== undefined && passed.has(wrapper)) {
    wrapper.errors = null;
    return true;
  }
  if (!validate(data, options)) return false;
  if (passed === undefined) passedShared.set(data, (passed = new Set()));
  passed.add(wrapper);
  return true;
}
${wrapped}
${exported.join('\n')}`;
}

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
