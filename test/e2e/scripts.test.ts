import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { until } from '../../scripts/e2e/workbench.mjs';

// The documented scripts that need the real VS Code (code-server), run small so that they cannot
// break unseen: `npm run bench:editor` (one delay, one counted keystroke, a short file, its results
// file left alone) and `npm run demo` (started, answering at the address it prints, stopped with
// Ctrl+C). `npm run test:e2e` has packaged the extension before this file runs.

const ROOT = path.join(__dirname, '../..');

interface Running {
  readonly child: ChildProcess;
  output: string;
  exit?: number | null;
}

function start(args: readonly string[], env: NodeJS.ProcessEnv = {}): Running {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const running: Running = { child, output: '' };
  child.stdout?.on('data', (chunk: Buffer) => (running.output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (running.output += chunk.toString()));
  child.on('exit', (code) => (running.exit = code));
  return running;
}

const started: Running[] = [];
afterAll(() => {
  for (const running of started) if (running.exit === undefined && running.child.pid) process.kill(-running.child.pid, 'SIGKILL');
});

describe('documented scripts that need VS Code, in small', () => {
  it('npm run bench:editor measures a keystroke and leaves bench/editor-results.md alone', async () => {
    const results = fs.readFileSync(path.join(ROOT, 'bench/editor-results.md'), 'utf8');
    const bench = start(['bench/editor.mjs', '--samples', '2', '--delays', '0', '--lines', '300', '--no-write']);
    started.push(bench);
    await until(() => (bench.exit !== undefined ? true : undefined), { timeout: 280_000, message: 'the editor benchmark to finish' });
    expect(bench.exit, bench.output).toBe(0);
    expect(bench.output).toMatch(/delay 0 ms: squiggle median \d+ ms, Problems panel median \d+ ms, preview median \d+ ms/);
    expect(fs.readFileSync(path.join(ROOT, 'bench/editor-results.md'), 'utf8')).toBe(results);
  }, 300_000);

  it('npm run demo serves VS Code with the samples at the address it prints, and stops on Ctrl+C', async () => {
    const demo = start(['scripts/e2e/demo.mjs']);
    started.push(demo);
    const address = await until(() => /running in VS Code at:\s+(http:\/\/\S+)/.exec(demo.output)?.[1] ?? (demo.exit !== undefined ? 'exited' : undefined), { timeout: 280_000, message: 'the demo to print its address' });
    expect(address, demo.output).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?folder=/);
    expect(decodeURIComponent(address)).toContain(path.join(ROOT, 'samples'));
    const page = await fetch(address);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
    process.kill(-(demo.child.pid as number), 'SIGINT');
    await until(() => (demo.exit !== undefined ? true : undefined), { timeout: 60_000, message: 'the demo to stop' });
    expect(demo.exit, demo.output).toBe(0);
    expect(demo.output).toContain('stopping code-server');
  }, 360_000);
});
