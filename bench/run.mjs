// Runs the benchmark: bundles bench/run.ts (and the engine it imports) with esbuild into
// node_modules/.cache/ (ignored by git and eslint), then runs it in a fresh Node process with
// --expose-gc, passing the command-line options through.
// Works offline from a fresh clone after `npm ci` and `npm run gen` (npm run bench does both).
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outfile = path.join(root, 'node_modules', '.cache', 'rubrics-bench', 'run.cjs');
await esbuild.build({
  absWorkingDir: root,
  entryPoints: ['bench/run.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Libraries load from node_modules as they would in the product; only our code is bundled.
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
  // run.ts finds schemas/ and bench/ relative to the repository root.
  define: { __dirname: JSON.stringify(path.join(root, 'bench')) },
});
const result = spawnSync(process.execPath, ['--expose-gc', '--enable-source-maps', outfile, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(result.status ?? 1);
