// Builds the npm package of the command-line tool, @rubrics-as-code/cli, from this repository:
//   npm run pack:cli        # builds dist/, stages out/cli-package/, writes out/<name>-<version>.tgz
// Publishing is `npm publish out/cli-package` after that.
//
// The package is packages/cli/package.json and packages/cli/README.md, plus, copied in here: the
// bundled CLI (dist/cli.js and the dist/cli/ bundles it loads, with every dependency inside
// them, so the package has none), the JSON Schemas (for editors that validate YAML by schema),
// the built-in frameworks as YAML, and the LICENSE. Its version is the repository's (package.json), the one `rubrics --version` prints.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const packageSource = path.join(repoRoot, 'packages', 'cli');

/**
 * Stages the package in `outDir` (emptied first) from the CLI at `cli` (its cli.js, with the
 * cli/ folder of bundles it loads beside it), and returns the manifest written there.
 */
export function stageCliPackage({ cli, outDir }) {
  const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const manifest = JSON.parse(fs.readFileSync(path.join(packageSource, 'package.json'), 'utf8'));
  if (manifest.dependencies || manifest.optionalDependencies || manifest.peerDependencies) {
    throw new Error('packages/cli/package.json must not list dependencies: the bundle holds them all.');
  }
  const staged = { name: manifest.name, version, ...manifest };
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(outDir, 'dist'), { recursive: true });
  fs.copyFileSync(cli, path.join(outDir, 'dist', 'cli.js'));
  fs.chmodSync(path.join(outDir, 'dist', 'cli.js'), 0o755);
  copyMatching(path.join(path.dirname(cli), 'cli'), path.join(outDir, 'dist', 'cli'), /\.js$/);
  copyMatching(path.join(repoRoot, 'schemas'), path.join(outDir, 'schemas'), /\.schema\.json$/);
  copyMatching(path.join(repoRoot, 'src', 'core', 'builtins', 'frameworks'), path.join(outDir, 'frameworks'), /\.rubric\.yaml$/);
  fs.copyFileSync(path.join(packageSource, 'README.md'), path.join(outDir, 'README.md'));
  fs.copyFileSync(path.join(repoRoot, 'LICENSE'), path.join(outDir, 'LICENSE'));
  fs.writeFileSync(path.join(outDir, 'package.json'), `${JSON.stringify(staged, null, 2)}\n`);
  return staged;
}

/** Runs `npm pack` on a staged package and returns the tarball's path (in `destination`). */
export function packStagedPackage(stageDir, destination) {
  fs.mkdirSync(destination, { recursive: true });
  const output = execFileSync('npm', ['pack', '--json', '--pack-destination', destination], {
    cwd: stageDir,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false' },
  });
  const [result] = JSON.parse(output);
  return { tarball: path.join(destination, result.filename), files: result.files.map((f) => f.path).sort() };
}

function copyMatching(from, to, pattern) {
  fs.mkdirSync(to, { recursive: true });
  for (const name of fs.readdirSync(from).filter((n) => pattern.test(n)).sort()) fs.copyFileSync(path.join(from, name), path.join(to, name));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const cli = path.join(repoRoot, 'dist', 'cli.js');
  if (!fs.existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run pack:cli`, which builds it first.');
  const stageDir = path.join(repoRoot, 'out', 'cli-package');
  const manifest = stageCliPackage({ cli, outDir: stageDir });
  const { tarball, files } = packStagedPackage(stageDir, path.join(repoRoot, 'out'));
  console.log(`${manifest.name}@${manifest.version}: ${path.relative(repoRoot, tarball)} (${files.length} files)`);
  console.log(`Try it in another project: npm install --save-dev ${tarball}`);
}
