/**
 * A small run of each documented script that the rest of `npm test` does not already run, so none
 * can break unseen (CONTRIBUTING.md lists the scripts; the end-to-end stage runs `npm run demo`
 * and `npm run bench:editor` the same way, in test/e2e/scripts.test.ts). Each runs as a person
 * runs it, in a child process, and leaves the repository as it was.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(__dirname, '../..');

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // Colours (a parent run may ask for them) are left out of what the tests read.
    child.on('close', (code) => resolve({ code, output: output.replace(ANSI_STYLE, '') }));
  });
}

/** An ANSI colour or style sequence. */
const ANSI_STYLE = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;

describe('documented scripts, in small', () => {
  it('npm run bench: every table, with a tiny document and a 30-file repository, and bench/results.md left alone', async () => {
    expect(scripts.bench).toBe('npm run gen && node bench/run.mjs');
    const results = fs.readFileSync(path.join(ROOT, 'bench/results.md'), 'utf8');
    const { code, output } = await run(process.execPath, ['bench/run.mjs', '--sizes', '60', '--budget-ms', '20', '--no-write', '--no-hostile', '--cli-files', '30', '--cli-rounds', '1']);
    expect(code, output).toBe(0);
    expect(output).toMatch(/\| \d+ \| [\d.]+ \(p90 [\d.]+\) \|/);
    expect(output).toContain('| rubrics validate (30 files) |');
    expect(output).toMatch(/rubrics validate \/ ajv-cli: [\d.]+x/);
    expect(fs.readFileSync(path.join(ROOT, 'bench/results.md'), 'utf8')).toBe(results);
  }, 180_000);

  it('npm run fuzz: the fuzz configuration, with a few cases from a fixed seed', async () => {
    expect(scripts.fuzz).toBe('npm run gen && vitest run --config vitest.fuzz.config.ts');
    const { code, output } = await run(process.execPath, [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'vitest.fuzz.config.ts'], { FUZZ_RUNS: '60', FUZZ_SEED: '21' });
    expect(code, output).toBe(0);
    expect(output).toMatch(/Tests\s+\d+ passed/);
  }, 180_000);

  it('npm run screenshots: after the end-to-end tests, copies the README\'s pictures under their stable names, and says what is missing', async () => {
    expect(scripts.screenshots).toBe('npm run test:e2e && node scripts/e2e/screenshots.mjs');
    const from = fs.mkdtempSync(path.join(os.tmpdir(), 'rubrics-shots-'));
    const to = path.join(from, 'out');
    try {
      const shots = { 'preview-light.png': 'preview.png', 'problems-panel.png': 'problems.png', 'hover.png': 'hover.png', 'portfolio-light.png': 'portfolio.png' };
      for (const shot of Object.keys(shots)) fs.writeFileSync(path.join(from, shot), `picture ${shot}`);
      const copied = await run(process.execPath, ['scripts/e2e/screenshots.mjs', '--from', from, '--to', to]);
      expect(copied.code, copied.output).toBe(0);
      for (const [shot, name] of Object.entries(shots)) expect(fs.readFileSync(path.join(to, name), 'utf8')).toBe(`picture ${shot}`);
      fs.rmSync(path.join(from, 'hover.png'));
      const missing = await run(process.execPath, ['scripts/e2e/screenshots.mjs', '--from', from, '--to', to]);
      expect(missing.code).toBe(1);
      expect(missing.output).toContain('hover.png');
    } finally {
      fs.rmSync(from, { recursive: true, force: true });
    }
  });

  it('npm run mutation: Stryker over a few lines of scoring, killing what the tests catch', async () => {
    expect(scripts.mutation).toBe('npm run gen && stryker run');
    // A run stopped half-way (a test run interrupted) leaves its sandbox behind; start without it,
    // so that the check below sees what this run leaves.
    const sandbox = path.join(ROOT, 'stryker-tmp-smoke');
    fs.rmSync(sandbox, { recursive: true, force: true });
    const { code, output } = await run(
      process.execPath,
      [path.join(ROOT, 'node_modules/@stryker-mutator/core/bin/stryker.js'), 'run', '--mutate', 'src/core/scoring/methods.ts:23-34', '--concurrency', '1', '--reporters', 'clear-text', '--tempDirName', 'stryker-tmp-smoke'],
      // The tests of the module only, as CONTRIBUTING says to scope a run: the whole mutation
      // suite's first pass took most of this test's time limit on a loaded 2-core machine.
      { RUBRICS_MUTATION_TESTS: 'test/core/scoring/methods.test.ts' },
    );
    expect(code, output).toBe(0);
    expect(output).toMatch(/methods\.ts\s*\|\s*[\d.]+ \|/);
    expect(output).toMatch(/Killed|killed/);
    // The clear-text report lists the test files it ran: the one named, not the whole suite.
    expect(output).toMatch(/methods\.test\.ts/);
    expect(output).not.toMatch(/questionnaire\.test\.ts|engine\.test\.ts/);
    expect(fs.existsSync(sandbox)).toBe(false);
  }, 300_000);
});
