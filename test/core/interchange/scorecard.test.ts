/**
 * OpenSSF Scorecard results → its rubric and one assessment per repository: the report's overall
 * score is Scorecard's aggregate (the risk-weighted mean of the conclusive checks) to 1e-9, each
 * risk group the mean of its checks, an inconclusive check (-1) not applicable; one result, an
 * array or JSON Lines.
 */
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import type { AssessmentDocumentAnalysis } from '../../../src/core/engine';
import { ConversionError } from '../../../src/core/interchange/conversion';
import { rubricYaml } from '../../../src/core/interchange/rubricYaml';
import { parseScorecardResults, RISKS, scorecardAssessments, scorecardRubric } from '../../../src/core/interchange/scorecard';
import { analyzeMemory, codesAt } from '../../support/memory';
import { seededRandom } from '../../support/seededAnswers';

const WEIGHT = { Critical: 10, High: 7.5, Medium: 5, Low: 2.5 } as const;
const CHECKS = Object.keys(RISKS);

function result(repo: string, seed: number): Record<string, unknown> {
  const random = seededRandom(seed);
  const checks = CHECKS.map((name) => ({ details: null, score: random() < 0.15 ? -1 : Math.floor(random() * 11), reason: `Reason for ${name} <b>here</b>.`, name, documentation: { url: `https://github.com/ossf/scorecard/blob/main/docs/checks.md#${name.toLowerCase()}`, short: `What ${name} checks.` } }));
  const conclusive = checks.filter((c) => c.score >= 0);
  const weight = (c: { name: string }) => WEIGHT[RISKS[c.name]!];
  const aggregate = conclusive.reduce((s, c) => s + weight(c) * c.score, 0) / conclusive.reduce((s, c) => s + weight(c), 0);
  return { date: '2026-03-02T10:30:43-06:00', repo: { name: repo, commit: 'abc123' }, scorecard: { version: 'v5.1.1', commit: 'def' }, score: Math.round(aggregate * 10) / 10, checks, metadata: [] };
}

describe('OpenSSF Scorecard results, imported', () => {
  it.each([1, 2, 3, 4, 5])('seed %i: the overall score is Scorecard\'s aggregate and each risk group the mean of its checks', async (seed) => {
    const raw = result('github.com/example/tool', seed);
    const [parsed] = parseScorecardResults(JSON.stringify(raw, null, 2), 'results.json');
    const conversion = scorecardRubric([parsed!]);
    expect(conversion.notes).toEqual([]);
    const rubric = rubricYaml(conversion, 'rubrics import scorecard');
    const { assessments, notes } = scorecardAssessments([parsed!], conversion.rubric, { rubricReference: './scorecard.rubric.yaml' });
    expect(notes).toEqual([]);
    const analysis = await analyzeMemory({ 'scorecard.rubric.yaml': rubric, 'a.assessment.yaml': YAML.stringify(assessments[0]!.assessment) }, 'a.assessment.yaml');
    expect(codesAt(analysis)).toEqual([]);
    const score = (analysis.documents[0] as AssessmentDocumentAnalysis).score!;
    const checks = raw.checks as { name: string; score: number }[];
    const conclusive = checks.filter((c) => c.score >= 0);
    const weight = (c: { name: string }) => WEIGHT[RISKS[c.name]!];
    const aggregate = conclusive.reduce((s, c) => s + weight(c) * c.score, 0) / conclusive.reduce((s, c) => s + weight(c), 0);
    expect(score.overall.score).toEqual(expect.closeTo(aggregate, 9));
    expect(Math.abs((score.overall.score as number) - (raw.score as number))).toBeLessThanOrEqual(0.05 + 1e-9);
    for (const risk of ['Critical', 'High', 'Medium', 'Low'] as const) {
      const own = conclusive.filter((c) => RISKS[c.name] === risk).map((c) => c.score);
      expect(score.groups.find((g) => g.id === risk.toLowerCase())?.score).toEqual(own.length ? expect.closeTo(own.reduce((a, b) => a + b, 0) / own.length, 9) : undefined);
    }
    for (const c of checks) {
      const d = score.dimensions.find((x) => x.title === c.name)!;
      expect(c.score < 0 ? d.status : d.score).toBe(c.score < 0 ? 'not-applicable' : c.score);
    }
  });

  it('reads one result, an array, or one result per line; names each assessment by its repository and date', () => {
    const a = result('github.com/example/one', 1);
    const b = result('github.com/example/two', 2);
    const lines = parseScorecardResults(`${JSON.stringify(a)}\n\n${JSON.stringify(b)}\n`, 'batch.json');
    expect(lines.map((r) => [r.where, r.repo, r.date, r.version])).toEqual([['batch.json:1', 'github.com/example/one', '2026-03-02', 'v5.1.1'], ['batch.json:3', 'github.com/example/two', '2026-03-02', 'v5.1.1']]);
    expect(parseScorecardResults(JSON.stringify([a, b]), 'all.json').map((r) => r.where)).toEqual(['all.json[0]', 'all.json[1]']);
    const conversion = scorecardRubric(lines);
    expect([conversion.rubric.version, conversion.rubric.dimensions.length, conversion.rubric.scoring]).toEqual(['5.1.1', 20, { method: 'rated', rollup: 'flat' }]);
    const { assessments } = scorecardAssessments(lines, conversion.rubric, { rubricReference: './r.yaml' });
    expect(assessments.map((x) => [x.assessment.id, x.assessment.subject])).toEqual([
      ['scorecard-example-one-2026-03-02', { organization: 'github.com/example', unit: 'one', scope: 'Commit abc123' }],
      ['scorecard-example-two-2026-03-02', { organization: 'github.com/example', unit: 'two', scope: 'Commit abc123' }],
    ]);
  });

  it('leaves out, and says so, a check it knows no risk for; refuses what is not a Scorecard result', () => {
    const raw = result('github.com/example/one', 3);
    (raw.checks as unknown[]).push({ name: 'Future-Check', score: 7, reason: 'new', documentation: {} });
    const [parsed] = parseScorecardResults(JSON.stringify(raw), 'r.json');
    const conversion = scorecardRubric([parsed!]);
    expect(conversion.notes).toEqual([expect.stringContaining('no risk for Future-Check')]);
    expect(scorecardAssessments([parsed!], conversion.rubric, { rubricReference: './r.yaml' }).notes).toEqual([expect.stringContaining('r.json: the rubric openssf-scorecard has no check Future-Check')]);
    expect(() => parseScorecardResults('{"repo": {}}', 'x.json')).toThrow(ConversionError);
    expect(() => parseScorecardResults('not json\n', 'x.json')).toThrow(/x\.json:1: not JSON/);
    expect(() => parseScorecardResults(JSON.stringify({ ...raw, checks: [{ name: 'SAST', score: 11 }] }), 'x.json')).toThrow(/whole "score" from -1 to 10/);
  });
});
