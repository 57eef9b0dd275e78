// Bundles a benchmark's TypeScript entry (and the engine it imports) with esbuild into
// node_modules/.cache/ (ignored by git and eslint), then runs it in a fresh Node process, passing
// the command-line options through. Shared by bench/run.mjs and bench/editor.mjs.
//
// The bundle is an ES module: libraries stay outside it, and some are ES modules only (env-paths,
// which scripts/e2e/paths.mjs imports), which a CommonJS bundle cannot import by default.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

export async function runBundled(entry, { nodeArgs = [] } = {}) {
  const outfile = path.join(root, 'node_modules', '.cache', 'rubrics-bench', `${path.basename(entry, '.ts')}.mjs`);
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // For the optional require() of js-yaml in bench/run.ts.
    banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" },
    // Libraries load from node_modules as they would in the product; only our code is bundled.
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
    define: {
      // The benchmarks find schemas/ and bench/ relative to the repository root.
      __dirname: JSON.stringify(path.join(root, 'bench')),
      // scripts/e2e/*.mjs find the repository from their own URL; bundled, they get that of scripts/e2e/.
      'import.meta.url': JSON.stringify(new URL('../scripts/e2e/codeServer.mjs', import.meta.url).href),
    },
  });
  const result = spawnSync(process.execPath, [...nodeArgs, '--enable-source-maps', outfile, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
  process.exit(result.status ?? 1);
}
