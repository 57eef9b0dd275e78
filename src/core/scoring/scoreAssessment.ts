import { exemptionState, type ExemptionState } from '../domain/answers';
import { benchmarkRole, meetsBenchmark } from '../domain/benchmarks';
import { summarizeAgreement, type AgreementSummary } from '../domain/consensus';
import { evidenceAge, summarizeAges, type EvidenceAge, type EvidenceAges, type EvidencePolicy } from '../domain/evidence';
import { dimensionCriteria, type AssessmentFacts } from '../domain/assessmentFacts';
import { groupWeight, type RubricIndex } from '../domain/rubricIndex';
import type { Assessment, Dimension, DimensionResult, Evidence } from '../format/types';
import { blockersFor, creditsByLevel, levelOf, methodCeiling, scoreFromCriteria, weightedMean } from './methods';
import type { AssessmentScore, CriterionResult, DimensionScore, DimensionStatus, EvidenceCoverage, GroupScore, MetricResult, OverallScore, SubgroupScore, UnmetDependency } from './types';

function scoreMetrics(dimension: Dimension, result: DimensionResult | undefined): MetricResult[] {
  return (dimension.metrics ?? []).map((metric) => {
    const raw = result?.metrics?.[metric.id];
    const value = typeof raw === 'number' ? raw : raw?.value;
    const higherIsBetter = metric.higherIsBetter ?? true;
    const benchmark = metric.benchmark;
    const role = benchmarkRole(metric);
    const meets = meetsBenchmark(metric, value);
    return {
      id: metric.id,
      name: metric.name,
      ...(metric.unit ? { unit: metric.unit } : {}),
      higherIsBetter,
      ...(value !== undefined ? { value } : {}),
      ...(typeof raw === 'object' && raw.note ? { note: raw.note } : {}),
      // Stryker disable next-line LogicalOperator: benchmarkRole gives a role exactly when the metric has a benchmark, so `||` picks the same metrics (an equivalent mutant)
      ...(benchmark && role ? { benchmark, benchmarkRole: role } : {}),
      ...(meets !== undefined ? { meetsBenchmark: meets } : {}),
    };
  });
}

/**
 * Each sub-group scored by the rubric's method over its own counted criteria; `counted` is
 * undefined for a dimension that is not scored (its sub-groups are then listed without scores),
 * and rated rubrics give sub-groups no score.
 */
function scoreSubgroups(index: RubricIndex, dimension: Dimension, counted: readonly CriterionResult[] | undefined): SubgroupScore[] {
  return (dimension.subgroups ?? []).map((subgroup) => {
    // Stryker disable next-line ArrayDeclaration: a placeholder entry has no `subgroup`, so the filter drops it and the list stays empty (an equivalent mutant)
    const ids = (dimension.criteria ?? []).filter((c) => c.subgroup === subgroup.id).map((c) => c.id);
    const members = new Set(ids);
    // Stryker disable next-line StringLiteral: scoreFromCriteria gives no score for 'rated' either, so the test only saves a call (an equivalent mutant)
    const score = index.method === 'rated' || !counted ? undefined : scoreFromCriteria(index.method, counted.filter((c) => members.has(c.id)), index.minLevel, index.maxLevel);
    return { id: subgroup.id, title: subgroup.title, ...(score !== undefined ? { score, level: levelOf(score) } : {}), criteria: ids };
  });
}

type MutableDimensionScore = { -readonly [K in keyof DimensionScore]: DimensionScore[K] };

/**
 * What decides a dimension's score: the facts of its criteria, the ones that count, its
 * exemption, and from them its status and its score by the rubric's method. The full
 * DimensionScore (levels, blockers, sub-groups, metrics) is built from this; the rules that only
 * need a dimension's level read it as it is, so checking a file does not build scores that
 * nothing reads.
 */
export interface DimensionOutcome {
  readonly id: string;
  readonly dimension: Dimension;
  readonly result: DimensionResult | undefined;
  readonly criteria: readonly CriterionResult[];
  readonly counted: readonly CriterionResult[];
  readonly exemption: ExemptionState | undefined;
  /** With several assessors: how they agree over its criteria. */
  readonly agreement: AgreementSummary | undefined;
  readonly status: DimensionStatus;
  /** The score by the rubric's method, when the status is 'scored'. */
  readonly score?: number;
  /** The level reached (the score rounded down), when the status is 'scored'. */
  readonly level?: number;
}

/** The outcome of every dimension of the rubric, in rubric order, for an assessment that passed its schema. */
export function dimensionOutcomes(assessment: Assessment, facts: AssessmentFacts, index: RubricIndex): DimensionOutcome[] {
  // A dimension only the assessors answered (in `responses`) is assessed, with nothing else written for it.
  const resultOf = (id: string) => assessment.dimensions[id] ?? (facts.agreement.has(id) ? ANSWERED_BY_ASSESSORS : undefined);
  return index.rubric.dimensions.map((dimension) => dimensionOutcome(index, facts, dimension, resultOf(dimension.id), assessment.date));
}

const ANSWERED_BY_ASSESSORS: DimensionResult = Object.freeze({});

function dimensionOutcome(index: RubricIndex, facts: AssessmentFacts, dimension: Dimension, result: DimensionResult | undefined, date: string): DimensionOutcome {
  const criteria = dimensionCriteria(facts, index, dimension, date);
  const counted = criteria.filter((c) => c.status === 'counted');
  const exemption = exemptionState(result?.exemption, date);
  const excluded: DimensionStatus | undefined = !result ? 'not-assessed' : result.notApplicable ? 'not-applicable' : exemption && !exemption.expired ? 'exempt' : undefined;
  // Stryker disable next-line OptionalChaining: `excluded` is undefined only where there is a result (an equivalent mutant)
  const score = excluded === undefined ? methodScore(index, counted, result?.level) : undefined;
  const status: DimensionStatus = score === undefined ? (excluded ?? 'not-rated') : 'scored';
  const agreement = facts.agreement.has(dimension.id) ? summarizeAgreement(criteria.map((c) => c.agreement)) : undefined;
  return { id: dimension.id, dimension, result, criteria, counted, exemption, agreement, status, score, level: score === undefined ? undefined : levelOf(score) };
}

function scoreDimension(index: RubricIndex, outcome: DimensionOutcome): DimensionScore {
  const { dimension, result, criteria, counted, exemption } = outcome;
  // Built field by field, in the order the JSON report lists them, rather than by spreading
  // optional parts: thousands of dimensions are scored in a run over a repository, and one
  // object shape that grows in one order is far cheaper for V8 than a spread per field.
  const score: MutableDimensionScore = { id: dimension.id, title: dimension.title } as MutableDimensionScore;
  if (dimension.group) score.group = dimension.group;
  score.weight = dimension.weight ?? 1;
  score.criteria = criteria;
  score.evidence = result?.evidence ?? NO_EVIDENCE;
  if (result?.notes) score.notes = result.notes;
  score.metrics = scoreMetrics(dimension, result);
  if (result?.target !== undefined) score.target = result.target;
  if (result?.notApplicable) score.notApplicable = result.notApplicable.reason;
  if (exemption) score.exemption = exemption;
  if (outcome.agreement) score.agreement = outcome.agreement;
  score.levelCredits = creditsByLevel(counted);
  if (outcome.score === undefined || outcome.level === undefined) {
    score.subgroups = scoreSubgroups(index, dimension, undefined);
    score.status = outcome.status;
    score.blockers = NO_BLOCKERS;
    return score;
  }
  const value = outcome.score;
  const level = outcome.level;
  const threshold = index.rubric.threshold?.level;
  score.subgroups = scoreSubgroups(index, dimension, counted);
  score.status = 'scored';
  score.score = value;
  score.level = level;
  // Stryker disable next-line OptionalChaining: a scored dimension always has a result (an equivalent mutant)
  if (result?.target !== undefined) score.gap = targetGap(result.target, value);
  if (threshold !== undefined) score.thresholdReached = level >= threshold;
  // A next level only where the method can give it; where it caps the dimension below the top, the cap.
  const ceiling = levelOf(methodCeiling(index.method, counted, index.minLevel, index.maxLevel));
  if (level < ceiling) score.nextLevel = level + 1;
  else if (ceiling < index.maxLevel) score.ceiling = ceiling;
  score.blockers = blockersFor(counted, level, ceiling, index.method === 'gated' || index.method === 'rated');
  return score;
}

const NO_EVIDENCE: readonly Evidence[] = [];
const NO_BLOCKERS: readonly CriterionResult[] = [];

/** How far a score is below its target (0 when at or above it). */
function targetGap(target: number, score: number): number {
  return Math.max(0, target - score);
}

/**
 * A dimension at a glance: its status, score and level, target and gap, whether it reached the
 * threshold, and its sub-groups' scores; the parts of a DimensionScore that views over many
 * assessments read, without the criteria, blockers, evidence and metrics a report lists.
 */
export type DimensionSummary = Pick<DimensionScore, 'id' | 'title' | 'group' | 'weight' | 'status' | 'score' | 'level' | 'target' | 'gap' | 'thresholdReached' | 'subgroups'>;

/** Every dimension at a glance, the groups and the overall score: what `scoreAssessment` gives, less the details. */
export interface ScoreSummary {
  readonly dimensions: readonly DimensionSummary[];
  readonly groups: readonly GroupScore[];
  readonly overall: OverallScore;
}

export function summarizeScore(index: RubricIndex, outcomes: readonly DimensionOutcome[]): ScoreSummary {
  const threshold = index.rubric.threshold?.level;
  // Field by field, as scoreDimension is built: a portfolio summarizes every dimension of hundreds of assessments.
  const dimensions = outcomes.map((outcome): DimensionSummary => {
    const { dimension, result } = outcome;
    const summary = { id: dimension.id, title: dimension.title } as { -readonly [K in keyof DimensionSummary]: DimensionSummary[K] };
    if (dimension.group) summary.group = dimension.group;
    summary.weight = dimension.weight ?? 1;
    summary.status = outcome.status;
    const target = result?.target;
    if (target !== undefined) summary.target = target;
    if (outcome.score !== undefined && outcome.level !== undefined) {
      summary.score = outcome.score;
      summary.level = outcome.level;
      if (target !== undefined) summary.gap = targetGap(target, outcome.score);
      if (threshold !== undefined) summary.thresholdReached = outcome.level >= threshold;
    }
    summary.subgroups = dimension.subgroups?.length ? scoreSubgroups(index, dimension, outcome.status === 'scored' ? outcome.counted : undefined) : NO_SUBGROUPS;
    return summary;
  });
  const { groups, overall } = rollUp(index, dimensions);
  return { dimensions, groups, overall };
}

const NO_SUBGROUPS: readonly SubgroupScore[] = [];

/**
 * A dimension's score by the rubric's method, from its counted criteria (or, for `rated`, the
 * level given). The review reads it to tell how much each changed answer moved a score.
 */
export function methodScore(index: RubricIndex, counted: readonly CriterionResult[], ratedLevel: number | undefined): number | undefined {
  return index.method === 'rated' ? ratedLevel : scoreFromCriteria(index.method, counted, index.minLevel, index.maxLevel);
}

/**
 * Roll-up: a group's score is the weighted mean of its scored dimensions. The overall score is,
 * with `rollup: groups` (the default), the weighted mean of the groups (a dimension outside any
 * group counts as a group of its own, with its own weight); with `rollup: flat`, the weighted mean
 * of every scored dimension by its own weight. Without groups the two are the same. Targets roll
 * up the same way, with a dimension without a target counting at its current score; a group, like
 * the whole, has a target only when one of its scored dimensions sets one (a target nobody set
 * would only repeat the score).
 */
export function rollUp(index: RubricIndex, dimensions: readonly RolledUp[]): { groups: GroupScore[]; overall: OverallScore } {
  const scored = dimensions.filter((d) => d.status === 'scored' && d.score !== undefined);
  const targetOf = (d: RolledUp) => d.target ?? (d.score as number);
  const units: { score: number; target: number; weight: number }[] = [];
  const groups: GroupScore[] = [];
  for (const group of index.rubric.groups ?? []) {
    const members = scored.filter((d) => d.group === group.id);
    const score = weightedMean(members, (d) => d.score as number, (d) => d.weight);
    // The group's target as the whole's target reads it (its score where no member sets one).
    const rolledTarget = weightedMean(members, targetOf, (d) => d.weight);
    const target = members.some((d) => d.target !== undefined) ? rolledTarget : undefined;
    const weight = groupWeight(group);
    groups.push({
      id: group.id,
      title: group.title,
      weight,
      ...(score !== undefined ? { score } : {}),
      ...(target !== undefined ? { target } : {}),
      dimensions: dimensions.filter((d) => d.group === group.id).map((d) => d.id),
    });
    if (index.rollup === 'groups' && score !== undefined && rolledTarget !== undefined) units.push({ score, target: rolledTarget, weight });
  }
  for (const d of scored) {
    if (index.rollup === 'flat' || d.group === undefined || !index.groups.has(d.group)) units.push({ score: d.score as number, target: targetOf(d), weight: d.weight });
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
      dimensionsTotal: dimensions.length,
      dimensionStatusCounts: statusCounts(dimensions),
    },
  };
}

/** What the roll-up reads of a dimension. */
type RolledUp = Pick<DimensionScore, 'id' | 'group' | 'weight' | 'status' | 'score' | 'target' | 'thresholdReached'>;

function statusCounts(dimensions: readonly RolledUp[]): Record<DimensionStatus, number> {
  const counts: Record<DimensionStatus, number> = { scored: 0, 'not-applicable': 0, exempt: 0, 'not-assessed': 0, 'not-rated': 0 };
  for (const d of dimensions) counts[d.status]++;
  return counts;
}

/** Scores an assessment (that passed its schema) against its rubric, from its facts. Pure and deterministic. */
export function scoreAssessment(assessment: Assessment, facts: AssessmentFacts, index: RubricIndex, outcomes: readonly DimensionOutcome[] = dimensionOutcomes(assessment, facts, index)): AssessmentScore {
  const dimensions = outcomes.map((outcome) => scoreDimension(index, outcome));
  const { groups, overall } = rollUp(index, dimensions);
  const policy = facts.evidencePolicy;
  return {
    method: index.method,
    minLevel: index.minLevel,
    maxLevel: index.maxLevel,
    ...(index.rubric.threshold ? { threshold: index.rubric.threshold.level } : {}),
    dimensions,
    groups,
    overall,
    evidenceCoverage: evidenceCoverage(dimensions, policy),
    // Stryker disable next-line LogicalOperator: evidencePolicy sets validFor and setBy together (an equivalent mutant)
    ...(policy.validFor !== undefined && policy.setBy ? { evidenceValidFor: { duration: policy.validFor, setBy: policy.setBy } } : {}),
    ...evidenceAgesOf(dimensions, assessment.date, policy),
    unmetDependencies: unmetDependencies(index, outcomes),
  };
}

/**
 * Of the positive answers (by the answer's credit, so also where stale evidence withdrew it) to
 * criteria that require evidence, in scored dimensions: how many have evidence, and, under a
 * validity, how many have current evidence and how many stale evidence only.
 */
function evidenceCoverage(dimensions: readonly DimensionScore[], policy: EvidencePolicy): EvidenceCoverage {
  let required = 0;
  let provided = 0;
  let current = 0;
  let stale = 0;
  for (const d of dimensions) {
    if (d.status !== 'scored') continue;
    for (const c of d.criteria) {
      if (c.status !== 'counted' || !c.evidenceRequired || (c.credit <= 0 && c.withdrawnCredit === undefined)) continue;
      required++;
      if (c.evidence.length > 0) provided++;
      if (c.evidenceFreshness === 'current') current++;
      else if (c.evidenceFreshness === 'stale') stale++;
    }
  }
  const coverage: { -readonly [K in keyof EvidenceCoverage]: EvidenceCoverage[K] } = { required, provided };
  if (required > 0) coverage.ratio = provided / required;
  if (policy.duration) {
    coverage.current = current;
    if (required > 0) coverage.currentRatio = current / required;
    coverage.stale = stale;
  }
  return coverage;
}

/** `{ evidenceAges }` over the evidence behind the score, when any of it is dated or a validity is set; `{}` otherwise. */
function evidenceAgesOf(dimensions: readonly DimensionScore[], date: string, policy: EvidencePolicy): { evidenceAges?: EvidenceAges } {
  const ages: (EvidenceAge | undefined)[] = [];
  let dated = false;
  const add = (list: readonly Evidence[]) => {
    for (let i = 0; i < list.length; i++) {
      const age = evidenceAge(list[i]!, date, policy);
      if (age) dated = true;
      ages.push(age);
    }
  };
  for (const d of dimensions) {
    if (d.status !== 'scored') continue;
    add(d.evidence);
    for (const c of d.criteria) if (c.status === 'counted') add(c.evidence);
  }
  return dated || (policy.duration !== undefined && ages.length > 0) ? { evidenceAges: summarizeAges(ages, policy) } : {};
}

/**
 * Credited criteria (credit above 0, counted) whose dependencies are not met. A dependency in a
 * dimension the assessment leaves out (not assessed, not applicable, exempt), or that is itself
 * not applicable or exempt, blocks nothing: nothing is known against it.
 */
export function unmetDependencies(index: RubricIndex, dimensions: readonly Pick<DimensionOutcome, 'id' | 'status' | 'criteria'>[]): UnmetDependency[] {
  // Stryker disable next-line ConditionalExpression: a shortcut only; without dependencies the loop below finds none (an equivalent mutant)
  if (!index.hasDependencies) return [];
  const facts = new Map<string, { dimension: string; fact: CriterionResult }>();
  for (const d of dimensions) {
    if (d.status === 'not-assessed' || d.status === 'not-applicable' || d.status === 'exempt') continue;
    for (const c of d.criteria) facts.set(c.id, { dimension: d.id, fact: c });
  }
  const out: UnmetDependency[] = [];
  for (const [id, { dimension, fact }] of facts) {
    if (fact.status !== 'counted' || fact.credit <= 0) continue;
    // Stryker disable next-line OptionalChaining,ArrayDeclaration: every fact is of a rubric criterion, and a placeholder dependency names no fact so it is never unmet (equivalent mutants)
    const unmet = (index.criteria.get(id)?.criterion.dependsOn ?? []).flatMap((dep) => {
      const other = facts.get(dep);
      return other && other.fact.status === 'counted' && !other.fact.met ? [{ dimension: other.dimension, criterion: dep }] : [];
    });
    if (unmet.length > 0) out.push({ dimension, criterion: id, unmet });
  }
  return out;
}
