// The English bundle of the extension's vscode.l10n.t strings (l10n/bundle.l10n.json), which
// translators copy to bundle.l10n.<language>.json. `npm run l10n` writes it; a test keeps it fresh.
// The strings are read with one pattern (single-quoted literals, the house style): small enough
// that it needs no parser, and it is the same code that the test runs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Every vscode.l10n.t string of src/extension, in the order they first appear. */
export function extensionStrings() {
  const dir = path.join(root, 'src', 'extension');
  const sources = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).sort();
  const used = new Set();
  for (const file of sources) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const m of text.matchAll(/vscode\.l10n\.t\('((?:[^'\\]|\\.)*)'/g)) used.add(m[1].replace(/\\n/g, '\n').replace(/\\'/g, "'"));
  }
  return [...used];
}

export function bundleText() {
  return `${JSON.stringify(Object.fromEntries(extensionStrings().map((s) => [s, s])), null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(path.join(root, 'l10n', 'bundle.l10n.json'), bundleText());
  console.log(`l10n/bundle.l10n.json: ${extensionStrings().length} strings`);
}
