/**
 * What every diagnostic says, word for word, for the files of samples/invalid/ (one or more per
 * code that can be triggered): test/integration/samples.test.ts checks each file's codes and places, this its
 * messages, so that a rule whose message loses what it names, or changes its advice, fails a test.
 * UPDATE_GOLDEN=1 rewrites test/golden/diagnostics/invalid-samples.txt after a wanted change.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'vitest';
import { analyzeFile, placedDiagnostics } from '../../support/diskHost';
import { expectGolden } from '../../support/golden';

const SAMPLES = path.join(__dirname, '../../../samples');
const INVALID = path.join(SAMPLES, 'invalid');

describe('diagnostic messages', () => {
  it('of every file in samples/invalid/', async () => {
    const lines: string[] = [];
    for (const name of readdirSync(INVALID).filter((n) => /\.ya?ml$/.test(n)).sort()) {
      const analysis = await analyzeFile(path.join(INVALID, name));
      for (const d of placedDiagnostics(analysis)) lines.push(`${name}:${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}`);
    }
    // Paths of this machine stand as <samples>, so the file is the same everywhere.
    const text = lines.join('\n').split(pathToFileURL(SAMPLES).toString()).join('<samples>').split(SAMPLES).join('<samples>');
    expectGolden('diagnostics/invalid-samples.txt', `${text}\n`);
  });
});
