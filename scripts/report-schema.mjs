// Writes the JSON Schemas of the tool's published JSON outputs from the TypeScript types that are
// the one home of their shape, so a schema cannot drift from what the renderer writes; their doc
// comments become the schemas' descriptions:
// - schemas/report.schema.json: the JSON report (`rubrics report --format json`), from
//   src/core/report/model.ts;
// - schemas/portfolio.schema.json: the portfolio (`rubrics portfolio --format json`), from
//   src/core/views/model.ts.
// test/core/report/schema.test.ts and test/integration/portfolio.samples.test.ts fail when a committed file
// is not what this script writes, and validate real outputs against it.
// Run `npm run report-schema` after changing either model.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const REPORT_SCHEMA_FILE = path.join(root, 'schemas/report.schema.json');
export const PORTFOLIO_SCHEMA_FILE = path.join(root, 'schemas/portfolio.schema.json');

/** The report schema's text, as it should be committed. */
export function reportSchemaText() {
  return schemaText({
    source: 'src/core/report/model.ts',
    type: 'ReportModel',
    file: 'report.schema.json',
    title: 'Rubrics as Code report',
    description:
      'The JSON report of one rubric document (rubrics report --format json): scores at full precision, levels, blockers, groups and sub-groups, and the problems found. schemaVersion names the shape; optional fields are omitted, never null.',
  });
}

/** The portfolio schema's text, as it should be committed. */
export function portfolioSchemaText() {
  return schemaText({
    source: 'src/core/views/model.ts',
    type: 'PortfolioModel',
    file: 'portfolio.schema.json',
    title: 'Rubrics as Code portfolio',
    description:
      'Every unit of an organization in one view (rubrics portfolio --format json): one table per rubric, a row per unit from its latest assessment, a cell per dimension, group and stream, roll-ups per group of units, changes since the previous assessment and the trajectories plans project. Scores at full precision; schemaVersion names the shape; optional fields are omitted, never null.',
  });
}

function schemaText({ source, type, file, title, description }) {
  const generated = createGenerator({
    path: path.join(root, source),
    tsconfig: path.join(root, 'tsconfig.json'),
    type,
    expose: 'export',
    topRef: true,
    jsDoc: 'extended',
    additionalProperties: false,
    skipTypeCheck: true,
  }).createSchema(type);
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `https://raw.githubusercontent.com/rubrics-as-code/rubrics-as-code/main/schemas/${file}`,
    title,
    description,
    ...generated,
  };
  delete schema.definitions?.[type]?.$schema;
  closeRecords(schema);
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/**
 * A `Record` over a closed set of keys (statusCounts: one count per initiative status) comes out
 * with every key listed and required, yet open to others; no other key is ever written, so close it.
 */
function closeRecords(node) {
  if (!node || typeof node !== 'object') return;
  if (node.properties && typeof node.additionalProperties === 'object' && Array.isArray(node.required) && Object.keys(node.properties).every((k) => node.required.includes(k))) node.additionalProperties = false;
  for (const value of Object.values(node)) closeRecords(value);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const [file, text] of [
    [REPORT_SCHEMA_FILE, reportSchemaText()],
    [PORTFOLIO_SCHEMA_FILE, portfolioSchemaText()],
  ]) {
    fs.writeFileSync(file, text);
    console.log(`wrote ${path.relative(root, file)}`);
  }
}
