import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileChecker } from '../../src/node/analyze';
import { NodeFileHost } from '../../src/node/nodeFileHost';
import { Engine } from '../../src/core/engine';
import { MemoryFileHost } from '../../src/core/resolve/host';
import { buildCli, FIXTURES, removeTempDirs, runCli, tempDir } from '../support/cli';

let cli: string;
beforeAll(async () => {
  cli = await buildCli();
});
afterAll(removeTempDirs);

const TIMEOUT = 20_000;
const STARTER_FILES = ['README.md', 'baseline.assessment.yaml', 'roadmap.plan.yaml', 'team-practices.rubric.yaml'];
const runsAsRoot = process.getuid?.() === 0;

/** Runs the CLI with stdout going where the test says (a file descriptor, or a pipe it closes at once). */
function runWithStdout(args: string[], stdout: number | 'closed-pipe'): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: FIXTURES, stdio: ['ignore', stdout === 'closed-pipe' ? 'pipe' : stdout, 'pipe'], timeout: TIMEOUT });
    // Closing our end before the CLI writes: its writes then fail with EPIPE.
    if (stdout === 'closed-pipe') child.stdout?.destroy();
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe.runIf(fs.existsSync('/dev/full'))('a failed write to stdout is exit 2 with one line, never a stack trace or a pass', () => {
  it.each([
    ['validate (stylish)', ['validate', 'project']],
    ['validate (json)', ['validate', 'project', '--format', 'json']],
    ['report', ['report', 'project/good.assessment.yaml']],
    ['builtins', ['builtins']],
  ])('%s onto a full disk (/dev/full as stdout)', async (_, args) => {
    const full = fs.openSync('/dev/full', 'w');
    try {
      const result = await runWithStdout(args, full);
      expect(result.code).toBe(2);
      expect(result.stderr.split('\n').filter((line) => line.includes('standard output'))).toEqual(['rubrics: cannot write to the standard output: no space left on the device.']);
      expect(result.stderr).not.toMatch(/^\s+at /m);
    } finally {
      fs.closeSync(full);
    }
  });
});

describe.runIf(process.platform !== 'win32')('stdout closed by its reader', () => {
  it('fails (exit 2) when the reader goes away before the output is written, instead of exiting 0', async () => {
    const result = await runWithStdout(['validate', 'project'], 'closed-pipe');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('rubrics: cannot write to the standard output: the program reading it closed it before everything was written.\n');
  });

  it('still exits 0 when everything was written (the same command into a pipe that stays open)', async () => {
    const result = await runCli(cli, ['validate', 'project/good.assessment.yaml'], { timeout: TIMEOUT });
    expect(result.code).toBe(0);
  });
});

describe('rubrics init --force writes all files or none', () => {
  function fillWithOldTexts(folder: string): void {
    for (const name of STARTER_FILES) fs.writeFileSync(path.join(folder, name), `old ${name}\n`);
  }

  function expectOldTexts(folder: string): void {
    expect(fs.readdirSync(folder).sort()).toEqual(STARTER_FILES);
    for (const name of STARTER_FILES) expect(fs.readFileSync(path.join(folder, name), 'utf8')).toBe(`old ${name}\n`);
  }

  it('changes nothing when the last file (the CI workflow) has no place to go', async () => {
    const dir = tempDir();
    const folder = path.join(dir, 'rubrics');
    fs.mkdirSync(folder);
    fillWithOldTexts(folder);
    fs.writeFileSync(path.join(dir, '.github'), 'a file where the folder should be\n');
    const result = await runCli(cli, ['init', '--force', '--with-ci'], { cwd: dir, timeout: TIMEOUT });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Cannot write .github/workflows/rubrics.yml:');
    expectOldTexts(folder);
  });

  it.runIf(runsAsRoot)('changes nothing when the last file cannot be written, removing what it had prepared', async () => {
    const dir = tempDir();
    const folder = path.join(dir, 'rubrics');
    fs.mkdirSync(folder);
    fs.chmodSync(folder, 0o777);
    fillWithOldTexts(folder);
    fs.mkdirSync(path.join(dir, '.github/workflows'), { recursive: true });
    fs.chmodSync(path.join(dir, '.github/workflows'), 0o555);
    for (const name of STARTER_FILES) fs.chmodSync(path.join(folder, name), 0o666);
    const result = await runCli(cli, ['init', '--force', '--with-ci'], { cwd: dir, unprivileged: true, timeout: TIMEOUT });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Cannot write .github/workflows/rubrics.yml: permission denied. Nothing was changed');
    expectOldTexts(folder);
    expect(fs.readdirSync(path.join(dir, '.github/workflows'))).toEqual([]);
  });

  it.runIf(runsAsRoot)('puts back the files it had already replaced when a later replacement fails', async () => {
    // In a sticky folder (like /tmp) only a file's owner may replace it: README.md, owned by
    // root, cannot be replaced by the unprivileged run, after the other three have been.
    const dir = tempDir();
    const folder = path.join(dir, 'rubrics');
    fs.mkdirSync(folder);
    fs.chmodSync(folder, 0o1777);
    expect((await runCli(cli, ['init'], { cwd: dir, unprivileged: true, timeout: TIMEOUT })).code).toBe(0);
    fillWithOldTexts(folder);
    fs.chownSync(path.join(folder, 'README.md'), 0, 0);
    fs.chmodSync(path.join(folder, 'README.md'), 0o644);
    const result = await runCli(cli, ['init', '--force'], { cwd: dir, unprivileged: true, timeout: TIMEOUT });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Cannot write rubrics/README.md: ');
    expectOldTexts(folder);
  });
});

describe('FileChecker: a file is either fully checked or says why not', () => {
  const good = path.join(FIXTURES, 'project/good.assessment.yaml');
  const goodText = fs.readFileSync(good, 'utf8');
  const uri = pathToFileURL(good).toString();

  it('a clean file has no reasons', async () => {
    const checked = await new FileChecker(new Engine(new NodeFileHost())).check(uri, goodText);
    expect(checked.incomplete).toEqual([]);
    expect(checked.analysis?.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it("passes on the engine's own reasons (FileAnalysis.incomplete)", async () => {
    const host = new NodeFileHost();
    const engine = new Engine(host);
    const reporting = { analyze: async (u: string, t: string) => ({ ...(await engine.analyze(u, t)), incomplete: ['The references form a cycle: a → b → a.'] }) };
    const checked = await new FileChecker(reporting).check(uri, goodText);
    expect(checked.incomplete).toEqual(['The references form a cycle: a → b → a.']);
    expect(checked.analysis).toBeDefined();
  });

  it('turns an analysis that throws into a reason, naming the error', async () => {
    const failing = new MemoryFileHost(new Map(), {
      readFile: () => Promise.reject(new Error('disk on fire')),
    });
    const checked = await new FileChecker(new Engine(failing)).check(uri, goodText);
    expect(checked.analysis).toBeUndefined();
    expect(checked.incomplete).toHaveLength(1);
    expect(checked.incomplete[0]).toMatch(/^The check stopped with an internal error, a bug in rubrics .*: disk on fire$/);
  });
});
