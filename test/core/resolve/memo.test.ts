import { describe, expect, it } from 'vitest';
import { BoundedMemo } from '../../../src/core/resolve/memo';

describe('BoundedMemo', () => {
  it('works an answer out once per key, undefined answers included', () => {
    const memo = new BoundedMemo<string | undefined>(10);
    let calls = 0;
    const compute = (key: string) => (calls++, key === 'none' ? undefined : key.toUpperCase());
    expect([memo.get('a', compute), memo.get('a', compute), memo.get('none', compute), memo.get('none', compute)]).toEqual(['A', 'A', undefined, undefined]);
    expect(calls).toBe(2);
  });

  it('empties itself once it holds its bound, so a long run does not grow it without end', () => {
    const memo = new BoundedMemo<number>(2);
    let calls = 0;
    const compute = () => ++calls;
    memo.get('a', compute);
    memo.get('b', compute);
    expect(memo.get('a', compute)).toBe(1); // still held
    memo.get('c', compute); // the third key: the memo starts again with it
    expect(memo.get('a', compute)).toBe(4);
  });
});
