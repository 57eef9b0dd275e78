// Starts and stops a real VS Code (code-server, installed by scripts/e2e/setup.sh into the shared
// cache) for the end-to-end tests and the demo. Each run gets a fresh user-data and extensions
// directory under the clone's .vscode-test/runs/, so runs never see each other's state, and the
// server runs in its own process group so that stopping it also ends its extension host and file
// watchers.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { cacheDir, codeServerEntry, node24, repoRoot, stateDir } from './paths.mjs';
/* global fetch */

export { cacheDir, codeServerEntry, node24, repoRoot, stateDir };

/** The .vsix that `npm run package` writes (vsce names it <name>-<version>.vsix). */
export function extensionVsixPath() {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  return path.join(repoRoot, `${manifest.name}-${manifest.version}.vsix`);
}

/** User settings that keep the workbench quiet and predictable (no welcome page, tips, updates). */
export const baseUserSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'files.autoSave': 'off',
};

/**
 * Settings that let VS Code's Git extension find the repository a workspace folder lies in, as the
 * demo's samples/ folder lies in the clone: the report preview then compares with git HEAD
 * ("Since HEAD"). baseUserSettings turns git off, for tests that have no repository.
 */
export const gitUserSettings = {
  'git.enabled': true,
  'git.openRepositoryInParentFolders': 'always',
  'git.autofetch': false,
  'git.confirmSync': false,
};

/**
 * The window of a demo or a test: no secondary side bar (with the chat off it opens empty, and
 * takes a third of the width from the editor and the preview).
 */
export const windowUserSettings = {
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

export function assertInstalled() {
  if (!fs.existsSync(node24) || !fs.existsSync(codeServerEntry)) {
    throw new Error(`code-server is not installed in ${cacheDir}. Run: bash scripts/e2e/setup.sh`);
  }
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function commonArgs(run) {
  return ['--config', run.configFile, '--user-data-dir', run.userDataDir, '--extensions-dir', run.extensionsDir];
}

/** Installs a .vsix into the run's extensions directory with code-server's own CLI. */
export function installExtension(run, vsix) {
  if (!fs.existsSync(vsix)) throw new Error(`No ${vsix}. Build it first (npm run package).`);
  const result = spawnSync(node24, [codeServerEntry, ...commonArgs(run), '--install-extension', vsix, '--force'], {
    encoding: 'utf8',
    env: { ...process.env, TMPDIR: run.tmpDir },
    timeout: 120_000,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`Installing ${path.basename(vsix)} into code-server failed (exit ${result.status}):\n${output}`);
  }
}

/**
 * Prepares a run directory, installs the extensions and starts code-server on `workspace`.
 * `trust: true` leaves Workspace Trust on (the folder then opens in restricted mode);
 * by default trust is disabled, as a developer who trusts their own repository would have it.
 */
export async function startCodeServer({ workspace, extensions = [], trust = false, settings = {}, env = {}, port, host = '127.0.0.1', name = 'run', runDir: fixedRunDir, quiet = true } = {}) {
  assertInstalled();
  const runsDir = path.join(stateDir, 'runs');
  fs.mkdirSync(runsDir, { recursive: true });
  // A fixed run directory (the demo's) keeps the user's window state between runs; tests get a new one each time.
  const runDir = fixedRunDir ?? fs.mkdtempSync(path.join(runsDir, `${name}-`));
  const run = {
    runDir,
    userDataDir: path.join(runDir, 'user-data'),
    extensionsDir: path.join(runDir, 'extensions'),
    tmpDir: path.join(runDir, 'tmp'),
    configFile: path.join(runDir, 'code-server.yaml'),
    logFile: path.join(runDir, 'code-server.log'),
  };
  for (const dir of [run.userDataDir, run.extensionsDir, run.tmpDir]) fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(run.configFile, 'auth: none\ncert: false\n');
  fs.mkdirSync(path.join(run.userDataDir, 'User'), { recursive: true });
  const userSettings = {
    ...baseUserSettings,
    ...(trust
      ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'always' }
      : { 'security.workspace.trust.enabled': false }),
    ...settings,
  };
  fs.writeFileSync(path.join(run.userDataDir, 'User', 'settings.json'), JSON.stringify(userSettings, null, 2));
  for (const vsix of extensions) installExtension(run, vsix);

  const chosenPort = port ?? (await freePort());
  const log = fs.openSync(run.logFile, 'a');
  const args = [
    codeServerEntry, ...commonArgs(run),
    '--auth', 'none', '--bind-addr', `${host}:${chosenPort}`,
    '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override',
    ...(trust ? [] : ['--disable-workspace-trust']),
    workspace,
  ];
  // detached: the child calls setsid(), so it leads a new process group that stop() can signal whole.
  const child = spawn(node24, args, {
    detached: true,
    stdio: ['ignore', quiet ? log : 'inherit', quiet ? log : 'inherit'],
    env: { ...process.env, ...env, TMPDIR: run.tmpDir },
  });
  fs.closeSync(log);
  const baseUrl = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${chosenPort}`;
  let exited = false;
  child.on('exit', () => { exited = true; });

  const stopSync = () => killGroup(child.pid, 'SIGKILL');
  process.once('exit', stopSync);

  const server = {
    ...run,
    pid: child.pid,
    port: chosenPort,
    baseUrl,
    workspace,
    /** The address that opens the workspace folder in the browser. */
    folderUrl: `${baseUrl}/?folder=${encodeURIComponent(workspace)}`,
    /** Stops the server; a test run's directory is deleted unless `keep` (or RUBRICS_E2E_KEEP=1) asks to keep it. */
    async stop({ keep = process.env.RUBRICS_E2E_KEEP === '1' } = {}) {
      process.removeListener('exit', stopSync);
      await stopGroup(child.pid);
      if (!fixedRunDir && !keep) fs.rmSync(runDir, { recursive: true, force: true });
    },
    log() {
      return fs.existsSync(run.logFile) ? fs.readFileSync(run.logFile, 'utf8') : '';
    },
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited during start-up. Log:\n${server.log()}`);
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`code-server did not answer ${baseUrl}/healthz within 60 s. Log:\n${server.log()}`);
    }
    await delay(200);
  }
  return server;
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // the group is gone
  }
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** TERM the whole process group, give it five seconds, then KILL what is left. */
export async function stopGroup(pid) {
  if (!killGroup(pid, 'SIGTERM')) return;
  const deadline = Date.now() + 5_000;
  while (groupAlive(pid) && Date.now() < deadline) await delay(100);
  killGroup(pid, 'SIGKILL');
}
