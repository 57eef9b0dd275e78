/**
 * What an assessment's score holds, key by key: which keys are there and which are left out (a
 * report, the JSON output and the review read "absent" as "not known"), which criteria block the
 * next level under each method, what counts in the roll-up and in the evidence coverage, and which
 * dependencies are unmet. Compared with toStrictEqual, which tells a missing key from one set to
 * undefined.
 */
import { describe, expect, it } from 'vitest';
import type { AssessmentDocumentAnalysis } from '../../../src/core/engine';
import type { AssessmentScore } from '../../../src/core/scoring/types';
import { analyzeMemory, yaml } from '../../support/memory';
import { assessmentYaml, rubricYaml } from '../../support/fixtures';

const RUBRIC = rubricYaml(yaml`
  levels: [{ level: 1, name: One }, { level: 2, name: Two }, { level: 3, name: Three }]
  scoring: { method: gated, passCredit: 0.5 }
  answerScales:
    part: { answers: [{ value: none, credit: 0 }, { value: partly, credit: 0.5 }, { value: fully, credit: 1 }] }
  groups:
    - { id: run, title: Run }
    - { id: idle, title: Idle, weight: 2 }
  dimensions:
    - id: desk
      title: Desk
      group: run
      criteria:
        - { id: d1, text: One., level: 1, evidenceRequired: true }
        - { id: d2, text: Two., level: 2, answerScale: part }
        - { id: d3, text: Three., level: 3 }
      metrics:
        - { id: share, name: Share, benchmark: { value: 70 } }
        - { id: plain, name: Plain }
    - id: top
      title: Top
      criteria:
        - { id: t1, text: One., level: 1 }
        - { id: t3, text: Three., level: 3, dependsOn: [x1] }
    - id: spare
      title: Spare
      group: idle
      criteria:
        - { id: s1, text: One., level: 1 }
    - id: excused
      title: Excused
      criteria:
        - { id: x1, text: One., level: 1, evidenceRequired: true }
`);

const ASSESSMENT = assessmentYaml(yaml`
  dimensions:
    desk:
      answers: { d1: { answer: yes, evidence: [https://example.com/e] }, d2: partly, d3: no }
      metrics: { plain: 4 }
    top:
      answers: { t1: yes, t3: yes }
    excused:
      exemption: { reason: Outsourced., approver: CIO, expires: 2026-12-31 }
      answers: { x1: no }
`, { rubric: './shape.rubric.yaml', date: '2026-03-31' });

async function score(rubric = RUBRIC, assessment = ASSESSMENT): Promise<AssessmentScore> {
  const analysis = await analyzeMemory({ 'shape.rubric.yaml': rubric, 'shape.assessment.yaml': assessment }, 'shape.assessment.yaml');
  const doc = analysis.documents[0] as AssessmentDocumentAnalysis;
  if (!doc.score) throw new Error(analysis.diagnostics.map((d) => d.message).join('\n'));
  return doc.score;
}

describe('an assessment’s score, key by key', () => {
  it('gated: met at the pass credit is not a blocker; the top of the scale has no next level; no threshold, no keys about it', async () => {
    const s = await score();
    const desk = s.dimensions.find((d) => d.id === 'desk')!;
    expect([desk.score, desk.level, desk.nextLevel]).toEqual([2, 2, 3]);
    expect(desk.blockers.map((b) => b.id)).toEqual(['d3']);
    expect('thresholdReached' in desk).toBe(false);
    expect('exemption' in desk).toBe(false);
    // One assessor: no agreement to report.
    expect('agreement' in desk).toBe(false);
    const top = s.dimensions.find((d) => d.id === 'top')!;
    expect([top.score, top.level, 'nextLevel' in top, top.blockers]).toEqual([3, 3, false, []]);
    expect('group' in top).toBe(false);
    expect('threshold' in s).toBe(false);
    expect('thresholdReached' in s.overall).toBe(false);
  });

  it('average: anything short of full credit blocks', async () => {
    const s = await score(RUBRIC.replace('method: gated, passCredit: 0.5', 'method: average, passCredit: 0.5'));
    expect(s.dimensions.find((d) => d.id === 'desk')!.blockers.map((b) => b.id)).toEqual(['d2', 'd3']);
  });

  it('rated: blocks with what is not met, and scores no sub-group', async () => {
    const rated = RUBRIC.replace('method: gated, passCredit: 0.5', 'method: rated, passCredit: 0.5').replace(
      '    group: run\n    criteria:',
      '    group: run\n    subgroups: [{ id: a, title: A }]\n    criteria:',
    ).replace('{ id: d1, text: One., level: 1, evidenceRequired: true }', '{ id: d1, text: One., level: 1, evidenceRequired: true, subgroup: a }');
    const s = await score(rated, ASSESSMENT.replace('  desk:\n', '  desk:\n    level: 2\n').replace('  top:\n', '  top:\n    level: 1\n'));
    const desk = s.dimensions.find((d) => d.id === 'desk')!;
    expect(desk.blockers.map((b) => b.id)).toEqual(['d3']);
    expect(desk.subgroups).toStrictEqual([{ id: 'a', title: 'A', criteria: ['d1'] }]);
  });

  it('a group with nothing scored has no score or target, lists its dimensions anyway, and stays out of the overall score', async () => {
    const s = await score();
    expect(s.groups).toStrictEqual([
      // No member sets a target, so the group has none (issue 22: no group target without a target).
      { id: 'run', title: 'Run', weight: 1, score: 2, dimensions: ['desk'] },
      { id: 'idle', title: 'Idle', weight: 2, dimensions: ['spare'] },
    ]);
    // desk (run, 2) and top (no group, 3): two units of weight 1.
    expect(s.overall.score).toBe(2.5);
    expect(s.overall.dimensionsScored).toBe(2);
    const flat = await score(RUBRIC.replace('passCredit: 0.5 }', 'passCredit: 0.5, rollup: flat }'));
    expect(flat.overall.score).toBe(2.5);
  });

  it('nothing scored: an overall with counts only', async () => {
    const s = await score(RUBRIC, ASSESSMENT.replace(/ {2}desk:[\s\S]*/, '  spare: { notApplicable: { reason: None. } }\n'));
    expect(s.overall).toStrictEqual({
      dimensionsScored: 0,
      dimensionsAtThreshold: 0,
      dimensionsTotal: 4,
      dimensionStatusCounts: { scored: 0, 'not-applicable': 1, 'not-assessed': 3, 'not-rated': 0, exempt: 0 },
    });
    expect(s.evidenceCoverage).toStrictEqual({ required: 0, provided: 0 });
  });

  it('with a threshold and nothing scored, the overall says nothing about reaching it', async () => {
    const s = await score(RUBRIC.replace('scoring:', 'threshold: { level: 3 }\nscoring:'), ASSESSMENT.replace(/ {2}desk:[\s\S]*/, '  spare: { notApplicable: { reason: None. } }\n'));
    expect(s.threshold).toBe(3);
    expect(['score' in s.overall, 'level' in s.overall, 'thresholdReached' in s.overall]).toEqual([false, false, false]);
  });

  it('with a threshold, says it and whether each level reaches it', async () => {
    const s = await score(RUBRIC.replace('scoring:', 'threshold: { level: 3 }\nscoring:'));
    expect(s.threshold).toBe(3);
    expect(s.dimensions.map((d) => d.thresholdReached)).toEqual([false, true, undefined, undefined]);
    expect(s.overall.thresholdReached).toBe(false);
  });

  it('metrics: no value, no verdict; a value without a benchmark, no verdict either', async () => {
    const desk = (await score()).dimensions.find((d) => d.id === 'desk')!;
    expect(desk.metrics.map((m) => Object.keys(m))).toEqual([
      ['id', 'name', 'higherIsBetter', 'benchmark', 'benchmarkRole'],
      ['id', 'name', 'higherIsBetter', 'value'],
    ]);
    expect(desk.metrics.map((m) => [m.benchmark?.value, m.value])).toEqual([[70, undefined], [undefined, 4]]);
  });

  it('evidence coverage counts credited criteria that ask for evidence, in scored dimensions only', async () => {
    const s = await score();
    // d1 asks and has it; x1 asks but its dimension is exempt; d2 and t1 ask for nothing.
    expect(s.evidenceCoverage).toStrictEqual({ required: 1, provided: 1, ratio: 1 });
  });

  it('evidence coverage leaves out an exempt dimension even where its answer is credited; without answers that need evidence, no ratios', async () => {
    const credited = await score(RUBRIC, ASSESSMENT.replace('x1: no', 'x1: { answer: yes, evidence: [https://example.com/x] }'));
    expect(credited.evidenceCoverage).toStrictEqual({ required: 1, provided: 1, ratio: 1 });
    const none = await score(RUBRIC, ASSESSMENT.replace('date: 2026-03-31', 'date: 2026-03-31\nevidenceValidFor: P12M').replace('d1: { answer: yes, evidence: [https://example.com/e] }', 'd1: no'));
    expect(none.evidenceCoverage).toStrictEqual({ required: 0, provided: 0, current: 0, stale: 0 });
    expect(none.evidenceValidFor).toStrictEqual({ duration: 'P12M', setBy: 'assessment' });
  });

  it('evidence ages: over the evidence of scored dimensions, when some is dated or a validity is set', async () => {
    // Undated evidence and no validity: nothing about ages, nor about a validity.
    const plain = await score();
    expect('evidenceAges' in plain).toBe(false);
    expect('evidenceValidFor' in plain).toBe(false);
    // One dated entry, no validity: its age.
    const dated = await score(RUBRIC, ASSESSMENT.replace('evidence: [https://example.com/e]', 'evidence: [{ url: https://example.com/e, asOf: 2026-01-10 }]'));
    expect(dated.evidenceAges).toMatchObject({ dated: 1, undated: 0, medianDays: 80, oldestDays: 80 });
    // Dated evidence in an exempt dimension only: not behind the score, so no ages.
    const exempt = await score(RUBRIC, ASSESSMENT.replace('x1: no', 'x1: { answer: no, evidence: [{ url: https://example.com/x, asOf: 2026-01-10 }] }'));
    expect('evidenceAges' in exempt).toBe(false);
    // A validity and undated evidence only: ages say so.
    const undated = await score(RUBRIC, ASSESSMENT.replace('date: 2026-03-31', 'date: 2026-03-31\nevidenceValidFor: P12M'));
    expect(undated.evidenceAges).toMatchObject({ dated: 0, undated: 1 });
    // A validity and no evidence at all behind the score: nothing to tell.
    const empty = await score(RUBRIC, ASSESSMENT.replace('date: 2026-03-31', 'date: 2026-03-31\nevidenceValidFor: P12M').replace('d1: { answer: yes, evidence: [https://example.com/e] }', 'd1: yes'));
    expect('evidenceAges' in empty).toBe(false);
  });

  it('a credited answer to a criterion that does not count adds no evidence, no evidence age and no unmet dependency', async () => {
    const notCounted = await score(RUBRIC, ASSESSMENT
      .replace('d1: { answer: yes, evidence: [https://example.com/e] }', 'd1: { answer: yes, evidence: [{ url: https://example.com/e, asOf: 2026-01-10 }], notApplicable: { reason: Done elsewhere. } }')
      .replace('    exemption: { reason: Outsourced., approver: CIO, expires: 2026-12-31 }\n', '')
      .replace('t3: yes', 't3: { answer: yes, notApplicable: { reason: Done elsewhere. } }'));
    const desk = notCounted.dimensions.find((d) => d.id === 'desk')!;
    expect(desk.criteria.find((c) => c.id === 'd1')!.status).toBe('not-applicable');
    expect(notCounted.evidenceCoverage).toStrictEqual({ required: 0, provided: 0 });
    expect('evidenceAges' in notCounted).toBe(false);
    expect(notCounted.unmetDependencies).toEqual([]);
  });

  it('a dependency in an exempt dimension blocks nothing; one that is not met does', async () => {
    expect((await score()).unmetDependencies).toEqual([]);
    const counted = await score(RUBRIC, ASSESSMENT.replace('    exemption: { reason: Outsourced., approver: CIO, expires: 2026-12-31 }\n', ''));
    expect(counted.unmetDependencies).toEqual([{ dimension: 'top', criterion: 't3', unmet: [{ dimension: 'excused', criterion: 'x1' }] }]);
    const met = await score(RUBRIC, ASSESSMENT.replace('    exemption: { reason: Outsourced., approver: CIO, expires: 2026-12-31 }\n', '').replace('x1: no', 'x1: yes'));
    expect(met.unmetDependencies).toEqual([]);
    const uncredited = await score(RUBRIC, ASSESSMENT.replace('    exemption: { reason: Outsourced., approver: CIO, expires: 2026-12-31 }\n', '').replace('t3: yes', 't3: no'));
    expect(uncredited.unmetDependencies).toEqual([]);
  });

  it('a dependency in a dimension left out or not applicable blocks nothing, nor one exempt on its own', async () => {
    const exemptLine = '    exemption: { reason: Outsourced., approver: CIO, expires: 2026-12-31 }\n';
    const notAssessed = await score(RUBRIC, ASSESSMENT.replace(/ {2}excused:[\s\S]*/, ''));
    expect(notAssessed.unmetDependencies).toEqual([]);
    const notApplicable = await score(RUBRIC, ASSESSMENT.replace(exemptLine, '    notApplicable: { reason: None here. }\n'));
    expect(notApplicable.unmetDependencies).toEqual([]);
    const criterionExempt = await score(RUBRIC, ASSESSMENT.replace(exemptLine, '').replace('answers: { x1: no }', 'answers: { x1: { exemption: { reason: Outsourced., approver: CIO, expires: 2026-12-31 } } }'));
    // Its dimension has nothing else to count, so it is not rated, not left out: the criterion's own exemption decides.
    expect(criterionExempt.dimensions.find((d) => d.id === 'excused')!.status).toBe('not-rated');
    expect(criterionExempt.unmetDependencies).toEqual([]);
  });
});
