import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

const GOLDEN_ROOT = path.join(__dirname, '../golden');

/**
 * The comparison with committed golden files under test/golden/<folder>/: `expectGolden(name,
 * actual)` fails unless `actual` is the file's text. With UPDATE_GOLDEN=1 it writes the file
 * instead; review the diff before committing it.
 */
export function goldenFiles(folder: string): (name: string, actual: string) => void {
  return (name, actual) => {
    const shown = `test/golden/${folder}/${name}`;
    const file = path.join(GOLDEN_ROOT, folder, name);
    if (process.env.UPDATE_GOLDEN === '1') {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, actual);
      return;
    }
    if (!fs.existsSync(file)) throw new Error(`No golden file ${shown}: run the test with UPDATE_GOLDEN=1 and review what it writes.`);
    expect(actual, `differs from ${shown} (UPDATE_GOLDEN=1 rewrites it)`).toBe(fs.readFileSync(file, 'utf8'));
  };
}
