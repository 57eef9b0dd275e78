import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

const GOLDEN_ROOT = path.join(__dirname, '../golden');

/**
 * The comparison with a committed golden file: `expectGolden('cli/validate.json', actual)` fails
 * unless `actual` is the text of test/golden/cli/validate.json. The path is the file's below
 * test/golden/, so each call names the file it compares with. With UPDATE_GOLDEN=1 it writes the
 * file instead; review the diff before committing it.
 */
export function expectGolden(file: string, actual: string): void {
  const shown = `test/golden/${file}`;
  const absolute = path.join(GOLDEN_ROOT, file);
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.mkdirSync(path.dirname(absolute), { recursive: true });
    fs.writeFileSync(absolute, actual);
    return;
  }
  if (!fs.existsSync(absolute)) throw new Error(`No golden file ${shown}: run the test with UPDATE_GOLDEN=1 and review what it writes.`);
  expect(actual, `differs from ${shown} (UPDATE_GOLDEN=1 rewrites it)`).toBe(fs.readFileSync(absolute, 'utf8'));
}
