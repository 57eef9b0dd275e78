import type { ScoringMethod } from '../format/types';
import type { CriterionResult, LevelCredit } from './types';

/**
 * The four scoring formulas, as pure functions over the counted criteria of one dimension.
 * Each returns the dimension's score on the level scale [minLevel, maxLevel]. The README
 * documents them; test/core/scoring/scoreAssessment.test.ts checks each against hand-computed examples.
 */

/** Scores are sums and means of credits: differences below this are float noise, not a real gap. */
const EPSILON = 1e-9;

/** Whole level reached by a score. */
export function levelOf(score: number): number {
  return Math.floor(score + EPSILON);
}

/** Whether a score reaches a target (a gap of float noise counts as none). */
export function reachesTarget(gap: number): boolean {
  return gap <= EPSILON;
}

/** The weighted mean of values, or undefined when the weights add up to nothing. */
export function weightedMean<T>(items: readonly T[], value: (item: T) => number, weight: (item: T) => number): number | undefined {
  let total = 0;
  let weights = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const w = weight(item);
    total += w * value(item);
    weights += w;
  }
  return weights > 0 ? total / weights : undefined;
}

const creditOf = (c: CriterionResult) => c.credit;
const weightOf = (c: CriterionResult) => c.weight;

/** levelCredits: for each level that has counted criteria, their weighted mean credit. */
export function creditsByLevel(criteria: readonly CriterionResult[]): LevelCredit[] {
  const byLevel = new Map<number, CriterionResult[]>();
  for (const c of criteria) {
    const list = byLevel.get(c.level) ?? [];
    list.push(c);
    byLevel.set(c.level, list);
  }
  return [...byLevel.entries()]
    .sort(([a], [b]) => a - b)
    .map(([level, items]) => ({ level, credit: weightedMean(items, creditOf, weightOf) ?? 0, criteria: items.length }));
}

/**
 * gated: the highest level L such that every counted criterion at L and below is met, never
 * below the bottom of the scale and never above the highest level that has criteria (a level
 * with nothing to show cannot be claimed). A level without criteria of its own asks nothing
 * more than the level below it, so it is reached with that level: the score is one below the
 * lowest level with an unmet criterion. "What blocks the next level" (blockersFor) reads the
 * same rule, so a level that shows no blockers is a level the score reaches.
 */
export function gatedScore(criteria: readonly CriterionResult[], minLevel: number): number | undefined {
  if (criteria.length === 0) return undefined;
  let highest = -Infinity;
  let lowestUnmet = Infinity;
  for (let i = 0; i < criteria.length; i++) {
    const c = criteria[i]!;
    // Stryker disable next-line EqualityOperator: with >= a tie assigns the same level again (an equivalent mutant)
    if (c.level > highest) highest = c.level;
    // Stryker disable next-line EqualityOperator: with <= a tie assigns the same level again (an equivalent mutant)
    if (!c.met && c.level < lowestUnmet) lowestUnmet = c.level;
  }
  return Math.max(minLevel, lowestUnmet === Infinity ? highest : lowestUnmet - 1);
}

/** average: weighted mean credit s of all counted criteria, mapped linearly: min + s × (max − min). */
export function averageScore(criteria: readonly CriterionResult[], minLevel: number, maxLevel: number): number | undefined {
  const mean = weightedMean(criteria, creditOf, weightOf);
  return mean === undefined ? undefined : minLevel + mean * (maxLevel - minLevel);
}

/**
 * levelSum: the bottom of the scale plus, for each level above it, the mean credit of that
 * level's counted criteria (OWASP SAMM: a practice scores 0 to 3 as the sum of its three levels'
 * average answers).
 */
export function levelSumScore(criteria: readonly CriterionResult[], minLevel: number): number | undefined {
  const counted = criteria.filter((c) => c.level > minLevel);
  if (counted.length === 0) return undefined;
  return minLevel + creditsByLevel(counted).reduce((sum, l) => sum + l.credit, 0);
}

/**
 * The score a method computes from counted criteria (every method but rated, whose score the
 * assessor gives), or undefined when nothing counts. Dimensions and their sub-groups are scored
 * by this one function, each over its own criteria.
 */
export function scoreFromCriteria(method: Exclude<ScoringMethod, 'rated'>, criteria: readonly CriterionResult[], minLevel: number, maxLevel: number): number | undefined {
  switch (method) {
    case 'gated':
      return gatedScore(criteria, minLevel);
    case 'average':
      return averageScore(criteria, minLevel, maxLevel);
    case 'levelSum':
      return levelSumScore(criteria, minLevel);
  }
}

/**
 * The highest score the method can give these counted criteria, were every one of them fully met:
 * the top of the scale for `rated` and `average` (whose credit maps onto the whole scale); for
 * `gated`, the highest level that has criteria (no level above them can be claimed); for
 * `levelSum`, the bottom plus one for each level above it whose criteria carry weight (a level
 * without criteria adds nothing to the sum). A level above it is out of reach however the
 * assessment is answered: reports name no next level there, and say why.
 */
export function methodCeiling(method: ScoringMethod, criteria: readonly CriterionResult[], minLevel: number, maxLevel: number): number {
  switch (method) {
    case 'rated':
    case 'average':
      return maxLevel;
    case 'gated': {
      let highest = minLevel;
      // Stryker disable next-line EqualityOperator: `>=` only reassigns the same level when one equals the highest so far (an equivalent mutant)
      for (let i = 0; i < criteria.length; i++) if (criteria[i]!.level > highest) highest = criteria[i]!.level;
      return Math.min(maxLevel, highest);
    }
    case 'levelSum': {
      const weighted = new Set<number>();
      for (let i = 0; i < criteria.length; i++) if (criteria[i]!.level > minLevel && criteria[i]!.weight > 0) weighted.add(criteria[i]!.level);
      return Math.min(maxLevel, minLevel + weighted.size);
    }
  }
}

/** Criteria standing between a dimension's level and the next: not fully met, at or below the next level. */
export function blockersFor(criteria: readonly CriterionResult[], level: number, maxLevel: number, gated: boolean): CriterionResult[] {
  if (level >= maxLevel) return [];
  const next = level + 1;
  return criteria
    .filter((c) => c.level <= next && (gated ? !c.met : c.credit < 1))
    .sort((a, b) => a.level - b.level || a.credit - b.credit);
}
