import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packStagedPackage, stageCliPackage, type CliManifest } from '../../scripts/pack-cli.mjs';
import { buildCli, removeTempDirs, REPO_ROOT, runCli, tempDir } from '../support/cli';

// The npm package of the CLI, as a team gets it: packed with `npm pack`, installed from the
// tarball into a new project outside this repository (offline: the package depends on nothing),
// and run there through npx on a copy of the samples.

const run = promisify(execFile);
let manifest: CliManifest;
/** The CLI bundled from this repository's sources, to compare the installed package's output with. */
let sourceCli: string;
let files: string[];
let project: string;

/** Runs a command in the team's project, with an environment that points nowhere near this repository. */
async function inProject(command: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: project, npm_config_cache: path.join(project, '.npm-cache'), npm_config_update_notifier: 'false' };
  try {
    const { stdout, stderr } = await run(command, args, { cwd: project, env, maxBuffer: 32 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

const rubrics = (...args: string[]) => inProject('npx', ['--no', '--', 'rubrics', ...args]);

/** The same command run by the CLI built from source, in the same folder. */
const fromSource = (...args: string[]) => runCli(sourceCli, args, { cwd: project });

beforeAll(async () => {
  const stage = tempDir('rubrics-cli-stage-');
  sourceCli = await buildCli();
  manifest = stageCliPackage({ cli: sourceCli, outDir: stage });
  const packed = packStagedPackage(stage, tempDir('rubrics-cli-tarball-'));
  files = packed.files;
  // A new project in the system's temporary folder: nothing of this repository above it.
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'team-repo-'));
  fs.writeFileSync(path.join(project, 'package.json'), `${JSON.stringify({ name: 'team-repo', version: '1.0.0', private: true }, null, 2)}\n`);
  fs.cpSync(path.join(REPO_ROOT, 'samples', 'kestrel'), path.join(project, 'rubrics'), { recursive: true });
  const install = await inProject('npm', ['install', '--save-dev', '--offline', '--no-audit', '--no-fund', packed.tarball]);
  expect(install.stderr).not.toMatch(/ERR!/);
  expect(install.code).toBe(0);
}, 120_000);

afterAll(() => {
  removeTempDirs();
  if (project) fs.rmSync(project, { recursive: true, force: true });
});

describe('the CLI package', () => {
  it('is named for us, runs as `rubrics` on Node 20 and later, and holds only what runs', () => {
    const root = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(manifest.name).toBe('@rubrics-as-code/cli');
    expect(manifest.version).toBe(root.version);
    expect(manifest.bin).toEqual({ rubrics: 'dist/cli.js' });
    expect(manifest.engines.node).toBe('>=20');
    expect(Object.keys(manifest)).not.toContain('dependencies');
    const schemas = fs.readdirSync(path.join(REPO_ROOT, 'schemas')).filter((f) => f.endsWith('.schema.json')).map((f) => `schemas/${f}`);
    const frameworks = fs.readdirSync(path.join(REPO_ROOT, 'src/core/builtins/frameworks')).map((f) => `frameworks/${f}`);
    expect(files).toEqual(['LICENSE', 'README.md', 'dist/cli.js', 'dist/cli/main.js', 'dist/cli/sheets.js', 'dist/cli/validate.js', ...frameworks, 'package.json', ...schemas].sort());
  });

  it('installs without pulling anything else in', () => {
    const installed = fs.readdirSync(path.join(project, 'node_modules'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name === 'package.json')
      .map((e) => path.relative(path.join(project, 'node_modules'), e.parentPath));
    expect(installed).toEqual([path.join('@rubrics-as-code', 'cli')]);
    const teamManifest = JSON.parse(fs.readFileSync(path.join(project, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(Object.keys(teamManifest.devDependencies)).toEqual(['@rubrics-as-code/cli']);
  });

  it('validates the team\'s files', async () => {
    const clean = await rubrics('validate', 'rubrics', '--format', 'json');
    expect(clean.stderr).toBe('');
    expect(clean.code).toBe(0);
    const results = JSON.parse(clean.stdout) as { path: string; errorCount: number }[];
    expect(results.length).toBe(fs.readdirSync(path.join(project, 'rubrics')).filter((f) => f.endsWith('.yaml')).length);
    expect(results.every((r) => r.errorCount === 0)).toBe(true);

    fs.writeFileSync(path.join(project, 'broken.assessment.yaml'), 'apiVersion: rubrics-as-code/v1\nkind: Assessment\nid: broken\nrubric: seven-attributes\n');
    const broken = await rubrics('validate', 'broken.assessment.yaml');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('schema-required');
    fs.rmSync(path.join(project, 'broken.assessment.yaml'));
  });

  it('writes reports from the built-in rubric inside the bundle, as the CLI built from source does', async () => {
    const args = ['report', 'rubrics/2026-03.seven-attributes.assessment.yaml', '--format', 'json'];
    const report = await rubrics(...args);
    expect(report.code).toBe(0);
    const json = JSON.parse(report.stdout) as { rubric: { id: string }; assessment: { overall: { score: number } } };
    expect(json.rubric.id).toBe('seven-attributes');
    expect(json.assessment.overall.score).toBeGreaterThan(0);
    expect(report.stdout).toBe((await fromSource(...args)).stdout);

    const html = await rubrics('report', 'rubrics/2026-03.seven-attributes.assessment.yaml', '--format', 'html', '--out', 'report.html');
    expect(html.code).toBe(0);
    expect(fs.readFileSync(path.join(project, 'report.html'), 'utf8')).toMatch(/^<!doctype html>/i);
  });

  it('diffs two assessments, as the CLI built from source does', async () => {
    const args = ['diff', 'rubrics/2025-03.seven-attributes.assessment.yaml', 'rubrics/2026-03.seven-attributes.assessment.yaml'];
    const diff = await rubrics(...args);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toMatch(/^#/m);
    expect(diff.stdout).toBe((await fromSource(...args)).stdout);
  });

  it('says its version', async () => {
    const version = await rubrics('--version');
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toContain(manifest.version);
  });
});
