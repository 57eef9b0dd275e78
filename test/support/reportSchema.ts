import Ajv from 'ajv';
import fs from 'node:fs';
import path from 'node:path';

/** Validates a JSON report (the text `renderJson` writes) against schemas/report.schema.json; the errors, or none. */
const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../schemas/report.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

export function reportSchemaErrors(json: string): string[] {
  if (validate(JSON.parse(json))) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
