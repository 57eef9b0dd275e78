// Runs the editor benchmark (bench/editor.ts): bundles it like bench/run.mjs does, then runs it.
// Needs `bash scripts/e2e/setup.sh` (code-server) and `npm run package` (the .vsix).
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outfile = path.join(root, 'node_modules', '.cache', 'rubrics-bench', 'editor.cjs');
await esbuild.build({
  absWorkingDir: root,
  entryPoints: ['bench/editor.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  logLevel: 'warning',
  // scripts/e2e/*.mjs find the repository from their own URL; bundled, they get that of scripts/e2e/.
  define: { __dirname: JSON.stringify(path.join(root, 'bench')), 'import.meta.url': JSON.stringify(new URL('../scripts/e2e/codeServer.mjs', import.meta.url).href) },
});
const result = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(result.status ?? 1);
