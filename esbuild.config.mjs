// Bundles every face of the product with esbuild. `node esbuild.config.mjs [--watch] [--dev]`.
// - dist/cli.js        the `rubrics` command (Node, CommonJS, with a shebang), which loads
//                      dist/cli/validate.js (`rubrics validate`) or dist/cli/main.js (the rest)
// - dist/extension.js      the desktop VS Code extension (`vscode` stays external)
// - dist/server.js         the language server in a worker thread of the desktop extension host
// - dist/web/extension.js  the web extension (github.dev, vscode.dev): CommonJS for the web worker extension host
// - dist/web/server.js     the language server in a Web Worker
// - dist/sheets.js, dist/web/sheets.js  the spreadsheet export and import of the desktop and the
//                          web extension (a worker there), loaded only when a command needs them
// - dist/webview/*.js      scripts that run inside the report preview and the portfolio panel (browser, no Node)
// - dist/action/index.js   the GitHub Action (committed at release tags; scripts/release-action.mjs)
// Entries whose source does not exist yet are skipped, so partial trees still build.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { actionBundle } from './scripts/action-bundle.mjs';
import { cliBuilds } from './scripts/cli-bundle.mjs';
import { apart, SHEET_SERVICE_ENTRY, SHEET_WORKER_ALIASES, SHEET_WORKER_ENTRY } from './scripts/sheets-bundle.mjs';

const watch = process.argv.includes('--watch');

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
    entryPoints: { preview: 'src/webview/preview.ts', portfolio: 'src/webview/portfolio.ts' },
    outdir: 'dist/webview',
    logLevel: 'info',
  },
  actionBundle,
].filter((b) => Object.values(b.entryPoints).every((e) => fs.existsSync(e)));

/**
 * What each file of the web extension may weigh. It is fetched compressed on a github.dev visit
 * (then cached) and parsed once per session in a worker, so two budgets: what travels
 * (WEB_BUNDLE_GZIP_LIMIT, gzip -9) and what is parsed (WEB_BUNDLE_LIMIT). History of the parsed
 * budget: 1,000,000 bytes until the confinement of issue 17 (999,334 then); 1 MiB until the
 * interview questions of every built-in criterion (100 kB of text in src/core/generated/
 * builtinFrameworks.ts), the portfolio's inheritance and several assessors took the language server
 * to 1,087,558 bytes (293,958 gzipped). The largest shares are the compiled validators (150 kB),
 * the built-in frameworks (100 kB) and the snippet catalogue (54 kB, derived from the frameworks:
 * the server could build it at run time).
 */
export const WEB_BUNDLE_LIMIT = 1.25 * 1024 * 1024;
export const WEB_BUNDLE_GZIP_LIMIT = 384 * 1024;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (watch) {
    for (const b of builds) await (await esbuild.context(b)).watch();
  } else {
    await Promise.all(builds.map((b) => esbuild.build(b)));
    if (fs.existsSync('dist/cli.js')) fs.chmodSync('dist/cli.js', 0o755);
  }
}
