import { DEFAULT_ANSWER_SCALE, DEFAULT_SCORING_METHOD } from '../format/enums';
import type { AnswerOption, AnswerScale, Criterion, Dimension, Group, Rollup, Rubric, ScoringMethod } from '../format/types';
import { wordFor } from '../text/plural';
import { termsOf, type TermKey, type Terms } from './terms';

/** The scale every rubric has: `yes` is met, `no` is not. */
export const YES_NO_SCALE: AnswerScale = {
  description: 'Met or not met.',
  answers: [
    { value: 'yes', credit: 1, description: 'The criterion is met.' },
    { value: 'no', credit: 0, description: 'The criterion is not met.' },
  ],
};

/** A group's weight in the roll-up: as the rubric writes it, or 1. */
export function groupWeight(group: Group): number {
  return group.weight ?? 1;
}

interface ScaleOptions {
  readonly exact: Map<string, AnswerOption>;
  readonly folded: Map<string, AnswerOption>;
  /** The values as written, in order: one list per scale, so "did you mean" indexes it once. */
  readonly values: readonly string[];
}

/**
 * Lookup tables over a rubric that passed its schema: built once per rubric and shared by the
 * rules, scoring, reports, completion and hovers. The rubric's facts (its scale, its words, how
 * an answer converts to credit) are read here and nowhere else.
 */
export class RubricIndex {
  readonly dimensions = new Map<string, Dimension>();
  readonly criteria = new Map<string, { criterion: Criterion; dimension: Dimension }>();
  readonly groups = new Map<string, Group>();
  readonly levelNumbers: number[];
  readonly minLevel: number;
  readonly maxLevel: number;
  readonly method: ScoringMethod;
  readonly passCredit: number;
  /** How the overall score is formed from the dimensions: through the groups, or flat. */
  readonly rollup: Rollup;
  /** Whether any criterion names dependencies (most rubrics have none: nothing to check then). */
  readonly hasDependencies: boolean;
  readonly terms: Terms;
  /** Criterion ids of each dimension, in rubric order (lists for "did you mean"). */
  private readonly criterionIds = new Map<string, string[]>();
  private readonly scaleOptions = new Map<AnswerScale, ScaleOptions>();

  constructor(readonly rubric: Rubric) {
    for (const group of rubric.groups ?? []) if (!this.groups.has(group.id)) this.groups.set(group.id, group);
    let hasDependencies = false;
    for (const dimension of rubric.dimensions) {
      if (!this.dimensions.has(dimension.id)) this.dimensions.set(dimension.id, dimension);
      for (const criterion of dimension.criteria ?? []) {
        if (!this.criteria.has(criterion.id)) this.criteria.set(criterion.id, { criterion, dimension });
        if (criterion.dependsOn?.length) hasDependencies = true;
      }
    }
    this.hasDependencies = hasDependencies;
    this.levelNumbers = rubric.levels.map((l) => l.level);
    this.minLevel = Math.min(...this.levelNumbers);
    this.maxLevel = Math.max(...this.levelNumbers);
    this.method = rubric.scoring?.method ?? DEFAULT_SCORING_METHOD;
    this.passCredit = rubric.scoring?.passCredit ?? 1;
    this.rollup = rubric.scoring?.rollup ?? 'groups';
    this.terms = termsOf(rubric.terms);
  }

  /** Whether the method gives scores between levels (average, levelSum), so targets may be fractions too. */
  get scoresFractions(): boolean {
    return this.method === 'average' || this.method === 'levelSum';
  }

  hasLevel(level: number): boolean {
    return this.levelNumbers.includes(level);
  }

  levelName(level: number): string | undefined {
    return this.rubric.levels.find((l) => l.level === level)?.name;
  }

  /** The threshold level, when the rubric sets one. */
  get threshold(): number | undefined {
    return this.rubric.threshold?.level;
  }

  /** The ids of a dimension's own criteria, in rubric order. */
  criterionIdsOf(dimension: Dimension): readonly string[] {
    let ids = this.criterionIds.get(dimension.id);
    if (!ids) {
      ids = (dimension.criteria ?? []).map((c) => c.id);
      this.criterionIds.set(dimension.id, ids);
    }
    return ids;
  }

  scaleName(criterion: Criterion): string {
    return criterion.answerScale ?? this.rubric.defaultAnswerScale ?? DEFAULT_ANSWER_SCALE;
  }

  /** The answer scale by name; `yes-no` exists even when the rubric does not define it. */
  scale(name: string): AnswerScale | undefined {
    return this.rubric.answerScales?.[name] ?? (name === DEFAULT_ANSWER_SCALE ? YES_NO_SCALE : undefined);
  }

  scaleOf(criterion: Criterion): AnswerScale | undefined {
    return this.scale(this.scaleName(criterion));
  }

  /** The values of a criterion's answer scale, in the scale's order (empty when the scale does not exist). */
  answerValues(criterion: Criterion): readonly string[] {
    const scale = this.scaleOf(criterion);
    return scale ? this.optionsOf(scale).values : [];
  }

  /** The scale's entry for an answer as written: exact first, then ignoring case; booleans stand for yes/no. */
  answerOption(criterion: Criterion, answer: string | boolean): AnswerOption | undefined {
    const scale = this.scaleOf(criterion);
    if (!scale) return undefined;
    const value = typeof answer === 'boolean' ? (answer ? 'yes' : 'no') : answer;
    const options = this.optionsOf(scale);
    return options.exact.get(value) ?? options.folded.get(value.toLowerCase());
  }

  /**
   * A scale's answers by value, and by value in lower case (the first of each wins, as a search
   * of the list in order would find): every answer of every assessment is looked up here.
   */
  private optionsOf(scale: AnswerScale): ScaleOptions {
    let options = this.scaleOptions.get(scale);
    if (!options) {
      options = { exact: new Map(), folded: new Map(), values: scale.answers.map((a) => a.value) };
      for (const option of scale.answers) {
        if (!options.exact.has(option.value)) options.exact.set(option.value, option);
        const folded = option.value.toLowerCase();
        if (!options.folded.has(folded)) options.folded.set(folded, option);
      }
      this.scaleOptions.set(scale, options);
    }
    return options;
  }

  /** Credit of an answer on a criterion's scale, or undefined when the scale does not have it. */
  credit(criterion: Criterion, answer: string | boolean): number | undefined {
    return this.answerOption(criterion, answer)?.credit;
  }

  /**
   * How many steps of a criterion's scale lie between two credits: its distinct credits above
   * `low` up to `high`. Yes against no is one step; two answers of equal credit are none apart.
   */
  scaleSteps(criterion: Criterion, low: number, high: number): number {
    const scale = this.scaleOf(criterion);
    if (!scale || high <= low) return 0;
    const credits = new Set<number>();
    for (const option of scale.answers) if (option.credit > low && option.credit <= high) credits.add(option.credit);
    return credits.size;
  }

  /** Whether a credit counts as meeting a criterion. */
  meets(credit: number): boolean {
    return credit >= this.passCredit;
  }

  term(which: TermKey): string {
    return this.terms[which];
  }

  /** The term in lower case, singular for a count of one and plural otherwise ("2 capabilities"). */
  termFor(which: TermKey, count: number): string {
    return wordFor(count, this.terms[which].toLowerCase());
  }
}
