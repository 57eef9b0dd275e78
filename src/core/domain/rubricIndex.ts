import { DEFAULT_ANSWER_SCALE } from '../format/enums';
import type { AnswerScale, Criterion, Dimension, Group, Rubric, ScoringMethod } from '../format/types';

export const YES_NO_SCALE: AnswerScale = {
  description: 'Met or not met.',
  answers: [
    { value: 'yes', credit: 1, description: 'The criterion is met.' },
    { value: 'no', credit: 0, description: 'The criterion is not met.' },
  ],
};

/**
 * Lookup tables over a rubric that passed its schema: built once per rubric and shared by the
 * semantic rules, scoring, completion and hovers.
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

  constructor(readonly rubric: Rubric) {
    for (const group of rubric.groups ?? []) if (!this.groups.has(group.id)) this.groups.set(group.id, group);
    for (const dimension of rubric.dimensions) {
      if (!this.dimensions.has(dimension.id)) this.dimensions.set(dimension.id, dimension);
      for (const criterion of dimension.criteria ?? []) {
        if (!this.criteria.has(criterion.id)) this.criteria.set(criterion.id, { criterion, dimension });
      }
    }
    this.levelNumbers = rubric.levels.map((l) => l.level);
    this.minLevel = Math.min(...this.levelNumbers);
    this.maxLevel = Math.max(...this.levelNumbers);
    this.method = rubric.scoring?.method ?? 'gated';
    this.passCredit = rubric.scoring?.passCredit ?? 1;
  }

  hasLevel(level: number): boolean {
    return this.levelNumbers.includes(level);
  }

  levelName(level: number): string | undefined {
    return this.rubric.levels.find((l) => l.level === level)?.name;
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

  /** Credit of an answer on a criterion's scale; booleans stand for yes/no. */
  credit(criterion: Criterion, answer: string | boolean): number | undefined {
    const scale = this.scaleOf(criterion);
    if (!scale) return undefined;
    const value = typeof answer === 'boolean' ? (answer ? 'yes' : 'no') : answer;
    const option = scale.answers.find((a) => a.value === value) ?? scale.answers.find((a) => a.value.toLowerCase() === value.toLowerCase());
    return option?.credit;
  }

  term(which: 'group' | 'dimension' | 'criterion'): string {
    const defaults = { group: 'Group', dimension: 'Dimension', criterion: 'Criterion' };
    return this.rubric.terms?.[which] ?? defaults[which];
  }

  /** The term in lower case, singular for a count of one and plural otherwise ("2 capabilities"). */
  termFor(which: 'group' | 'dimension' | 'criterion', count: number): string {
    const word = this.term(which).toLowerCase();
    return count === 1 ? word : pluralize(word);
  }
}

/** English plural of the last word of a term: practice → practices, capability → capabilities, criterion → criteria. */
export function pluralize(term: string): string {
  const irregular: Record<string, string> = { criterion: 'criteria', analysis: 'analyses' };
  const match = /^(.*?)([A-Za-z]+)$/.exec(term);
  if (!match) return term;
  const [, head, word] = match as unknown as [string, string, string];
  const lower = word.toLowerCase();
  if (irregular[lower]) return head + irregular[lower];
  if (/[^aeiou]y$/.test(lower)) return head + word.slice(0, -1) + 'ies';
  if (/(s|x|z|ch|sh)$/.test(lower)) return head + word + 'es';
  return head + word + 's';
}
