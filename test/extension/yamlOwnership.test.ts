import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { getLanguageService } from 'yaml-language-server';
import { Engine } from '../../src/core/engine';
import { MemoryFileHost } from '../../src/core/resolve/host';
import { shownByYamlExtension } from '../../src/extension/yamlOwnership';
import { DEFAULT_FILE_GLOBS } from '../../src/server/ownership';
import { DESK_ASSESSMENT, DESK_PLAN, DESK_RUBRIC } from '../support/languageFixtures';

/**
 * `contributes.yamlValidation` hands our combined schema to Red Hat's YAML extension. Check it
 * with the same language server that extension runs: every default `rubrics.files` glob is
 * covered, each document of a multi-document file is checked against its own kind's schema (no
 * false errors), a real error is reported once, and together with the problems this extension
 * keeps, each problem shows once.
 */

const root = path.join(__dirname, '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  repository: { url: string };
  contributes: { yamlValidation: { fileMatch: string[]; url: string }[]; configuration: { properties: Record<string, { default?: unknown }> } };
};
const SCHEMA_BASE = 'https://raw.githubusercontent.com/rubrics-as-code/rubrics-as-code/main/schemas/';
const fetched: string[] = [];

function service() {
  const ls = getLanguageService({
    // Records what the server asks for; only local files can be served.
    schemaRequestService: async (uri) => {
      fetched.push(uri);
      return fs.readFileSync(new URL(uri), 'utf8');
    },
    workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).toString() },
  });
  ls.configure({
    validate: true,
    completion: true,
    hover: true,
    schemas: manifest.contributes.yamlValidation.map((entry) => ({ uri: pathToFileURL(path.join(root, entry.url)).toString(), fileMatch: entry.fileMatch })),
  });
  return ls;
}

let version = 0;

async function validate(relative: string, text: string) {
  // The server caches parsed documents by URI and version: each check is a new version.
  const document = TextDocument.create(pathToFileURL(path.join(root, 'tmp-check', relative)).toString(), 'yaml', ++version, text);
  return service().doValidation(document, false);
}

/** The rubric and an assessment against it, in one file. */
const TWO_DOCUMENTS = `${DESK_RUBRIC}---\n${DESK_ASSESSMENT.replace('rubric: ./desk.rubric.yaml', 'rubric: desk')}`;

describe('yamlValidation contribution', () => {
  it('gives the combined schema to every default rubrics.files glob', () => {
    expect(manifest.contributes.yamlValidation).toHaveLength(1);
    const [entry] = manifest.contributes.yamlValidation;
    expect(entry?.url).toBe('./schemas/rubrics.schema.json');
    expect(fs.existsSync(path.join(root, entry!.url))).toBe(true);
    const settingDefault = manifest.contributes.configuration.properties['rubrics.files']?.default;
    expect(settingDefault).toEqual(DEFAULT_FILE_GLOBS);
    // `**/*.rubric.{yaml,yml}` is written `*.rubric.yaml` and `*.rubric.yml` (a name in any folder).
    const expanded = DEFAULT_FILE_GLOBS.flatMap((glob) => ['yaml', 'yml'].map((ext) => glob.replace('{yaml,yml}', ext).replace(/^\*\*\/(\*\.[a-z]+\.ya?ml)$/, '$1')));
    expect([...(entry?.fileMatch ?? [])].sort()).toEqual(expanded.sort());
  });

  it('has absolute $ids under the repository\'s default branch, and a SchemaStore catalog entry', () => {
    expect(manifest.repository.url).toBe('https://github.com/rubrics-as-code/rubrics-as-code.git');
    for (const file of fs.readdirSync(path.join(root, 'schemas')).filter((f) => f.endsWith('.schema.json'))) {
      const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas', file), 'utf8')) as { $id: string };
      expect(schema.$id).toBe(`${SCHEMA_BASE}${file}`);
    }
    const entry = JSON.parse(fs.readFileSync(path.join(root, 'schemas', 'schemastore-catalog-entry.json'), 'utf8')) as { name: string; url: string; fileMatch: string[] };
    expect(entry.url).toBe(`${SCHEMA_BASE}rubrics.schema.json`);
    expect(entry.fileMatch).toEqual(manifest.contributes.yamlValidation[0]?.fileMatch);
    expect(entry.name).toBeTruthy();
  });

  it('validates each kind, files under rubrics/ included, with shared definitions', async () => {
    expect(await validate('desk.rubric.yaml', DESK_RUBRIC)).toEqual([]);
    expect(await validate('acme.assessment.yml', DESK_ASSESSMENT)).toEqual([]);
    expect(await validate('acme.plan.yaml', DESK_PLAN)).toEqual([]);
    expect(await validate('governance/rubrics/acme.yaml', DESK_PLAN)).toEqual([]);
    const misspelt = await validate('rubrics/acme.yaml', DESK_ASSESSMENT.replace('date: 2026-01-15', 'dated: 2026-01-15'));
    const datedLine = DESK_ASSESSMENT.split('\n').findIndex((l) => l.startsWith('date:'));
    expect(misspelt.map((d) => d.message)).toContain('Missing property "date".');
    expect(misspelt.some((d) => d.range.start.line === datedLine)).toBe(true);
    // The date pattern lives in common.schema.json: reaching it proves the relative $ref resolved.
    const badDate = await validate('acme.assessment.yaml', DESK_ASSESSMENT.replace('date: 2026-01-15', 'date: 15/01/2026'));
    expect(badDate.map((d) => d.range.start.line)).toEqual([datedLine]);
    expect(badDate[0]?.message).toMatch(/pattern/i);
    // Relative $refs resolve next to the file the schema was loaded from, not against its absolute
    // $id: with the schemas in the extension, Red Hat YAML never goes to the network for them.
    expect(fetched.length).toBeGreaterThanOrEqual(5);
    expect(fetched.filter((uri) => !uri.startsWith('file:'))).toEqual([]);
  });

  it('checks each document of a multi-document file against its own kind: no false errors', async () => {
    expect(await validate('desk.rubric.yaml', TWO_DOCUMENTS)).toEqual([]);
    expect(await validate('desk.rubric.yaml', `${TWO_DOCUMENTS}---\n${DESK_PLAN}`)).toEqual([]);
    const engine = await new Engine(new MemoryFileHost(new Map())).analyze('file:///ws/desk.rubric.yaml', TWO_DOCUMENTS);
    expect(engine.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('reports a real error once, and with this extension\'s own problems each problem shows once', async () => {
    // Two assessments of the rubric: one names an unknown dimension (a reference to the rubric,
    // which only this extension checks), the other misspells a key (the schema).
    const second = DESK_ASSESSMENT.replace('rubric: ./desk.rubric.yaml', 'rubric: desk').replace('id: acme-2026', 'id: acme-2027').replace('subject:', 'subjekt:');
    const text = `${TWO_DOCUMENTS.replace('  knowledge:', '  knowlege:')}---\n${second}`;
    const lines = text.split('\n');
    const subjektLine = lines.findIndex((l) => l.startsWith('subjekt:'));
    const lastSeparator = lines.lastIndexOf('---');
    const yamlProblems = await validate('desk.rubric.yaml', text);
    const notAllowed = yamlProblems.filter((d) => /subjekt/.test(d.message));
    expect(notAllowed).toHaveLength(1);
    expect(notAllowed[0]?.range.start.line).toBe(subjektLine);
    // Only the third document has schema problems, in Red Hat YAML as in the engine.
    expect(yamlProblems.length).toBeGreaterThan(0);
    expect(yamlProblems.every((d) => d.range.start.line > lastSeparator)).toBe(true);

    const ours = (await new Engine(new MemoryFileHost(new Map())).analyze('file:///ws/desk.rubric.yaml', text)).diagnostics.filter((d) => d.severity !== 'information');
    expect(ours.map((d) => d.code)).toEqual(expect.arrayContaining(['schema-unknown-key', 'unknown-dimension']));
    // With Red Hat YAML validating the file with our schema, ours keeps only what it cannot see.
    const kept = ours.filter((d) => !shownByYamlExtension(d.code, true));
    expect(kept.map((d) => d.code)).toContain('unknown-dimension');
    expect(kept.map((d) => d.code)).not.toContain('schema-unknown-key');
    const shownLines = [...yamlProblems.map((d) => d.range.start.line), ...kept.map((d) => text.slice(0, d.range.start).split('\n').length - 1)];
    expect(shownLines.filter((l) => l === subjektLine)).toHaveLength(1);
    // Without Red Hat YAML, ours shows both.
    expect(ours.filter((d) => !shownByYamlExtension(d.code, false)).map((d) => d.code)).toContain('schema-unknown-key');
  });
});
