import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinFrameworks } from '../../src/core/builtins';
import { repoRoot } from '../../scripts/e2e/codeServer.mjs';
import { copySamplesWorkspace } from '../../scripts/e2e/samplesWorkspace.mjs';
import { lineColumnOf } from './session';

// Another editor than VS Code: Neovim's built-in LSP client (Debian's neovim package, headless)
// starts `rubrics lsp --stdio` from the built CLI, opens a file with errors, and reads the
// diagnostics and a hover. They must be what `rubrics validate` prints and what the rubric says.
// Then it goes to the definition of a dimension of an assessment of a built-in rubric: Neovim
// must open the rubric's file and put the cursor on the dimension's id.

interface NeovimResult {
  error?: string;
  client?: string;
  diagnostics?: { line: number; column: number; message: string; code: string; source: string }[];
  hover?: string;
  definition?: { uri: string; buffer: string; text: string; line: number; column: number; lineText: string };
}

const FILE = 'invalid/unknown-dimension.assessment.yaml';
/** An assessment of the built-in seven-attributes rubric, and the dimension whose definition is asked for. */
const BUILTIN_ASSESSMENT = 'kestrel/2026-03.seven-attributes.assessment.yaml';
const DIMENSION = 'empower-end-users';

describe('Neovim', () => {
  let workspace = '';
  let remove = () => undefined as void;
  beforeAll(() => {
    if (spawnSync('nvim', ['--version']).status !== 0) {
      throw new Error('This test needs Neovim: apt-get install neovim (Debian\'s package, 0.7 or later).');
    }
    ({ workspace, remove } = copySamplesWorkspace('neovim'));
  });
  afterAll(() => remove());

  it('shows the CLI\'s diagnostics and the rubric\'s hover through `rubrics lsp --stdio`, and goes to a definition in a built-in rubric', () => {
    const cli = path.join(repoRoot, 'dist', 'cli.js');
    expect(fs.existsSync(cli), 'dist/cli.js is built by `npm run test:e2e`').toBe(true);
    const text = fs.readFileSync(path.join(workspace, FILE), 'utf8');
    const at = lineColumnOf(text, 'finops:');
    const dimensionAt = lineColumnOf(fs.readFileSync(path.join(workspace, BUILTIN_ASSESSMENT), 'utf8'), `${DIMENSION}:`);
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rubrics-nvim-')), 'result.json');
    const run = spawnSync('nvim', ['--headless', '--clean', '-n', '-u', path.join(__dirname, 'neovim', 'check.lua')], {
      cwd: workspace,
      encoding: 'utf8',
      timeout: 90_000,
      env: {
        ...process.env,
        RUBRICS_NVIM_OUT: out,
        RUBRICS_NVIM_FILE: path.join(workspace, FILE),
        RUBRICS_NVIM_ROOT: workspace,
        RUBRICS_CLI: cli,
        RUBRICS_NODE: process.execPath,
        RUBRICS_NVIM_HOVER_LINE: String(at.line - 1),
        RUBRICS_NVIM_HOVER_COL: String(at.column + 1),
        RUBRICS_NVIM_BUILTIN_FILE: path.join(workspace, BUILTIN_ASSESSMENT),
        RUBRICS_NVIM_BUILTIN_LINE: String(dimensionAt.line - 1),
        RUBRICS_NVIM_BUILTIN_COL: String(dimensionAt.column + 1),
      },
    });
    expect(fs.existsSync(out), `Neovim wrote no result (exit ${run.status}):\n${run.stdout}\n${run.stderr}`).toBe(true);
    const result = JSON.parse(fs.readFileSync(out, 'utf8')) as NeovimResult;
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
    expect(result.error).toBeUndefined();

    const expected = JSON.parse(cliOutput(cli, workspace)) as { diagnostics: { line: number; column: number; code: string; message: string }[] }[];
    const want = expected[0]!.diagnostics.map((d) => ({ line: d.line, column: d.column, code: d.code, message: d.message }));
    const got = (result.diagnostics ?? []).map((d) => ({ line: d.line, column: d.column, code: d.code, message: d.message }));
    const order = (a: { line: number; column: number; code: string }, b: typeof a) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code);
    expect(got.sort(order)).toEqual(want.sort(order));
    expect(result.diagnostics?.every((d) => d.source === 'rubrics')).toBe(true);
    expect(want.map((d) => d.code)).toContain('unknown-dimension');
    // The hover over "finops" names the dimension as the rubric titles it.
    const rubric = fs.readFileSync(path.join(workspace, 'kestrel', 'cloud-operations.yaml'), 'utf8');
    const title = /- id: finops\n\s+title: (.+)/.exec(rubric)?.[1];
    expect(title).toBeTruthy();
    expect(result.hover).toContain(title!);

    // The definition is a file Neovim opened: the built-in rubric's own text, the cursor on the id.
    const builtin = builtinFrameworks().get('seven-attributes')!;
    const definition = result.definition!;
    expect(definition.uri).toMatch(/^file:\/\/.*\/seven-attributes\.rubric\.yaml$/);
    expect(definition.buffer).toBe(fileURLToPath(definition.uri));
    expect(definition.text).toBe(builtin.text.replace(/\n$/, ''));
    expect(definition.lineText).toBe(`  - id: ${DIMENSION}`);
    expect(definition.lineText.slice(definition.column - 1)).toBe(DIMENSION);
  }, 120_000);
});

function cliOutput(cli: string, cwd: string): string {
  try {
    return execFileSync(process.execPath, [cli, 'validate', FILE, '--format', 'json'], { cwd, encoding: 'utf8' });
  } catch (error) {
    // `validate` exits 1 when it finds problems; its JSON is still on stdout.
    return (error as { stdout?: string }).stdout ?? '';
  }
}
