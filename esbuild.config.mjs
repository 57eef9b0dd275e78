// Bundles every face of the product with esbuild. `node esbuild.config.mjs [--watch] [--dev]`.
// - dist/cli.js        the `rubrics` command (Node, CommonJS, with a shebang), which loads
//                      dist/cli/validate.js (`rubrics validate`) or dist/cli/main.js (the rest)
// - dist/extension.js      the desktop VS Code extension (`vscode` stays external)
// - dist/server.js         the language server in a worker thread of the desktop extension host
// - dist/web/extension.js  the web extension (github.dev, vscode.dev): CommonJS for the web worker extension host
// - dist/web/server.js     the language server in a Web Worker
// - dist/sheets.js, dist/web/sheets.js  the spreadsheet export and import of the desktop and the
//                          web extension (a worker there), loaded only when a command needs them
// - dist/webview/*.js      scripts that run inside the report preview (browser, no Node)
// - dist/action/index.js   the GitHub Action (committed at release tags; scripts/release-action.mjs)
// Entries whose source does not exist yet are skipped, so partial trees still build.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { actionBundle } from './scripts/action-bundle.mjs';
import { cliBuilds } from './scripts/cli-bundle.mjs';
import { apart, SHEET_SERVICE_ENTRY, SHEET_WORKER_ALIASES, SHEET_WORKER_ENTRY } from './scripts/sheets-bundle.mjs';

const watch = process.argv.includes('--watch');

/**
 * The language features read a schema key's documentation as its `markdownDescription`, falling
 * back to `description` (src/core/language/schemaModel.ts, documentation()), and of its examples
 * only numbers and dates (quick fixes); the plain `description` beside a Markdown one, the
 * `title`s and the examples of whole documents and maps are for other tools, which read the
 * schema files themselves. Bundles leave them out: the same hovers, completion and quick fixes,
 * 17 kB less to download in the web bundles.
 */
const schemaDocumentation = {
  name: 'schema-documentation',
  setup(build) {
    build.onLoad({ filter: /[\\/]schemas[\\/][a-z]+\.schema\.json$/ }, async (args) => {
      const schema = JSON.parse(await fs.promises.readFile(args.path, 'utf8'));
      return { contents: JSON.stringify(withoutPlainDescriptions(schema)), loader: 'json' };
    });
  },
};

/** A schema without what the editor never reads: `description`s with a `markdownDescription` beside them, `title`s, and examples that are maps or lists. */
export function withoutPlainDescriptions(node) {
  if (Array.isArray(node)) return node.map(withoutPlainDescriptions);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    // In a `properties` map, `description` and `title` name properties (schema objects), and so
    // does a `markdownDescription` beside them: only keywords, whose values are strings, go.
    if (key === 'description' && typeof value === 'string' && typeof node.markdownDescription === 'string') continue;
    if (key === 'title' && typeof value === 'string') continue;
    if (key === 'examples' && Array.isArray(value)) {
      const scalars = value.filter((v) => v === null || typeof v !== 'object');
      if (scalars.length) out[key] = scalars;
      continue;
    }
    out[key] = withoutPlainDescriptions(value);
  }
  return out;
}
const dev = process.argv.includes('--dev');

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: !dev,
  sourcemap: dev ? 'inline' : false,
  legalComments: 'none',
  logLevel: 'info',
  plugins: [schemaDocumentation],
};

// VS Code for the web runs extensions and their workers without Node: no built-in modules. The
// bundles are written as UTF-8 rather than with \u escapes (markdown-it's entity table and the
// built-in frameworks' texts would otherwise grow by a third), to keep each under 1 MB.
const web = {
  bundle: true,
  // markdown-it imports two decoders from the `entities` package's index, which also drags in its
  // 23 kB HTML encoder table; point the package at its decoder module alone.
  alias: { entities: './node_modules/entities/lib/esm/decode.js' },
  platform: 'browser',
  target: 'es2022',
  mainFields: ['browser', 'module', 'main'],
  minify: !dev,
  charset: 'utf8',
  sourcemap: dev ? 'inline' : false,
  legalComments: 'none',
  logLevel: 'info',
  plugins: [schemaDocumentation],
};

export const builds = [
  ...cliBuilds('dist', { minify: !dev, sourcemap: dev ? 'inline' : false }),
  { ...node, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [apart('service', './sheets.js')] },
  { ...node, entryPoints: [SHEET_SERVICE_ENTRY], outfile: 'dist/sheets.js' },
  { ...node, entryPoints: ['src/server/node.ts'], outfile: 'dist/server.js' },
  { ...web, format: 'cjs', entryPoints: ['src/extension/extension.browser.ts'], outfile: 'dist/web/extension.js', external: ['vscode'] },
  { ...web, format: 'iife', entryPoints: ['src/server/browser.ts'], outfile: 'dist/web/server.js' },
  { ...web, format: 'iife', entryPoints: [SHEET_WORKER_ENTRY], outfile: 'dist/web/sheets.js', alias: { ...web.alias, ...SHEET_WORKER_ALIASES } },
  {
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    minify: !dev,
    sourcemap: dev ? 'inline' : false,
    entryPoints: ['src/webview/preview.ts'],
    outfile: 'dist/webview/preview.js',
    logLevel: 'info',
  },
  actionBundle,
].filter((b) => Object.values(b.entryPoints).every((e) => fs.existsSync(e)));

/**
 * The most each file of the web extension may weigh (it is downloaded on every github.dev visit):
 * 1 MiB. The language server reached 999,334 bytes against the earlier 1,000,000; the
 * confinement of checked files and the escapes of issue 17 add 4 kB to it.
 */
export const WEB_BUNDLE_LIMIT = 1024 * 1024;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (watch) {
    for (const b of builds) await (await esbuild.context(b)).watch();
  } else {
    await Promise.all(builds.map((b) => esbuild.build(b)));
    if (fs.existsSync('dist/cli.js')) fs.chmodSync('dist/cli.js', 0o755);
  }
}
