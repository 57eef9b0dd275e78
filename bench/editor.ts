/**
 * The editor benchmark: in a real VS Code (code-server, the end-to-end harness) with the packaged
 * extension, the time from a keystroke that introduces an error in a 5,000-line assessment to
 * (1) its entry in the Problems panel and (2) the report preview's update, for several values of
 * `rubrics.validation.delay`. Both ends are timed inside the browser, on one clock
 * (performance.timeOrigin + performance.now() in the page and in the preview's frame), so the
 * figures include everything a user waits for: the language client, the server's delay and
 * check, the Problems panel's own rendering, the preview's render and swap.
 *
 *   npm run bench:editor [-- --samples 12 --delays 0,50,150,300 --lines 5000 --no-write]
 *
 * (--no-write leaves bench/editor-results.md alone; the end-to-end suite runs it that way, small,
 * so that the benchmark cannot break unseen.)
 *
 * Needs the end-to-end install (scripts/e2e/setup.sh) and the packaged extension (npm run package).
 * A benchmark, not a test: it reports medians and never fails on a figure.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Frame } from 'playwright-core';
import { extensionVsixPath, startCodeServer } from '../scripts/e2e/codeServer.mjs';
import { until, Workbench } from '../scripts/e2e/workbench.mjs';
import { BENCH_RUBRIC_FILE, generateBenchDocuments } from './generate';

/** What the probes below keep on the page's (and the preview frame's) window. */
interface Probe {
  __latency?: { key?: number; problem?: number; gone?: number; changed?: number; squiggle?: number };
  __latencyKeys?: boolean;
}

const ASSESSMENT_FILE = 'big.assessment.yaml';
const root = path.join(__dirname, '..');

interface Sample {
  readonly squiggleMs: number;
  readonly problemMs: number;
  readonly previewMs: number;
  /** From the Backspace that removes the error to the preview's new body (a valid report swapped in). */
  readonly fixedPreviewMs: number;
}

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? (process.argv[at + 1] as string) : fallback;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** Arms the page: records when the next "x" or Backspace key goes down, and when a problem mentioning `needle` appears and goes. */
async function armPage(wb: Workbench, needle: string): Promise<void> {
  await wb.page.evaluate((text: string) => {
    const now = () => performance.timeOrigin + performance.now();
    const w = window as unknown as Probe;
    const state: NonNullable<Probe['__latency']> = {};
    w.__latency = state;
    if (!w.__latencyKeys) {
      w.__latencyKeys = true;
      window.addEventListener('keydown', (event) => {
        const current = w.__latency;
        if (current && (event.key === 'x' || event.key === 'Backspace') && current.key === undefined) current.key = now();
      }, true);
    }
    const panel = document.querySelector('.markers-panel');
    if (!panel) throw new Error('the Problems panel is not open');
    // Armed while the problem shows (before the Backspace that fixes it): what counts is its going.
    if (panel.textContent?.includes(text)) state.problem = now();
    const observer = new MutationObserver(() => {
      const shown = panel.textContent?.includes(text) ?? false;
      if (shown && state.problem === undefined) state.problem = now();
      if (!shown && state.problem !== undefined && state.gone === undefined) state.gone = now();
      if (state.gone !== undefined) observer.disconnect();
    });
    observer.observe(panel, { subtree: true, childList: true, characterData: true });
    // The squiggle under the error in the editor: the first thing the user sees.
    const editor = document.querySelector('.editor-group-container .monaco-editor .view-overlays');
    if (editor) {
      const squiggles = new MutationObserver(() => {
        if (state.squiggle === undefined && editor.querySelector('.squiggly-error')) {
          state.squiggle = now();
          squiggles.disconnect();
        }
      });
      squiggles.observe(editor, { subtree: true, childList: true, attributes: true });
    }
  }, needle);
}

/** Arms the preview's frame: records the first change of the report after now. */
async function armPreview(frame: Frame): Promise<void> {
  await frame.evaluate(() => {
    const state: NonNullable<Probe['__latency']> = {};
    (window as unknown as Probe).__latency = state;
    const observer = new MutationObserver(() => {
      if (state.changed === undefined) state.changed = performance.timeOrigin + performance.now();
      observer.disconnect();
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

async function measure(delay: number, samples: number, workspace: string): Promise<Sample[]> {
  const server = await startCodeServer({
    workspace,
    name: `bench-editor-${delay}`,
    extensions: [extensionVsixPath()],
    settings: {
      'rubrics.validation.delay': delay,
      'workbench.colorTheme': 'Default Light Modern',
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'editor.minimap.enabled': false,
      'editor.quickSuggestions': { other: false, comments: false, strings: false },
      'editor.codeLens': false,
    },
  });
  const wb = await Workbench.open(server);
  const results: Sample[] = [];
  try {
    const text = fs.readFileSync(path.join(workspace, ASSESSMENT_FILE), 'utf8');
    const lines = text.split('\n');
    const line = lines.findIndex((l, i) => i > lines.length / 2 && /^ {8}answer: yes$/.test(l)) + 1;
    await wb.openFile(ASSESSMENT_FILE);
    await wb.runCommand('Rubrics: Open Report Preview to the Side');
    const frame = await wb.webview('.report');
    await until(async () => (await wb.statusBarItemsMatching(/Level \d/)).length > 0, { timeout: 60_000, message: 'the assessment to be scored' });
    await wb.filterProblems(ASSESSMENT_FILE);
    // The preview's tab took the focus: back to the editor, at the end of the answer.
    await wb.page.keyboard.press('Escape');
    await wb.runCommand('View: Focus First Editor Group');
    await wb.goTo(line, lines[line - 1]!.length + 1);
    for (let i = 0; i < samples + 1; i++) {
      await armPage(wb, '"yesx"');
      await armPreview(frame);
      await wb.press('x');
      const page = await until(() => wb.page.evaluate(() => (window as unknown as Probe).__latency ?? {}).then((s) => (s.problem !== undefined && s.squiggle !== undefined ? s : undefined)), { timeout: 20_000, message: 'the problem in the Problems panel and its squiggle' });
      const preview = await until(() => frame.evaluate(() => (window as unknown as Probe).__latency ?? {}).then((s) => (s.changed !== undefined ? s : undefined)), { timeout: 20_000, message: 'the preview to update' });
      // The first round warms up (first render of a problem, caches); it is not counted.
      const broken = { squiggleMs: (page.squiggle as number) - (page.key as number), problemMs: (page.problem as number) - (page.key as number), previewMs: (preview.changed as number) - (page.key as number) };
      await armPage(wb, '"yesx"');
      await armPreview(frame);
      await wb.press('Backspace');
      const fixedPage = await until(() => wb.page.evaluate(() => (window as unknown as Probe).__latency ?? {}).then((s) => (s.gone !== undefined ? s : undefined)), { timeout: 20_000, message: 'the problem to go' });
      const fixed = await until(() => frame.evaluate(() => (window as unknown as Probe).__latency ?? {}).then((s) => (s.changed !== undefined ? s : undefined)), { timeout: 20_000, message: 'the preview to update back' });
      if (i > 0) results.push({ ...broken, fixedPreviewMs: (fixed.changed as number) - (fixedPage.key as number) });
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  } finally {
    await wb.close();
    await server.stop();
  }
  return results;
}

async function main(): Promise<void> {
  const samples = Number(option('samples', '12'));
  const delays = option('delays', '0,50,150,300').split(',').map(Number);
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'rubrics-bench-editor-'));
  const workspace = path.join(parent, 'workspace');
  fs.mkdirSync(workspace);
  const docs = generateBenchDocuments(Number(option('lines', '5000')));
  fs.writeFileSync(path.join(workspace, BENCH_RUBRIC_FILE), docs.rubric);
  fs.writeFileSync(path.join(workspace, ASSESSMENT_FILE), docs.assessment);
  const rows: string[] = [];
  try {
    for (const delay of delays) {
      const results = await measure(delay, samples, workspace);
      const squiggles = results.map((r) => r.squiggleMs);
      const problems = results.map((r) => r.problemMs);
      const previews = results.map((r) => r.previewMs);
      const fixedPreviews = results.map((r) => r.fixedPreviewMs);
      const cell = (values: number[]) => `${median(values).toFixed(0)} ms | ${percentile(values, 90).toFixed(0)} ms`;
      rows.push(`| ${delay} ms | ${cell(squiggles)} | ${cell(problems)} | ${cell(previews)} | ${cell(fixedPreviews)} |`);
      console.log(`delay ${delay} ms: squiggle median ${median(squiggles).toFixed(0)} ms, Problems panel median ${median(problems).toFixed(0)} ms, preview median ${median(previews).toFixed(0)} ms, preview after the fix median ${median(fixedPreviews).toFixed(0)} ms (${results.length} samples)`);
    }
  } finally {
    fs.rmSync(parent, { recursive: true, force: true });
  }
  const table = [
    `Keystroke to screen in VS Code ${'(code-server 4.139, Chromium)'}, ${docs.assessmentLines.toLocaleString('en-US')}-line assessment, ${samples} samples per delay (${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.versions.node}):`,
    '',
    '| rubrics.validation.delay | squiggle, median | p90 | Problems panel, median | p90 | report preview (error: banner over the last valid report), median | p90 | report preview after the fix (new valid report), median | p90 |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    'Each sample types "x" after a `yes` answer in the middle of the file (an answer not in the scale), then Backspace. The preview keeps its last valid report while the file has errors,',
    'so the first preview column is the time to its banner; the second is the time from the Backspace to the valid report\'s new body on screen.',
  ].join('\n');
  if (!process.argv.includes('--no-write')) fs.writeFileSync(path.join(root, 'bench', 'editor-results.md'), `${table}\n`);
  console.log(`\n${table}`);
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
