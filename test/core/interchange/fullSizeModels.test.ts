/**
 * Full-size models in the shapes of OWASP SAMM (5 business functions, 15 practices, 30 streams,
 * 90 questions on 24 answer sets), OWASP DSOMM (5 dimensions, 19 sub-dimensions, 194 activities
 * at levels 1 to 5 with the gaps the real model has, 123 dependencies) and the OpenSSF Scorecard
 * (20 checks on 0 to 10, weighted by risk 10/7.5/5/2.5), with placeholder texts. Each is scored on
 * seeded random answer sets, and every number of the JSON report is checked, to 1e-9, against the
 * model's published formula computed here from the model itself, independently of the engine.
 */
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { convertDsomm } from '../../../src/core/interchange/dsomm';
import { rubricYaml } from '../../../src/core/interchange/rubricYaml';
import { convertSamm } from '../../../src/core/interchange/samm';
import { renderJson, renderMarkdown } from '../../../src/core/render';
import { buildReport, type ReportModel } from '../../../src/core/report';
import { analyzeMemory, codesAt } from '../../support/memory';
import { reportSchemaErrors } from '../../support/reportSchema';
import { DSOMM_SHAPE, dsommLadder, dsommShapedModel } from '../../support/dsommShapedModel';
import { SAMM_CREDITS, SAMM_FUNCTIONS, sammShapedModel } from '../../support/sammShapedModel';
import { pick, seededRandom } from '../../support/seededAnswers';

const SEEDS = [11, 23, 37, 41, 59];

/** The JSON report of an assessment of `rubric`, parsed back, after checking it against the report schema. */
async function jsonReport(rubric: string, dimensions: Record<string, unknown>, allowed: RegExp = /^(criterion-not-answered|dimension-not-assessed|dependency-not-met)@/): Promise<ReportModel> {
  const assessment = YAML.stringify({ apiVersion: 'rubrics-as-code/v1', kind: 'Assessment', id: 'seeded', rubric: './r.rubric.yaml', subject: { organization: 'Seeded' }, date: '2026-03-31', dimensions });
  const analysis = await analyzeMemory({ 'r.rubric.yaml': rubric, 'a.yaml': assessment }, 'a.yaml');
  expect(codesAt(analysis).filter((c) => !allowed.test(c))).toEqual([]);
  const json = renderJson(buildReport(analysis, 0));
  expect(reportSchemaErrors(json)).toEqual([]);
  return JSON.parse(json) as ReportModel;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const near = (value: number | undefined) => expect.closeTo(value as number, 9);

// --- OWASP SAMM ---------------------------------------------------------------------------------
describe('a full-size SAMM-shaped model, imported, scores as SAMM does', () => {
  const CREDITS = SAMM_CREDITS;
  const functions = SAMM_FUNCTIONS;
  /** For the formula: each question's practice, stream and level. */
  const { files, questions } = sammShapedModel();
  const conversion = convertSamm(files);
  const rubric = rubricYaml(conversion, 'rubrics import samm');

  it('has every function, practice, stream and question, and validates clean', async () => {
    expect([conversion.rubric.groups?.length, conversion.rubric.dimensions.length, conversion.rubric.dimensions.flatMap((d) => d.subgroups ?? []).length]).toEqual([5, 15, 30]);
    expect(conversion.rubric.dimensions.flatMap((d) => (d.criteria ?? []).map((c) => c.id)).sort()).toEqual(questions.map((q) => q.id).sort());
    expect(Object.keys(conversion.rubric.answerScales ?? {})).toHaveLength(24);
    expect(codesAt(await analyzeMemory({ 'r.rubric.yaml': rubric }, 'r.rubric.yaml'))).toEqual([]);
  });

  it.each(SEEDS)('seed %i: practices, streams, functions and the overall score', async (seed) => {
    const random = seededRandom(seed);
    const credit = new Map<string, number>();
    const dimensions: Record<string, { answers: Record<string, string> }> = {};
    for (const q of questions) {
      const dimension = conversion.rubric.dimensions.find((d) => d.criteria?.some((c) => c.id === q.id))!.id;
      dimensions[dimension] ??= { answers: {} };
      if (random() < 0.1) continue; // unanswered: SAMM counts it as 0
      const answer = pick(random, [0, 1, 2, 3]);
      dimensions[dimension].answers[q.id] = `Answer ${answer} of set ${q.set.slice(3)}`;
      credit.set(q.id, CREDITS[answer] as number);
    }
    const report = await jsonReport(rubric, dimensions);
    // SAMM: a stream scores the sum of its answers over the three levels; a practice the sum over
    // levels of the mean of its two streams' answers; a function the mean of its practices; the
    // overall score the mean of the functions.
    const at = (practice: string, stream: string, level: number) => credit.get(`${practice}-${level}-${stream}`.toLowerCase()) ?? 0;
    const practiceScore = (practice: string) => [1, 2, 3].reduce((sum, level) => sum + mean(['A', 'B'].map((s) => at(practice, s, level))), 0);
    const functionScore = (f: string) => mean([1, 2, 3].map((p) => practiceScore(`${f}-P${p}`)));
    const a = report.assessment!;
    for (const f of functions) {
      for (let p = 1; p <= 3; p++) {
        const practice = `${f}-P${p}`;
        const d = a.dimensions.find((x) => x.title === `Practice ${practice}`)!;
        expect(d.score).toEqual(near(practiceScore(practice)));
        expect(d.subgroups?.map((s) => s.score)).toEqual(['A', 'B'].map((s) => near([1, 2, 3].reduce((sum, level) => sum + at(practice, s, level), 0))));
      }
      expect(a.groups.find((g) => g.title === `${f} function`)?.score).toEqual(near(functionScore(f)));
    }
    expect(a.overall?.score).toEqual(near(mean(functions.map(functionScore))));
  });
});

// --- OWASP DSOMM --------------------------------------------------------------------------------
describe('a full-size DSOMM-shaped model, imported, scores as a DSOMM ladder', () => {
  const SHAPE = DSOMM_SHAPE;
  const { documents, activities, links } = dsommShapedModel();
  const conversion = convertDsomm(documents, 'model.yaml');
  const rubric = rubricYaml(conversion, 'rubrics import dsomm');
  const idOf = new Map(conversion.rubric.dimensions.flatMap((d) => (d.criteria ?? []).map((c) => [c.title as string, c.id])));

  it('has every dimension, sub-dimension, activity and dependency, and validates clean', async () => {
    expect([conversion.rubric.groups?.length, conversion.rubric.dimensions.length, idOf.size]).toEqual([5, 19, 194]);
    expect(conversion.rubric.dimensions.flatMap((d) => (d.criteria ?? []).flatMap((c) => c.dependsOn ?? []))).toHaveLength(links);
    expect(conversion.notes).toEqual([]);
    expect(codesAt(await analyzeMemory({ 'r.rubric.yaml': rubric }, 'r.rubric.yaml'))).toEqual([]);
  });

  it.each(SEEDS)('seed %i: sub-dimension levels, dimensions and the overall score', async (seed) => {
    const random = seededRandom(seed);
    const implemented = new Set<string>();
    const dimensions: Record<string, { answers: Record<string, string> }> = {};
    for (const a of activities) {
      const id = idOf.get(a.name) as string;
      const dimension = conversion.rubric.dimensions.find((d) => d.title === a.sub)!.id;
      dimensions[dimension] ??= { answers: {} };
      const yes = random() < 0.9 - a.level * 0.12;
      dimensions[dimension].answers[id] = yes ? 'yes' : 'no';
      if (yes) implemented.add(a.uuid);
    }
    const report = await jsonReport(rubric, dimensions);
    const ladder = (sub: string) => dsommLadder(activities, sub, implemented);
    const a = report.assessment!;
    const subs = [...new Set(activities.map((x) => x.sub))];
    for (const sub of subs) expect(a.dimensions.find((d) => d.title === sub)?.score).toBe(ladder(sub));
    const dimensionScore = (di: number) => mean(subs.filter((s) => s.startsWith(`Sub-dimension ${di + 1}.`)).map(ladder));
    SHAPE.forEach((_, di) => expect(a.groups.find((g) => g.title === `Dimension ${di + 1}`)?.score).toEqual(near(dimensionScore(di))));
    expect(a.overall?.score).toEqual(near(mean(SHAPE.map((_, di) => dimensionScore(di)))));
  });

  /** Every activity answered the same way, keyed by sub-dimension id. */
  const answeredAll = (answer: 'yes' | 'no') => {
    const dimensions: Record<string, { answers: Record<string, string> }> = {};
    for (const a of activities) {
      const dimension = conversion.rubric.dimensions.find((d) => d.title === a.sub)!.id;
      (dimensions[dimension] ??= { answers: {} }).answers[idOf.get(a.name) as string] = answer;
    }
    return dimensions;
  };
  const levelsOf = (sub: string) => activities.filter((a) => a.sub === sub).map((a) => a.level);

  // Issue 22: with everything implemented, five sub-dimensions (those without level-5 activities)
  // reported a next level with no blockers, a level the gated method can never give them.
  it('with every activity implemented: each sub-dimension at its highest level with activities, and no next level anywhere', async () => {
    const a = (await jsonReport(rubric, answeredAll('yes'))).assessment!;
    const rows = a.dimensions.map((d) => [d.title, d.score, d.nextLevel, d.ceiling, d.blockers.length]);
    expect(rows).toEqual(
      [...new Set(activities.map((x) => x.sub))].map((sub) => {
        const top = Math.max(...levelsOf(sub));
        return [sub, top, undefined, top < 5 ? top : undefined, 0];
      }),
    );
    // The five capped ones, and what the report says of them.
    expect(a.dimensions.filter((d) => d.ceiling !== undefined).map((d) => [d.title, d.ceiling])).toEqual([
      ['Sub-dimension 1.3', 4],
      ['Sub-dimension 2.3', 3],
      ['Sub-dimension 4.3', 4],
      ['Sub-dimension 5.6', 4],
      ['Sub-dimension 5.7', 4],
    ]);
    const model = buildReport(await analyzeMemory({ 'r.rubric.yaml': rubric, 'a.yaml': YAML.stringify({ apiVersion: 'rubrics-as-code/v1', kind: 'Assessment', id: 'all', rubric: './r.rubric.yaml', subject: { organization: 'All' }, date: '2026-03-31', dimensions: answeredAll('yes') }) }, 'a.yaml'), 0);
    expect(renderMarkdown(model)).toContain('**Sub-dimension 2.3**: level 3, no next level. Level 3 is as high as this sub-dimension goes: the rubric has no activities above level 3, and the gated method claims no level without activities that count.');
  });

  it('with nothing implemented: each sub-dimension one below its lowest activities, blocked by exactly those', async () => {
    const a = (await jsonReport(rubric, answeredAll('no'))).assessment!;
    for (const d of a.dimensions) {
      const lowest = Math.min(...levelsOf(d.title));
      const expectedBlockers = activities.filter((x) => x.sub === d.title && x.level === lowest).map((x) => idOf.get(x.name));
      expect([d.title, d.score, d.nextLevel, d.ceiling, d.blockers.map((b) => b.id)]).toEqual([d.title, lowest - 1, lowest, undefined, expectedBlockers]);
    }
    // Sub-dimensions start at level 1 or 2 in this shape: both cases are covered.
    expect(new Set(a.dimensions.map((d) => d.score))).toEqual(new Set([0, 1]));
    expect(a.overall?.score).toEqual(near(mean(SHAPE.map((subs) => mean(subs.map(([, levels]) => Math.min(...levels) - 1))))));
  });
});

// --- OpenSSF Scorecard --------------------------------------------------------------------------
describe('an OpenSSF Scorecard-shaped rubric scores the Scorecard aggregate', () => {
  const RISK_WEIGHTS = { critical: 10, high: 7.5, medium: 5, low: 2.5 } as const;
  type Risk = keyof typeof RISK_WEIGHTS;
  const CHECKS: readonly (readonly [string, Risk])[] = [
    ['Binary-Artifacts', 'high'], ['Branch-Protection', 'high'], ['CI-Tests', 'low'], ['CII-Best-Practices', 'low'], ['Code-Review', 'high'],
    ['Contributors', 'low'], ['Dangerous-Workflow', 'critical'], ['Dependency-Update-Tool', 'high'], ['Fuzzing', 'medium'], ['License', 'low'],
    ['Maintained', 'high'], ['Packaging', 'medium'], ['Pinned-Dependencies', 'medium'], ['SAST', 'medium'], ['SBOM', 'medium'],
    ['Security-Policy', 'medium'], ['Signed-Releases', 'high'], ['Token-Permissions', 'high'], ['Vulnerabilities', 'high'], ['Webhooks', 'critical'],
  ];
  const id = (check: string) => check.toLowerCase();
  const rubric = YAML.stringify({
    apiVersion: 'rubrics-as-code/v1',
    kind: 'Rubric',
    id: 'scorecard-shaped',
    title: 'Scorecard-shaped checks',
    version: '5.0.0',
    terms: { group: 'Risk', dimension: 'Check' },
    scoring: { method: 'rated', rollup: 'flat' },
    levels: Array.from({ length: 11 }, (_, level) => ({ level })),
    groups: (Object.keys(RISK_WEIGHTS) as Risk[]).map((risk) => ({ id: risk, title: risk })),
    dimensions: CHECKS.map(([check, risk]) => ({ id: id(check), title: check, group: risk, weight: RISK_WEIGHTS[risk] })),
  });

  it.each(SEEDS)('seed %i: the weighted mean of the conclusive checks, and each risk group', async (seed) => {
    const random = seededRandom(seed);
    const scores = new Map<string, number>();
    const dimensions: Record<string, unknown> = {};
    for (const [check] of CHECKS) {
      if (random() < 0.15) {
        dimensions[id(check)] = { notApplicable: { reason: 'Inconclusive (score -1).' } };
        continue;
      }
      const score = Math.floor(random() * 11);
      scores.set(check, score);
      dimensions[id(check)] = { level: score };
    }
    const report = await jsonReport(rubric, dimensions);
    // Scorecard's aggregate: Σ weight × score / Σ weight over the checks with a score (≥ 0).
    const conclusive = CHECKS.filter(([check]) => scores.has(check));
    const aggregate = conclusive.reduce((sum, [check, risk]) => sum + RISK_WEIGHTS[risk] * (scores.get(check) as number), 0) / conclusive.reduce((sum, [, risk]) => sum + RISK_WEIGHTS[risk], 0);
    const a = report.assessment!;
    expect(a.overall?.score).toEqual(near(aggregate));
    for (const risk of Object.keys(RISK_WEIGHTS) as Risk[]) {
      const own = conclusive.filter(([, r]) => r === risk).map(([check]) => scores.get(check) as number);
      expect(a.groups.find((g) => g.id === risk)?.score).toEqual(own.length ? near(mean(own)) : undefined);
    }
    for (const [check] of CHECKS) expect(a.dimensions.find((d) => d.title === check)?.score).toBe(scores.get(check));
  });

  it('differs from the mean of the groups, which is what rollup: groups would give', async () => {
    const dimensions = Object.fromEntries(CHECKS.map(([check, risk]) => [id(check), { level: risk === 'critical' ? 10 : 0 }]));
    const flat = (await jsonReport(rubric, dimensions)).assessment!.overall?.score;
    const grouped = (await jsonReport(rubric.replace('rollup: flat', 'rollup: groups'), dimensions)).assessment!.overall?.score;
    // Flat: 2 × 10 × 10 / (2 × 10 + 8 × 7.5 + 6 × 5 + 4 × 2.5) = 200 / 120; groups: (10 + 0 + 0 + 0) / 4.
    expect([flat, grouped]).toEqual([near(200 / 120), near(2.5)]);
  });
});
