// `npm run demo`: builds and packages the extension, installs it into the cached code-server
// (scripts/e2e/setup.sh installs that once), opens the samples/ folder in it and prints the address
// to open in a browser. Runs until Ctrl+C, then stops the server and everything it started.
//
// Env: RUBRICS_DEMO_PORT (default 3210; another free port if that one is taken),
//      RUBRICS_DEMO_HOST (default 127.0.0.1; 0.0.0.0 to reach it from another machine).
import { spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { clearInterval, setInterval } from 'node:timers';
import { cacheDir, extensionVsixPath, freePort, gitUserSettings, repoRoot, startCodeServer, stateDir, windowUserSettings } from './codeServer.mjs';

function step(title, command, args) {
  console.log(`\n== ${title}`);
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n${title} failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}

function portIsFree(port, host) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

step(`Installing code-server and Chromium if needed (once, into ${cacheDir})`, 'bash', [path.join(repoRoot, 'scripts', 'e2e', 'setup.sh')]);
step('Building and packaging the extension', 'npm', ['run', '--silent', 'package']);

const host = process.env.RUBRICS_DEMO_HOST ?? '127.0.0.1';
const preferred = Number(process.env.RUBRICS_DEMO_PORT ?? 3210);
const port = (await portIsFree(preferred, host)) ? preferred : await freePort();
const workspace = path.join(repoRoot, 'samples');
// samples/ lies in the clone's repository: with git on, the preview shows each report's change
// since HEAD (edit an answer to see it). Outside a git checkout there is nothing to compare with.
const inGit = spawnSync('git', ['-C', workspace, 'rev-parse', '--is-inside-work-tree'], { encoding: 'utf8' }).stdout?.trim() === 'true';

console.log('\n== Starting VS Code (code-server) with the extension installed');
const server = await startCodeServer({
  workspace,
  extensions: [extensionVsixPath()],
  port,
  host,
  runDir: path.join(stateDir, 'demo'),
  settings: { ...windowUserSettings, ...(inGit ? gitUserSettings : {}) },
});

let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping code-server…`);
  await server.stop();
  process.exit(0);
}
process.on('SIGINT', () => shutdown('Ctrl+C'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGHUP', () => shutdown('SIGHUP'));

console.log(`
Rubrics as Code is running in VS Code at:

    ${server.folderUrl}

Open that address in a browser. Things to try: open an assessment in kestrel/ and run
"Rubrics: Open Report Preview to the Side" (Ctrl+K V, or click the score in the status bar);
hover a dimension id; open a file in invalid/ to see its problems and quick fixes; change an
answer or a level and watch the score move (the preview's "Since HEAD" shows how far), or
answer in the questionnaire ("Rubrics: Answer Questionnaire"). The second folder, tarn-valley/, is
an organization of twelve units: open a unit that runs on the Cloud Platform (customer-digital/, a
2026 file) to see the answers it inherits, change an answer in
shared-services/cloud-platform.2026-03.* and watch every unit that inherits it move; in the
terminal, "node dist/cli.js portfolio samples/tarn-valley" shows them all in one view.
${inGit ? "The samples are the repository's own files: edits are real (git checkout samples/ undoes them)." : 'samples/ is not in a git checkout here, so the preview has no "Since HEAD" to show.'}
Server log: ${server.logFile}
Press Ctrl+C to stop.`);

// Keep running until a signal arrives or the server dies on its own.
const alive = setInterval(() => {
  // While Ctrl+C stops the server, its going is expected (shutdown exits when it is done).
  if (stopping) return;
  try {
    process.kill(-server.pid, 0);
  } catch {
    clearInterval(alive);
    console.error(`code-server stopped unexpectedly. Log:\n${server.log().slice(-4000)}`);
    process.exit(1);
  }
}, 1000);
