/**
 * A plan's projection (src/core/scoring/projectPlan.ts) on its own: where initiatives sit on the
 * horizon, which moves count, and which keys a dimension has when there is nothing to say.
 */
import { describe, expect, it } from 'vitest';
import { RubricIndex } from '../../../src/core/domain/rubricIndex';
import type { Plan, Rubric } from '../../../src/core/format/types';
import { projectPlan } from '../../../src/core/scoring/projectPlan';
import type { AssessmentScore } from '../../../src/core/scoring/types';

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
