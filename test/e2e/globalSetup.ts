import fs from 'node:fs';
import { screenshotDir } from '../../scripts/e2e/workbench.mjs';

/** Each end-to-end run starts with an empty test-results/e2e/, so every screenshot there is from this run. */
export default function setup(): void {
  fs.rmSync(screenshotDir, { recursive: true, force: true });
  fs.mkdirSync(screenshotDir, { recursive: true });
}
