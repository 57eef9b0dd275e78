// `npm run screenshots`: the README's pictures, taken by the end-to-end tests in a real VS Code
// (npm run test:e2e runs first and leaves them in test-results/e2e/), copied into docs/screenshots/
// under stable names. Run it after a change to what these views show, look at the pictures, and
// commit them.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths.mjs';
import { screenshotDir } from './workbench.mjs';

/** README picture ← the screenshot a test takes (see test/e2e/*.test.ts). */
const README_SCREENSHOTS = {
  'preview.png': 'preview-light.png',
  'problems.png': 'problems-panel.png',
  'hover.png': 'hover.png',
};

const target = path.join(repoRoot, 'docs', 'screenshots');
const missing = Object.values(README_SCREENSHOTS).filter((shot) => !fs.existsSync(path.join(screenshotDir, shot)));
if (missing.length > 0) {
  console.error(`Missing in ${path.relative(repoRoot, screenshotDir)}/: ${missing.join(', ')}. Run \`npm run screenshots\`, which runs the end-to-end tests first.`);
  process.exit(1);
}
fs.mkdirSync(target, { recursive: true });
for (const [name, shot] of Object.entries(README_SCREENSHOTS)) {
  fs.copyFileSync(path.join(screenshotDir, shot), path.join(target, name));
  console.log(`docs/screenshots/${name}  ← test-results/e2e/${shot}`);
}
