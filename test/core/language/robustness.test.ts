import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeFileHost, fileUri } from '../../../src/node/nodeFileHost';
import { Engine } from '../../../src/core/engine';
import { codeLenses } from '../../../src/core/language/codeLens';
import { completionsAt } from '../../../src/core/language/completion';
import { definitionAt } from '../../../src/core/language/definition';
import { hoverAt } from '../../../src/core/language/hover';
import { quickFixes } from '../../../src/core/language/quickFixes';
import { documentSymbols } from '../../../src/core/language/symbols';

/**
 * Every language feature at many positions of every sample file (valid and invalid ones, and
 * the same files cut short mid-line as while typing): no exception, and ranges that make sense.
 */

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? yamlFiles(full) : /\.ya?ml$/.test(e.name) ? [full] : [];
  });
}

const root = path.join(__dirname, '../../..');
const files = [...yamlFiles(path.join(root, 'samples')), ...yamlFiles(path.join(root, 'src/core/builtins/frameworks'))];

describe('language features on every sample file', () => {
  it('finds the sample files', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((f) => [path.relative(root, f), f]))('%s: completion, hover, definition, outline, lenses and fixes never throw', async (_name, file) => {
    const engine = new Engine(new NodeFileHost());
    const full = fs.readFileSync(file, 'utf8');
    // The whole file, and the file cut in the middle of a line (half typed).
    const cut = full.slice(0, Math.floor(full.length * 0.6));
    let offered = 0;
    for (const text of [full, cut]) {
      const analysis = await engine.analyze(fileUri(file), text);
      const step = Math.max(1, Math.floor(text.length / 150));
      for (let offset = 0; offset <= text.length; offset += step) {
        const items = await completionsAt({ analysis }, offset, { listDocuments: async () => [] });
        offered += items.length;
        for (const item of items) {
          expect(item.replace.start).toBeLessThanOrEqual(offset);
          expect(item.replace.end).toBeGreaterThanOrEqual(offset);
          expect(text.slice(item.replace.start, item.replace.end)).not.toContain('\n');
        }
        const hover = hoverAt({ analysis }, offset);
        if (hover) expect(hover.range.start <= offset && offset <= hover.range.end).toBe(true);
        const target = await definitionAt({ analysis }, offset, async () => undefined);
        if (target) expect(target.range.end).toBeLessThanOrEqual(target.text.length);
      }
      for (const symbol of documentSymbols(analysis)) expect(symbol.range.end).toBeLessThanOrEqual(text.length);
      for (const lens of codeLenses(analysis)) expect(lens.range.end).toBeLessThanOrEqual(text.length);
      for (const fix of quickFixes(analysis, { start: 0, end: text.length })) {
        for (const edit of fix.edits) expect(edit.range.start <= edit.range.end && edit.range.end <= text.length).toBe(true);
      }
    }
    // Somewhere in every file a key or a value has suggestions.
    expect(offered).toBeGreaterThan(0);
  });
});
