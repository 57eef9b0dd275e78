import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { cliBuilds } from '../../scripts/cli-bundle.mjs';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const FIXTURES = path.join(__dirname, '../fixtures/cli');

/**
 * Bundles the `rubrics` command as esbuild.config.mjs does (cli.js, which loads cli/validate.js
 * or cli/main.js), into a temporary folder (so tests never race a developer's own `npm run
 * build` over dist/), and returns the path of its cli.js.
 */
export async function buildCli(): Promise<string> {
  const outdir = tempDir('rubrics-cli-bundle-');
  await Promise.all(cliBuilds(outdir, { absWorkingDir: REPO_ROOT, logLevel: 'silent' }).map((options) => esbuild.build(options)));
  return path.join(outdir, 'cli.js');
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the bundled CLI as a child process, with colour settings taken out of the environment.
 * `timeout` (ms) kills a run that hangs, so a test of hostile input fails instead of waiting.
 */
export function runCli(cli: string, args: readonly string[], options: { cwd?: string; env?: Record<string, string>; unprivileged?: boolean; timeout?: number } = {}): Promise<CliRun> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !['FORCE_COLOR', 'NO_COLOR', 'CI', 'GITHUB_ACTIONS', 'GITHUB_WORKSPACE'].includes(key)) env[key] = value;
  }
  Object.assign(env, options.env);
  return new Promise((resolve) => {
    const user = options.unprivileged ? unprivilegedUser() : {};
    execFile(process.execPath, [cli, ...args], { cwd: options.cwd ?? FIXTURES, env, maxBuffer: 64 * 1024 * 1024, timeout: options.timeout ?? 0, ...user }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * Permission tests need a user that file modes apply to. Root ignores them, so under root (as
 * in containers) the CLI runs as "nobody"; its bundle and the test folders must then be
 * readable by others (see `tempDir`).
 */
function unprivilegedUser(): { uid?: number; gid?: number } {
  return process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
}

const createdDirs: string[] = [];

/** Removes the folders made by `tempDir` and `buildCli`: call it in each test file's afterAll. */
export function removeTempDirs(): void {
  for (const dir of createdDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** A fresh folder that any user may read and enter (see `unprivilegedUser`), removed by `removeTempDirs`. */
export function tempDir(prefix = 'rubrics-cli-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, 0o755);
  createdDirs.push(dir);
  return dir;
}

/** Runs git in a test repository, with an identity and a default branch ("main") of its own. */
export function gitIn(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
}
