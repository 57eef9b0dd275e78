/**
 * A plan's projection (src/core/scoring/projectPlan.ts) on its own: where initiatives sit on the
 * horizon, which moves count, and which keys a dimension has when there is nothing to say.
 */
import { describe, expect, it } from 'vitest';
import { RubricIndex } from '../../../src/core/domain/rubricIndex';
import type { Plan, Rubric } from '../../../src/core/format/types';
import { planTrajectory, projectPlan } from '../../../src/core/scoring/projectPlan';
import type { AssessmentScore, DimensionScore } from '../../../src/core/scoring/types';

const rubric = (threshold?: number): Rubric =>
  ({
    apiVersion: 'rubrics-as-code/v1',
    kind: 'Rubric',
    id: 'r',
    title: 'R',
    version: '1.0.0',
    levels: [{ level: 1 }, { level: 2 }, { level: 3 }],
    ...(threshold !== undefined ? { threshold: { level: threshold } } : {}),
    dimensions: [
      { id: 'a', title: 'A', criteria: [] },
      { id: 'b', title: 'B', criteria: [] },
      { id: 'c', title: 'C', criteria: [] },
    ],
  }) as unknown as Rubric;

const plan = (horizon: { start: string; end: string }, initiatives: unknown[]): Plan =>
  ({ apiVersion: 'rubrics-as-code/v1', kind: 'Plan', id: 'p', title: 'P', rubric: './r.rubric.yaml', horizon, initiatives }) as unknown as Plan;

const baseline = { dimensions: [{ id: 'a', level: 1, target: 3 }, { id: 'b', level: 2, target: 2 }] } as unknown as AssessmentScore;

const YEAR = { start: '2026-01-01', end: '2026-12-31' };

describe('a plan’s projection', () => {
  it('takes the highest level the initiatives that are not cancelled move a dimension to', () => {
    const p = projectPlan(
      plan(YEAR, [
        { id: 'up', title: 'Up', start: '2026-01-01', end: '2026-06-30', moves: [{ dimension: 'a', from: 1, to: 2 }, { dimension: 'c', from: 1, to: 2 }] },
        { id: 'dropped', title: 'Dropped', start: '2026-01-01', end: '2026-06-30', status: 'cancelled', moves: [{ dimension: 'a', from: 2, to: 3 }] },
      ]),
      new RubricIndex(rubric(2)),
      baseline,
    );
    expect(p.dimensions).toEqual([
      { id: 'a', title: 'A', baseline: 1, target: 3, projected: 2, thresholdReached: true, initiatives: ['up'], shortOfTarget: true },
      { id: 'b', title: 'B', baseline: 2, target: 2, projected: 2, thresholdReached: true, initiatives: [], shortOfTarget: false },
      { id: 'c', title: 'C', projected: 2, thresholdReached: true, initiatives: ['up'], shortOfTarget: false },
    ]);
    expect(p.threshold).toBe(2);
    expect(p.initiatives.map((i) => i.status)).toEqual(['planned', 'cancelled']);
  });

  it('leaves out what it does not know: no baseline, no moves, no threshold', () => {
    const p = projectPlan(plan(YEAR, [{ id: 'x', title: 'X', start: '2026-01-01', end: '2026-02-01' }]), new RubricIndex(rubric()), undefined);
    expect(p.dimensions.map((d) => Object.keys(d))).toEqual([0, 1, 2].map(() => ['id', 'title', 'initiatives', 'shortOfTarget']));
    expect('threshold' in p).toBe(false);
    const withoutRubric = projectPlan(plan(YEAR, []), undefined, undefined);
    expect(withoutRubric.dimensions).toEqual([]);
    expect('threshold' in withoutRubric).toBe(false);
  });

  it('keeps the baseline when a move would take a dimension down, and reports the threshold only with a level and a threshold', () => {
    const p = projectPlan(
      plan(YEAR, [
        { id: 'up', title: 'Up', start: '2026-01-01', end: '2026-03-31', moves: [{ dimension: 'b', from: 2, to: 3 }] },
        { id: 'down', title: 'Down', start: '2026-04-01', end: '2026-06-30', moves: [{ dimension: 'b', from: 3, to: 1 }] },
      ]),
      new RubricIndex(rubric(3)),
      baseline,
    );
    expect(p.dimensions.map((d) => [d.id, d.projected, d.thresholdReached])).toEqual([
      ['a', 1, false],
      ['b', 3, true],
      ['c', undefined, undefined],
    ]);
    expect('thresholdReached' in p.dimensions[2]!).toBe(false);
    const noThreshold = projectPlan(plan(YEAR, []), new RubricIndex(rubric()), baseline);
    expect(noThreshold.dimensions.map((d) => 'thresholdReached' in d)).toEqual([false, false, false]);
  });

  it('a dimension with a target but no level, and nothing moving it, falls short of its target', () => {
    const unscored = { dimensions: [{ id: 'a', target: 2 }] } as unknown as AssessmentScore;
    const p = projectPlan(plan(YEAR, []), new RubricIndex(rubric(2)), unscored);
    expect(p.dimensions[0]).toEqual({ id: 'a', title: 'A', target: 2, initiatives: [], shortOfTarget: true });
  });

  it('lists each value stream’s initiatives, the legacy systems they touch, and the horizon in months', () => {
    const p = projectPlan(
      plan(YEAR, [
        { id: 'ship', title: 'Ship', start: '2026-01-01', end: '2026-06-30', valueStream: 'requirement-to-deploy', legacySystems: [{ name: 'Old CI', disposition: 'retire' }, { name: 'Wiki', disposition: 'retain' }] },
        { id: 'fix', title: 'Fix', start: '2026-01-01', end: '2026-06-30', valueStream: 'detect-to-correct' },
        { id: 'loose', title: 'Loose', start: '2026-01-01', end: '2026-06-30' },
      ]),
      undefined,
      undefined,
    );
    expect(p.valueStreams).toEqual([
      { id: 'strategy-to-portfolio', title: 'Strategy to Portfolio', initiatives: [] },
      { id: 'requirement-to-deploy', title: 'Requirement to Deploy', initiatives: ['ship'] },
      { id: 'request-to-fulfill', title: 'Request to Fulfill', initiatives: [] },
      { id: 'detect-to-correct', title: 'Detect to Correct', initiatives: ['fix'] },
    ]);
    expect(p.legacySystems).toEqual([
      { name: 'Old CI', disposition: 'retire', initiative: 'ship' },
      { name: 'Wiki', disposition: 'retain', initiative: 'ship' },
    ]);
    expect(p.horizon).toEqual({ start: '2026-01-01', end: '2026-12-31', months: 12 });
  });

  it('places initiatives on the horizon, the end day included, clamped to it', () => {
    const p = projectPlan(
      plan({ start: '2026-01-01', end: '2026-01-10' }, [
        { id: 'first', title: 'First', start: '2026-01-01', end: '2026-01-05' },
        { id: 'late', title: 'Late', start: '2026-01-06', end: '2027-01-01' },
        { id: 'odd', title: 'Odd', start: 'someday', end: '2026-01-10' },
      ]),
      undefined,
      undefined,
    );
    expect(p.initiatives.map((i) => [i.initiative.id, i.startFraction, i.endFraction])).toEqual([
      ['first', 0, 0.5],
      ['late', 0.5, 1.1],
      ['odd', 0, 1],
    ]);
  });

  it('a horizon that ends before it starts puts everything at its start', () => {
    const p = projectPlan(plan({ start: '2026-01-02', end: '2026-01-01' }, [{ id: 'x', title: 'X', start: '2026-01-02', end: '2026-01-02' }]), undefined, undefined);
    expect(p.initiatives.map((i) => [i.startFraction, i.endFraction])).toEqual([[0, 0]]);
  });
});

const dimension = (id: string, fields: Partial<DimensionScore>): DimensionScore =>
  ({ id, title: id.toUpperCase(), weight: 1, status: 'scored', blockers: [], criteria: [], levelCredits: [], subgroups: [], evidence: [], ...fields }) as DimensionScore;

/** A baseline as scoring gives it: a scored on a fractional 2.5, b scored 1, c not assessed. */
const scored = (threshold?: number): AssessmentScore =>
  ({
    dimensions: [
      dimension('a', { score: 2.5, level: 2, ...(threshold !== undefined ? { thresholdReached: 2 >= threshold } : {}) }),
      dimension('b', { score: 1, level: 1, ...(threshold !== undefined ? { thresholdReached: 1 >= threshold } : {}) }),
      dimension('c', { status: 'not-assessed' }),
    ],
  }) as unknown as AssessmentScore;

describe('a plan’s trajectory', () => {
  const initiatives = [
    { id: 'later', title: 'Later', start: '2026-04-01', end: '2026-09-30', moves: [{ dimension: 'b', from: 2, to: 3 }] },
    { id: 'sooner', title: 'Sooner', start: '2026-01-01', end: '2026-03-31', moves: [{ dimension: 'b', from: 1, to: 2 }, { dimension: 'a', from: 2, to: 1 }] },
    { id: 'talk', title: 'Talk', start: '2026-01-01', end: '2026-02-28' },
    { id: 'empty', title: 'Empty', start: '2026-01-01', end: '2026-01-31', moves: [] },
    { id: 'dropped', title: 'Dropped', start: '2026-01-01', end: '2026-05-31', status: 'cancelled', moves: [{ dimension: 'c', from: 1, to: 3 }] },
  ];

  it('starts at the baseline, then steps through the end dates of the initiatives that move something, in date order', () => {
    const points = planTrajectory(plan(YEAR, initiatives), new RubricIndex(rubric(2)), scored(2), '2025-12-15');
    expect(points.map((p) => [p.date, p.initiatives])).toEqual([
      ['2025-12-15', []],
      ['2026-03-31', ['sooner']],
      ['2026-09-30', ['later']],
    ]);
    expect(points.map((p) => p.dimensions)).toStrictEqual([
      [{ id: 'a', level: 2, thresholdReached: true }, { id: 'b', level: 1, thresholdReached: false }],
      [{ id: 'a', level: 2, thresholdReached: true }, { id: 'b', level: 2, thresholdReached: true }],
      [{ id: 'a', level: 2, thresholdReached: true }, { id: 'b', level: 3, thresholdReached: true }],
    ]);
    // a keeps its fractional 2.5 (a move down does not lower it), b counts at the level moved to.
    expect(points.map((p) => [p.score, p.level, p.thresholdReached, p.atThreshold])).toEqual([
      [1.75, 1, false, 1],
      [2.25, 2, true, 2],
      [2.75, 2, true, 2],
    ]);
  });

  it('a dimension moved to a level still below the threshold has not reached it', () => {
    const points = planTrajectory(plan(YEAR, initiatives), new RubricIndex(rubric(3)), scored(3), '2025-12-15');
    expect(points.map((p) => p.dimensions.find((d) => d.id === 'b'))).toEqual([
      { id: 'b', level: 1, thresholdReached: false },
      { id: 'b', level: 2, thresholdReached: false },
      { id: 'b', level: 3, thresholdReached: true },
    ]);
  });

  it('without a threshold, says nothing about reaching it', () => {
    const points = planTrajectory(plan(YEAR, initiatives), new RubricIndex(rubric()), scored(), '2025-12-15');
    expect(points.map((p) => p.dimensions)).toStrictEqual([
      [{ id: 'a', level: 2 }, { id: 'b', level: 1 }],
      [{ id: 'a', level: 2 }, { id: 'b', level: 2 }],
      [{ id: 'a', level: 2 }, { id: 'b', level: 3 }],
    ]);
    expect(points.map((p) => 'thresholdReached' in p)).toEqual([false, false, false]);
    expect(points.map((p) => p.score)).toEqual([1.75, 2.25, 2.75]);
  });

  it('a dimension the baseline did not score enters at the level a delivered move takes it to, and counts in the overall from then on', () => {
    const adopt = { id: 'adopt', title: 'Adopt', start: '2026-01-01', end: '2026-06-30', moves: [{ dimension: 'c', from: 1, to: 2 }] };
    const points = planTrajectory(plan(YEAR, [adopt]), new RubricIndex(rubric(2)), scored(2), '2025-12-15');
    expect(points.map((p) => p.dimensions)).toStrictEqual([
      [{ id: 'a', level: 2, thresholdReached: true }, { id: 'b', level: 1, thresholdReached: false }],
      [{ id: 'a', level: 2, thresholdReached: true }, { id: 'b', level: 1, thresholdReached: false }, { id: 'c', level: 2, thresholdReached: true }],
    ]);
    // (2.5 + 1) / 2, then (2.5 + 1 + 2) / 3 with c counted at the level moved to.
    expect(points.map((p) => [p.date, p.score, p.level, p.atThreshold])).toEqual([
      ['2025-12-15', 1.75, 1, 1],
      ['2026-06-30', 5.5 / 3, 1, 2],
    ]);
  });

  it('with nothing scored and nothing moving, is the baseline alone with no overall score', () => {
    const nothing = { dimensions: [dimension('a', { status: 'not-assessed' })] } as unknown as AssessmentScore;
    const points = planTrajectory(plan(YEAR, []), new RubricIndex(rubric(2)), nothing, '2025-12-15');
    expect(points).toStrictEqual([{ date: '2025-12-15', initiatives: [], dimensions: [], atThreshold: 0 }]);
  });
});
