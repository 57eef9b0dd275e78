import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { getLanguageService } from 'yaml-language-server';
import { DESK_ASSESSMENT, DESK_PLAN, DESK_RUBRIC } from './languageFixtures';

/**
 * `contributes.yamlValidation` hands our schemas to Red Hat's YAML extension. Check the
 * contribution with the same language server that extension runs: the file names map to the
 * right schema, the relative `$ref`s between schema files resolve, valid documents pass and a
 * misspelt key is reported.
 */

const root = path.join(__dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: { yamlValidation: { fileMatch: string[]; url: string }[] };
};

function service() {
  const ls = getLanguageService({
    schemaRequestService: async (uri) => fs.readFileSync(new URL(uri), 'utf8'),
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

async function validate(name: string, text: string) {
  // The server caches parsed documents by URI and version: each check is a new version.
  const document = TextDocument.create(pathToFileURL(path.join(root, 'tmp-check', name)).toString(), 'yaml', ++version, text);
  return service().doValidation(document, false);
}

describe('yamlValidation contribution', () => {
  it('names existing schema files for the rubric, assessment and plan file names', () => {
    const byUrl = Object.fromEntries(manifest.contributes.yamlValidation.map((e) => [e.url, e.fileMatch]));
    expect(byUrl).toEqual({
      './schemas/rubric.schema.json': ['*.rubric.yaml', '*.rubric.yml'],
      './schemas/assessment.schema.json': ['*.assessment.yaml', '*.assessment.yml'],
      './schemas/plan.schema.json': ['*.plan.yaml', '*.plan.yml'],
    });
    for (const url of Object.keys(byUrl)) expect(fs.existsSync(path.join(root, url))).toBe(true);
  });

  it('lets the YAML language server validate our documents with our schemas, shared definitions included', async () => {
    expect(await validate('desk.rubric.yaml', DESK_RUBRIC)).toEqual([]);
    expect(await validate('acme.assessment.yml', DESK_ASSESSMENT)).toEqual([]);
    expect(await validate('acme.plan.yaml', DESK_PLAN)).toEqual([]);
    const misspelt = await validate('acme.assessment.yaml', DESK_ASSESSMENT.replace('date: 2026-01-15', 'dated: 2026-01-15'));
    const datedLine = DESK_ASSESSMENT.split('\n').findIndex((l) => l.startsWith('date:'));
    expect(misspelt.map((d) => d.message)).toContain('Missing property "date".');
    expect(misspelt.some((d) => d.range.start.line === datedLine)).toBe(true);
    // The date pattern lives in common.schema.json: reaching it proves the relative $ref resolved.
    const badDate = await validate('acme.assessment.yaml', DESK_ASSESSMENT.replace('date: 2026-01-15', 'date: 15/01/2026'));
    expect(badDate.length).toBeGreaterThan(0);
    expect(badDate.map((d) => d.range.start.line)).toEqual([datedLine]);
    expect(badDate[0]?.message).toMatch(/pattern/i);
  });
});
