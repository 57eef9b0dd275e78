import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_READ_BYTES, readPrefix, readTextFile, UnreadableFile } from '../../src/node/fileRead';
import { buildCli, FIXTURES, gitIn, removeTempDirs, runCli, tempDir } from '../support/cli';
import { assessmentYaml } from '../support/fixtures';

/**
 * Files that are not regular files, and files too large to read, as input, inside a validated
 * folder, as a referenced rubric, and as `--out`. Every run has a timeout: a hang fails the test
 * (code -1) instead of stalling the suite. Device nodes are private copies made with mknod in a
 * temporary folder (root only; the tests are skipped otherwise), never the system's own.
 */
const onPosix = process.platform !== 'win32';
const onLinux = process.platform === 'linux';
/** mknod needs root, and the device numbers below are Linux's. */
const canMakeDevices = onLinux && process.getuid?.() === 0;
const TIMEOUT = 20_000;
const GOOD = path.join(FIXTURES, 'project/good.assessment.yaml');
const RUBRIC = fs.readFileSync(path.join(FIXTURES, 'project/team.rubric.yaml'), 'utf8');

let cli: string;
beforeAll(async () => {
  cli = await buildCli();
});
afterAll(removeTempDirs);

function mkfifo(file: string): void {
  execFileSync('mkfifo', [file]);
}

/** A private character device: 1,3 is null, 1,5 zero, 1,7 full (Linux numbering). */
function mknod(file: string, minor: 3 | 5 | 7): void {
  execFileSync('mknod', [file, 'c', '1', String(minor)]);
}

function assessment(rubric: string): string {
  return assessmentYaml(`dimensions: {}\n`, { id: 'hostile', rubric });
}

const run = (args: string[], cwd: string) => runCli(cli, args, { cwd, timeout: TIMEOUT });

describe.runIf(onPosix)('reading: never opens what is not a regular file, never reads past the size limit', () => {
  it('readTextFile refuses a FIFO and a device at once, and a file over the limit without reading it', async () => {
    const dir = tempDir();
    mkfifo(path.join(dir, 'pipe'));
    await expect(readTextFile(path.join(dir, 'pipe'))).rejects.toThrow('it is a FIFO (named pipe), not a regular file');
    await expect(readTextFile('/dev/zero')).rejects.toThrow('it is a character device, not a regular file');
    const large = path.join(dir, 'large.yaml');
    fs.writeFileSync(large, '');
    fs.truncateSync(large, MAX_READ_BYTES + 1);
    await expect(readTextFile(large)).rejects.toThrow(/larger than the 16 MiB the engine reads \(16\.0 MiB\)/);
    fs.truncateSync(large, 10);
    expect(await readTextFile(large)).toBe('\u0000'.repeat(10));
    const missing = await readTextFile(path.join(dir, 'missing')).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(UnreadableFile);
    expect((missing as UnreadableFile).absent).toBe(true);
  });

  it('readPrefix stops at its limit, even for a file whose size says less than it holds', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'twenty');
    fs.writeFileSync(file, 'x'.repeat(20));
    expect(await readPrefix(file, 10)).toMatchObject({ complete: false, size: 20 });
    expect((await readPrefix(file, 10)).bytes.length).toBe(10);
    expect(await readPrefix(file, 20)).toMatchObject({ complete: true, size: 20 });
    // /proc files report size 0 and have content: only the read itself can stop them.
    if (fs.existsSync('/proc/self/status')) {
      const proc = await readPrefix('/proc/self/status', 16);
      expect(proc).toMatchObject({ complete: false });
      expect(proc.bytes.length).toBe(16);
    }
  });
});

describe.runIf(onPosix)('rubrics validate with FIFOs, devices and large files', () => {
  it('skips a FIFO, a device and a link to a FIFO inside a folder with a note, and checks the rest', async () => {
    const dir = tempDir();
    fs.copyFileSync(GOOD, path.join(dir, 'good.assessment.yaml'));
    fs.writeFileSync(path.join(dir, 'team.rubric.yaml'), RUBRIC);
    mkfifo(path.join(dir, 'pipe.rubric.yaml'));
    fs.symlinkSync('pipe.rubric.yaml', path.join(dir, 'link.plan.yaml'));
    mkfifo(path.join(dir, 'not-yaml.txt'));
    if (canMakeDevices) mknod(path.join(dir, 'zero.assessment.yaml'), 5);
    const result = await run(['validate', '.'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('✔ 2 files checked');
    expect(result.stderr).toContain('rubrics: Skipped pipe.rubric.yaml: it is a FIFO (named pipe), not a regular file.');
    expect(result.stderr).toContain('rubrics: Skipped link.plan.yaml: it is a link to a FIFO (named pipe), not a regular file.');
    if (canMakeDevices) expect(result.stderr).toContain('rubrics: Skipped zero.assessment.yaml: it is a character device, not a regular file.');
    expect(result.stderr).not.toContain('not-yaml.txt');
  });

  it('a glob skips them the same way', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'team.rubric.yaml'), RUBRIC);
    mkfifo(path.join(dir, 'pipe.rubric.yaml'));
    const result = await run(['validate', '*.rubric.yaml'], dir);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stderr).toContain('Skipped pipe.rubric.yaml: it is a FIFO');
  });

  it('exits 2 with a clear message for a FIFO or a device named on the command line', async () => {
    const dir = tempDir();
    mkfifo(path.join(dir, 'pipe.rubric.yaml'));
    const fifo = await run(['validate', 'pipe.rubric.yaml'], dir);
    expect(fifo.code).toBe(2);
    expect(fifo.stdout).toContain('pipe.rubric.yaml  not fully checked  It was not read: it is a FIFO (named pipe), not a regular file.');
    const zero = await run(['validate', '/dev/zero'], dir);
    expect(zero.code).toBe(2);
    expect(zero.stdout).toContain(`${path.relative(dir, '/dev/zero')}  not fully checked  It was not read: it is a character device, not a regular file.`);
    const report = await run(['report', 'pipe.rubric.yaml'], dir);
    expect(report).toMatchObject({ code: 2, stdout: '' });
    expect(report.stderr).toContain('it is a FIFO (named pipe), not a regular file');
  });

  it('exits 2 for a file over the size limit, having read none of it', async () => {
    const dir = tempDir();
    const large = path.join(dir, 'large.rubric.yaml');
    fs.writeFileSync(large, '');
    fs.truncateSync(large, 50 * 1024 * 1024);
    const result = await run(['validate', 'large.rubric.yaml'], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('large.rubric.yaml  not fully checked  It was not read: it is larger than the 16 MiB the engine reads (50 MiB). Split it into several files.');
  });

  it("reports a file over the size limit inside a folder as not fully checked, beside the other files' results, in every format", async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'rubrics'));
    const large = path.join(dir, 'rubrics/large.rubric.yaml');
    fs.writeFileSync(large, '');
    fs.truncateSync(large, MAX_READ_BYTES + 1);
    fs.writeFileSync(path.join(dir, 'rubrics/empty.assessment.yaml'), '');
    const result = await run(['validate', 'rubrics', '-f', 'json', '-o', 'out.json', '-f', 'sarif', '-o', 'out.sarif', '-f', 'junit', '-o', 'out.xml', '-f', 'github'], dir);
    expect(result.code).toBe(2);
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'out.json'), 'utf8')) as { path: string; incomplete?: string[]; diagnostics: { code: string }[] }[];
    expect(json.map((f) => [f.path, f.incomplete?.length ?? 0, f.diagnostics.map((d) => d.code)])).toEqual([
      ['rubrics/empty.assessment.yaml', 0, ['empty-file']],
      ['rubrics/large.rubric.yaml', 1, []],
    ]);
    const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'out.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[]; invocations: { toolExecutionNotifications: { message: { text: string } }[] }[] }[] };
    expect(sarif.runs[0]?.results.map((r) => r.ruleId)).toEqual(['empty-file']);
    expect(sarif.runs[0]?.invocations[0]?.toolExecutionNotifications[0]?.message.text).toMatch(/^rubrics\/large\.rubric\.yaml was not fully checked\. It was not read: it is larger than the 16 MiB/);
    expect(fs.readFileSync(path.join(dir, 'out.xml'), 'utf8')).toContain('<error type="not-fully-checked" message="rubrics/large.rubric.yaml was not fully checked. It was not read: it is larger than the 16 MiB');
    expect(result.stdout).toMatch(/^::error file=rubrics\/large\.rubric\.yaml,title=not fully checked::rubrics\/large\.rubric\.yaml was not fully checked\. It was not read/m);
    expect(result.stdout).toMatch(/^::error file=rubrics\/empty\.assessment\.yaml,line=1,.*title=empty-file::/m);
  });
});

describe.runIf(onPosix)('a referenced rubric that is a device, a FIFO or too large: not fully checked, exit 2, in every command and format', () => {
  // /dev is outside the folder, so reading /dev/zero needs --allow-outside; past it, the device is still never opened.
  const allowDev = ['--allow-outside', '/dev'];
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    mkfifo(path.join(dir, 'pipe.rubric.yaml'));
    const large = path.join(dir, 'large.rubric.yaml');
    fs.writeFileSync(large, '');
    fs.truncateSync(large, MAX_READ_BYTES + 1);
    fs.writeFileSync(path.join(dir, 'zero.assessment.yaml'), assessment('/dev/zero'));
    fs.writeFileSync(path.join(dir, 'pipe.assessment.yaml'), assessment('./pipe.rubric.yaml'));
    fs.writeFileSync(path.join(dir, 'large.assessment.yaml'), assessment('./large.rubric.yaml'));
  });

  it('stylish names the file and the reason, and never says the run is clean', async () => {
    const result = await run(['validate', 'zero.assessment.yaml', 'pipe.assessment.yaml', 'large.assessment.yaml', ...allowDev], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('zero.assessment.yaml  not fully checked  The rubric that zero.assessment.yaml refers to, "/dev/zero", was not read: it is a character device, not a regular file.');
    expect(result.stdout).toContain('pipe.assessment.yaml  not fully checked  The rubric that pipe.assessment.yaml refers to, "./pipe.rubric.yaml", was not read: it is a FIFO (named pipe), not a regular file.');
    expect(result.stdout).toContain('large.assessment.yaml  not fully checked  The rubric that large.assessment.yaml refers to, "./large.rubric.yaml", was not read: it is larger than the 16 MiB the engine reads (16.0 MiB).');
    // The reference itself says why too, as the editor shows it.
    expect(result.stdout).toMatch(/pipe\.assessment\.yaml:4:9 +error +"\.\/pipe\.rubric\.yaml" is there but was not read: it is a FIFO \(named pipe\), not a regular file\. rubrics reads only regular files/);
    expect(result.stdout).toMatch(/^✖ 3 of 3 files could not be fully checked; /m);
  });

  it('json lists the reasons under "incomplete", and stderr repeats them', async () => {
    const result = await run(['validate', 'zero.assessment.yaml', '--format', 'json', ...allowDev], dir);
    expect(result.code).toBe(2);
    const [file] = JSON.parse(result.stdout) as { incomplete?: string[] }[];
    expect(file?.incomplete).toEqual(['The rubric that zero.assessment.yaml refers to, "/dev/zero", was not read: it is a character device, not a regular file.']);
    expect(result.stderr).toContain('rubrics: zero.assessment.yaml was not fully checked. The rubric that zero.assessment.yaml refers to, "/dev/zero"');
  });

  it('sarif reports an unsuccessful invocation with a notification per reason', async () => {
    const result = await run(['validate', 'pipe.assessment.yaml', '--format', 'sarif'], dir);
    expect(result.code).toBe(2);
    const sarif = JSON.parse(result.stdout) as { runs: { invocations?: { executionSuccessful: boolean; toolExecutionNotifications: { message: { text: string } }[] }[] }[] };
    const invocation = sarif.runs[0]?.invocations?.[0];
    expect(invocation?.executionSuccessful).toBe(false);
    expect(invocation?.toolExecutionNotifications[0]?.message.text).toContain('pipe.assessment.yaml was not fully checked. The rubric that pipe.assessment.yaml refers to, "./pipe.rubric.yaml", was not read');
  });

  it('github adds a file annotation', async () => {
    const result = await run(['validate', 'pipe.assessment.yaml', '--format', 'github'], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^::error file=pipe\.assessment\.yaml,title=not fully checked::pipe\.assessment\.yaml was not fully checked\. /m);
  });

  it('report and diff write nothing and exit 2, saying why', async () => {
    const out = path.join(dir, 'report.md');
    const report = await run(['report', 'zero.assessment.yaml', '--out', out, ...allowDev], dir);
    expect(report).toMatchObject({ code: 2, stdout: '' });
    expect(report.stderr).toContain('rubrics: zero.assessment.yaml was not fully checked. The rubric that zero.assessment.yaml refers to, "/dev/zero", was not read');
    expect(fs.existsSync(out)).toBe(false);
    const diff = await run(['diff', 'pipe.assessment.yaml', 'zero.assessment.yaml', ...allowDev], dir);
    expect(diff).toMatchObject({ code: 2, stdout: '' });
    expect(diff.stderr).toContain('pipe.assessment.yaml was not fully checked');
    expect(diff.stderr).toContain('zero.assessment.yaml was not fully checked');
  });

  it.runIf(canMakeDevices)('a private device inside the folder is refused the same way, with no option needed', async () => {
    const sub = tempDir();
    mknod(path.join(sub, 'zero.rubric.yaml'), 5);
    fs.writeFileSync(path.join(sub, 'device.assessment.yaml'), assessment('./zero.rubric.yaml'));
    const result = await run(['validate', 'device.assessment.yaml'], sub);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('"./zero.rubric.yaml", was not read: it is a character device, not a regular file.');
  });

  it('without --allow-outside, /dev/zero is outside the folder and never looked at (exit 1: a finding)', async () => {
    const result = await run(['validate', 'zero.assessment.yaml'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('"/dev/zero" points outside the folder the command runs in');
    expect(result.stdout).toContain('reference-outside-workspace');
    expect(result.stdout).not.toContain('not fully checked');
  });

  it('a missing rubric is still an ordinary finding (exit 1), not an I/O failure', async () => {
    fs.writeFileSync(path.join(dir, 'missing.assessment.yaml'), assessment('./nowhere.rubric.yaml'));
    const result = await run(['validate', 'missing.assessment.yaml'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('rubric-not-found');
    expect(result.stdout).not.toContain('not fully checked');
  });
});

describe('files read from git stop at the size limit too', () => {
  const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd, encoding: 'utf8' });
  let repo: string;
  beforeAll(() => {
    repo = tempDir('rubrics-cli-git-');
    fs.writeFileSync(path.join(repo, 'large.rubric.yaml'), Buffer.alloc(MAX_READ_BYTES + 1, 0x20));
    fs.writeFileSync(path.join(repo, 'large.assessment.yaml'), assessment('./large.rubric.yaml'));
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'large');
  });

  it('exits 2 for REF:path over the limit, and for a file from git that refers to one', async () => {
    const named = await run(['report', 'main:large.rubric.yaml'], repo);
    expect(named).toMatchObject({ code: 2, stdout: '' });
    expect(named.stderr).toBe('rubrics: Cannot read main:large.rubric.yaml: it is larger than the 16 MiB the engine reads. Split it into several files.\n');
    const referring = await run(['diff', 'main:large.assessment.yaml', 'large.assessment.yaml'], repo);
    expect(referring).toMatchObject({ code: 2, stdout: '' });
    expect(referring.stderr).toContain('rubrics: main:large.assessment.yaml was not fully checked. The rubric that large.assessment.yaml refers to, "./large.rubric.yaml", was not read: it is larger than the 16 MiB the engine reads.');
  });
});

describe.runIf(onPosix)('rubrics report --out onto what is not a regular file', () => {
  const report = (out: string, cwd: string) => run(['report', GOOD, '--out', out], cwd);
  /** All that a report written to `out` says: where it went. */
  const wrote = (out: string) => expect.stringMatching(new RegExp(`^rubrics: wrote ${out}: the Markdown report of .+ \\(\\d+ bytes\\)\\.\\n$`));

  it.runIf(canMakeDevices)('writes into a private character device and leaves it a device', async () => {
    const dir = tempDir();
    mknod(path.join(dir, 'null'), 3);
    const result = await report('null', dir);
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: wrote('null') });
    expect(fs.lstatSync(path.join(dir, 'null')).isCharacterDevice()).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['null']);
  });

  it.runIf(canMakeDevices)('exits 2 when the device refuses the write (a private /dev/full)', async () => {
    const dir = tempDir();
    mknod(path.join(dir, 'full'), 7);
    const result = await report('full', dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('rubrics: Cannot write full: no space left on the device.\n');
    expect(fs.lstatSync(path.join(dir, 'full')).isCharacterDevice()).toBe(true);
  });

  // Linux: the test sees through /proc when the reader has the FIFO open.
  it.runIf(onLinux)('writes into a FIFO that a reader has open, and leaves it a FIFO', async () => {
    const dir = tempDir();
    const fifo = path.join(dir, 'fifo');
    mkfifo(fifo);
    const reader = spawn('cat', [fifo]);
    const received: Buffer[] = [];
    reader.stdout.on('data', (chunk: Buffer) => received.push(chunk));
    const closed = new Promise((resolve) => reader.on('close', resolve));
    // The CLI refuses a FIFO nobody reads (next test), so wait until cat has it open.
    await waitFor(() => fs.readdirSync(`/proc/${reader.pid}/fd`).some((fd) => safeReadlink(`/proc/${reader.pid}/fd/${fd}`) === fifo));
    const result = await report('fifo', dir);
    expect(result).toMatchObject({ code: 0, stderr: wrote('fifo') });
    await closed;
    expect(Buffer.concat(received).toString('utf8')).toBe((await run(['report', GOOD], dir)).stdout);
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('exits 2 at once for a FIFO that nothing reads, instead of waiting for a reader', async () => {
    const dir = tempDir();
    mkfifo(path.join(dir, 'fifo'));
    const result = await report('fifo', dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('rubrics: Cannot write fifo: it is a FIFO (named pipe) that nothing is reading from.\n');
    expect(fs.lstatSync(path.join(dir, 'fifo')).isFIFO()).toBe(true);
  });

  it('outside the folder it works in, replaces the file a symbolic link points to, keeps the link and the file\'s permissions', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'reports'));
    fs.mkdirSync(path.join(dir, 'work'));
    const target = path.join(dir, 'reports/latest.md');
    fs.writeFileSync(target, 'old\n');
    fs.chmodSync(target, 0o640);
    fs.symlinkSync('reports/latest.md', path.join(dir, 'report.md'));
    const result = await report('../report.md', path.join(dir, 'work'));
    expect(result).toMatchObject({ code: 0, stderr: wrote('../report.md') });
    expect(fs.lstatSync(path.join(dir, 'report.md')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toMatch(/^# Fictional Freight/);
    expect(fs.statSync(target).mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(path.join(dir, 'reports'))).toEqual(['latest.md']);
  });

  it('inside the repository (or the folder it works in), writes through no link: the file, or a folder on its way', async () => {
    const repo = tempDir();
    gitIn(repo, 'init', '-q');
    const outside = tempDir();
    fs.writeFileSync(path.join(outside, 'victim.md'), 'untouched\n');
    fs.symlinkSync(path.join(outside, 'victim.md'), path.join(repo, 'report.md'));
    fs.symlinkSync(outside, path.join(repo, 'out'));
    fs.mkdirSync(path.join(repo, 'sub'));
    for (const [out, cwd, which] of [
      ['report.md', repo, 'it is a symbolic link'],
      ['out/new.md', repo, 'out on its way is a symbolic link'],
      ['../report.md', path.join(repo, 'sub'), 'it is a symbolic link'],
      ['../out/deeper/new.md', path.join(repo, 'sub'), 'out on its way is a symbolic link'],
    ] as const) {
      const result = await report(out, cwd);
      expect(result.code, out).toBe(2);
      expect(result.stderr, out).toContain(`rubrics: Cannot write ${out}: ${which} inside ${repo}, which a checkout could have committed to send the output elsewhere, so nothing is written through it.`);
    }
    expect(fs.readFileSync(path.join(outside, 'victim.md'), 'utf8')).toBe('untouched\n');
    expect(fs.readdirSync(outside)).toEqual(['victim.md']);
    // And where there is no link, missing folders are made.
    expect((await report('reports/2026/q1.md', repo)).code).toBe(0);
    expect(fs.readFileSync(path.join(repo, 'reports/2026/q1.md'), 'utf8')).toMatch(/^# Fictional Freight/);
  });

  it('refuses a link to nothing, a folder and a socket, and leaves them as they were', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'work'));
    fs.symlinkSync('nowhere.md', path.join(dir, 'dangling.md'));
    const dangling = await report('../dangling.md', path.join(dir, 'work'));
    expect(dangling.code).toBe(2);
    expect(dangling.stderr).toContain('Cannot write ../dangling.md: it is a symbolic link to a file that does not exist.');
    expect(fs.lstatSync(path.join(dir, 'dangling.md')).isSymbolicLink()).toBe(true);
    fs.mkdirSync(path.join(dir, 'folder.md'));
    expect((await report('folder.md', dir)).stderr).toContain('Cannot write folder.md: it is a folder.');
    const socketPath = path.join(dir, 'socket.md');
    const server = (await import('node:net')).createServer().listen(socketPath);
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const socket = await report('socket.md', dir);
      expect(socket.code).toBe(2);
      expect(socket.stderr).toContain('Cannot write socket.md: it is a socket.');
      expect(fs.lstatSync(socketPath).isSocket()).toBe(true);
    } finally {
      server.close();
    }
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
}

function safeReadlink(link: string): string | undefined {
  try {
    return fs.readlinkSync(link);
  } catch {
    return undefined;
  }
}
