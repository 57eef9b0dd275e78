/**
 * The scoring formulas of src/core/scoring/methods.ts on their own, at their edges: an empty list,
 * a boundary value, an input out of order. test/core/scoring/scoreAssessment.test.ts checks them on whole rubrics
 * against hand-computed examples.
 */
import { describe, expect, it } from 'vitest';
import { averageScore, blockersFor, creditsByLevel, gatedScore, levelOf, levelSumScore, methodCeiling, reachesTarget, scoreFromCriteria, weightedMean } from '../../../src/core/scoring/methods';
import type { CriterionResult } from '../../../src/core/scoring/types';

let next = 0;
/** A counted criterion: met when its credit is 1 unless said otherwise. */
function criterion(level: number, credit: number, extra: Partial<CriterionResult> = {}): CriterionResult {
  next++;
  return { id: `c${next}`, text: `Criterion ${next}`, level, weight: 1, status: 'counted', answered: true, credit, met: credit >= 1, evidenceRequired: false, evidence: [], evidenceMissing: false, ...extra };
}

describe('scoring formulas', () => {
  it('reach a target within float noise, and no further', () => {
    expect(reachesTarget(0)).toBe(true);
    expect(reachesTarget(1e-9)).toBe(true);
    expect(reachesTarget(1e-8)).toBe(false);
    expect(levelOf(2.9999999999)).toBe(3);
    expect(levelOf(2.99)).toBe(2);
  });

  it('take a weighted mean, and none when the weights add up to nothing', () => {
    const items = [{ v: 1, w: 1 }, { v: 4, w: 3 }];
    expect(weightedMean(items, (i) => i.v, (i) => i.w)).toBe(13 / 4);
    expect(weightedMean([], (i: { v: number }) => i.v, () => 1)).toBeUndefined();
    expect(weightedMean(items, (i) => i.v, () => 0)).toBeUndefined();
  });

  it('list credits by level, lowest level first, whatever the order of the criteria', () => {
    const criteria = [criterion(3, 1), criterion(1, 0.5), criterion(2, 0), criterion(1, 1, { weight: 3 }), criterion(5, 0), criterion(4, 1)];
    expect(creditsByLevel(criteria)).toEqual([
      { level: 1, credit: (0.5 + 3) / 4, criteria: 2 },
      { level: 2, credit: 0, criteria: 1 },
      { level: 3, credit: 1, criteria: 1 },
      { level: 4, credit: 1, criteria: 1 },
      { level: 5, credit: 0, criteria: 1 },
    ]);
    expect(creditsByLevel([criterion(2, 1), criterion(1, 0)]).map((l) => l.level)).toEqual([1, 2]);
  });

  it('gated: nothing to score without criteria; the highest level with criteria when all are met, in any order', () => {
    expect(gatedScore([], 1)).toBeUndefined();
    expect(scoreFromCriteria('gated', [], 1, 5)).toBeUndefined();
    expect(gatedScore([criterion(3, 1), criterion(1, 1), criterion(2, 1)], 1)).toBe(3);
    // One below the lowest unmet level, wherever it is listed.
    expect(gatedScore([criterion(4, 0), criterion(2, 0), criterion(1, 1)], 1)).toBe(1);
    expect(gatedScore([criterion(1, 0)], 1)).toBe(1);
    expect(gatedScore([criterion(1, 0)], 0)).toBe(0);
  });

  it('average: nothing to score without criteria; the mean credit mapped onto the scale', () => {
    expect(averageScore([], 1, 5)).toBeUndefined();
    expect(scoreFromCriteria('average', [], 1, 5)).toBeUndefined();
    expect(averageScore([criterion(1, 1), criterion(2, 0)], 1, 5)).toBe(3);
  });

  it('levelSum: the bottom level’s criteria count for nothing, and alone give no score', () => {
    expect(levelSumScore([criterion(0, 1), criterion(1, 0.5), criterion(2, 0.25)], 0)).toBe(0.75);
    expect(levelSumScore([criterion(0, 1)], 0)).toBeUndefined();
    expect(levelSumScore([], 0)).toBeUndefined();
    expect(scoreFromCriteria('levelSum', [criterion(1, 1), criterion(2, 0.5)], 1, 3)).toBe(1.5);
  });

  it('ceiling: rated and average reach the top; gated the highest level with criteria; levelSum one step per weighted level', () => {
    const low = [criterion(2, 0), criterion(1, 0)];
    expect(methodCeiling('rated', low, 1, 5)).toBe(5);
    expect(methodCeiling('average', low, 1, 5)).toBe(5);
    // Gated: the highest level listed, wherever it is listed, and never above the top of the scale.
    expect(methodCeiling('gated', [criterion(3, 0), criterion(1, 0), criterion(2, 0)], 1, 5)).toBe(3);
    expect(methodCeiling('gated', [criterion(7, 0)], 1, 5)).toBe(5);
    expect(methodCeiling('gated', [], 1, 5)).toBe(1);
    // LevelSum: the bottom level and levels whose criteria weigh nothing add no step; a level counts once.
    const mixed = [criterion(0, 0), criterion(1, 0, { weight: 0 }), criterion(2, 0), criterion(2, 0), criterion(3, 0)];
    expect(methodCeiling('levelSum', mixed, 0, 5)).toBe(2);
    expect(methodCeiling('levelSum', [criterion(1, 0), criterion(2, 0), criterion(3, 0), criterion(4, 0)], 0, 3)).toBe(3);
    expect(methodCeiling('levelSum', [], 0, 5)).toBe(0);
  });

  it('block the next level with what is not met at or below it, and block nothing at the top', () => {
    const unmet = criterion(2, 0);
    const partial = criterion(1, 0.5, { met: true });
    expect(blockersFor([unmet, partial], 4, 4, true)).toEqual([]);
    expect(blockersFor([unmet, partial], 5, 4, true)).toEqual([]);
    expect(blockersFor([unmet, partial], 3, 4, true)).toEqual([unmet]);
    // Not gated: anything short of full credit blocks, lowest level first, then least credit.
    expect(blockersFor([unmet, partial, criterion(3, 1)], 1, 4, false)).toEqual([partial, unmet]);
  });
});
