// The format's JSON Schemas as the language features read them (src/core/language/schemaModel.ts),
// for the bundles. A node's documentation is its `markdownDescription` when it has one, so its
// plain `description` (kept in schemas/ for other JSON Schema tools) is never read there: the
// bundles leave it out, which keeps the web bundles within their budget.
import fs from 'node:fs/promises';

/** A schema without the `description`s that a `markdownDescription` beside them hides. */
export function withoutHiddenDescriptions(node) {
  if (Array.isArray(node)) return node.map(withoutHiddenDescriptions);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'description' && typeof value === 'string' && typeof node.markdownDescription === 'string') continue;
    out[key] = withoutHiddenDescriptions(value);
  }
  return out;
}

/** esbuild plugin: schemas/*.schema.json bundled through withoutHiddenDescriptions. */
export const bundledSchemas = {
  name: 'bundled-schemas',
  setup(build) {
    build.onLoad({ filter: /[\\/]schemas[\\/][^\\/]+\.schema\.json$/ }, async (args) => ({
      contents: JSON.stringify(withoutHiddenDescriptions(JSON.parse(await fs.readFile(args.path, 'utf8')))),
      loader: 'json',
    }));
  },
};
