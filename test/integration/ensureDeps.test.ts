import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NPM_CI_ARGS, staleDependencies } from '../../scripts/ensure-deps.mjs';

const SCRIPT = path.join(__dirname, '../../scripts/ensure-deps.mjs');
const made: string[] = [];
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A project folder with a lockfile and nothing installed. */
function project(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rubrics-deps-'));
  made.push(dir);
  fs.writeFileSync(path.join(dir, 'package-lock.json'), '{}\n');
  return dir;
}

function setTime(file: string, secondsAgo: number): void {
  const when = new Date(Date.now() - secondsAgo * 1000);
  fs.utimesSync(file, when, when);
}

describe('the dependency check before npm test and npm run demo', () => {
  it('is what both scripts run first', () => {
    const scripts = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')).scripts as Record<string, string>;
    expect(scripts.pretest).toBe('node scripts/ensure-deps.mjs');
    expect(scripts.predemo).toBe('node scripts/ensure-deps.mjs');
  });

  it('asks for an install when node_modules is missing or older than package-lock.json, and not after one', () => {
    const dir = project();
    expect(staleDependencies(dir)).toBe('node_modules is missing');
    fs.mkdirSync(path.join(dir, 'node_modules'));
    fs.writeFileSync(path.join(dir, 'node_modules/.package-lock.json'), '{}\n');
    setTime(path.join(dir, 'package-lock.json'), 60);
    expect(staleDependencies(dir)).toBeUndefined();
    // A pull that changes the lockfile makes it newer than the install.
    setTime(path.join(dir, 'node_modules/.package-lock.json'), 120);
    expect(staleDependencies(dir)).toBe('package-lock.json is newer than node_modules');
    // An install npm did not finish has no hidden lockfile: the folder's time stands in.
    fs.rmSync(path.join(dir, 'node_modules/.package-lock.json'));
    setTime(path.join(dir, 'node_modules'), 0);
    expect(staleDependencies(dir)).toBeUndefined();
  });

  it('runs npm ci in a clone without node_modules, saying so, and nothing once node_modules is fresh', () => {
    const clone = project();
    fs.mkdirSync(path.join(clone, 'scripts'));
    fs.copyFileSync(SCRIPT, path.join(clone, 'scripts/ensure-deps.mjs'));
    // A stand-in for npm (found as npm_execpath, as under `npm test`): records its arguments and
    // installs as npm ci does, writing node_modules/.package-lock.json.
    const fakeNpm = path.join(clone, 'fake-npm.mjs');
    fs.writeFileSync(
      fakeNpm,
      `import fs from 'node:fs';\nfs.appendFileSync('npm-calls.txt', process.argv.slice(2).join(' ') + '\\n');\nfs.mkdirSync('node_modules', { recursive: true });\nfs.writeFileSync('node_modules/.package-lock.json', '{}');\n`,
    );
    const run = () => execFileSync(process.execPath, ['scripts/ensure-deps.mjs'], { cwd: clone, env: { ...process.env, npm_execpath: fakeNpm }, encoding: 'utf8' });
    expect(run()).toBe(`node_modules is missing: installing the dependencies with npm ${NPM_CI_ARGS.join(' ')}\n`);
    expect(fs.readFileSync(path.join(clone, 'npm-calls.txt'), 'utf8')).toBe('ci --no-audit --no-fund\n');
    expect(run()).toBe('');
    expect(fs.readFileSync(path.join(clone, 'npm-calls.txt'), 'utf8')).toBe('ci --no-audit --no-fund\n');
  });

  it('fails when npm ci fails', () => {
    const clone = project();
    fs.mkdirSync(path.join(clone, 'scripts'));
    fs.copyFileSync(SCRIPT, path.join(clone, 'scripts/ensure-deps.mjs'));
    const failingNpm = path.join(clone, 'failing-npm.mjs');
    fs.writeFileSync(failingNpm, 'process.exit(3);\n');
    let status: number | null = 0;
    try {
      execFileSync(process.execPath, ['scripts/ensure-deps.mjs'], { cwd: clone, env: { ...process.env, npm_execpath: failingNpm }, stdio: 'pipe' });
    } catch (error) {
      status = (error as { status: number | null }).status;
    }
    expect(status).toBe(3);
  });
});
