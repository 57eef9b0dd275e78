import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinFrameworks } from '../../src/core/builtins';
import { buildCli, removeTempDirs, REPO_ROOT, runCli } from '../support/cli';

let cli: string;
beforeAll(async () => {
  cli = await buildCli();
});
afterAll(removeTempDirs);

const COMMANDS = ['validate', 'report', 'diff', 'init', 'builtins'];
const version = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('rubrics --help and --version', () => {
  it('lists every command', async () => {
    const run = await runCli(cli, ['--help']);
    expect(run.code).toBe(0);
    for (const command of COMMANDS) expect(run.stdout).toMatch(new RegExp(`^  ${command} +\\S`, 'm'));
  });

  it.each(COMMANDS)('"rubrics %s --help" prints its usage and exits 0', async (command) => {
    const run = await runCli(cli, [command, '--help']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(new RegExp(`^Usage: rubrics ${command}\\b`));
    expect((await runCli(cli, [command, '-h'])).stdout).toBe(run.stdout);
    expect((await runCli(cli, ['help', command])).stdout).toBe(run.stdout);
  });

  it('prints the version from package.json', async () => {
    expect(await runCli(cli, ['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('without a command prints the help on stderr and exits 2', async () => {
    const run = await runCli(cli, []);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Usage: rubrics <command>');
  });
});

describe('rubrics builtins', () => {
  const frameworks = [...builtinFrameworks().values()];

  it('lists every built-in rubric with its title, version, method, levels and dimensions', async () => {
    expect(frameworks.length).toBeGreaterThanOrEqual(3);
    const run = await runCli(cli, ['builtins']);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^ID +TITLE +VERSION +METHOD +LEVELS +DIMENSIONS$/);
    const json = await runCli(cli, ['builtins', '--format', 'json']);
    const summaries = JSON.parse(json.stdout) as { id: string; title: string; version: string; method: string; levels: { level: number }[]; dimensions: unknown[] }[];
    expect(summaries.map((s) => s.id).sort()).toEqual(frameworks.map((f) => f.id).sort());
    for (const s of summaries) {
      const row = lines.find((l) => l.startsWith(`${s.id} `));
      expect(row, s.id).toBeDefined();
      for (const cell of [s.title, s.version, s.method, `${s.levels[0]!.level}..${s.levels[s.levels.length - 1]!.level}`]) expect(row).toContain(cell);
      expect(row).toMatch(new RegExp(` ${s.dimensions.length}$`));
    }
    const seven = summaries.find((s) => s.id === 'seven-attributes')!;
    expect(seven).toMatchObject({ method: 'gated', threshold: 3 });
    expect(seven.dimensions).toHaveLength(7);
  });

  it('"show ID" prints the rubric\'s YAML unchanged, so it can be copied', async () => {
    for (const framework of frameworks) {
      const run = await runCli(cli, ['builtins', 'show', framework.id]);
      expect(run).toMatchObject({ code: 0, stdout: framework.text });
    }
  });

  it('exits 2 on an unknown id, suggesting the closest', async () => {
    const run = await runCli(cli, ['builtins', 'show', 'seven-atributes']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('No built-in rubric has the id "seven-atributes". Did you mean "seven-attributes"?');
    expect((await runCli(cli, ['builtins', 'list'])).code).toBe(2);
  });
});
