/**
 * The web extension's spreadsheet worker (dist/web/sheets.js, built with the project's own
 * settings) in a real browser engine (Debian's Chromium through playwright-core), as github.dev
 * runs it: a sheet exported from a sample assessment's answer rows and read back gives no change,
 * and an edited one gives the change. Skipped where no Chromium is installed; the end-to-end
 * suite runs the commands themselves.
 */
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builds } from '../../../esbuild.config.mjs';
import { loadAssessment, SAMPLES, type LoadedAssessment } from '../../support/answerSheets';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = fs.existsSync(CHROMIUM);

let browser: Browser | undefined;
let page: Page;
let loaded: LoadedAssessment;

describe.skipIf(!available)('the spreadsheet worker in Chromium', () => {
  beforeAll(async () => {
    const options = builds.find((b) => b.outfile === 'dist/web/sheets.js')!;
    const script = (await esbuild.build({ ...options, absWorkingDir: path.join(__dirname, '../../..'), write: false, logLevel: 'silent' })).outputFiles![0]!.text;
    loaded = await loadAssessment(path.join(SAMPLES, '2026-03.seven-attributes.assessment.yaml'));
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setContent('<!DOCTYPE html><html><body></body></html>');
    await page.evaluate((source) => {
      const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
      let next = 0;
      const waiting = new Map<number, (reply: unknown) => void>();
      worker.onmessage = (event) => waiting.get(event.data.id)?.(event.data);
      (window as unknown as { ask: (op: string, request: unknown) => Promise<unknown> }).ask = (op, request) =>
        new Promise((resolve) => {
          const id = next++;
          waiting.set(id, resolve);
          worker.postMessage({ id, op, request });
        });
    }, script);
    expect(errors).toEqual([]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  const ask = (op: 'export' | 'import', request: unknown) => page.evaluate(([o, r]) => (window as unknown as { ask: (op: string, request: unknown) => Promise<unknown> }).ask(o as string, r), [op, request] as const) as Promise<{ result?: unknown; error?: string }>;

  it.each(['xlsx', 'csv'] as const)('exports %s from the answer rows and reads it back with no change', async (format) => {
    const exported = await ask('export', { model: loaded.sheet, format, csv: { bom: true, delimiter: ';' }, importHint: 'test' });
    expect(exported.error).toBeUndefined();
    const bytes = Object.values(exported.result as Record<string, number>);
    expect(bytes.length).toBeGreaterThan(1000);
    const read = await ask('import', { bytes: new Uint8Array(bytes), format, model: loaded.sheet, sheetName: 'answers' });
    expect(read.error).toBeUndefined();
    expect(read.result).toMatchObject({ changes: [], problems: [], rows: loaded.sheet.rows.length });
  });

  it('reads an edited CSV into its change, and refuses bytes that are no workbook', async () => {
    const exported = await ask('export', { model: loaded.sheet, format: 'csv', importHint: 'test' });
    const text = new TextDecoder().decode(new Uint8Array(Object.values(exported.result as Record<string, number>)));
    const row = loaded.sheet.rows[0]!;
    expect(row.current.answer).toBe('yes');
    const lines = text.split('\r\n');
    lines[1] = lines[1]!.replace('"yes"', '"no"');
    const read = await ask('import', { bytes: new TextEncoder().encode(lines.join('\r\n')), format: 'csv', model: loaded.sheet, sheetName: 'answers' });
    expect(read.result).toMatchObject({ changes: [{ dimension: row.dimension, criterion: row.criterion, answer: 'no' }], problems: [] });
    const refused = await ask('import', { bytes: new TextEncoder().encode('not a zip'), format: 'xlsx', model: loaded.sheet, sheetName: 'x' });
    expect(refused.result).toEqual({ refused: expect.stringContaining('not a readable zip archive') });
  });
});
