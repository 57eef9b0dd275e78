// `npm run screenshots`: the README's pictures, taken by the end-to-end tests in a real VS Code
// (npm run test:e2e runs first and leaves them in test-results/e2e/), copied into docs/screenshots/
// under stable names. Run it after a change to what these views show, look at the pictures, and
// commit them. `--from DIR` and `--to DIR` copy from and to other folders (the unit suite's small
// run of it uses them).
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths.mjs';
import { screenshotDir } from './workbench.mjs';

/** README picture ← the screenshot a test takes (see test/e2e/*.test.ts). */
const README_SCREENSHOTS = {
  'preview.png': 'preview-light.png',
  'problems.png': 'problems-panel.png',
  'hover.png': 'hover.png',
  'portfolio.png': 'portfolio-light.png',
};

const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? path.resolve(process.argv[at + 1]) : fallback;
};
const source = option('from', screenshotDir);
const target = option('to', path.join(repoRoot, 'docs', 'screenshots'));
const shown = (dir) => path.relative(repoRoot, dir) || '.';
const missing = Object.values(README_SCREENSHOTS).filter((shot) => !fs.existsSync(path.join(source, shot)));
if (missing.length > 0) {
  console.error(`Missing in ${shown(source)}/: ${missing.join(', ')}. Run \`npm run screenshots\`, which runs the end-to-end tests first.`);
  process.exit(1);
}
fs.mkdirSync(target, { recursive: true });
for (const [name, shot] of Object.entries(README_SCREENSHOTS)) {
  fs.copyFileSync(path.join(source, shot), path.join(target, name));
  console.log(`${shown(target)}/${name}  ← ${shown(source)}/${shot}`);
}
