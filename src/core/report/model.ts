import type { DimensionStatus, CriterionStatus } from '../scoring/types';
import type { Disposition, InitiativeStatus, RiskRating, ScoringMethod, ValueStream } from '../format/types';
import type { Severity } from '../diagnostics/types';
import type { BenchmarkRole } from '../domain/benchmarks';
import type { EvidenceFreshness } from '../domain/evidence';

/**
 * The report model: everything a report shows about one document, computed once and rendered
 * as Markdown, HTML or JSON. `renderJson` writes this shape as it is, so it is a public format,
 * described by schemas/report.schema.json (a test validates every sample's report against it):
 * add optional fields freely (and to the schema), but bump REPORT_SCHEMA_VERSION before renaming
 * or removing one.
 *
 * Conventions:
 * - Scores are numbers on the rubric's level scale at full precision (as the engine computed
 *   them, so a tool can reproduce a published formula exactly); only renderers round, for people
 *   (render/text.ts). `level` is the whole level reached (the score rounded down).
 * - `sourceOffset` is a UTF-16 offset into the analyzed file's text (the start of the item's key,
 *   or of the list item), so an editor can reveal the item. Absent when the item is not written
 *   in the file (a dimension the assessment does not mention, for example).
 * - Free text fields documented as Markdown are kept as written; renderers turn them into safe HTML.
 * - Optional fields are omitted, never null.
 */
export const REPORT_SCHEMA_VERSION = 2 as const;

export type ReportKind = 'Assessment' | 'Plan' | 'Rubric' | 'Unknown';

export interface ReportModel {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly kind: ReportKind;
  readonly source: ReportSource;
  /** Every document of the file, so a preview can offer the others. */
  readonly documents: readonly ReportDocumentEntry[];
  readonly id?: string;
  readonly title: string;
  /** The rubric the document is scored against (for a Rubric document: itself). */
  readonly rubric?: ReportRubric;
  /** Why parts of the report are missing, in words a reader can act on. */
  readonly notices: readonly string[];
  readonly problems: ReportProblems;
  readonly assessment?: AssessmentSection;
  readonly plan?: PlanSection;
  readonly overview?: RubricOverview;
}

export interface ReportSource {
  readonly uri: string;
  /** Zero-based index of the document in the file. */
  readonly documentIndex: number;
  readonly documentCount: number;
}

export interface ReportDocumentEntry {
  readonly index: number;
  readonly kind: ReportKind;
  readonly id?: string;
  readonly title?: string;
}

export interface ReportLevel {
  readonly level: number;
  /** Absent when the rubric gives the level no name (renderers then show its number). */
  readonly name?: string;
  readonly description?: string;
}

export interface ReportTerms {
  readonly group: string;
  readonly dimension: string;
  readonly subgroup: string;
  readonly criterion: string;
}

export interface ReportRubric {
  readonly id: string;
  readonly title: string;
  readonly version: string;
  readonly method: ScoringMethod;
  readonly builtin: boolean;
  /** The reference as the document wrote it (a path or an id); absent for a Rubric document. */
  readonly reference?: string;
  readonly levels: readonly ReportLevel[];
  readonly minLevel: number;
  readonly maxLevel: number;
  readonly threshold?: { readonly level: number; readonly name?: string; readonly description?: string };
  /** What the rubric calls its groups, dimensions and criteria (singular, capitalized). */
  readonly terms: ReportTerms;
}

export interface ReportProblem {
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  /** One-based line and column of the start, as editors and CI logs show them. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly sourceOffset: number;
}

export interface ReportProblems {
  /** Counts over all problems of the document, including those not listed in `shown`. */
  readonly counts: { readonly error: number; readonly warning: number; readonly information: number };
  readonly total: number;
  /** The first problems by position (capped, so a broken file does not bloat the report). */
  readonly shown: readonly ReportProblem[];
}

/** A link to evidence or a source. Only `safe` links (http, https, mailto, relative) become clickable. */
export interface ReportLink {
  readonly url: string;
  readonly title?: string;
  readonly safe: boolean;
  /** Evidence only: the date it describes, as written. */
  readonly asOf?: string;
  /** Evidence only: its age in days on the assessment's date (negative when dated after it). */
  readonly ageDays?: number;
  /** Evidence only, under a validity: the last day it is current. */
  readonly validUntil?: string;
  /** Evidence only, under a validity: older than it on the assessment's date. */
  readonly stale?: boolean;
}

export interface ReportExemptionState {
  readonly reason: string;
  readonly approver: string;
  readonly expires: string;
  /** Past its expiry on the assessment date: the item counts again. */
  readonly expired: boolean;
}

/**
 * A published figure beside a metric: what it measured, of whom, by whom and when. `role` says
 * whether a value is judged against it: `verdict` when the figure measured the metric's own
 * quantity, `context` otherwise (then no report says "meets" or "below").
 */
export interface ReportBenchmark {
  readonly value: number;
  /** What the source measured. */
  readonly quantity?: string;
  /** Who or what it was measured on. */
  readonly population?: string;
  /** Who published it. */
  readonly source?: string;
  /** When it was measured or published. */
  readonly year?: number;
  readonly note?: string;
  readonly role: BenchmarkRole;
}

export interface ReportMetric {
  readonly id: string;
  readonly name: string;
  readonly unit?: string;
  readonly higherIsBetter: boolean;
  readonly description?: string;
  readonly value?: number;
  /** Markdown. */
  readonly note?: string;
  readonly benchmark?: ReportBenchmark;
  /** Whether the value meets the benchmark; only for a benchmark whose role is `verdict`. */
  readonly meetsBenchmark?: boolean;
  readonly sourceOffset?: number;
}

export interface ReportCriterion {
  readonly id: string;
  /** The criterion's short name, when the rubric gives one. */
  readonly title?: string;
  readonly text: string;
  /** The id of the dimension's sub-group it belongs to. */
  readonly subgroup?: string;
  readonly level: number;
  readonly weight: number;
  readonly status: CriterionStatus;
  readonly answer?: string;
  /** Credit earned, from 0 to 1. */
  readonly credit: number;
  readonly met: boolean;
  readonly evidenceRequired: boolean;
  readonly evidenceMissing: boolean;
  readonly evidence: readonly ReportLink[];
  /** Under an evidence validity: `current` (an entry is dated and within it), `stale` (every entry past it) or `undated`. */
  readonly evidenceFreshness?: EvidenceFreshness;
  /** The credit the answer would earn, withdrawn because its evidence is all stale and the rubric lets stale evidence earn none; `credit` is 0. */
  readonly withdrawnCredit?: number;
  /** Markdown. */
  readonly note?: string;
  readonly notApplicable?: string;
  readonly exemption?: ReportExemptionState;
  /** Ids of the criteria it depends on that are not met, while it earns credit (`dependency-not-met`). */
  readonly blockedBy?: readonly string[];
  /** Ids of the criteria the rubric relates to it (`related`, advice only) that are not met. */
  readonly relatedNotMet?: readonly string[];
  /** The answer is inherited: it is written in this assessment's base (or a base of it), the file with this URI, not here. */
  readonly inheritedFrom?: string;
  /** With several assessors: what each answered, and how they agree; absent when no assessor answered it. */
  readonly assessors?: ReportCriterionAssessors;
  readonly sourceOffset?: number;
}

/** Several assessors' answers to one criterion. */
export interface ReportCriterionAssessors {
  /** Each assessor's answer, in the order their responses are written. */
  readonly answers: readonly ReportAssessorAnswer[];
  /** Whether every answer on the criterion's scale earns the same credit. */
  readonly agree: boolean;
  /** Steps of the criterion's scale between the lowest and the highest answer (0 when they agree). */
  readonly spread: number;
  /** The answer the consensus rule gives; absent when it gives none. */
  readonly consensus?: string;
  /** The assessment's own answer is the one scored (the criterion is settled), whatever the consensus gives. */
  readonly settled: boolean;
}

export interface ReportAssessorAnswer {
  /** The assessor's id (the key of their response). */
  readonly assessor: string;
  /** Their name, as their response gives it. */
  readonly name?: string;
  readonly answer: string;
  /** Its credit; absent for an answer off the scale. */
  readonly credit?: number;
  /** The assessor's rationale. Markdown. */
  readonly note?: string;
  readonly sourceOffset?: number;
}

/** On how many of a set of criteria that two or more assessors answered on the scale they agree. */
export interface ReportAgreement {
  /** Criteria with two or more answers on the scale. */
  readonly compared: number;
  /** Of those, the ones where every answer earns the same credit. */
  readonly agreed: number;
  /** The widest spread, in steps of a criterion's scale. */
  readonly widestSpread: number;
}

/** A sub-group of a dimension (a SAMM stream), scored by the rubric's method over its own criteria. */
export interface ReportSubgroup {
  readonly id: string;
  readonly title: string;
  /** Markdown. */
  readonly description?: string;
  readonly score?: number;
  readonly level?: number;
  readonly levelName?: string;
  readonly criteria: readonly string[];
}

/**
 * Where a dimension stands, as one word for badges and tables:
 * on-target (target set and met), below-target (threshold reached or none, target not met),
 * below-threshold, at-threshold (no target, threshold reached), scored (neither target nor
 * threshold), and the unscored states of the scoring engine.
 */
export type DimensionState =
  | 'on-target'
  | 'below-target'
  | 'below-threshold'
  | 'at-threshold'
  | 'scored'
  | 'not-applicable'
  | 'exempt'
  | 'not-assessed'
  | 'not-rated';

export interface ReportDimension {
  readonly id: string;
  readonly title: string;
  readonly group?: string;
  readonly weight: number;
  readonly status: DimensionStatus;
  readonly state: DimensionState;
  readonly score?: number;
  readonly level?: number;
  readonly levelName?: string;
  /** The rubric's descriptor of this dimension at the level reached. */
  readonly descriptor?: string;
  readonly target?: number;
  readonly targetLevelName?: string;
  readonly gap?: number;
  readonly thresholdReached?: boolean;
  /** The next level up, when the rubric's method can give it. */
  readonly nextLevel?: number;
  readonly nextLevelName?: string;
  readonly nextDescriptor?: string;
  /**
   * The highest level the rubric's method can give this dimension, when the dimension has reached
   * it below the top of the scale (so there is no next level): a gated dimension has no criteria
   * above it; a levelSum one has criteria on fewer levels than the scale.
   */
  readonly ceiling?: number;
  /** Criteria that stand between the level reached and the next one. */
  readonly blockers: readonly ReportCriterion[];
  readonly criteria: readonly ReportCriterion[];
  /** Its sub-groups with their scores; absent when the rubric gives the dimension none. */
  readonly subgroups?: readonly ReportSubgroup[];
  readonly evidence: readonly ReportLink[];
  /** Markdown. */
  readonly notes?: string;
  readonly metrics: readonly ReportMetric[];
  readonly notApplicable?: string;
  readonly exemption?: ReportExemptionState;
  /** The assessment does not write this dimension: it is taken whole from its base, written in the file with this URI. */
  readonly inheritedFrom?: string;
  /** The assessment writes this dimension without a level: its rated level is its base's, written in the file with this URI. */
  readonly levelInheritedFrom?: string;
  /** With several assessors: how they agree over its criteria; absent when no criterion has two answers to compare. */
  readonly agreement?: ReportAgreement;
  readonly sourceOffset?: number;
}

/** A group of dimensions. The last group has no id when some dimensions belong to no group. */
export interface ReportGroup {
  readonly id?: string;
  readonly title?: string;
  /** Markdown. */
  readonly description?: string;
  readonly weight?: number;
  readonly score?: number;
  readonly target?: number;
  readonly dimensions: readonly string[];
}

export interface ReportOverall {
  readonly score?: number;
  readonly level?: number;
  readonly levelName?: string;
  readonly target?: number;
  readonly gap?: number;
  readonly thresholdReached?: boolean;
  readonly dimensionsScored: number;
  readonly dimensionsAtThreshold: number;
  /** The rubric's dimensions. When it is more than `dimensionsScored`, the score covers part of the rubric, and every report says so. */
  readonly dimensionsTotal: number;
  /** How many of the rubric's dimensions are in each status: why the others are not in the score. */
  readonly dimensionStatusCounts: Readonly<Record<DimensionStatus, number>>;
}

export interface ReportEvidenceCoverage {
  /** Positive answers to criteria that require evidence. */
  readonly required: number;
  readonly provided: number;
  /** provided / required; absent when nothing requires evidence. */
  readonly ratio?: number;
  /** Under an evidence validity: of the `required`, those with current evidence (dated, within it). */
  readonly current?: number;
  /** current / required, under a validity, when something requires evidence. */
  readonly currentRatio?: number;
  /** Under a validity: of the `required`, those whose evidence is all stale. */
  readonly stale?: number;
}

/** The ages of the evidence behind the score (its scored dimensions and their counted criteria). */
export interface ReportEvidenceAges {
  /** Evidence entries with an `asOf` date, and without one. */
  readonly dated: number;
  readonly undated: number;
  /** Median and oldest age of the dated entries, in days, on the assessment's date. */
  readonly medianDays?: number;
  readonly oldestDays?: number;
  /** Under a validity: dated entries older than it. */
  readonly stale?: number;
}

/** An exempt or not-applicable item: a whole dimension, or one criterion of it. */
export interface ReportItemRef {
  readonly dimensionId: string;
  readonly dimensionTitle: string;
  readonly criterionId?: string;
  readonly criterionText?: string;
  readonly sourceOffset?: number;
}

export interface ReportExemption extends ReportItemRef, ReportExemptionState {}

export interface ReportNotApplicable extends ReportItemRef {
  readonly reason: string;
}

/** The assessment an assessment inherits from, and how much it takes from it. */
export interface ReportInheritance {
  /** The reference as written. */
  readonly reference: string;
  readonly uri: string;
  readonly title: string;
  /** Answers taken from it (or, through it, from its own bases). */
  readonly answers: number;
  /** Dimensions taken whole from it. */
  readonly dimensions: number;
  /** Rated levels taken from it. */
  readonly levels: number;
}

export interface AssessmentSection {
  readonly subject: { readonly organization: string; readonly unit?: string; readonly group?: readonly string[]; readonly scope?: string };
  /** The assessment it inherits from (`inherits:`), when it could be used. */
  readonly inherits?: ReportInheritance;
  readonly date: string;
  readonly assessors: readonly { readonly name: string; readonly role?: string }[];
  /** Markdown. */
  readonly summary?: string;
  /** Whether scores could be computed (the assessment and its rubric are usable). */
  readonly scored: boolean;
  readonly overall?: ReportOverall;
  readonly evidenceCoverage?: ReportEvidenceCoverage;
  /** How long evidence stays current (ISO 8601, as written), and whether the assessment or its rubric set it. */
  readonly evidenceValidFor?: { readonly duration: string; readonly setBy: 'rubric' | 'assessment' };
  /** Present when any evidence behind the score is dated, or a validity is set. */
  readonly evidenceAges?: ReportEvidenceAges;
  readonly groups: readonly ReportGroup[];
  readonly dimensions: readonly ReportDimension[];
  readonly exemptions: readonly ReportExemption[];
  readonly notApplicable: readonly ReportNotApplicable[];
  /** With several assessors (`responses`): who answered, and the rule that gives the scored answer. */
  readonly responses?: ReportResponses;
}

export interface ReportResponses {
  /** The consensus rule; absent when the assessment sets none (a schema error). */
  readonly consensus?: 'median' | 'minimum' | 'adjudicator';
  /** The adjudicator's assessor id, under the adjudicator rule. */
  readonly adjudicator?: string;
  readonly assessors: readonly ReportResponder[];
  /** Over every criterion of the scored dimensions that two or more answered; absent when none has. */
  readonly agreement?: ReportAgreement;
}

/** One assessor's response: who, when, how many answers. */
export interface ReportResponder {
  readonly id: string;
  readonly name?: string;
  readonly role?: string;
  /** When they answered (YYYY-MM-DD). */
  readonly date?: string;
  /** How many criteria they answered. */
  readonly answers: number;
  readonly sourceOffset?: number;
}

export interface ReportMove {
  readonly dimension: string;
  readonly dimensionTitle: string;
  readonly from?: number;
  readonly to: number;
}

export interface ReportInitiative {
  readonly id: string;
  readonly title: string;
  /** Markdown. */
  readonly description?: string;
  readonly owner?: string;
  readonly status: InitiativeStatus;
  readonly start: string;
  readonly end: string;
  /** Position on the horizon, 0 (its start) to 1 (its end). */
  readonly startFraction: number;
  readonly endFraction: number;
  readonly valueStream?: ValueStream;
  readonly valueStreamTitle?: string;
  readonly moves: readonly ReportMove[];
  readonly dependsOn: readonly string[];
  readonly sourceOffset?: number;
}

export interface ReportPlannedDimension {
  readonly id: string;
  readonly title: string;
  readonly baseline?: number;
  readonly baselineLevelName?: string;
  readonly projected?: number;
  readonly projectedLevelName?: string;
  readonly target?: number;
  readonly baselineThresholdReached?: boolean;
  readonly thresholdReached?: boolean;
  readonly shortOfTarget: boolean;
  /** Ids of the (not cancelled) initiatives that move this dimension. */
  readonly initiatives: readonly string[];
}

export interface ReportInitiativeItem {
  readonly initiative: string;
  readonly initiativeTitle: string;
  readonly sourceOffset?: number;
}

export interface ReportLegacySystem extends ReportInitiativeItem {
  readonly name: string;
  readonly disposition: Disposition;
  readonly note?: string;
}

export interface ReportRisk extends ReportInitiativeItem {
  readonly description: string;
  readonly likelihood?: RiskRating;
  readonly impact?: RiskRating;
  readonly mitigation?: string;
}

export interface ReportKpi extends ReportInitiativeItem {
  readonly name: string;
  readonly unit?: string;
  readonly baseline?: number;
  readonly target: number;
  readonly higherIsBetter: boolean;
}

export interface PlanSection {
  /** Markdown. */
  readonly description?: string;
  readonly owner?: string;
  readonly baseline?: {
    readonly reference: string;
    readonly assessmentId?: string;
    readonly date?: string;
    readonly organization?: string;
    readonly overallScore?: number;
    readonly overallLevel?: number;
    readonly levelName?: string;
  };
  readonly horizon: { readonly start: string; readonly end: string; readonly months: number };
  readonly threshold?: number;
  readonly initiatives: readonly ReportInitiative[];
  readonly statusCounts: Readonly<Record<InitiativeStatus, number>>;
  readonly dimensions: readonly ReportPlannedDimension[];
  /** Dimensions at or over the threshold: in the baseline, and once the plan is delivered. */
  readonly atThreshold?: { readonly baseline: number; readonly projected: number; readonly total: number };
  readonly valueStreams: readonly { readonly id: ValueStream; readonly title: string; readonly initiatives: readonly string[] }[];
  readonly legacySystems: readonly ReportLegacySystem[];
  readonly risks: readonly ReportRisk[];
  readonly kpis: readonly ReportKpi[];
}

export interface RubricOverviewDimension {
  readonly id: string;
  readonly title: string;
  readonly group?: string;
  readonly weight: number;
  /** Markdown. */
  readonly description?: string;
  readonly descriptors: readonly { readonly level: number; readonly levelName?: string; readonly text: string }[];
  /** Number of criteria at each level of the scale (levels without criteria count 0). */
  readonly criteriaByLevel: readonly { readonly level: number; readonly count: number }[];
  readonly criteriaCount: number;
  readonly evidenceRequiredCount: number;
  /** Its sub-groups with the number of criteria in each; absent when it has none. */
  readonly subgroups?: readonly { readonly id: string; readonly title: string; readonly description?: string; readonly criteriaCount: number }[];
  readonly metrics: readonly ReportMetric[];
  readonly sourceOffset?: number;
}

export interface RubricOverview {
  /** Markdown. */
  readonly description?: string;
  readonly references: readonly { readonly title: string; readonly link?: ReportLink }[];
  readonly passCredit: number;
  /** How the overall score is formed: through the groups, or flat over the dimensions. */
  readonly rollup: 'groups' | 'flat';
  readonly defaultAnswerScale: string;
  readonly answerScales: readonly {
    readonly id: string;
    readonly description?: string;
    readonly answers: readonly { readonly value: string; readonly credit: number; readonly description?: string }[];
  }[];
  readonly groups: readonly ReportGroup[];
  readonly dimensions: readonly RubricOverviewDimension[];
  readonly counts: { readonly dimensions: number; readonly criteria: number; readonly metrics: number };
}
