/**
 * The JSON report is a published format: schemas/report.schema.json, generated from the report
 * model's types (scripts/report-schema.mjs), is fresh, has a version, and every report the samples
 * and fixtures give (every document of every file, valid or not) validates against it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_SCHEMA_FILE, reportSchemaText } from '../../../scripts/report-schema.mjs';
import { Engine } from '../../../src/core/engine';
import { renderJson } from '../../../src/core/render';
import { buildReport } from '../../../src/core/report';
import { REPORT_SCHEMA_VERSION } from '../../../src/core/report/model';
import { analyzeFile, DiskFileHost } from '../../support/diskHost';
import { reportSchemaErrors } from '../../support/reportSchema';

const root = path.join(__dirname, '../../..');
function yamlFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

describe('schemas/report.schema.json', () => {
  it('is what scripts/report-schema.mjs writes from the report model (run `npm run report-schema`)', () => {
    expect(fs.readFileSync(REPORT_SCHEMA_FILE, 'utf8')).toBe(reportSchemaText());
  });

  it('names the report version the renderer writes', () => {
    const schema = JSON.parse(fs.readFileSync(REPORT_SCHEMA_FILE, 'utf8'));
    expect(schema.definitions.ReportModel.properties.schemaVersion.const).toBe(REPORT_SCHEMA_VERSION);
    expect(schema.definitions.ReportModel.required).toContain('schemaVersion');
  });

  const engine = new Engine(new DiskFileHost());
  const files = [...yamlFiles('samples'), ...yamlFiles('test/golden/report/input'), ...yamlFiles('test/fixtures/cli')];
  it.each(files)('validates every document report of %s', async (file) => {
    const analysis = await analyzeFile(path.join(root, file), engine);
    for (const doc of analysis.documents.length ? analysis.documents : [{ index: 0 }]) {
      expect(reportSchemaErrors(renderJson(buildReport(analysis, doc.index))), `${file} document ${doc.index}`).toEqual([]);
    }
  });

  it('rejects a report that breaks it', () => {
    const broken = { schemaVersion: REPORT_SCHEMA_VERSION, kind: 'Assessment', title: 1 };
    expect(reportSchemaErrors(JSON.stringify(broken)).length).toBeGreaterThan(0);
  });
});
