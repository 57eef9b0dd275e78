/**
 * `rubrics import samm` and `rubrics import dsomm` on small fixtures of our own in the shape of the
 * official sources (test/fixtures/import): the rubric they write validates clean, keeps the
 * model's structure (streams, dependencies, references, long answers and names) and scores with
 * the model's formula.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { convertDsomm } from '../../src/core/interchange/dsomm';
import { readModelFile, readSammModel, sammRelease } from '../../src/node/readModel';
import { rubricYaml } from '../../src/core/interchange/rubricYaml';
import { convertSamm } from '../../src/core/interchange/samm';
import type { AssessmentDocumentAnalysis } from '../../src/core/engine';
import type { Rubric } from '../../src/core/format/types';
import { buildReport } from '../../src/core/report';
import { renderMarkdown } from '../../src/core/render';
import { buildCli, gitIn, removeTempDirs, runCli, tempDir } from '../support/cli';
import { analyzeMemory, codesAt } from '../support/memory';

const FIXTURES = path.join(__dirname, '../fixtures/import');

/** An assessment of the converted rubric, scored; `expected` are the codes it must show (line:column). */
async function scored(rubric: string, dimensions: Record<string, unknown>, expected: string[] = []): Promise<AssessmentDocumentAnalysis> {
  const assessment = YAML.stringify({ apiVersion: 'rubrics-as-code/v1', kind: 'Assessment', id: 'a', rubric: './r.rubric.yaml', subject: { organization: 'Test' }, date: '2026-03-31', dimensions });
  const analysis = await analyzeMemory({ 'r.rubric.yaml': rubric, 'a.yaml': assessment }, 'a.yaml');
  expect(codesAt(analysis)).toEqual(expected);
  return analysis.documents[0] as AssessmentDocumentAnalysis;
}

describe('rubrics import samm', () => {
  let rubric: Rubric;
  let text: string;
  let notes: readonly string[];
  beforeAll(async () => {
    const conversion = convertSamm(await readSammModel(path.join(FIXTURES, 'samm'), FIXTURES));
    rubric = conversion.rubric;
    notes = conversion.notes;
    text = rubricYaml(conversion, 'rubrics import samm');
  });

  it('writes a rubric that validates clean', async () => {
    expect(codesAt(await analyzeMemory({ 'r.rubric.yaml': text }, 'r.rubric.yaml'))).toEqual([]);
    expect(text.startsWith('# OWASP SAMM, converted by "rubrics import samm" from the OWASP SAMM YAML data model, model family 2, release unknown (6 activities, 2 answer sets).\n')).toBe(true);
    expect(rubric.version).toBe('2');
  });

  it('keeps SAMM’s structure: functions, practices with their streams, levels 0 to 3 without names', () => {
    expect(rubric.scoring).toEqual({ method: 'levelSum' });
    expect(rubric.levels.map((l) => [l.level, l.name])).toEqual([[0, undefined], [1, undefined], [2, undefined], [3, undefined]]);
    expect(rubric.groups).toEqual([{ id: 'delivery', title: 'Delivery', description: 'How the team builds and ships its software.' }]);
    const practice = rubric.dimensions[0]!;
    expect([practice.id, practice.group, practice.subgroups?.map((s) => [s.id, s.title])]).toEqual(['release-safety', 'delivery', [['a', 'Checks before release'], ['b', 'Recovery']]]);
    expect(practice.levels).toEqual({ 1: 'Release safety at level 1.', 2: 'Release safety at level 2.', 3: 'Release safety at level 3.' });
    expect(practice.criteria?.map((c) => [c.id, c.level, c.subgroup, c.answerScale])).toEqual([
      ['d-rs-1-a', 1, 'a', 'answer-set-a'],
      ['d-rs-1-b', 1, 'b', 'answer-set-a'],
      ['d-rs-2-a', 2, 'a', 'answer-set-a'],
      ['d-rs-2-b', 2, 'b', 'answer-set-a'],
      ['d-rs-3-a', 3, 'a', 'answer-set-a'],
      ['d-rs-3-b', 3, 'b', 'answer-set-b'],
    ]);
    const first = practice.criteria![0]!;
    expect([first.title, first.text]).toEqual(['Review changes', 'Does the team review changes?']);
    // The interview: SAMM's question, and its quality criteria as what to look for.
    expect(first.questions).toEqual([{ ask: 'Does the team review changes?', lookFor: ['It is written down', 'Everyone on the team knows it'] }]);
    expect(first.qualityCriteria).toBeUndefined();
    expect(first.guidance).toContain('The team agrees how to review changes and writes it down.\n\n* Who does it');
  });

  it('keeps answers longer than 80 characters, SAMM\'s own activity ids, and related activities as advice (also as releases before v2.1 spell them)', () => {
    const long = rubric.answerScales!['answer-set-a']!.answers[3]!;
    expect(long.value.length).toBeGreaterThan(80);
    expect(long.credit).toBe(1);
    const byId = new Map(rubric.dimensions[0]!.criteria!.map((c) => [c.id, c]));
    expect(byId.get('d-rs-2-b')?.related).toEqual(['d-rs-1-b']);
    expect(byId.get('d-rs-3-a')?.related).toEqual(['d-rs-2-a']);
    expect([...byId.values()].some((c) => c.dependsOn)).toBe(false);
    expect(byId.get('d-rs-3-a')?.references).toEqual([{ framework: 'samm2', id: 'D-RS-A-3' }]);
    expect(notes).toEqual([
      expect.stringMatching(/D-RS-3-A\.yml: its related activity c0+missing is not in the model; the link is left out\./),
      expect.stringContaining('The release these files come from is not known'),
    ]);
  });

  it('takes the version from the release: the checkout\'s tag, the folder\'s name, or --release', async () => {
    const checkout = path.join(tempDir(), 'samm');
    fs.cpSync(path.join(FIXTURES, 'samm'), checkout, { recursive: true });
    gitIn(checkout, 'init', '-q');
    gitIn(checkout, 'add', '.');
    gitIn(checkout, 'commit', '-qm', 'model');
    gitIn(checkout, 'tag', 'v2.2.0');
    expect(await sammRelease(checkout, FIXTURES)).toEqual({ version: 'v2.2.0', how: 'git tag v2.2.0' });
    fs.writeFileSync(path.join(checkout, 'README.md'), 'changed');
    gitIn(checkout, 'add', '.');
    gitIn(checkout, 'commit', '-qm', 'after');
    const after = await sammRelease(checkout, FIXTURES);
    expect(after).toEqual({ version: 'v2.2.0', how: 'git tag v2.2.0, 1 commit after it' });
    const converted = convertSamm(await readSammModel(checkout, FIXTURES), { release: after! });
    expect([converted.rubric.version, converted.source]).toEqual(['2.2.0', 'the OWASP SAMM YAML data model, release 2.2.0 (git tag v2.2.0, 1 commit after it) (6 activities, 2 answer sets)']);
    expect(converted.notes.some((n) => n.includes('not known'))).toBe(false);
    // A copy inside another repository is not described by that repository's tags.
    const inner = path.join(checkout, 'vendored');
    fs.cpSync(path.join(FIXTURES, 'samm'), inner, { recursive: true });
    expect(await sammRelease(inner, FIXTURES)).toBeUndefined();
    const archive = path.join(tempDir(), 'core-2.1.0');
    fs.cpSync(path.join(FIXTURES, 'samm'), archive, { recursive: true });
    expect(await sammRelease(archive, FIXTURES)).toEqual({ version: '2.1.0', how: "the folder's name, core-2.1.0" });
    expect(() => convertSamm([], { release: { version: 'latest', how: 'given' } })).toThrow();
  });

  it('scores a practice as SAMM does, its streams as sub-groups', async () => {
    const doc = await scored(text, {
      'release-safety': {
        answers: {
          'd-rs-1-a': 'Yes, for at least half of the releases',
          'd-rs-1-b': 'Yes, for some releases',
          'd-rs-2-a': 'No',
          'd-rs-2-b': 'Yes, for at least half of the releases',
          'd-rs-3-a': 'No',
          'd-rs-3-b': 'Yes, always',
        },
      },
      // d-rs-2-b earns credit while d-rs-1-b, related to it, is only partly in place: advice in the report, no warning.
    });
    const practice = doc.score!.dimensions[0]!;
    // Level 1: (0.5 + 0.25) / 2; level 2: (0 + 0.5) / 2; level 3: (0 + 1) / 2 → 0.375 + 0.25 + 0.5
    expect(practice.score).toBeCloseTo(1.125, 12);
    // Stream A: 0.5 + 0 + 0; stream B: 0.25 + 0.5 + 1
    expect(practice.subgroups.map((s) => [s.id, s.score])).toEqual([['a', 0.5], ['b', 1.75]]);
    expect(doc.score!.overall.score).toBeCloseTo(1.125, 12);
    const report = buildReport({ uri: 'file:///ws/a.yaml', text: '', parser: 'fast', documents: [doc], diagnostics: [], dependencies: [] }, 0);
    const criterion = report.assessment!.dimensions[0]!.criteria.find((c) => c.id === 'd-rs-2-b');
    expect(criterion?.relatedNotMet).toEqual(['d-rs-1-b']);
    expect(renderMarkdown(report)).toContain('related, not met: `d-rs-1-b`');
  });
});

describe('rubrics import dsomm', () => {
  let rubric: Rubric;
  let text: string;
  let notes: readonly string[];
  beforeAll(async () => {
    const { shown, documents } = await readModelFile(path.join(FIXTURES, 'dsomm/model.yaml'), FIXTURES);
    const conversion = convertDsomm(documents, shown);
    rubric = conversion.rubric;
    notes = conversion.notes;
    text = rubricYaml(conversion, 'rubrics import dsomm');
  });

  it('writes a rubric that validates clean, on a 0 to 5 gated scale', async () => {
    expect(codesAt(await analyzeMemory({ 'r.rubric.yaml': text }, 'r.rubric.yaml'))).toEqual([]);
    expect([rubric.version, rubric.scoring, rubric.levels.map((l) => l.level)]).toEqual(['4.3.1', { method: 'gated' }, [0, 1, 2, 3, 4, 5]]);
    expect(rubric.groups?.map((g) => g.id)).toEqual(['build-and-deployment', 'test-and-verification']);
    expect(rubric.dimensions.map((d) => [d.id, d.group, d.criteria?.length])).toEqual([
      ['build', 'build-and-deployment', 3],
      ['deployment', 'build-and-deployment', 2],
      ['static-depth-for-applications', 'test-and-verification', 2],
    ]);
  });

  it('keeps names longer than 80 characters, uuids, dependencies by uuid and by name, references, every tool with its description, comments, tags and ratings', () => {
    const [scripted, signed, reproducible] = rubric.dimensions[0]!.criteria!;
    expect(signed!.id).toBe('signed-artifacts-that-are-checked-again-at-every-single-stage-of-the-delivery-pipeline-too');
    expect(signed!.dependsOn).toEqual(['scripted-build', 'deployment-by-script']);
    expect(reproducible!.dependsOn).toEqual([signed!.id]);
    expect(notes).toEqual([expect.stringContaining('depends on 00000000-0000-4000-8000-00000000dead, which is no activity of the model; the dependency is left out.')]);
    expect(scripted!.references).toEqual([
      { framework: 'dsomm', id: '11111111-1111-4111-8111-111111111111' },
      { framework: 'samm2', id: 'I-SB-A-1' },
      { framework: 'iso-27001-2017', id: '12.1.1' },
      { framework: 'iso-27001-2022', id: '8.32' },
      { title: 'OpenCRE', url: 'https://www.opencre.org/node/standard/example' },
      { title: 'Any CI server', url: 'https://example.com/ci' },
      { title: 'A build checklist', description: 'A written list of the steps, for teams without a CI server yet.' },
    ]);
    expect(scripted!.guidance).toContain('Comments: The platform team reviews the scripts each quarter.');
    expect([rubric.defaultAnswerScale, rubric.answerScales?.['dsomm-progress']?.answers.map((a) => [a.value, a.credit])]).toEqual(['dsomm-progress', [['no', 0], ['started', 0.2], ['partly', 0.5], ['yes', 1]]]);
    expect([scripted!.tags, signed!.tags, scripted!.difficulty, scripted!.usefulness]).toEqual([undefined, ['sbom', 'signing'], { knowledge: 2, time: 3, resources: 2 }, 4]);
    expect(scripted!.guidance).toContain('Risk: Builds done by hand differ from one another.');
    expect(text).toContain('id: "8.32"');
  });

  it('scores sub-dimensions as a ladder where levels without activities ask nothing more', async () => {
    const doc = await scored(text, {
      build: { answers: { 'scripted-build': 'yes', [rubric.dimensions[0]!.criteria![1]!.id]: 'yes', 'reproducible-builds': 'no' } },
      deployment: { answers: { 'deployment-by-script': 'no', 'automated-rollback': 'no' } },
      'static-depth-for-applications': { answers: { 'static-analysis-of-changed-code': 'no', 'static-analysis-of-all-code': 'no' } },
      // The signed artifacts are in place, but the deployment script they depend on is not.
    }, ['dependency-not-met@12:7']);
    const [build, deployment, depth] = doc.score!.dimensions;
    // Build has activities at 1, 3 and 5: everything up to 3 is in place, level 4 asks nothing more.
    expect([build!.score, build!.blockers.map((b) => b.id)]).toEqual([4, ['reproducible-builds']]);
    expect(deployment!.score).toBe(0);
    // No level-1 activity here: with nothing in place the sub-dimension stands at 1, what level 1 asks of it.
    expect(depth!.score).toBe(1);
    expect(doc.score!.overall.score).toBeCloseTo(((4 + 0) / 2 + 1) / 2, 12);
  });

  /** Every activity of the imported rubric answered the same way. */
  const all = (answer: 'yes' | 'no') => Object.fromEntries(rubric.dimensions.map((d) => [d.id, { answers: Object.fromEntries((d.criteria ?? []).map((c) => [c.id, answer])) }]));
  const nextLevels = (doc: AssessmentDocumentAnalysis) => doc.score!.dimensions.map((d) => [d.id, d.score, d.nextLevel, d.ceiling, d.blockers.map((b) => b.id)]);

  // Issue 22: a next level only where the gated ladder can reach it.
  it('with everything implemented, names no next level, and the cap where a sub-dimension has no level-5 activities', async () => {
    expect(nextLevels(await scored(text, all('yes')))).toEqual([
      ['build', 5, undefined, undefined, []],
      ['deployment', 2, undefined, 2, []],
      ['static-depth-for-applications', 3, undefined, 3, []],
    ]);
  });

  it('with nothing implemented, names the next level and the activities that block it', async () => {
    expect(nextLevels(await scored(text, all('no')))).toEqual([
      ['build', 0, 1, undefined, ['scripted-build']],
      ['deployment', 0, 1, undefined, ['deployment-by-script']],
      // No level-1 activity: level 1 is where it stands, level 2 what it waits for.
      ['static-depth-for-applications', 1, 2, undefined, ['static-analysis-of-changed-code']],
    ]);
  });
});

describe('the import command', () => {
  let cli: string;
  beforeAll(async () => {
    cli = await buildCli();
  });
  afterAll(removeTempDirs);

  it('writes the rubric to --out, and it validates', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'samm.rubric.yaml');
    const run = await runCli(cli, ['import', 'samm', path.join(FIXTURES, 'samm'), '--out', out]);
    expect([run.code, run.stdout]).toEqual([0, '']);
    expect(run.stderr).toContain('note: ');
    expect(run.stderr).toMatch(new RegExp(`^rubrics: wrote ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: the rubric "[a-z-]+" converted from OWASP SAMM .+ \\(\\d+\\.\\d KiB\\)\\.$`, 'm'));
    const check = await runCli(cli, ['validate', out]);
    expect(check.code).toBe(0);
    const dsomm = await runCli(cli, ['import', 'dsomm', path.join(FIXTURES, 'dsomm/model.yaml'), '--id', 'our-dsomm']);
    expect(dsomm.code).toBe(0);
    expect(YAML.parse(dsomm.stdout).id).toBe('our-dsomm');
  });

  it('says what is wrong with a source it cannot convert, with exit code 2', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'model.yaml'), 'Build and Deployment:\n  Build: [unclosed\n');
    const broken = await runCli(cli, ['import', 'dsomm', path.join(dir, 'model.yaml')]);
    expect([broken.code, broken.stdout]).toEqual([2, '']);
    expect(broken.stderr).toMatch(/Cannot convert .*model\.yaml: .*model\.yaml:\d+:\d+: /);
    const empty = await runCli(cli, ['import', 'samm', tempDir()]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('No business functions found.');
    const notFolder = await runCli(cli, ['import', 'samm', path.join(dir, 'model.yaml')]);
    expect(notFolder.stderr).toContain('is not a folder');
    const other = await runCli(cli, ['import', 'cmmi', dir]);
    expect([other.code, other.stderr]).toEqual([2, expect.stringContaining('converts samm or dsomm, not "cmmi"')]);
  });
});
