import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../src/core/diagnostics/codes';

const readme = fs.readFileSync(path.join(__dirname, '../README.md'), 'utf8');

describe('README', () => {
  it('documents every diagnostic code with its severity and meaning (run scripts/sync-readme.mjs)', () => {
    for (const [code, info] of Object.entries(DIAGNOSTIC_CODES)) {
      expect(readme).toContain(`| \`${code}\` | ${info.severity} | ${info.summary} |`);
    }
  });

  it('documents every scoring method', () => {
    for (const method of ['rated', 'gated', 'average', 'levelSum']) expect(readme).toContain(`| \`${method}\` |`);
  });
});
