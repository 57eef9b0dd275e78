import { describe, expect, it } from 'vitest';
import { percentToTarget, progressSince } from '../../../src/core/scoring/targetProgress';

describe('percentage to target', () => {
  it('covers the way from the bottom of the scale to each target, a score past its target counting as the target', () => {
    expect(percentToTarget([{ id: 'a', score: 2, target: 3 }, { id: 'b', score: 4, target: 3 }], 1)).toBe((1 + 2) / (2 + 2));
  });

  it('leaves out dimensions without a score or a target, and targets at the bottom of the scale', () => {
    expect(percentToTarget([{ id: 'a', score: 2 }, { id: 'b', target: 3 }, { id: 'c', score: 1, target: 1 }, { id: 'd', score: 1.5, target: 2 }], 1)).toBe(0.5);
    expect(percentToTarget([{ id: 'a', score: 2 }], 1)).toBeUndefined();
  });

  it('leaves out a target below the bottom of the scale rather than letting it shrink the way to go', () => {
    expect(percentToTarget([{ id: 'a', score: 2, target: 3 }, { id: 'b', score: 0, target: 0 }], 1)).toBe(0.5);
  });
});

describe('progress to date', () => {
  it('is the share of the earlier gap to today\u2019s targets closed since', () => {
    expect(progressSince(new Map([['a', 1], ['b', 2]]), [{ id: 'a', score: 2, target: 3 }, { id: 'b', score: 3, target: 3 }])).toBe((3 - 1) / 3);
  });

  it('is negative when scores went down, and absent with no gap to close or nothing to compare', () => {
    expect(progressSince(new Map([['a', 2]]), [{ id: 'a', score: 1, target: 3 }])).toBe(-1);
    expect(progressSince(new Map([['a', 3]]), [{ id: 'a', score: 3, target: 3 }])).toBeUndefined();
    expect(progressSince(new Map([['b', 1]]), [{ id: 'a', score: 3, target: 3 }])).toBeUndefined();
  });

  it('counts only the dimensions scored at both dates with a target today, alongside ones it leaves out', () => {
    const now = [
      { id: 'a', score: 2, target: 3 },
      { id: 'new', score: 1, target: 3 },
      { id: 'unscored', target: 3 },
      { id: 'untargeted', score: 3 },
    ];
    expect(progressSince(new Map([['a', 1], ['unscored', 1], ['untargeted', 1]]), now)).toBe(0.5);
  });
});
