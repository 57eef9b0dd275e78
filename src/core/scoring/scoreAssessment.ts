import { exemptionState } from '../domain/answers';
import { dimensionCriteria, type AssessmentFacts } from '../domain/assessmentFacts';
import type { RubricIndex } from '../domain/rubricIndex';
import type { Assessment, Dimension, DimensionResult, Evidence } from '../format/types';
import { averageScore, blockersFor, creditsByLevel, gatedScore, levelOf, levelSumScore, weightedMean } from './methods';
import type { AssessmentScore, CriterionResult, DimensionScore, GroupScore, MetricResult, OverallScore } from './types';

function scoreMetrics(dimension: Dimension, result: DimensionResult | undefined): MetricResult[] {
  return (dimension.metrics ?? []).map((metric) => {
    const raw = result?.metrics?.[metric.id];
    const value = typeof raw === 'number' ? raw : raw?.value;
    const higherIsBetter = metric.higherIsBetter ?? true;
    const benchmark = metric.benchmark;
    const meetsBenchmark = value !== undefined && benchmark ? (higherIsBetter ? value >= benchmark.value : value <= benchmark.value) : undefined;
    return {
      id: metric.id,
      name: metric.name,
      ...(metric.unit ? { unit: metric.unit } : {}),
      higherIsBetter,
      ...(value !== undefined ? { value } : {}),
      ...(typeof raw === 'object' && raw.note ? { note: raw.note } : {}),
      ...(benchmark ? { benchmark } : {}),
      ...(meetsBenchmark !== undefined ? { meetsBenchmark } : {}),
    };
  });
}

function scoreDimension(index: RubricIndex, facts: AssessmentFacts, dimension: Dimension, result: DimensionResult | undefined, date: string): DimensionScore {
  const criteria = dimensionCriteria(facts, index, dimension, date);
  const counted = criteria.filter((c) => c.status === 'counted');
  const exemption = exemptionState(result?.exemption, date);
  const base = {
    id: dimension.id,
    title: dimension.title,
    ...(dimension.group ? { group: dimension.group } : {}),
    weight: dimension.weight ?? 1,
    criteria,
    evidence: result?.evidence ?? ([] as Evidence[]),
    ...(result?.notes ? { notes: result.notes } : {}),
    metrics: scoreMetrics(dimension, result),
    ...(result?.target !== undefined ? { target: result.target } : {}),
    ...(result?.notApplicable ? { notApplicable: result.notApplicable.reason } : {}),
    ...(exemption ? { exemption } : {}),
    levelCredits: creditsByLevel(counted),
  };
  const unscored = (status: DimensionScore['status']): DimensionScore => ({ ...base, status, blockers: [] });
  if (!result) return unscored('not-assessed');
  if (result.notApplicable) return unscored('not-applicable');
  if (exemption && !exemption.expired) return unscored('exempt');

  const score = methodScore(index, counted, result.level);
  if (score === undefined) return unscored('not-rated');
  const level = levelOf(score);
  const threshold = index.rubric.threshold?.level;
  return {
    ...base,
    status: 'scored',
    score,
    level,
    ...(result.target !== undefined ? { gap: Math.max(0, result.target - score) } : {}),
    ...(threshold !== undefined ? { thresholdReached: level >= threshold } : {}),
    ...(level < index.maxLevel ? { nextLevel: level + 1 } : {}),
    blockers: blockersFor(counted, level, index.maxLevel, index.method === 'gated' || index.method === 'rated'),
  };
}

/**
 * A dimension's score by the rubric's method, from its counted criteria (or, for `rated`, the
 * level given). The review reads it to tell how much each changed answer moved a score.
 */
export function methodScore(index: RubricIndex, counted: readonly CriterionResult[], ratedLevel: number | undefined): number | undefined {
  switch (index.method) {
    case 'rated':
      return ratedLevel;
    case 'gated':
      return gatedScore(counted, index.minLevel);
    case 'average':
      return averageScore(counted, index.minLevel, index.maxLevel);
    case 'levelSum':
      return levelSumScore(counted, index.minLevel);
  }
}

/**
 * Roll-up: a group's score is the weighted mean of its scored dimensions; the overall score is
 * the weighted mean of the groups (a dimension outside any group counts as a group of its own,
 * with its own weight). Without groups, the overall score is the weighted mean of the dimensions.
 * Targets roll up the same way, with a dimension without a target counting at its current score.
 */
export function rollUp(index: RubricIndex, dimensions: readonly DimensionScore[]): { groups: GroupScore[]; overall: OverallScore } {
  const scored = dimensions.filter((d) => d.status === 'scored' && d.score !== undefined);
  const targetOf = (d: DimensionScore) => d.target ?? (d.score as number);
  const units: { score: number; target: number; weight: number }[] = [];
  const groups: GroupScore[] = [];
  for (const group of index.rubric.groups ?? []) {
    const members = scored.filter((d) => d.group === group.id);
    const score = weightedMean(members, (d) => d.score as number, (d) => d.weight);
    const target = weightedMean(members, targetOf, (d) => d.weight);
    groups.push({
      id: group.id,
      title: group.title,
      weight: group.weight ?? 1,
      ...(score !== undefined ? { score } : {}),
      ...(target !== undefined ? { target } : {}),
      dimensions: dimensions.filter((d) => d.group === group.id).map((d) => d.id),
    });
    if (score !== undefined && target !== undefined) units.push({ score, target, weight: group.weight ?? 1 });
  }
  for (const d of scored) {
    if (d.group === undefined || !index.groups.has(d.group)) units.push({ score: d.score as number, target: targetOf(d), weight: d.weight });
  }
  const score = weightedMean(units, (u) => u.score, (u) => u.weight);
  const target = scored.some((d) => d.target !== undefined) ? weightedMean(units, (u) => u.target, (u) => u.weight) : undefined;
  const threshold = index.rubric.threshold?.level;
  const level = score !== undefined ? levelOf(score) : undefined;
  return {
    groups,
    overall: {
      ...(score !== undefined ? { score, level } : {}),
      ...(target !== undefined ? { target, gap: Math.max(0, target - (score ?? 0)) } : {}),
      ...(threshold !== undefined && level !== undefined ? { thresholdReached: level >= threshold } : {}),
      dimensionsScored: scored.length,
      dimensionsAtThreshold: scored.filter((d) => d.thresholdReached).length,
    },
  };
}

/** Scores an assessment (that passed its schema) against its rubric, from its facts. Pure and deterministic. */
export function scoreAssessment(assessment: Assessment, facts: AssessmentFacts, index: RubricIndex): AssessmentScore {
  const dimensions = index.rubric.dimensions.map((dimension) =>
    scoreDimension(index, facts, dimension, assessment.dimensions[dimension.id], assessment.date),
  );
  const { groups, overall } = rollUp(index, dimensions);
  let required = 0;
  let provided = 0;
  for (const d of dimensions) {
    if (d.status !== 'scored') continue;
    for (const c of d.criteria) {
      if (c.status !== 'counted' || !c.evidenceRequired || c.credit <= 0) continue;
      required++;
      if (c.evidence.length > 0) provided++;
    }
  }
  return {
    method: index.method,
    minLevel: index.minLevel,
    maxLevel: index.maxLevel,
    ...(index.rubric.threshold ? { threshold: index.rubric.threshold.level } : {}),
    dimensions,
    groups,
    overall,
    evidenceCoverage: { required, provided, ...(required > 0 ? { ratio: provided / required } : {}) },
  };
}
