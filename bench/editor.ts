/**
 * The editor benchmark: in a real VS Code (code-server, the end-to-end harness) with the packaged
 * extension, how long a user waits, on a 5,000-line assessment, from
 * - a keystroke that introduces an error to its squiggle, to its entry in the Problems panel, and to
 *   the report preview's banner over the last valid report;
 * - the keystroke that fixes it to the preview's new valid report;
 * - a click that changes an answer (as the questionnaire's buttons do) to the preview's updated report;
 * - a keystroke that changes an answer to the portfolio panel's updated heatmap (the panel follows
 *   the assessments as they are edited, saved or not, so the keystroke is what it waits on);
 * each set against a floor measured in the same run, in the same code-server: a minimal extension
 * (bench/editorFloor.ts) that publishes one diagnostic per change and posts one message to a
 * webview per change, and whose button applies a trivial edit. The ratio of ours to the floor is
 * what we add to what VS Code itself costs, and it holds across machines and loads, where the
 * milliseconds do not. Keystrokes are paired (one keystroke times ours and the floor's); clicks
 * alternate (a floor click, then an answer click), all in one sitting.
 *
 * Both ends are timed inside the browser, on one clock (performance.timeOrigin + performance.now()
 * in the page and in each webview's frame), so the figures include everything a user waits for:
 * the language client, the server's check, the Problems panel's own rendering, the preview's
 * render and swap.
 *
 *   npm run bench:editor [-- --samples 12 --delays 0 --lines 5000 --no-write]
 *
 * (--no-write leaves bench/editor-results.md alone; the end-to-end suite runs it that way, small,
 * so that the benchmark cannot break unseen.)
 *
 * Needs the end-to-end install (scripts/e2e/setup.sh) and the packaged extension (npm run package).
 * A benchmark, not a test: it reports medians and ratios and never fails on a figure.
 */
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Frame } from 'playwright-core';
import { extensionVsixPath, startCodeServer } from '../scripts/e2e/codeServer.mjs';
import { until, Workbench } from '../scripts/e2e/workbench.mjs';
import { BENCH_RUBRIC_FILE, generateBenchDocuments } from './generate';

/** What the probes below keep on the page's (and each webview frame's) window. */
interface Probe {
  __latency?: {
    key?: number;
    problem?: number;
    gone?: number;
    squiggle?: number;
    floorSquiggle?: number;
    changed?: number;
    body?: number;
    click?: number;
  };
  __latencyKeys?: boolean;
}

const ASSESSMENT_FILE = 'big.assessment.yaml';
const FLOOR_FILE = 'floor.txt';
const root = path.join(__dirname, '..');

/** One round: a keystroke that breaks, one that fixes, a floor click and an answer click; each a pair of (ours, floor) in ms. Then, with the portfolio panel open, a keystroke that changes an answer. */
interface Round {
  readonly squiggle: Pair;
  readonly problems: Pair;
  readonly banner: Pair;
  readonly fixed: Pair;
  readonly click: Pair;
  readonly portfolio: Pair;
}

interface Pair {
  readonly ours: number;
  /** Absent where the floor cannot be seen apart (the Problems panel lists its rows virtually, among this file's notes). */
  readonly floor?: number;
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

/** Builds the floor extension (bench/editorFloor.ts) into a .vsix in `dir`; returns its path. */
async function floorExtension(dir: string): Promise<string> {
  const extension = path.join(dir, 'floor-extension');
  fs.mkdirSync(extension, { recursive: true });
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: [path.join(root, 'bench', 'editorFloor.ts')],
    outfile: path.join(extension, 'extension.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'warning',
  });
  fs.writeFileSync(
    path.join(extension, 'package.json'),
    JSON.stringify({
      name: 'rubrics-bench-floor',
      displayName: 'Rubrics editor benchmark floor',
      description: 'What VS Code itself costs: one diagnostic and one webview message per change (bench/editorFloor.ts).',
      publisher: 'rubrics-bench',
      version: '0.0.1',
      license: 'MIT',
      engines: { vscode: '^1.95.0' },
      main: './extension.js',
      activationEvents: ['onStartupFinished'],
      contributes: { commands: [{ command: 'bench.openFloor', title: 'Bench: Open Floor' }] },
    }),
  );
  const vsix = path.join(dir, 'rubrics-bench-floor.vsix');
  const { createVSIX } = (await import('@vscode/vsce')) as unknown as { createVSIX(options: Record<string, unknown>): Promise<void> };
  await createVSIX({ cwd: extension, packagePath: vsix, dependencies: false, allowMissingRepository: true, skipLicense: true });
  return vsix;
}

/** Arms the page: when the next "x" or Backspace goes down; when our problem and the floor's appear (and ours goes), and both squiggles. */
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
      const content = panel.textContent ?? '';
      const shown = content.includes(text);
      if (shown && state.problem === undefined) state.problem = now();
      if (!shown && state.problem !== undefined && state.gone === undefined) state.gone = now();
      if (state.gone !== undefined) observer.disconnect();
    });
    observer.observe(panel, { subtree: true, childList: true, characterData: true });
    // The squiggles in the editor: ours (an error) and the floor's (information), the first thing the user sees.
    const editor = document.querySelector('.editor-group-container .monaco-editor .view-overlays');
    if (editor) {
      const squiggles = new MutationObserver(() => {
        if (state.squiggle === undefined && editor.querySelector('.squiggly-error')) state.squiggle = now();
        if (state.floorSquiggle === undefined && editor.querySelector('.squiggly-info')) state.floorSquiggle = now();
        if (state.squiggle !== undefined && state.floorSquiggle !== undefined) squiggles.disconnect();
      });
      squiggles.observe(editor, { subtree: true, childList: true, attributes: true });
    }
  }, needle);
}

/**
 * Arms a webview's frame: the first change of its page after now (`changed`), and the first time a
 * new report is on it (`body`: the preview marks the version its report shows, whether the update
 * came whole or as a patch). In the floor's frame, also when its buttons are clicked.
 */
async function armFrame(frame: Frame): Promise<void> {
  await frame.evaluate(() => {
    const now = () => performance.timeOrigin + performance.now();
    const w = window as unknown as Probe & { __clicks?: boolean };
    const state: NonNullable<Probe['__latency']> = {};
    w.__latency = state;
    if (!w.__clicks) {
      w.__clicks = true;
      document.addEventListener('pointerdown', () => {
        if (w.__latency && w.__latency.click === undefined) w.__latency.click = now();
      }, true);
    }
    const observer = new MutationObserver((mutations) => {
      const at = now();
      if (state.changed === undefined) state.changed = at;
      if (state.body === undefined && mutations.some((m) => m.type === 'attributes' && m.target === document.body)) state.body = at;
      if (state.body !== undefined) observer.disconnect();
    });
    // One call: observing the same node again would replace these options.
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-report-version', 'data-portfolio-generation'] });
  });
}

type Latency = NonNullable<Probe['__latency']>;

async function read(target: Workbench | Frame): Promise<Latency> {
  const probe = () => (window as unknown as Probe).__latency ?? {};
  return target instanceof Workbench ? target.page.evaluate(probe) : target.evaluate(probe);
}

/** Waits until `read` of `target` gives a state `done` accepts. */
async function wait(target: Workbench | Frame, done: (s: Latency) => boolean, message: string): Promise<Latency> {
  let last: Latency = {};
  try {
    return await until(async () => {
      last = await read(target);
      return done(last) ? last : undefined;
    }, { timeout: 30_000, interval: 20, message });
  } catch (error) {
    throw new Error(`${(error as Error).message}; what arrived: ${JSON.stringify(Object.keys(last))}`);
  }
}

async function measure(delay: number, samples: number, workspace: string, floorVsix: string): Promise<Round[]> {
  const server = await startCodeServer({
    workspace,
    name: `bench-editor-${delay}`,
    extensions: [extensionVsixPath(), floorVsix],
    settings: {
      'rubrics.validation.delay': delay,
      'workbench.colorTheme': 'Default Light Modern',
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'editor.minimap.enabled': false,
      'editor.quickSuggestions': { other: false, comments: false, strings: false },
      'editor.codeLens': false,
    },
  });
  const wb = await Workbench.open(server, { viewport: { width: 1800, height: 1000 } });
  const rounds: Omit<Round, 'portfolio'>[] = [];
  const portfolio: Pair[] = [];
  try {
    const text = fs.readFileSync(path.join(workspace, ASSESSMENT_FILE), 'utf8');
    const lines = text.split('\n');
    const line = lines.findIndex((l, i) => i > lines.length / 2 && /^ {8}answer: yes$/.test(l)) + 1;
    await wb.openFile(ASSESSMENT_FILE);
    await wb.runCommand('Rubrics: Open Report Preview to the Side');
    const preview = await wb.webview('.report');
    await until(async () => (await wb.statusBarItemsMatching(/Level \d/)).length > 0, { timeout: 60_000, message: 'the assessment to be scored' });
    await wb.runCommand('Bench: Open Floor');
    const floor = await wb.webview('#floor-button');
    await wb.filterProblems(ASSESSMENT_FILE);
    // The preview's tab took the focus: back to the editor, at the end of the answer.
    await wb.page.keyboard.press('Escape');
    await wb.runCommand('View: Focus First Editor Group');
    await wb.goTo(line, lines[line - 1]!.length + 1);
    for (let i = 0; i < samples + 1; i++) {
      // A keystroke that makes an error ("yesx" is not on the scale): ours and the floor's squiggle, problem and webview.
      await armPage(wb, '"yesx"');
      await armFrame(preview);
      await armFrame(floor);
      await wb.press('x');
      const broken = await wait(wb, (s) => s.problem !== undefined && s.squiggle !== undefined && s.floorSquiggle !== undefined, 'our problem and squiggle, and the floor\'s squiggle');
      const banner = await wait(preview, (s) => s.changed !== undefined, 'the preview\'s banner');
      const floorBroken = await wait(floor, (s) => s.changed !== undefined, 'the floor\'s webview message');
      // The keystroke that fixes it: the preview's new valid report, and the floor's message.
      await armPage(wb, '"yesx"');
      await armFrame(preview);
      await armFrame(floor);
      await wb.press('Backspace');
      const fixedPage = await wait(wb, (s) => s.gone !== undefined, 'the problem to go');
      const fixed = await wait(preview, (s) => s.body !== undefined, 'the preview\'s new report');
      const floorFixed = await wait(floor, (s) => s.changed !== undefined, 'the floor\'s webview message after the fix');
      await settle();
      // A click that edits a file and updates a webview, at the least cost: the floor.
      await armFrame(floor);
      await floor.locator('#floor-button').click();
      const floorClick = await wait(floor, (s) => s.click !== undefined && s.changed !== undefined, 'the floor\'s click to come back');
      await settle();
      // A click that changes an answer through answerEdits: our preview's updated report.
      await armFrame(preview);
      await armFrame(floor);
      await floor.locator('#answer-button').click();
      const clickAt = (await wait(floor, (s) => s.click !== undefined, 'the answer click')).click as number;
      const answered = await wait(preview, (s) => s.body !== undefined, 'the preview\'s report after the answer');
      await settle();
      // The clicks took the keyboard focus: back to the editor, at the end of the answer.
      await wb.runCommand('View: Focus First Editor Group');
      await wb.goTo(line, lines[line - 1]!.length + 1);
      // The first round warms up (first render of a problem, caches); it is not counted.
      if (i === 0) continue;
      const key = broken.key as number;
      rounds.push({
        squiggle: { ours: (broken.squiggle as number) - key, floor: (broken.floorSquiggle as number) - key },
        problems: { ours: (broken.problem as number) - key },
        banner: { ours: (banner.changed as number) - key, floor: (floorBroken.changed as number) - key },
        fixed: { ours: (fixed.body as number) - (fixedPage.key as number), floor: (floorFixed.changed as number) - (fixedPage.key as number) },
        click: { ours: (answered.body as number) - clickAt, floor: (floorClick.changed as number) - (floorClick.click as number) },
      });
    }
    // The editor back where it was: the answer clicks come in pairs, so the text is as written.

    // The portfolio panel in the preview's place (the floor stays in view): a keystroke that
    // changes an answer ("yes" → "yesx", not on the scale, then back), to the heatmap's new body.
    // Ctrl+2 focuses the second editor group (the preview's), where the panel then opens.
    await wb.press('Control+2');
    await wb.runCommand('Rubrics: Open Portfolio');
    const panel = await wb.webview('body[data-portfolio-generation] main.portfolio');
    await wb.runCommand('View: Focus First Editor Group');
    await wb.goTo(line, lines[line - 1]!.length + 1);
    for (let i = 0; i < samples + 1; i++) {
      await armPage(wb, '"yesx"');
      await armFrame(panel);
      await armFrame(floor);
      await wb.press(i % 2 === 0 ? 'x' : 'Backspace');
      const key = (await wait(wb, (s) => s.key !== undefined, 'the keystroke')).key as number;
      const updated = await wait(panel, (s) => s.body !== undefined, 'the portfolio panel\'s new heatmap');
      const floorChanged = await wait(floor, (s) => s.changed !== undefined, 'the floor\'s webview message');
      await settle();
      if (i === 0) continue;
      portfolio.push({ ours: (updated.body as number) - key, floor: (floorChanged.changed as number) - key });
    }
    // The last keystroke was an "x": take it back.
    if (samples % 2 === 0) await wb.press('Backspace');
  } finally {
    await wb.close();
    await server.stop();
  }
  return rounds.map((round, i) => ({ ...round, portfolio: portfolio[i] as Pair }));
}

/** Lets the last update's rendering finish before the next sample (not part of any figure). */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 300));
}

const MEASURES: readonly { readonly key: keyof Round; readonly label: string; readonly floor: string }[] = [
  { key: 'squiggle', label: 'keystroke → squiggle', floor: 'one diagnostic per change' },
  { key: 'problems', label: 'keystroke → Problems panel', floor: '(none: its row is not told apart)' },
  { key: 'banner', label: 'keystroke (error) → preview banner', floor: 'one webview message per change' },
  { key: 'fixed', label: 'keystroke (fix) → new valid report', floor: 'one webview message per change' },
  { key: 'click', label: 'click (answer) → updated report', floor: 'click → trivial edit → one webview message' },
  { key: 'portfolio', label: 'keystroke (answer) → portfolio panel', floor: 'one webview message per change' },
];

async function main(): Promise<void> {
  const samples = Number(option('samples', '12'));
  const delays = option('delays', '0').split(',').map(Number);
  const lineCount = Number(option('lines', '5000'));
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'rubrics-bench-editor-'));
  const workspace = path.join(parent, 'workspace');
  fs.mkdirSync(workspace);
  const docs = generateBenchDocuments(lineCount);
  fs.writeFileSync(path.join(workspace, BENCH_RUBRIC_FILE), docs.rubric);
  fs.writeFileSync(path.join(workspace, ASSESSMENT_FILE), docs.assessment);
  fs.writeFileSync(path.join(workspace, FLOOR_FILE), 'a floor for the benchmark: its first character is toggled\n');
  const sections: string[] = [];
  try {
    const floorVsix = await floorExtension(parent);
    for (const delay of delays) {
      const rounds = await measure(delay, samples, workspace, floorVsix);
      const rows = MEASURES.map(({ key, label, floor }) => {
        const ours = rounds.map((r) => r[key].ours);
        const cells = `${median(ours).toFixed(0)} ms | ${percentile(ours, 90).toFixed(0)} ms`;
        if (rounds.some((r) => r[key].floor === undefined)) return `| ${label} | ${floor} | – | – | ${cells} | – | – |`;
        const floors = rounds.map((r) => r[key].floor as number);
        const ratios = rounds.map((r) => r[key].ours / (r[key].floor as number));
        return `| ${label} | ${floor} | ${median(floors).toFixed(0)} ms | ${percentile(floors, 90).toFixed(0)} ms | ${cells} | ${(median(ours) / median(floors)).toFixed(2)} | ${median(ratios).toFixed(2)} |`;
      });
      const m = (key: keyof Round) => median(rounds.map((r) => r[key].ours)).toFixed(0);
      console.log(`delay ${delay} ms: squiggle median ${m('squiggle')} ms, Problems panel median ${m('problems')} ms, preview median ${m('banner')} ms, preview after the fix median ${m('fixed')} ms, click to report median ${m('click')} ms, portfolio panel median ${m('portfolio')} ms (${rounds.length} samples)`);
      sections.push(
        [
          `rubrics.validation.delay ${delay} ms, ${rounds.length} rounds:`,
          '',
          '| what the user waits for | floor: a minimal extension doing | floor, median | p90 | ours, median | p90 | ours / floor (medians) | median of the rounds\' ratios |',
          '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
          ...rows,
        ].join('\n'),
      );
    }
  } finally {
    fs.rmSync(parent, { recursive: true, force: true });
  }
  const load = os.loadavg()[0]!.toFixed(1);
  const table = [
    `Editor latency in VS Code (code-server 4.139, Chromium), ${docs.assessmentLines.toLocaleString('en-US')}-line assessment, against a floor measured in the same run (${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.versions.node}, load average ${load} at the end):`,
    '',
    ...sections,
    '',
    'Each round types "x" after a `yes` answer in the middle of the file (an answer not on the scale), then Backspace, then clicks the floor\'s button and the answer button (bench/editorFloor.ts).',
    'Then the portfolio panel takes the preview\'s place and as many keystrokes (x, Backspace, x…; one sample each, the first not counted) are timed to its new heatmap: the panel follows the text as it is typed, so a save adds nothing to wait for.',
    'The floor is a minimal extension in the same code-server: on each change it publishes one diagnostic and posts one message to its webview; its button applies a trivial edit to another file and posts one message back.',
    'Keystrokes time ours and the floor\'s together; the two clicks alternate. The ratio is what counts: milliseconds on a shared machine vary with its load, the ratio far less.',
  ].join('\n');
  if (!process.argv.includes('--no-write')) fs.writeFileSync(path.join(root, 'bench', 'editor-results.md'), `${table}\n`);
  console.log(`\n${table}`);
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
