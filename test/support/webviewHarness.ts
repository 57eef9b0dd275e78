/**
 * The preview script in a real browser engine (Debian's Chromium through playwright-core), under
 * the same kind of Content-Security-Policy the preview uses, with a stand-in for the VS Code
 * webview API that records what the script posts and saves. Tests skip where no Chromium is
 * installed; the end-to-end suite covers the same behaviour inside VS Code.
 */
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumAvailable = fs.existsSync(CHROMIUM);
const NONCE = 'T3stN0nce1234567';

export interface HarnessOptions {
  /** The page's own style sheet (under the page nonce, like the report's). */
  readonly css?: string;
  readonly viewport?: { readonly width: number; readonly height: number };
  /** The script under test, under src/webview/ (default: the report preview's, preview.ts). */
  readonly script?: string;
}

export class WebviewHarness {
  private browser: Browser | undefined;
  private script = '';
  private readonly pages: Page[] = [];

  constructor(private readonly options: HarnessOptions = {}) {}

  async start(): Promise<void> {
    const built = await esbuild.build({ entryPoints: [path.join(__dirname, '../../src/webview', this.options.script ?? 'preview.ts')], bundle: true, format: 'iife', target: 'es2022', platform: 'browser', write: false });
    this.script = built.outputFiles[0]!.text;
    const { chromium } = await import('playwright-core');
    this.browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  }

  async stop(): Promise<void> {
    await this.closePages();
    await this.browser?.close();
  }

  async closePages(): Promise<void> {
    for (const p of this.pages.splice(0)) await p.close();
  }

  /** A page with `body` and the preview script, once the script has said it is ready; no script error allowed. */
  async open(body: string, savedState?: unknown): Promise<Page> {
    const page = await this.browser!.newPage({ viewport: this.options.viewport ?? { width: 800, height: 600 } });
    page.setDefaultTimeout(5_000);
    this.pages.push(page);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.setContent(this.html(body, savedState));
    await page.waitForFunction(() => (window as unknown as { __posted: unknown[] }).__posted.length > 0);
    expect(errors).toEqual([]);
    return page;
  }

  private html(body: string, savedState: unknown): string {
    return `<!DOCTYPE html><html><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${NONCE}'; script-src 'nonce-${NONCE}'">
<style nonce="${NONCE}">body { margin: 0; } .row { padding: 4px; } .tall { height: 3000px; }${this.options.css ?? ''}</style>
<script nonce="${NONCE}">
  window.__posted = [];
  window.__state = ${JSON.stringify(savedState ?? null)};
  window.acquireVsCodeApi = () => ({
    postMessage: (m) => window.__posted.push(m),
    getState: () => window.__state,
    setState: (s) => { window.__state = s; },
  });
</script>
</head><body>${body}<script nonce="${NONCE}">${this.script}</script></body></html>`;
  }
}

export const posted = (page: Page) => page.evaluate(() => (window as unknown as { __posted: unknown[] }).__posted);
export const savedState = (page: Page) => page.evaluate(() => (window as unknown as { __state: unknown }).__state);
export const send = (page: Page, message: unknown) => page.evaluate((m) => window.postMessage(m, '*'), message);
export const clearPosted = (page: Page) => page.evaluate(() => ((window as unknown as { __posted: unknown[] }).__posted.length = 0));
