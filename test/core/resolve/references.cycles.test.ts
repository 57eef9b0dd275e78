/**
 * References that go round in circles (issue 11): before, two plans whose baselines named each
 * other made an analysis wait on its own unfinished result, and `rubrics validate` printed nothing
 * and exited 0. Every analysis must now settle with a diagnostic on the reference, alone and with
 * many analyses running at once on one engine (as the CLI runs them).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine, type FileAnalysis } from '../../../src/core/engine';
import { MemoryFileHost } from '../../../src/core/resolve/host';
import { buildCli, removeTempDirs, runCli, tempDir } from '../../support/cli';
import { codesAt, yaml } from '../../support/memory';
import { DESK_RUBRIC } from '../../support/languageFixtures';

const plan = (id: string, baseline: string, rubric = './desk.rubric.yaml') => yaml`
  apiVersion: rubrics-as-code/v1
  kind: Plan
  id: ${id}
  title: Plan ${id}
  rubric: ${rubric}
  baseline: ${baseline}
  horizon: { start: 2026-01-01, end: 2028-06-30 }
  initiatives:
    - { id: first, title: First step, start: 2026-02-01, end: 2026-12-31 }
`;

const assessment = (id: string, rubric: string) => yaml`
  apiVersion: rubrics-as-code/v1
  kind: Assessment
  id: ${id}
  rubric: ${rubric}
  subject: { organization: Acme }
  date: 2026-01-15
  dimensions:
    knowledge: { answers: { kb: yes } }
`;

/** A usable rubric (gated: desk, with the knowledge dimension the assessments answer). */
const RUBRIC = DESK_RUBRIC;

/** Each case: the files, and for each file the diagnostic its reference must end with. */
const CYCLES: Record<string, { files: Record<string, string>; expect: Record<string, RegExp> }> = {
  'two plans whose baselines name each other': {
    files: { 'a.plan.yaml': plan('a', './b.plan.yaml'), 'b.plan.yaml': plan('b', './a.plan.yaml'), 'desk.rubric.yaml': RUBRIC },
    expect: { 'a.plan.yaml': /^baseline-not-found@6:11 b\.plan\.yaml holds no Assessment document\.$/, 'b.plan.yaml': /^baseline-not-found@6:11 a\.plan\.yaml holds no Assessment document\.$/ },
  },
  'two assessments whose rubrics name each other': {
    files: { 'a.assessment.yaml': assessment('a', './b.assessment.yaml'), 'b.assessment.yaml': assessment('b', './a.assessment.yaml') },
    expect: {
      'a.assessment.yaml': /^rubric-not-found@4:9 b\.assessment\.yaml holds no Rubric document \(it holds: Assessment\)\.$/,
      'b.assessment.yaml': /^rubric-not-found@4:9 a\.assessment\.yaml holds no Rubric document \(it holds: Assessment\)\.$/,
    },
  },
  'three assessments in a ring of rubric references': {
    files: { 'a.yaml': assessment('a', './b.yaml'), 'b.yaml': assessment('b', './c.yaml'), 'c.yaml': assessment('c', './a.yaml') },
    expect: { 'a.yaml': /^rubric-not-found@4:9 b\.yaml holds no Rubric/, 'b.yaml': /^rubric-not-found@4:9 c\.yaml holds no Rubric/, 'c.yaml': /^rubric-not-found@4:9 a\.yaml holds no Rubric/ },
  },
  "a mix: a plan's baseline whose rubric is the plan, and two plans that name each other as rubric and baseline": {
    files: {
      'p.plan.yaml': plan('p', './q.assessment.yaml', './q.assessment.yaml'),
      'q.assessment.yaml': assessment('q', './p.plan.yaml'),
      'r.plan.yaml': plan('r', './s.plan.yaml'),
      's.plan.yaml': plan('s', './p.plan.yaml', './r.plan.yaml'),
      'desk.rubric.yaml': RUBRIC,
    },
    expect: {
      'p.plan.yaml': /^rubric-not-found@5:9 q\.assessment\.yaml holds no Rubric document \(it holds: Assessment\)\.$/,
      'q.assessment.yaml': /^rubric-not-found@4:9 p\.plan\.yaml holds no Rubric document \(it holds: Plan\)\.$/,
      'r.plan.yaml': /^baseline-not-found@6:11 s\.plan\.yaml holds no Assessment document\.$/,
      's.plan.yaml': /^rubric-not-found@5:9 r\.plan\.yaml holds no Rubric document \(it holds: Plan\)\./,
    },
  },
};

function engineOver(files: Record<string, string>): Engine {
  return new Engine(new MemoryFileHost(new Map(Object.entries(files).map(([name, text]) => [`file:///ws/${name}`, text]))));
}

function firstProblem(analysis: FileAnalysis): string {
  const codes = codesAt(analysis);
  const error = analysis.diagnostics.findIndex((d) => d.severity === 'error');
  return `${codes[error]} ${analysis.diagnostics[error]?.message}`;
}

describe('reference cycles', () => {
  for (const [name, { files, expect: expected }] of Object.entries(CYCLES)) {
    it(`${name}: each file settles alone, with an error on its reference`, async () => {
      for (const [file, problem] of Object.entries(expected)) {
        const analysis = await engineOver(files).analyze(`file:///ws/${file}`, files[file] as string);
        expect(firstProblem(analysis), file).toMatch(problem);
      }
    });

    it(`${name}: all files settle together on one engine, among valid files`, async () => {
      const all = { ...files, 'desk.rubric.yaml': RUBRIC, 'fine.assessment.yaml': assessment('fine', './desk.rubric.yaml'), 'fine.plan.yaml': plan('fine', './fine.assessment.yaml') };
      const engine = engineOver(all);
      const names = Object.keys(all);
      // Twice each, in an interleaved order, so the same files are analysed while others still read.
      const runs = await Promise.all([...names, ...names.reverse()].map((file) => engine.analyze(`file:///ws/${file}`, (all as Record<string, string>)[file] as string)));
      for (const [file, problem] of Object.entries(expected)) {
        for (const analysis of runs.filter((a) => a.uri === `file:///ws/${file}`)) expect(firstProblem(analysis), file).toMatch(problem);
      }
      const fine = runs.filter((a) => a.uri.includes('/fine.'));
      expect(fine.length).toBe(4);
      expect(fine.every((a) => a.diagnostics.every((d) => d.severity !== 'error'))).toBe(true);
    });
  }

  it.each([
    ['its rubric is missing', './nowhere.rubric.yaml'],
    ['its rubric is the plan itself (plan → assessment → plan)', './p.plan.yaml'],
  ])('a plan whose baseline cannot be scored (%s) gets an error on its baseline, not a clean check', async (_why, baselineRubric) => {
    const files = { 'p.plan.yaml': plan('p', './q.assessment.yaml'), 'q.assessment.yaml': assessment('q', baselineRubric), 'desk.rubric.yaml': RUBRIC };
    const analysis = await engineOver(files).analyze('file:///ws/p.plan.yaml', files['p.plan.yaml']);
    expect(firstProblem(analysis)).toMatch(/^baseline-not-found@6:11 The baseline assessment in q\.assessment\.yaml cannot be scored: its rubric could not be used/);
    expect(codesAt(analysis)).toEqual(['baseline-not-found@6:11']);
  });

  it('follows a cycle between two files that holds no cycle between documents, and checks both fully', async () => {
    // x.yaml holds a rubric and a plan whose baseline is in y.yaml; y.yaml's assessment uses x's rubric.
    const x = `${RUBRIC}---\n${plan('roadmap', './y.yaml', 'desk')}`;
    const y = assessment('baseline', './x.yaml#desk');
    const engine = engineOver({ 'x.yaml': x, 'y.yaml': y });
    const [ax, ay] = await Promise.all([engine.analyze('file:///ws/x.yaml', x), engine.analyze('file:///ws/y.yaml', y)]);
    const errors = (a: FileAnalysis) => a.diagnostics.filter((d) => d.severity !== 'information');
    expect(errors(ax as FileAnalysis)).toEqual([]);
    expect(errors(ay as FileAnalysis)).toEqual([]);
    const roadmap = (ax as FileAnalysis).documents[1];
    expect(roadmap?.kind === 'Plan' && roadmap.baseline?.score?.overall.level).toBe(2);
  });
});

describe('rubrics validate over a folder with reference cycles', () => {
  let cli: string;
  beforeAll(async () => {
    cli = await buildCli();
  });
  afterAll(removeTempDirs);

  it('prints the problems of every file and exits 1 instead of finishing silently with 0', async () => {
    const dir = tempDir('rubrics-cycles-');
    const files: Record<string, string> = { 'desk.rubric.yaml': RUBRIC, 'fine.assessment.yaml': assessment('fine', './desk.rubric.yaml') };
    for (const { files: cycle } of Object.values(CYCLES)) Object.assign(files, cycle);
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name.endsWith('.yaml') && !/\.(rubric|assessment|plan)\.yaml$/.test(name) ? name.replace(/\.yaml$/, '.assessment.yaml') : name), text);
    const run = await runCli(cli, ['validate', '--format', 'json', '.'], { cwd: dir });
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout) as { path: string; diagnostics: { code: string }[] }[];
    const errors = new Map(results.map((r) => [r.path, r.diagnostics.map((d) => d.code)]));
    expect(errors.get('a.plan.yaml')).toContain('baseline-not-found');
    expect(errors.get('b.assessment.yaml')).toContain('rubric-not-found');
    expect(errors.get('fine.assessment.yaml')?.filter((code) => !['dimension-not-assessed', 'criterion-not-answered'].includes(code))).toEqual([]);
  });
});
