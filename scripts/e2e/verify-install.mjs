// Loads code-server's native modules under the Node that will run it (Node 24), so that a build
// step that npm skipped or that failed shows up here, at setup, with the module's name — not later
// as a VS Code that starts but cannot authenticate, log or open a terminal.
// Usage: node verify-install.mjs <code-server package dir>
import { createRequire } from 'node:module';
import path from 'node:path';

const codeServerDir = process.argv[2] && path.resolve(process.argv[2]);
if (!codeServerDir) {
  console.error('usage: node verify-install.mjs <code-server package dir>');
  process.exit(2);
}
const vscodeModules = path.join(codeServerDir, 'lib', 'vscode', 'node_modules');
const fromCodeServer = createRequire(path.join(codeServerDir, 'package.json'));
const fromVsCode = createRequire(path.join(vscodeModules, 'package.json'));

const modules = [
  // [label, require function, module id, why it matters]
  ['argon2', fromCodeServer, 'argon2', 'password hashing for --auth password'],
  ['kerberos', fromVsCode, 'kerberos', 'proxy authentication (compiled at install; needs libkrb5-dev)'],
  ['@vscode/spdlog', fromVsCode, '@vscode/spdlog', 'logging'],
  ['@vscode/sqlite3', fromVsCode, '@vscode/sqlite3', 'workbench state storage'],
  ['node-pty', fromVsCode, 'node-pty', 'integrated terminal'],
  ['@parcel/watcher', fromVsCode, '@parcel/watcher', 'file watching'],
];

let failed = 0;
for (const [label, load, id, why] of modules) {
  try {
    load(id);
    console.log(`  ok   ${label}`);
  } catch (error) {
    failed++;
    console.error(`  FAIL ${label} (${why}): ${String(error.message).split('\n')[0]}`);
  }
}
if (process.versions.node.split('.')[0] !== '24') {
  console.error(`  FAIL expected Node 24 to run code-server, got ${process.version}`);
  failed++;
}
if (failed) {
  console.error(`${failed} check(s) failed. Delete ${path.dirname(path.dirname(codeServerDir))} and run scripts/e2e/setup.sh again.`);
  process.exit(1);
}
