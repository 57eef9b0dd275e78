// Builds the VS Code API suite (test/vscode-suite/) two ways from the same sources:
// - out/vscode-suite/dist/index.js: the `extensionTestsPath` module for @vscode/test-electron;
// - out/vscode-suite/rubrics-vscode-suite.vsix: a small test extension for code-server, whose
//   command `rubricsSuite.run` runs the suites and writes JSON results (see test/vscode-suite/extension.ts).
// The engine (src/core) is bundled in, so the suite computes its expectations with the same code
// as the CLI.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './codeServer.mjs';

export const suiteDir = path.join(repoRoot, 'out', 'vscode-suite');
export const suiteVsix = path.join(suiteDir, 'rubrics-vscode-suite.vsix');
export const suiteTestsPath = path.join(suiteDir, 'dist', 'index.js');

const mainManifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));

export async function buildSuite() {
  fs.rmSync(suiteDir, { recursive: true, force: true });
  fs.mkdirSync(suiteDir, { recursive: true });
  await esbuild.build({
    entryPoints: {
      index: path.join(repoRoot, 'test', 'vscode-suite', 'index.ts'),
      extension: path.join(repoRoot, 'test', 'vscode-suite', 'extension.ts'),
    },
    outdir: path.join(suiteDir, 'dist'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  const manifest = {
    name: 'rubrics-vscode-suite',
    displayName: 'Rubrics as Code — VS Code API test suite',
    description: 'Runs the VS Code API tests of Rubrics as Code inside VS Code (for code-server, which cannot load a tests path).',
    version: '0.0.0',
    publisher: mainManifest.publisher,
    license: 'MIT',
    private: true,
    engines: { vscode: mainManifest.engines.vscode },
    main: './dist/extension.js',
    activationEvents: ['onCommand:rubricsSuite.run'],
    // Installed next to the extension under test, and activated after it.
    extensionDependencies: [`${mainManifest.publisher}.${mainManifest.name}`],
    // The suite must run in restricted mode too, to check that the extension works there.
    capabilities: { untrustedWorkspaces: { supported: true }, virtualWorkspaces: true },
    contributes: { commands: [{ command: 'rubricsSuite.run', title: 'Run the VS Code API suite', category: 'Rubrics Test' }] },
  };
  fs.writeFileSync(path.join(suiteDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  fs.writeFileSync(path.join(suiteDir, 'README.md'), '# Rubrics as Code — VS Code API test suite\n\nBuilt by scripts/e2e/build-suite.mjs from test/vscode-suite/. Not for publishing.\n');
  fs.copyFileSync(path.join(repoRoot, 'LICENSE'), path.join(suiteDir, 'LICENSE'));
  // The test extension needs only its own entry; index.js is test-electron's.
  fs.writeFileSync(path.join(suiteDir, '.vscodeignore'), '**/*.map\ndist/index.js\n');
  const vsce = spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'vsce'),
    ['package', '--no-dependencies', '--allow-missing-repository', '--out', suiteVsix], { cwd: suiteDir, encoding: 'utf8' });
  if (vsce.status !== 0) throw new Error(`Packaging the suite extension failed:\n${vsce.stdout}${vsce.stderr}`);
  return { vsix: suiteVsix, testsPath: suiteTestsPath };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { vsix } = await buildSuite();
  console.log(`VS Code API suite: ${path.relative(repoRoot, suiteTestsPath)} and ${path.relative(repoRoot, vsix)}`);
}
