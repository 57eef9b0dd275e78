/**
 * The consensus rules over several assessors' answers to one criterion (src/core/domain/consensus.ts),
 * at their boundaries: odd and even counts for the median, ties, answers off the scale, an
 * adjudicator who answered, who did not while the others agree, and who did not while they differ.
 */
import { describe, expect, it } from 'vitest';
import { criterionAgreement, summarizeAgreement, type AssessorAnswer, type ConsensusChoice } from '../../../src/core/domain/consensus';

/** The credits of a four-answer scale (SAMM's shape): none 0, some 0.25, most 0.5, all 1. */
const SCALE: Record<string, number> = { none: 0, some: 0.25, most: 0.5, all: 1, no: 0, yes: 1 };
/** Steps between two credits on that scale (what RubricIndex.scaleSteps counts), and on yes-no. */
const steps = (low: number, high: number) => [0.25, 0.5, 1].filter((c) => c > low && c <= high).length;
const yesNoSteps = (low: number, high: number) => (high > low ? 1 : 0);

/** Answers written as "assessor=answer"; an answer not on SCALE is off the scale. */
function answers(...given: string[]): AssessorAnswer[] {
  return given.map((g) => {
    const [assessor, answer] = g.split('=') as [string, string];
    return answer in SCALE ? { assessor, answer, credit: SCALE[answer] } : { assessor, answer };
  });
}

const MEDIAN: ConsensusChoice = { rule: 'median' };
const MINIMUM: ConsensusChoice = { rule: 'minimum' };
const BY_GRACE: ConsensusChoice = { rule: 'adjudicator', adjudicator: 'grace' };

const picked = (given: AssessorAnswer[], choice: ConsensusChoice) => criterionAgreement(given, choice, steps).consensus;

describe('median', () => {
  it('takes the middle answer of an odd number, whatever order they are written in', () => {
    expect(picked(answers('a=all', 'b=none', 'c=most'), MEDIAN)).toEqual({ assessor: 'c', answer: 'most', credit: 0.5 });
    expect(picked(answers('a=none', 'b=all', 'c=some'), MEDIAN)?.answer).toBe('some');
  });

  it('takes the lower of the two middle answers of an even number (never a value nobody gave)', () => {
    expect(picked(answers('a=yes', 'b=no'), MEDIAN)).toEqual({ assessor: 'b', answer: 'no', credit: 0 });
    expect(picked(answers('a=all', 'b=some', 'c=most', 'd=none'), MEDIAN)?.answer).toBe('some');
  });

  it('with an even number whose two middle answers are equal, takes that answer from the first who gave it', () => {
    expect(picked(answers('a=all', 'b=most', 'c=none', 'd=most'), MEDIAN)).toEqual({ assessor: 'b', answer: 'most', credit: 0.5 });
  });

  it('takes the one answer there is', () => {
    expect(picked(answers('a=some'), MEDIAN)?.answer).toBe('some');
  });
});

describe('minimum', () => {
  it('takes the lowest answer, from the first who gave it when several did', () => {
    expect(picked(answers('a=all', 'b=some', 'c=some', 'd=most'), MINIMUM)).toEqual({ assessor: 'b', answer: 'some', credit: 0.25 });
  });

  it('takes the shared answer where all agree', () => {
    expect(picked(answers('a=yes', 'b=yes'), MINIMUM)).toEqual({ assessor: 'a', answer: 'yes', credit: 1 });
  });
});

describe('adjudicator', () => {
  it('takes the adjudicator\'s answer, even against everyone else', () => {
    const agreement = criterionAgreement(answers('a=no', 'grace=yes', 'b=no'), BY_GRACE, steps);
    expect(agreement.consensus).toEqual({ assessor: 'grace', answer: 'yes', credit: 1 });
    expect(agreement.adjudicatorMissing).toBeUndefined();
  });

  it('without the adjudicator\'s answer, takes the answer the others all give', () => {
    const agreement = criterionAgreement(answers('a=most', 'b=most'), BY_GRACE, steps);
    expect(agreement.consensus).toEqual({ assessor: 'a', answer: 'most', credit: 0.5 });
    expect(agreement.adjudicatorMissing).toBe(true);
  });

  it('without the adjudicator\'s answer while the others differ, gives none', () => {
    const agreement = criterionAgreement(answers('a=yes', 'b=no'), BY_GRACE, steps);
    expect(agreement.consensus).toBeUndefined();
    expect(agreement.adjudicatorMissing).toBe(true);
    expect(agreement.agree).toBe(false);
  });

  it('treats an adjudicator\'s answer off the scale as missing', () => {
    expect(picked(answers('grace=maybe', 'a=yes', 'b=no'), BY_GRACE)).toBeUndefined();
    expect(picked(answers('grace=maybe', 'a=yes', 'b=yes'), BY_GRACE)?.assessor).toBe('a');
  });
});

describe('agreement and spread', () => {
  it('agrees where every answer earns the same credit, with no spread', () => {
    expect(criterionAgreement(answers('a=most', 'b=most', 'c=most'), MEDIAN, steps)).toMatchObject({ agree: true, spread: 0, compared: 3 });
  });

  it('counts the spread in steps of the scale: yes against no is one, none against all three', () => {
    expect(criterionAgreement(answers('a=yes', 'b=no'), MEDIAN, yesNoSteps)).toMatchObject({ agree: false, spread: 1 });
    const wide = criterionAgreement(answers('a=none', 'b=most', 'c=all'), MEDIAN, steps);
    expect(wide).toMatchObject({ agree: false, spread: 3, lowest: { assessor: 'a' }, highest: { assessor: 'c' } });
    expect(criterionAgreement(answers('a=some', 'b=most'), MEDIAN, steps).spread).toBe(1);
  });

  it('leaves answers off the scale out of the comparison and the consensus, but keeps them listed', () => {
    const agreement = criterionAgreement(answers('a=maybe', 'b=yes'), MEDIAN, steps);
    expect(agreement).toMatchObject({ agree: true, spread: 0, compared: 1, consensus: { assessor: 'b' } });
    expect(agreement.answers.map((a) => a.assessor)).toEqual(['a', 'b']);
    expect(criterionAgreement(answers('a=maybe'), MEDIAN, steps)).toMatchObject({ agree: true, compared: 0 });
    expect(criterionAgreement(answers('a=maybe'), MEDIAN, steps).consensus).toBeUndefined();
  });

  it('sums a dimension over the criteria with two or more answers to compare', () => {
    const one = criterionAgreement(answers('a=yes', 'b=no'), MEDIAN, yesNoSteps);
    const two = criterionAgreement(answers('a=some', 'b=some'), MEDIAN, steps);
    const three = criterionAgreement(answers('a=none', 'b=all'), MEDIAN, steps);
    const alone = criterionAgreement(answers('a=yes'), MEDIAN, steps);
    expect(summarizeAgreement([one, two, three, alone, undefined])).toEqual({ compared: 3, agreed: 1, widestSpread: 3 });
    expect(summarizeAgreement([alone, undefined])).toBeUndefined();
  });
});
