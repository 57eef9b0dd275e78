// Bundles every face of the product with esbuild. `node esbuild.config.mjs [--watch] [--dev]`.
// - dist/cli.js        the `rubrics` command (Node, CommonJS, with a shebang)
// - dist/extension.js  the VS Code extension host entry (`vscode` stays external)
// - dist/worker.js     the engine's worker thread inside the extension host
// - dist/webview/*.js  scripts that run inside the report preview (browser, no Node)
// - dist/action/index.js  the GitHub Action (committed; see scripts/action-bundle.mjs)
// Entries whose source does not exist yet are skipped, so partial trees still build.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import { actionBundle } from './scripts/action-bundle.mjs';

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

const builds = [
  { ...node, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...node, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...node, entryPoints: ['src/extension/worker/worker.ts'], outfile: 'dist/worker.js', external: ['vscode'] },
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
].filter((b) => b.entryPoints.every((e) => fs.existsSync(e)));

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  if (fs.existsSync('dist/cli.js')) fs.chmodSync('dist/cli.js', 0o755);
}
