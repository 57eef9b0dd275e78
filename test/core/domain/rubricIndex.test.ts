import { describe, expect, it } from 'vitest';
import { RubricIndex } from '../../../src/core/domain/rubricIndex';
import type { Rubric } from '../../../src/core/format/types';

// How an answer as written finds its entry on the scale: exactly first, then ignoring case, the
// first entry of the list winning either way; true and false stand for yes and no.
const rubric = {
  apiVersion: 'rubrics-as-code/v1',
  kind: 'Rubric',
  id: 'r',
  title: 'R',
  levels: [{ level: 1, name: 'One' }, { level: 2, name: 'Two' }],
  answerScales: {
    frequency: {
      answers: [
        { value: 'Often', credit: 0.75 },
        { value: 'often', credit: 0.5 },
        { value: 'never', credit: 0 },
        { value: 'NEVER', credit: 0.1 },
      ],
    },
  },
  dimensions: [{ id: 'd', title: 'D', criteria: [{ id: 'c', text: 'C', level: 1, answerScale: 'frequency' }, { id: 'y', text: 'Y', level: 1 }] }],
} as unknown as Rubric;

describe('RubricIndex.answerOption', () => {
  const index = new RubricIndex(rubric);
  const [freq, yesNo] = rubric.dimensions[0]!.criteria!;

  it('takes the exact value first', () => {
    expect(index.credit(freq!, 'Often')).toBe(0.75);
    expect(index.credit(freq!, 'often')).toBe(0.5);
    expect(index.credit(freq!, 'NEVER')).toBe(0.1);
  });

  it('then ignores case, the first entry of the list winning', () => {
    expect(index.credit(freq!, 'OFTEN')).toBe(0.75);
    expect(index.credit(freq!, 'Never')).toBe(0);
  });

  it('has no entry for a value off the scale, and reads booleans as yes and no', () => {
    expect(index.answerOption(freq!, 'sometimes')).toBeUndefined();
    expect(index.credit(yesNo!, true)).toBe(1);
    expect(index.credit(yesNo!, false)).toBe(0);
    expect(index.credit(yesNo!, 'YES')).toBe(1);
  });
});

describe('RubricIndex.answerValues', () => {
  const index = new RubricIndex(rubric);
  const [freq, yesNo] = rubric.dimensions[0]!.criteria!;

  it("lists the scale's values in order, yes and no for the default scale", () => {
    expect(index.answerValues(freq!)).toEqual(['Often', 'often', 'never', 'NEVER']);
    expect(index.answerValues(yesNo!)).toEqual(['yes', 'no']);
  });

  it('gives one list per scale, so that "did you mean" indexes a scale once, not once per answer off it', () => {
    // Each answer off a 1,000-value scale used to get a new list, and so a new index of the scale:
    // 5,000 such answers took 17 s.
    expect(index.answerValues(freq!)).toBe(index.answerValues(freq!));
    expect(index.answerValues(yesNo!)).toBe(index.answerValues(yesNo!));
  });
});
