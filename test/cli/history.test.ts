import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScoreHistory } from '../../src/core/review/history';
import { buildCli, removeTempDirs, REPO_ROOT, runCli, tempDir } from '../support/cli';
import { expectGolden } from '../support/golden';

// `rubrics history` on a throw-away repository with five commits that touch one assessment (a
// rename among them), with fixed dates and author so the commits, and the goldens, hold still.

let cli: string;
beforeAll(async () => {
  cli = await buildCli();
});
afterAll(removeTempDirs);

const FILE = 'rubrics/2026-03.seven-attributes.assessment.yaml';
const RENAMED = 'rubrics/group-it.seven-attributes.assessment.yaml';

function gitAt(repo: string, day: number, ...args: string[]): void {
  const date = `2026-0${Math.ceil(day / 28)}-${String(((day - 1) % 28) + 1).padStart(2, '0')}T09:00:00Z`;
  execFileSync('git', ['-c', 'user.name=Dana Reyes', '-c', 'user.email=dana@example.com', '-c', 'init.defaultBranch=main', ...args], {
    cwd: repo,
    env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  });
}

function edit(repo: string, file: string, from: string, to: string): void {
  const full = path.join(repo, file);
  const text = fs.readFileSync(full, 'utf8');
  expect(text).toContain(from);
  fs.writeFileSync(full, text.replace(from, to));
}

function fiveCommits(): string {
  const repo = tempDir('rubrics-history-');
  gitAt(repo, 1, 'init', '-q');
  fs.mkdirSync(path.join(repo, 'rubrics'));
  fs.copyFileSync(path.join(REPO_ROOT, 'samples/kestrel/2026-03.seven-attributes.assessment.yaml'), path.join(repo, FILE));
  fs.copyFileSync(path.join(REPO_ROOT, 'samples/kestrel/2025-03.seven-attributes.assessment.yaml'), path.join(repo, 'rubrics/2025-03.seven-attributes.assessment.yaml'));
  const step = (day: number, message: string) => {
    gitAt(repo, day, 'add', '-A');
    gitAt(repo, day, 'commit', '-q', '-m', message);
  };
  step(1, 'First draft of the March 2026 assessment');
  edit(repo, FILE, '      ao-cloud-first:\n        answer: no', '      ao-cloud-first:\n        answer: yes');
  step(5, 'Cloud-first policy approved');
  edit(repo, FILE, '      ao-criteria-agreed: no', '      ao-criteria-agreed: yes');
  step(9, 'Sourcing criteria agreed');
  gitAt(repo, 12, 'mv', FILE, RENAMED);
  step(12, 'Name the file after the unit');
  edit(repo, RENAMED, '      ao-cloud-first:\n        answer: yes', '      ao-cloud-first:\n        answer: no');
  step(20, 'The policy went back to the Board Risk Committee');
  return repo;
}

describe('rubrics history', () => {
  it('follows an assessment across five commits, a rename among them: golden Markdown and JSON', async () => {
    const repo = fiveCommits();
    const md = await runCli(cli, ['history', RENAMED], { cwd: repo });
    expect(md.code, md.stderr).toBe(0);
    expectGolden('cli/history/five-commits.md', md.stdout);
    const run = await runCli(cli, ['history', RENAMED, '--format', 'json'], { cwd: repo });
    // With --out, the same JSON goes to the file, and stderr says what was written there.
    const written = await runCli(cli, ['history', RENAMED, '--format', 'json', '--out', 'history.json'], { cwd: repo });
    expect([written.code, written.stdout]).toEqual([0, '']);
    expect(written.stderr).toMatch(new RegExp(`^rubrics: wrote history\\.json: the JSON history of ${RENAMED.replace(/[.]/g, '\\.')} \\(5 versions\\) \\(\\d+\\.\\d KiB\\)\\.\\n$`));
    expect(fs.readFileSync(path.join(repo, 'history.json'), 'utf8')).toBe(run.stdout);
    fs.rmSync(path.join(repo, 'history.json'));
    expectGolden('cli/history/five-commits.json', run.stdout);
    const history = JSON.parse(run.stdout) as ScoreHistory;
    expect(history.points.map((p) => [p.date, p.author, p.path])).toEqual([
      ['2026-01-01', 'Dana Reyes', FILE],
      ['2026-01-05', 'Dana Reyes', FILE],
      ['2026-01-09', 'Dana Reyes', FILE],
      ['2026-01-12', 'Dana Reyes', RENAMED],
      ['2026-01-20', 'Dana Reyes', RENAMED],
    ]);
    // The answers move one attribute up and back down; the rename moves nothing.
    const outsourcing = history.points.map((p) => p.dimensions['aggressive-outsourcing']);
    expect(outsourcing).toEqual([2, 3, 3, 3, 2]);
    expect(md.stdout).toContain('```mermaid\nxychart-beta');
    // The heading names the file, and the rename, which the table's rows do not show, is said once.
    expect(md.stdout.split('\n')[0]).toBe(`## Kestrel Mutual Group IT — seven attributes, March 2026 (\`${RENAMED}\`): scores across the commits`);
    expect(md.stdout).toMatch(new RegExp(`\nRenamed from \`${FILE}\` in \`[0-9a-f]{12}\`\\.\n`));
    // An uncommitted change comes last, as the working tree.
    edit(repo, RENAMED, '      ao-cloud-first:\n        answer: no', '      ao-cloud-first:\n        answer: yes');
    const withWorkingTree = JSON.parse((await runCli(cli, ['history', RENAMED, '--format', 'json'], { cwd: repo })).stdout) as ScoreHistory;
    expect(withWorkingTree.points).toHaveLength(6);
    expect(withWorkingTree.points[5]).toMatchObject({ message: 'uncommitted changes', dimensions: { 'aggressive-outsourcing': 3 } });
    expect(withWorkingTree.points[5]?.commit).toBeUndefined();
  });

  it('by date: every assessment of the same subject and rubric, oldest first', async () => {
    const repo = fiveCommits();
    const history = JSON.parse((await runCli(cli, ['history', RENAMED, '--by', 'date', 'rubrics', '--format', 'json'], { cwd: repo })).stdout) as ScoreHistory;
    expect(history.points.map((p) => [p.date, p.path])).toEqual([
      ['2025-03-31', 'rubrics/2025-03.seven-attributes.assessment.yaml'],
      ['2026-03-31', RENAMED],
    ]);
    expect(history.title).toBe('Kestrel Mutual (Group IT)');
  });

  it('as HTML: one self-contained page with an inline SVG chart, under the reports\' policy', async () => {
    const repo = fiveCommits();
    const html = (await runCli(cli, ['history', RENAMED, '--format', 'html'], { cwd: repo })).stdout;
    expect(html).toContain('<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;');
    expect(html).toMatch(/<svg viewBox="0 0 \d+ \d+" width="100%" role="img" aria-label="Line chart of the overall score and each attribute at 5 points/);
    expect(html).toContain(`<p>Scores across the commits that touched <code>${RENAMED}</code>, against Seven attributes of high-performing IT service organizations. Renamed from <code>${FILE}</code> in <code>`);
    expect(html).toContain('The dashed line is the threshold, level 3.</p>');
    // Each point's overall move, as the Markdown table shows it; none for the first point and the rename.
    expect(html.match(/<td class="num">[^<]*<\/td>/g)?.slice(0, 5)).toEqual(['2.57', '2.71 (▲ +0.14)', '2.71', '2.71', '2.57 (▼ −0.14)'].map((c) => `<td class="num">${c}</td>`));
    expect(html.match(/<polyline /g)).toHaveLength(8); // seven attributes and the overall score
    expect(html).not.toMatch(/<script|style="|https?:\/\/(?!intranet)/);
  });

  it('outside git, says so; a file that holds no assessment has no subject to follow', async () => {
    const dir = tempDir();
    fs.copyFileSync(path.join(REPO_ROOT, 'samples/kestrel/claims-platform.rubric.yaml'), path.join(dir, 'claims.rubric.yaml'));
    const noGit = await runCli(cli, ['history', 'claims.rubric.yaml'], { cwd: dir });
    expect(noGit.code).toBe(2);
    expect(noGit.stderr).toContain('not inside a git repository');
    const byDate = await runCli(cli, ['history', 'claims.rubric.yaml', '--by', 'date'], { cwd: dir });
    expect(byDate.code).toBe(2);
    expect(byDate.stderr).toContain('holds no assessment that can be scored');
  });
});
