// Renders media/icon-src/icon.svg to media/icon.png (128x128, transparent corners) with Debian's Chromium
// through playwright-core, so the PNG in the repository can always be rebuilt from its source.
// Usage: node media/icon-src/render.mjs   (needs /usr/bin/chromium; see scripts/e2e/setup.sh)
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const svg = fs.readFileSync(path.join(here, 'icon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: path.join(here, '..', 'icon.png'), omitBackground: true });
} finally {
  await browser.close();
}
