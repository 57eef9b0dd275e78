import type { CriterionFact as CriterionResult, ExemptionState } from '../domain/answers';
import type { AgreementSummary } from '../domain/consensus';
import type { BenchmarkRole } from '../domain/benchmarks';
import type { EvidenceAges } from '../domain/evidence';
import type { Evidence, Metric, ScoringMethod } from '../format/types';

export type DimensionStatus = 'scored' | 'not-applicable' | 'exempt' | 'not-assessed' | 'not-rated';
export type { CriterionFact as CriterionResult, ExemptionState, ItemStatus as CriterionStatus } from '../domain/answers';

export interface MetricResult {
  readonly id: string;
  readonly name: string;
  readonly unit?: string;
  readonly higherIsBetter: boolean;
  readonly value?: number;
  readonly note?: string;
  readonly benchmark?: NonNullable<Metric['benchmark']>;
  /** Whether the benchmark measured this metric's own quantity (a verdict) or something else (context); see domain/benchmarks.ts. */
  readonly benchmarkRole?: BenchmarkRole;
  /** Whether the value beats (or equals) the benchmark; undefined without a value, or when the benchmark is only context. */
  readonly meetsBenchmark?: boolean;
}

export interface LevelCredit {
  readonly level: number;
  /** Weighted mean credit of the counted criteria at this level. */
  readonly credit: number;
  readonly criteria: number;
}

/** A sub-group of a dimension (a SAMM stream), scored by the rubric's method over its own criteria. */
export interface SubgroupScore {
  readonly id: string;
  readonly title: string;
  /** Absent for rated rubrics, and when none of its criteria counts. */
  readonly score?: number;
  readonly level?: number;
  /** Ids of its criteria, in rubric order. */
  readonly criteria: readonly string[];
}

/** A criterion that earns credit while criteria it depends on are not met. */
export interface UnmetDependency {
  readonly dimension: string;
  readonly criterion: string;
  /** The dependencies that are not met, in the order the rubric lists them. */
  readonly unmet: readonly { readonly dimension: string; readonly criterion: string }[];
}

export interface DimensionScore {
  readonly id: string;
  readonly title: string;
  readonly group?: string;
  readonly weight: number;
  readonly status: DimensionStatus;
  /** The dimension's score on the level scale: whole for rated and gated, fractional for average and levelSum. */
  readonly score?: number;
  /** The level reached: the score rounded down. */
  readonly level?: number;
  readonly target?: number;
  /** How far the score is below the target (0 when at or above it). */
  readonly gap?: number;
  readonly thresholdReached?: boolean;
  /** The next level up, when the method can give it (see `ceiling`). */
  readonly nextLevel?: number;
  /**
   * The highest level the rubric's method can give this dimension with its counted criteria,
   * when it is below the top of the scale and the dimension has reached it: no next level is named
   * then (gated claims no level above the highest with criteria; levelSum adds one level per level
   * with criteria).
   */
  readonly ceiling?: number;
  /** Criteria that stand between the current level and the next. */
  readonly blockers: readonly CriterionResult[];
  readonly criteria: readonly CriterionResult[];
  readonly levelCredits: readonly LevelCredit[];
  /** The dimension's sub-groups in rubric order (empty when it has none). */
  readonly subgroups: readonly SubgroupScore[];
  readonly evidence: readonly Evidence[];
  readonly notes?: string;
  readonly metrics: readonly MetricResult[];
  readonly notApplicable?: string;
  readonly exemption?: ExemptionState;
  /** With several assessors: on how many of its criteria that two or more answered they agree (domain/consensus.ts). */
  readonly agreement?: AgreementSummary;
}

export interface GroupScore {
  readonly id: string;
  readonly title: string;
  readonly weight: number;
  readonly score?: number;
  readonly target?: number;
  readonly dimensions: readonly string[];
}

export interface OverallScore {
  readonly score?: number;
  readonly level?: number;
  readonly target?: number;
  readonly gap?: number;
  readonly thresholdReached?: boolean;
  readonly dimensionsScored: number;
  readonly dimensionsAtThreshold: number;
  /** The rubric's dimensions: the score covers `dimensionsScored` of them. */
  readonly dimensionsTotal: number;
  /** How many of the rubric's dimensions are in each status (the unscored ones say why the score covers less). */
  readonly dimensionStatusCounts: Readonly<Record<DimensionStatus, number>>;
}

export interface EvidenceCoverage {
  /** Positive answers to criteria that require evidence (counted by the answer's credit, also where stale evidence withdrew it). */
  readonly required: number;
  /** Of those, how many have evidence. */
  readonly provided: number;
  /** provided / required, or undefined when nothing requires evidence. */
  readonly ratio?: number;
  /** Under an evidence validity: of the `required`, how many have current evidence (dated, within the validity). */
  readonly current?: number;
  /** current / required, under a validity, when something requires evidence. */
  readonly currentRatio?: number;
  /** Under a validity: of the `required`, how many rest on stale evidence only. */
  readonly stale?: number;
}

export interface AssessmentScore {
  readonly method: ScoringMethod;
  readonly minLevel: number;
  readonly maxLevel: number;
  readonly threshold?: number;
  readonly dimensions: readonly DimensionScore[];
  readonly groups: readonly GroupScore[];
  readonly overall: OverallScore;
  readonly evidenceCoverage: EvidenceCoverage;
  /** The validity evidence is held to (ISO 8601, as written), and who set it; absent when none is set. */
  readonly evidenceValidFor?: { readonly duration: string; readonly setBy: 'rubric' | 'assessment' };
  /**
   * The ages of the evidence behind the score (of its scored dimensions and their counted
   * criteria), when any of it is dated or a validity is set; absent otherwise.
   */
  readonly evidenceAges?: EvidenceAges;
  /** Credited criteria whose dependencies (`dependsOn`) are not met, in rubric order. */
  readonly unmetDependencies: readonly UnmetDependency[];
}
