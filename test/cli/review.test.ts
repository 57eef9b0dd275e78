import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeReview } from '../../src/core/review/change';
import { buildCli, gitIn as git, removeTempDirs, REPO_ROOT, runCli, tempDir } from '../support/cli';
import { expectGolden } from '../support/golden';

// `rubrics diff --base` over whole changes, on throw-away repositories built here from the Kestrel
// samples: one branch changes answers in two assessments (an `average` and a `levelSum` one),
// moves an initiative, adds a capability to the custom rubric and plants an error; another renames,
// deletes and adds files and changes a rubric weight from 1 to 3. Goldens hold the Markdown and the
// JSON, with the commits (which change with every run) written as BASE and HEAD.

let cli: string;
beforeAll(async () => {
  cli = await buildCli();
});
afterAll(removeTempDirs);

const K = 'rubrics/kestrel';
const NEXGEN = `${K}/2026-03.nexgen-digital-services.assessment.yaml`;
const IT4IT = `${K}/2026-03.it4it-legacy-alignment.assessment.yaml`;
const CLAIMS_RUBRIC = `${K}/claims-platform.rubric.yaml`;
const CLAIMS = `${K}/2026-03.claims-platform.assessment.yaml`;
const PLAN = `${K}/roadmap-2026-2028.plan.yaml`;

function edit(repo: string, file: string, from: string | RegExp, to: string): void {
  const full = path.join(repo, file);
  const text = fs.readFileSync(full, 'utf8');
  const next = text.replace(from, to);
  expect(next, `${file}: ${String(from)}`).not.toBe(text);
  fs.writeFileSync(full, next);
}

/** main holds the samples; the caller's branch is checked out, with nothing committed on it yet. */
function repository(branch: string): { repo: string; base: string } {
  const repo = tempDir('rubrics-review-');
  git(repo, 'init', '-q');
  fs.cpSync(path.join(REPO_ROOT, 'samples/kestrel'), path.join(repo, K), { recursive: true });
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'The Kestrel samples');
  git(repo, 'checkout', '-q', '-b', branch);
  return { repo, base: git(repo, 'rev-parse', 'HEAD').trim() };
}

function commit(repo: string, message: string): string {
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', message);
  return git(repo, 'rev-parse', 'HEAD').trim();
}

/** The answers branch: two assessments' answers, a moved initiative, a new capability, one error. */
function answersBranch(): { repo: string; base: string } {
  const made = repository('answers');
  const { repo } = made;
  edit(repo, NEXGEN, 'vs-financial-returns: some', 'vs-financial-returns: all');
  edit(repo, NEXGEN, 'vs-board-level-technology: none', 'vs-board-level-technology: some');
  edit(repo, IT4IT, 'sai-integration-layer: half', 'sai-integration-layer: most');
  edit(repo, PLAN, '    start: 2026-05-01\n    end: 2027-03-31', '    start: 2026-07-01\n    end: 2027-06-30');
  edit(repo, CLAIMS_RUBRIC, '  - id: test-automation\n', '  - id: release-governance\n    title: Release governance\n    group: build\n    levels:\n      1: Releases are approved by a weekly board.\n      3: Low-risk changes are approved by the pipeline.\n  - id: test-automation\n');
  // The planted error: an answer off its scale.
  edit(repo, IT4IT, 'sai-api-first: some', 'sai-api-first: plenty');
  return made;
}

/** The files branch: a rename, a deletion, an added assessment, and a rubric weight from 1 to 3. */
function filesBranch(): { repo: string; base: string } {
  const made = repository('files');
  const { repo } = made;
  git(repo, 'mv', `${K}/2025-03.nexgen-digital-services.assessment.yaml`, `${K}/2025-nexgen.assessment.yaml`);
  git(repo, 'rm', '-q', `${K}/2025-03.it4it-legacy-alignment.assessment.yaml`);
  fs.copyFileSync(path.join(REPO_ROOT, 'samples/kestrel/2026-03.seven-attributes.assessment.yaml'), path.join(repo, `${K}/2026-09.seven-attributes.assessment.yaml`));
  edit(repo, `${K}/2026-09.seven-attributes.assessment.yaml`, 'date: 2026-03-31', 'date: 2026-09-30');
  edit(repo, CLAIMS_RUBRIC, '    title: Claims data\n    weight: 1', '    title: Claims data\n    weight: 3');
  return made;
}

/** The output with the commits of this run written as BASE and HEAD, so goldens hold still. */
function stable(text: string, commits: Record<string, string>): string {
  let out = text;
  for (const [name, sha] of Object.entries(commits)) out = out.split(sha).join(name).split(sha.slice(0, 12)).join(name);
  return out;
}

async function reviewJson(repo: string, args: readonly string[]): Promise<ChangeReview> {
  const run = await runCli(cli, ['diff', ...args, '--format', 'json'], { cwd: repo });
  expect(run.code, run.stderr).toBeLessThan(2);
  return JSON.parse(run.stdout) as ChangeReview;
}

describe('rubrics diff --base: the whole change', () => {
  it('answers, a moved initiative, a new capability and a planted error: golden Markdown and JSON', async () => {
    const { repo, base } = answersBranch();
    const head = commit(repo, 'answers');
    const md = await runCli(cli, ['diff', '--base', 'main', '--head', 'answers'], { cwd: repo });
    expect(md.code).toBe(1); // the head has an error
    expect(md.stderr).toContain('answer-not-in-scale');
    expectGolden('cli/review/answers.md', stable(md.stdout, { BASE: base, HEAD: head }));
    const json = await reviewJson(repo, ['--base', 'main', '--head', 'answers']);
    expectGolden('cli/review/answers.json', stable(`${JSON.stringify(json, null, 2)}\n`, { BASE: base, HEAD: head }));

    // The head's error comes first and nothing is celebrated.
    expect(md.stdout.indexOf('[!CAUTION]')).toBeLessThan(md.stdout.indexOf('| File |'));
    expect(md.stdout).not.toContain('🎉');
    const nexgen = json.files.find((f) => f.path === NEXGEN)?.documents[0];
    // average: each changed answer's contribution, and they add up to the move.
    const dimension = nexgen?.why?.dimensions.find((d) => d.id === 'vision-and-strategy');
    expect(dimension?.exact).toBe(true);
    const sum = (dimension?.changes ?? []).reduce((s, c) => s + (c.contribution ?? 0), 0);
    expect(sum).toBeCloseTo((dimension?.after ?? 0) - (dimension?.before ?? 0), 9);
    expect(dimension?.changes.map((c) => [c.kind, c.criterion?.id, c.before, c.after])).toEqual([
      ['answer', 'vs-financial-returns', 'some', 'all'],
      ['answer', 'vs-board-level-technology', 'none', 'some'],
    ]);
    // The planted error is an answer off its scale: it earns nothing, which is why it moves the score down.
    const it4it = json.files.find((f) => f.path === IT4IT)?.documents[0]?.why?.dimensions[0]?.changes ?? [];
    expect(it4it.map((c) => [c.criterion?.id, c.offScale])).toEqual([['sai-integration-layer', undefined], ['sai-api-first', ['after']]]);
    expect(md.stdout).toContain('| some | plenty (not on its scale: earns nothing) | −0.12 |');
    // The rubric's new capability, old → new, on the rubric and on the assessment that uses it.
    const rubric = json.files.find((f) => f.path === CLAIMS_RUBRIC)?.documents[0];
    expect(rubric?.rubricChanges?.map((c) => c.kind)).toEqual(['dimension-added']);
    const impact = json.impacts.find((i) => i.path === CLAIMS_RUBRIC);
    expect(impact?.users.map((u) => [u.path, u.fileChanged])).toEqual([[CLAIMS, false]]);
    expect(md.stdout).toContain('New capability Release governance (weight 1)');
    // Nobody assessed the new capability, so the unchanged assessment did not move, and the label says why.
    expect(impact?.users.map((u) => [u.moved, u.notAssessed])).toEqual([['nothing', [{ id: 'release-governance', title: 'Release governance' }]]]);
    expect(md.stdout).toContain('| 2.17 → 2.17 | unchanged; not moved: it does not assess the new capability Release governance |');
    expect(md.stdout).not.toContain('moved by the rubric');
    // The two assessments whose overall score moved are on rubrics of different scales: no chart puts them on one axis.
    expect(json.files.flatMap((f) => f.documents.filter((d) => d.moved === 'overall').map((d) => `${d.diff.rubric.after?.minLevel}–${d.diff.rubric.after?.maxLevel}`))).toEqual(['0–3', '1–5']);
    expect(md.stdout).not.toContain('xychart-beta');
    // Its inputs changed (a capability appeared) but no score moved: the section says so rather than explain a move.
    const claims = md.stdout.slice(md.stdout.indexOf(`<details><summary>${CLAIMS}`));
    expect(claims).toContain('#### What changed (no score moved)\n\n**Release governance**: not scored');
    expect(claims).not.toContain('Why the scores moved');
    // The moved initiative.
    const plan = json.files.find((f) => f.path === PLAN)?.documents[0];
    expect(plan?.diff.plan?.rescheduled.map((i) => i.id)).toEqual(['portfolio-value-gate']);
  });

  it('renamed, deleted and added files, and a weight 1 → 3 that moves an unchanged assessment: golden Markdown and JSON', async () => {
    const { repo, base } = filesBranch();
    // Uncommitted: the head is the working tree.
    const md = await runCli(cli, ['diff', '--base', 'main'], { cwd: repo });
    expect(md.code, md.stderr).toBe(0);
    expectGolden('cli/review/files.md', stable(md.stdout, { BASE: base }));
    const json = await reviewJson(repo, ['--base', 'main']);
    expectGolden('cli/review/files.json', stable(`${JSON.stringify(json, null, 2)}\n`, { BASE: base }));

    const byPath = new Map(json.files.map((f) => [f.path, f]));
    expect(byPath.get(`${K}/2025-nexgen.assessment.yaml`)).toMatchObject({ status: 'renamed', previousPath: `${K}/2025-03.nexgen-digital-services.assessment.yaml` });
    // A deleted file resolves nothing: its blockers left with it.
    const deleted = byPath.get(`${K}/2025-03.it4it-legacy-alignment.assessment.yaml`);
    expect(deleted?.status).toBe('deleted');
    expect(deleted?.documents[0]?.diff.blockers.resolved).toEqual([]);
    expect(md.stdout).toContain('The file was deleted: its scores no longer count, and its blockers left with it (none of them is resolved).');
    expect(md.stdout).toContain(`Renamed from \`${K}/2025-03.nexgen-digital-services.assessment.yaml\`.`);
    expect(byPath.get(`${K}/2026-09.seven-attributes.assessment.yaml`)?.status).toBe('added');
    // The weight change: listed with its old and new value, and the unchanged assessment moves 2.17 → 2.26.
    const impact = json.impacts.find((i) => i.path === CLAIMS_RUBRIC);
    expect(impact?.changes).toEqual([{ kind: 'group-weight', scoring: true, group: { id: 'data', title: 'Claims data' }, before: 1, after: 3 }]);
    expect(impact?.users).toEqual([{ path: CLAIMS, kind: 'Assessment', title: 'Claims-platform engineering, March 2026', before: expect.closeTo(2.1667, 4), after: expect.closeTo(2.2619, 4), fileChanged: false, moved: 'overall' }]);
    expect(byPath.get(CLAIMS)?.status).toBe('unchanged');
    expect(md.stdout).toContain('| Claims-platform engineering, March 2026 | `rubrics/kestrel/2026-03.claims-platform.assessment.yaml` | 2.17 → 2.26 (▲ +0.09) | unchanged; moved by the rubric |');
    expect(md.stdout).toContain('Discipline Claims data weight 1 → 3');
    // One overall score moved (the rename moved nothing): no chart for a single bar.
    expect(md.stdout).not.toContain('xychart-beta');
    // Nothing else uses the rubric, and files outside the change that do not use it are not listed.
    expect(byPath.has(`${K}/2026-03.seven-attributes.assessment.yaml`)).toBe(false);
  });

  it('finds the users of a changed rubric by where their reference leads, not by the file name it shares with another rubric', async () => {
    const repo = tempDir('rubrics-review-');
    git(repo, 'init', '-q');
    fs.cpSync(path.join(REPO_ROOT, 'samples/kestrel'), path.join(repo, K), { recursive: true });
    const claims = fs.readFileSync(path.join(repo, CLAIMS), 'utf8');
    // Another team keeps its own copy of the rubric under the same name, with an assessment of its own...
    fs.mkdirSync(path.join(repo, 'rubrics/other'), { recursive: true });
    fs.copyFileSync(path.join(repo, CLAIMS_RUBRIC), path.join(repo, 'rubrics/other/claims-platform.rubric.yaml'));
    fs.writeFileSync(path.join(repo, 'rubrics/other/claims.assessment.yaml'), claims);
    // ...and a third team uses Kestrel's rubric from its own folder.
    fs.mkdirSync(path.join(repo, 'rubrics/third'), { recursive: true });
    fs.writeFileSync(path.join(repo, 'rubrics/third/claims.assessment.yaml'), claims.replace('rubric: ./claims-platform.rubric.yaml', 'rubric: ../kestrel/claims-platform.rubric.yaml'));
    // A path from a folder below the rubric's names no folder at all, and still leads to it.
    fs.mkdirSync(path.join(repo, `${K}/pilot`), { recursive: true });
    fs.writeFileSync(path.join(repo, `${K}/pilot/claims.assessment.yaml`), claims.replace('rubric: ./claims-platform.rubric.yaml', 'rubric: ../claims-platform.rubric.yaml'));
    commit(repo, 'three teams');
    git(repo, 'checkout', '-q', '-b', 'weight');
    edit(repo, CLAIMS_RUBRIC, '    title: Claims data\n    weight: 1', '    title: Claims data\n    weight: 3');
    const json = await reviewJson(repo, ['--base', 'main']);
    const users = json.impacts.find((i) => i.path === CLAIMS_RUBRIC)?.users.map((u) => u.path);
    expect(users?.sort()).toEqual([CLAIMS, `${K}/pilot/claims.assessment.yaml`, 'rubrics/third/claims.assessment.yaml'].sort());
    expect(json.files.map((f) => f.path)).not.toContain('rubrics/other/claims.assessment.yaml');
  });

  it('a head that errors keep from being read or scored: the same assessment with errors, not a deletion', async () => {
    const { repo } = repository('broken');
    const seven = `${K}/2026-03.seven-attributes.assessment.yaml`;
    edit(repo, NEXGEN, 'date: 2026-03-31', 'date: 31 March 2026');
    fs.appendFileSync(path.join(repo, seven), 'kind: Assessment\n  bad: [\n');
    const md = await runCli(cli, ['diff', '--base', 'main'], { cwd: repo });
    expect(md.code).toBe(1);
    const json = await reviewJson(repo, ['--base', 'main']);
    const docs = new Map(json.files.map((f) => [f.path, f.documents]));
    // The unreadable head pairs with the assessment it was, so its errors count.
    expect(docs.get(seven)?.map((d) => [d.kind, d.diff.unscored, d.moved, d.errors.after > 0])).toEqual([['Assessment', 'after', 'unscored', true]]);
    expect(docs.get(NEXGEN)?.map((d) => [d.diff.unscored, d.moved, d.errors.new])).toEqual([['after', 'unscored', 1]]);
    expect(json.headErrors).toBeGreaterThan(1);
    expect(md.stdout).toContain('> [!CAUTION]\n> The change leaves');
    expect(md.stdout).toMatch(new RegExp(`\\| \`${seven}\` \\| modified \\| Assessment: [^|]+ \\| 2\\.57 → not scored \\|   \\| ❌ \\d+ \\|`));
    expect(md.stdout).not.toContain('*(removed)*');
    expect(md.stdout).not.toMatch(/was \d/);
  });

  it('names the head as the branch or commit it is when nothing is uncommitted, and "working tree" only when something is', async () => {
    const { repo } = filesBranch();
    const heading = async () => (await runCli(cli, ['diff', '--base', 'main'], { cwd: repo })).stdout.split('\n')[0];
    const mainCommit = git(repo, 'rev-parse', 'main').trim().slice(0, 12);
    // Uncommitted changes: the working tree is what is compared.
    expect(await heading()).toBe(`## Score changes: \`working tree\` compared with \`main\` (\`${mainCommit}\`)`);
    const head = commit(repo, 'files');
    // All committed, as in CI: the branch. A file that is not YAML (a report, a SARIF file) changes nothing.
    fs.writeFileSync(path.join(repo, 'rubrics.sarif'), '{}\n');
    expect(await heading()).toBe(`## Score changes: \`files\` compared with \`main\` (\`${mainCommit}\`)`);
    // Detached (a pull request's merge commit in actions/checkout): the commit.
    git(repo, 'checkout', '-q', '--detach');
    expect(await heading()).toBe(`## Score changes: \`${head.slice(0, 12)}\` compared with \`main\` (\`${mainCommit}\`)`);
    // An untracked YAML file is part of what is compared: the working tree again.
    fs.writeFileSync(path.join(repo, `${K}/draft.assessment.yaml`), 'apiVersion: rubrics-as-code/v1\n');
    expect(await heading()).toMatch(/^## Score changes: `working tree` compared with/);
  });

  it('limits the review to the paths given, and finds the default branch when no base is named', async () => {
    const { repo } = filesBranch();
    const json = await reviewJson(repo, [`${K}/2025-nexgen.assessment.yaml`]);
    expect(json.base.ref).toBe('main');
    expect(json.files.map((f) => f.path)).toEqual([`${K}/2025-nexgen.assessment.yaml`]);
    // A glob is one of the paths too, as `validate` and the Action's `paths` read it (src/core/format/glob.ts).
    const globbed = await reviewJson(repo, [`${K}/2025-nex*.ASSESSMENT.yaml`]);
    expect(globbed.files.map((f) => f.path)).toEqual([`${K}/2025-nexgen.assessment.yaml`]);
  });

  it('in a shallow clone: says what to fetch when the base is missing, and compares with the base commit when it lacks the shared history', async () => {
    const { repo } = filesBranch();
    commit(repo, 'files');
    git(repo, 'checkout', '-q', 'main');
    edit(repo, `${K}/2026-03.seven-attributes.assessment.yaml`, 'date: 2026-03-31', 'date: 2026-03-30');
    commit(repo, 'main moves on');
    const clone = tempDir('rubrics-shallow-');
    execFileSync('git', ['clone', '-q', '--depth', '1', '--branch', 'files', `file://${repo}`, clone]);
    const missing = await runCli(cli, ['diff', '--base', 'origin/main'], { cwd: clone });
    expect(missing.code).toBe(2);
    // The command it suggests is one git accepts, and after it the same command runs.
    const hint = /"origin\/main" is not a branch, tag or commit in this clone\. Fetch it first \((git fetch [^,]+), or in GitHub Actions actions\/checkout with fetch-depth: 0\)/.exec(missing.stderr)?.[1];
    expect(hint).toBe('git fetch origin main:refs/remotes/origin/main');
    execFileSync('git', [...hint!.split(' ').slice(1), '-q'], { cwd: clone });
    const run = await runCli(cli, ['diff', '--base', 'origin/main', '--format', 'json'], { cwd: clone });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('This is a shallow clone without the history');
    const json = JSON.parse(run.stdout) as ChangeReview;
    // Compared with the base commit itself, what main did since shows as part of the change.
    expect(json.files.map((f) => f.path)).toContain(`${K}/2026-03.seven-attributes.assessment.yaml`);
    expect(json.impacts[0]?.users[0]?.after).toBeCloseTo(2.2619, 4);
  });

  it('keeps a huge change within GitHub\'s comment limit, and says what it left out', async () => {
    const { repo } = repository('many');
    const source = fs.readFileSync(path.join(repo, `${K}/2026-03.seven-attributes.assessment.yaml`), 'utf8');
    for (let i = 0; i < 120; i++) fs.writeFileSync(path.join(repo, `${K}/copy-${String(i).padStart(3, '0')}.assessment.yaml`), source.replace('date: 2026-03-31', `date: 2026-03-${String((i % 28) + 1).padStart(2, '0')}`));
    const run = await runCli(cli, ['diff', '--base', 'main'], { cwd: repo });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.length).toBeLessThanOrEqual(65_536);
    expect(run.stdout).toMatch(/_The details of \d+ more files did not fit GitHub's comment limit; `rubrics diff --base main --format json` has them all, and `rubrics diff --base main PATH` shows one file's:_ `rubrics\/kestrel\/copy-\d+/);
    // The summary table still lists every file.
    expect(run.stdout.match(/^\| `rubrics\/kestrel\/copy-/gm)).toHaveLength(120);
    // The details that are there are whole: every <details> is closed.
    expect(run.stdout.split('<details>').length).toBe(run.stdout.split('</details>').length);
  });
});

describe.runIf(process.platform !== 'win32')('rubrics diff --base reads both sides of a change through the confined reader', () => {
  const TOKEN = 'eC1hY2Nlc3MtdG9rZW46Z2hzX1JFVklFVw==';
  /** A branch that adds links out of the repository and into .git, and changes an assessment reached through a link inside it. */
  function linksBranch(): { repo: string; outside: string } {
    const { repo } = repository('links');
    const outside = tempDir('rubrics-review-outside-');
    fs.writeFileSync(path.join(outside, 'secret.rubric.yaml'), fs.readFileSync(path.join(repo, CLAIMS_RUBRIC), 'utf8').replace(/^title: .*$/m, 'title: TOP SECRET'));
    git(repo, 'config', 'http.https://github.com/.extraheader', `AUTHORIZATION: basic ${TOKEN}`);
    fs.symlinkSync('../../.git/config', path.join(repo, `${K}/config.rubric.yaml`));
    fs.symlinkSync(path.join(outside, 'secret.rubric.yaml'), path.join(repo, `${K}/secret.rubric.yaml`));
    edit(repo, NEXGEN, 'vs-financial-returns: some', 'vs-financial-returns: all');
    return { repo, outside };
  }

  it('in the working tree: never reads a link out, says which files it could not compare, and writes no review', async () => {
    const { repo } = linksBranch();
    const diff = await runCli(cli, ['diff', '--base', 'main', '--format', 'json'], { cwd: repo });
    expect(diff.code).toBe(2);
    expect(diff.stdout + diff.stderr).not.toContain(TOKEN);
    expect(diff.stdout + diff.stderr).not.toContain('TOP SECRET');
    expect(diff.stderr).toContain(`rubrics: ${K}/config.rubric.yaml was not fully checked. ${K}/config.rubric.yaml leads through a link into .git, version control's own folder, so it was not read or checked`);
    expect(diff.stderr).toContain(`rubrics: ${K}/secret.rubric.yaml was not fully checked. ${K}/secret.rubric.yaml leads through a link to a file outside the repository`);
  });

  it('at a head commit: a link that leaves the tree is refused the same way, and one that stays inside is read at that revision', async () => {
    const { repo } = linksBranch();
    commit(repo, 'links');
    const refused = await runCli(cli, ['diff', '--base', 'main', '--head', 'HEAD', '--format', 'json'], { cwd: repo });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${K}/config.rubric.yaml leads through a link into .git, version control's own folder`);
    expect(refused.stderr).toContain(`${K}/secret.rubric.yaml leads through a link to a file outside the repository`);

    // Without the links out: a link inside the tree, changed on the branch, compares what it leads to at each side.
    fs.rmSync(path.join(repo, `${K}/config.rubric.yaml`));
    fs.rmSync(path.join(repo, `${K}/secret.rubric.yaml`));
    fs.symlinkSync(path.basename(NEXGEN), path.join(repo, `${K}/current.assessment.yaml`));
    commit(repo, 'only a link inside');
    const followed = await runCli(cli, ['diff', '--base', 'main', '--head', 'HEAD', '--format', 'json'], { cwd: repo });
    expect(followed.code, followed.stderr).toBeLessThan(2);
    const review = JSON.parse(followed.stdout) as ChangeReview;
    const linked = review.files.find((f) => f.path === `${K}/current.assessment.yaml`);
    const original = review.files.find((f) => f.path === NEXGEN);
    expect(linked?.status).toBe('added');
    expect(linked?.documents[0]?.diff.overall?.after).toBe(original?.documents[0]?.diff.overall?.after);
    expect(linked?.documents[0]?.diff.overall?.after).toBeTypeOf('number');
  });
});

describe('rubrics diff BEFORE AFTER of a rubric', () => {
  it('lists what changed in the rubric, old → new, in Markdown and JSON; an assessment gets no such list', async () => {
    const { repo } = repository('rubric');
    edit(repo, CLAIMS_RUBRIC, '    title: Claims data\n    weight: 1', '    title: Claims data\n    weight: 3');
    const md = await runCli(cli, ['diff', `main:${CLAIMS_RUBRIC}`, CLAIMS_RUBRIC], { cwd: repo });
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain('A rubric has no scores of its own: what its changes move shows in the assessments that use it.\n\n### What changed in the rubric\n\n- Discipline Claims data weight 1 → 3\n');
    const json = JSON.parse((await runCli(cli, ['diff', `main:${CLAIMS_RUBRIC}`, CLAIMS_RUBRIC, '--format', 'json'], { cwd: repo })).stdout) as { rubricChanges?: unknown };
    expect(json.rubricChanges).toEqual([{ kind: 'group-weight', scoring: true, group: { id: 'data', title: 'Claims data' }, before: 1, after: 3 }]);
    const same = await runCli(cli, ['diff', `main:${CLAIMS_RUBRIC}`, `main:${CLAIMS_RUBRIC}`], { cwd: repo });
    expect(same.stdout).toContain('Nothing in the rubric changed.');
    const assessment = JSON.parse((await runCli(cli, ['diff', `main:${CLAIMS}`, CLAIMS, '--format', 'json'], { cwd: repo })).stdout) as Record<string, unknown>;
    expect(assessment).not.toHaveProperty('rubricChanges');
  });
});

describe('rubrics uses', () => {
  it('lists the assessments and plans scored against a rubric file or a built-in, and nothing that only shares its id', async () => {
    const { repo } = repository('uses');
    // A copy of the custom rubric elsewhere, with the same id, is another rubric.
    fs.mkdirSync(path.join(repo, 'other'));
    fs.copyFileSync(path.join(repo, CLAIMS_RUBRIC), path.join(repo, 'other/claims-platform.rubric.yaml'));
    fs.copyFileSync(path.join(repo, CLAIMS), path.join(repo, 'other/claims.assessment.yaml'));
    const custom = await runCli(cli, ['uses', CLAIMS_RUBRIC], { cwd: repo });
    expect(custom).toMatchObject({ code: 0, stdout: `${CLAIMS}  Assessment  Claims-platform engineering, March 2026  overall 2.17\n` });
    const builtin = JSON.parse((await runCli(cli, ['uses', 'seven-attributes', K, '--format', 'json'], { cwd: repo })).stdout) as { uses: { path: string; kind: string }[] };
    expect(builtin.uses.map((u) => `${u.kind} ${u.path}`)).toEqual([
      `Assessment ${K}/2025-03.seven-attributes.assessment.yaml`,
      `Assessment ${K}/2026-03.seven-attributes.assessment.yaml`,
      `Plan ${PLAN}`,
    ]);
    const none = await runCli(cli, ['uses', `${K}/cloud-operations.yaml#kestrel-cloud-operations`, 'other'], { cwd: repo });
    expect(none).toMatchObject({ code: 0, stdout: 'Nothing in the 2 files checked uses kestrel-cloud-operations.\n' });
    const unknown = await runCli(cli, ['uses', 'no-such-rubric'], { cwd: repo });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('is neither a rubric file nor a built-in rubric');
  });
});
