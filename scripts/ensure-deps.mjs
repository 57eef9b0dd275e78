// Runs before `npm test` and `npm run demo` (their `pre` scripts), so that a fresh clone needs no
// `npm ci` of its own: when node_modules is missing, or older than package-lock.json (a pull or a
// branch switch changed the lockfile), it says so in one line and runs `npm ci`; otherwise it does
// nothing. It imports nothing outside Node itself, since it runs before any dependency is there.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const NPM_CI_ARGS = ['ci', '--no-audit', '--no-fund'];

/**
 * Why the dependencies of the project at `root` must be installed again, or undefined when they
 * are up to date. npm writes node_modules/.package-lock.json at every install, so its time is
 * the install's; without it (an install npm did not finish), the folder's own time stands in.
 */
export function staleDependencies(root) {
  const lockfile = mtime(path.join(root, 'package-lock.json'));
  const modules = path.join(root, 'node_modules');
  const installed = mtime(path.join(modules, '.package-lock.json')) ?? mtime(modules);
  if (installed === undefined) return 'node_modules is missing';
  if (lockfile !== undefined && lockfile > installed) return 'package-lock.json is newer than node_modules';
  return undefined;
}

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The npm that runs this script (npm_execpath, under `npm run`), or the one on the PATH. */
function npmCommand(args) {
  const npmCli = process.env.npm_execpath;
  if (npmCli && /\.[cm]?js$/.test(npmCli)) return { command: process.execPath, args: [npmCli, ...args], shell: false };
  return { command: 'npm', args, shell: process.platform === 'win32' };
}

/** Installs the dependencies at `root` when they are stale; returns the exit code. */
export function ensureDependencies(root, log = (line) => console.log(line)) {
  const reason = staleDependencies(root);
  if (reason === undefined) return 0;
  log(`${reason}: installing the dependencies with npm ${NPM_CI_ARGS.join(' ')}`);
  const npm = npmCommand(NPM_CI_ARGS);
  const result = spawnSync(npm.command, npm.args, { cwd: root, stdio: 'inherit', shell: npm.shell });
  if (result.error) {
    log(`Could not run npm: ${result.error.message}`);
    return 1;
  }
  return result.status ?? 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = ensureDependencies(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));
}
