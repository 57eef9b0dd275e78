import * as esbuild from 'esbuild';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { gzipSync } from 'node:zlib';
import { builds, WEB_BUNDLE_GZIP_LIMIT, WEB_BUNDLE_LIMIT } from '../../esbuild.config.mjs';
import { EDITOR_SCHEMAS } from '../../src/core/generated/editorSchemas';
import { documentation, type SchemaNode } from '../../src/core/language/schemaModel';

/**
 * The web extension (github.dev, vscode.dev) is downloaded on a visit: each of its bundles, built
 * with the project's own settings, stays under the budgets of esbuild.config.mjs (what is parsed,
 * and what travels gzipped), and none pulls in Node's modules.
 */
describe('web bundles', () => {
  const web = builds.filter((b) => b.outfile?.startsWith('dist/web/'));

  it('are the extension, its language server and its spreadsheet worker', () => {
    expect(web.map((b) => b.outfile).sort()).toEqual(['dist/web/extension.js', 'dist/web/server.js', 'dist/web/sheets.js']);
  });

  it.each(web.map((b) => [b.outfile, b] as const))('%s is within its budgets and needs nothing from Node', async (_name, options) => {
    const result = await esbuild.build({ ...options, absWorkingDir: path.join(__dirname, '../..'), write: false, logLevel: 'silent', metafile: true });
    const contents = result.outputFiles?.[0]?.contents ?? new Uint8Array();
    expect(contents.byteLength).toBeGreaterThan(100_000);
    expect(contents.byteLength).toBeLessThan(WEB_BUNDLE_LIMIT);
    expect(gzipSync(contents, { level: 9 }).byteLength).toBeLessThan(WEB_BUNDLE_GZIP_LIMIT);
    const inputs = Object.keys(result.metafile?.inputs ?? {});
    expect(inputs.filter((i) => i.startsWith('node:') || /^(fs|path|os|child_process|worker_threads)$/.test(i))).toEqual([]);
  }, 60_000);

  it('carry the schemas as the editor reads them (npm run gen): every node documents the same, and no bundle reads a schema file', async () => {
    for (const name of ['common', 'rubric', 'assessment', 'plan']) {
      const schema = JSON.parse(fs.readFileSync(path.join(__dirname, `../../schemas/${name}.schema.json`), 'utf8')) as unknown;
      const bundled = EDITOR_SCHEMAS[`${name}.schema.json`];
      /** The documentation of every schema node; the maps of named subschemas (properties, $defs) are not nodes. */
      const docs = (node: unknown, at: string, out: Map<string, string | undefined>, named = false): Map<string, string | undefined> => {
        if (node && typeof node === 'object') {
          // Nodes without documentation (a propertyNames or dependencies keyword) may be left out.
          const text = !Array.isArray(node) && !named ? documentation(node as SchemaNode) : undefined;
          if (text !== undefined) out.set(at, text);
          for (const [key, value] of Object.entries(node)) {
            // Values, not schemas.
            if (!named && ['examples', 'default', 'enum', 'const'].includes(key)) continue;
            docs(value, `${at}/${key}`, out, !named && ['properties', '$defs', 'patternProperties'].includes(key));
          }
        }
        return out;
      };
      expect(docs(bundled, name, new Map()), name).toEqual(docs(schema, name, new Map()));
      expect(JSON.stringify(bundled).length, name).toBeLessThan(JSON.stringify(schema).length);
      // A property called description (the rubric's own) is a name, not documentation: kept.
      if (name === 'rubric') expect((bundled as { properties: Record<string, unknown> }).properties.description).toBeDefined();
      // Quick fixes read the examples that are numbers and dates; those stay.
      if (name === 'common') expect((bundled as { $defs: Record<string, { examples?: unknown[] }> }).$defs.date?.examples).toEqual(['2026-03-31']);
    }
    for (const options of web) {
      const result = await esbuild.build({ ...options, absWorkingDir: path.join(__dirname, '../..'), write: false, logLevel: 'silent', metafile: true });
      expect(Object.keys(result.metafile?.inputs ?? {}).filter((i) => /schemas\/[a-z]+\.schema\.json$/.test(i)), options.outfile).toEqual([]);
    }
  }, 120_000);

  it.each(builds.filter((b) => /^dist\/(web\/)?(extension|server)\.js$/.test(b.outfile ?? '')).map((b) => [b.outfile, b] as const))('%s carries no spreadsheet code: the commands load it apart when they run', async (_name, options) => {
    const result = await esbuild.build({ ...options, absWorkingDir: path.join(__dirname, '../..'), write: false, logLevel: 'silent', metafile: true });
    // What the bundle holds: esbuild also reads modules it then leaves out whole (an entry's loader
    // nobody calls), so count only those with bytes in the output.
    const carried = Object.values(result.metafile?.outputs ?? {}).flatMap((output) => Object.entries(output.inputs).filter(([, input]) => input.bytesInOutput > 0).map(([name]) => name));
    expect(carried.length).toBeGreaterThan(50);
    expect(carried.filter((i) => /node_modules\/(exceljs|csv-parse|csv-stringify|fflate|jszip)\/|interchange\/sheets\/(codec|service|answerImport|answerSheet|zipBounds)/.test(i))).toEqual([]);
  }, 60_000);
});
