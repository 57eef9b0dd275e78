import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withoutHiddenDescriptions } from '../scripts/bundled-schemas.mjs';
import { documentation, type SchemaNode } from '../src/core/language/schemaModel';

const SCHEMAS = ['common', 'rubric', 'assessment', 'plan'].map((name) => path.join(__dirname, `../schemas/${name}.schema.json`));

/** Every object in a schema, with where it sits. */
function* nodes(value: unknown, at = '#'): Generator<[string, Record<string, unknown>]> {
  if (Array.isArray(value)) value.forEach((item, i) => nodes(item, `${at}/${i}`));
  else if (value && typeof value === 'object') {
    yield [at, value as Record<string, unknown>];
    for (const [key, child] of Object.entries(value)) yield* nodes(child, `${at}/${key}`);
  }
}

describe('the schemas as the web bundles carry them', () => {
  it.each(SCHEMAS)('%s: every node documents the same, with only the descriptions a markdownDescription hides left out', (file) => {
    const schema = JSON.parse(fs.readFileSync(file, 'utf8'));
    const bundled = withoutHiddenDescriptions(schema);
    const kept = new Map(nodes(bundled));
    let dropped = 0;
    for (const [at, node] of nodes(schema)) {
      const other = kept.get(at);
      expect(other, at).toBeDefined();
      // (A map of properties can hold one named `description`: that is a schema, not a text.)
      const text = documentation(node as SchemaNode);
      if (typeof text === 'string') expect(documentation(other as SchemaNode), at).toBe(text);
      const { description, ...rest } = node;
      if (other && !('description' in other) && description !== undefined) {
        dropped++;
        expect(typeof node.markdownDescription, at).toBe('string');
      }
      expect(Object.keys(other ?? {}).filter((k) => k !== 'description'), at).toEqual(Object.keys(rest).filter((k) => k !== 'description'));
    }
    expect(dropped).toBeGreaterThan(0);
  });
});
