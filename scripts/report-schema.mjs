// Writes schemas/report.schema.json, the JSON Schema of the JSON report (`rubrics report --format
// json`), from the report model's TypeScript types in src/core/report/model.ts, so the published
// schema cannot drift from what the renderer writes: the types are the one home of the shape, and
// their doc comments become the schema's descriptions. test/report.schema.test.ts fails when the
// committed file is not what this script writes, and validates every sample's report against it.
// Run `npm run report-schema` after changing the model.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const REPORT_SCHEMA_FILE = path.join(root, 'schemas/report.schema.json');

/** The schema's text, as it should be committed. */
export function reportSchemaText() {
  const generated = createGenerator({
    path: path.join(root, 'src/core/report/model.ts'),
    tsconfig: path.join(root, 'tsconfig.json'),
    type: 'ReportModel',
    expose: 'export',
    topRef: true,
    jsDoc: 'extended',
    additionalProperties: false,
    skipTypeCheck: true,
  }).createSchema('ReportModel');
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://raw.githubusercontent.com/rubrics-as-code/rubrics-as-code/main/schemas/report.schema.json',
    title: 'Rubrics as Code report',
    description:
      'The JSON report of one rubric document (rubrics report --format json): scores at full precision, levels, blockers, groups and sub-groups, and the problems found. schemaVersion names the shape; optional fields are omitted, never null.',
    ...generated,
  };
  delete schema.definitions?.ReportModel?.$schema;
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
  fs.writeFileSync(REPORT_SCHEMA_FILE, reportSchemaText());
  console.log(`wrote ${path.relative(root, REPORT_SCHEMA_FILE)}`);
}
