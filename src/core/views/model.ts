import type { DimensionState, ReportOverall, ReportRubric } from '../report/model';
import type { DimensionChange, OverallChange } from '../report/diff';
import type { TrajectoryPoint } from '../scoring/projectPlan';

/**
 * The portfolio model: every unit of an organization, across the assessments found, in one view:
 * one table per rubric, a row per unit (its latest assessment), a column per dimension (and the
 * rubric's groups and streams), roll-ups per group of units and for the whole, the change since
 * each unit's previous assessment, and the trajectories plans project. Markdown, HTML, JSON and CSV
 * are renderings of it (render/); `rubrics portfolio --format json` writes it as it is, described
 * by schemas/portfolio.schema.json (scripts/report-schema.mjs writes it from these types): add
 * optional fields freely, bump PORTFOLIO_SCHEMA_VERSION before renaming or removing one.
 *
 * Conventions, as in the report model: scores at full precision on the rubric's scale, `level`
 * the whole level reached, optional fields omitted (never null). Every row names the file of its
 * assessment (`assessment.uri`, as the engine read it, and `assessment.path`, as shown), and every
 * cell the `sourceOffset` (UTF-16) of its dimension in that file, when the file writes it, so an
 * editor can open the assessment where the cell's dimension is.
 */
export const PORTFOLIO_SCHEMA_VERSION = 1 as const;

export interface PortfolioModel {
  readonly schemaVersion: typeof PORTFOLIO_SCHEMA_VERSION;
  /** The organizations of the units, in order. */
  readonly organizations: readonly string[];
  readonly title: string;
  /** Only assessments dated on or before this day count, when given. */
  readonly asOf?: string;
  /** The git revision the files were read at, when not the working tree. */
  readonly ref?: string;
  /** One table per rubric the units are assessed against, the one with most units first. */
  readonly tables: readonly PortfolioTable[];
  /** What was left out and why (an assessment that could not be scored, two of one unit on one day), in words a reader can act on. */
  readonly notices: readonly string[];
}

/** A column of a table: a dimension, a group of the rubric, or a stream (sub-group) of a dimension. */
export interface PortfolioColumn {
  readonly id: string;
  readonly title: string;
  /** A dimension's group in the rubric. */
  readonly group?: string;
  /** A stream's dimension. */
  readonly dimension?: string;
}

export interface PortfolioTable {
  /** The rubric, as reports describe it: levels with names, the threshold, its words for its parts. */
  readonly rubric: ReportRubric;
  /** The file that holds it (`rubrics-builtin:/…` for a built-in framework). */
  readonly rubricUri: string;
  /** The columns each unit has a cell for, in rubric order. `streams` is empty when no dimension has streams. */
  readonly columns: { readonly dimensions: readonly PortfolioColumn[]; readonly groups: readonly PortfolioColumn[]; readonly streams: readonly PortfolioColumn[] };
  /** One row per unit, by group, then by name. */
  readonly units: readonly PortfolioUnit[];
  /** A roll-up per group of units (each level of nested groups), in the order of the rows. */
  readonly groups: readonly PortfolioRollup[];
  /** The roll-up over every unit of the table. */
  readonly organization: PortfolioRollup;
  /** What a reader asks first: the weakest dimension, who crossed the threshold, who is furthest from target. */
  readonly highlights: PortfolioHighlights;
  /** Each unit's plans against this rubric, with the levels they project at each phase end. */
  readonly trajectories: readonly PortfolioTrajectory[];
  /** For each year a plan reaches into: where each unit with a plan is projected at its end. */
  readonly yearEnds: readonly YearEndOutlook[];
}

/** An assessment or plan file a row points at. */
export interface PortfolioSourceRef {
  /** The file as the engine read it (file://…, or a revision URI for a file read from git). */
  readonly uri: string;
  /** The file as shown: relative to the working folder, or REF:path. */
  readonly path: string;
  /** Zero-based index of the document in the file. */
  readonly documentIndex: number;
  readonly id?: string;
  readonly title: string;
  /** Where the document's `dimensions` (of an assessment) or `initiatives` (of a plan) start. */
  readonly sourceOffset?: number;
}

export interface PortfolioAssessmentRef extends PortfolioSourceRef {
  readonly date: string;
}

export interface PortfolioUnit {
  /** The unit's key in this model: its organization and its name. */
  readonly key: string;
  readonly organization: string;
  readonly unit?: string;
  /** The unit's name, or the organization's when the assessment is of the whole. */
  readonly label: string;
  /** The groups it sits in, outermost first (empty when its assessment names none). */
  readonly groups: readonly string[];
  /** Its latest assessment against the rubric (on or before `asOf`). */
  readonly assessment: PortfolioAssessmentRef;
  /** The assessment before it, when there is one. */
  readonly previous?: PortfolioAssessmentRef;
  /** Its first assessment against the rubric, the start of its progress to date, when older than the previous. */
  readonly first?: PortfolioAssessmentRef;
  /** How many assessments of it count (on or before `asOf`). */
  readonly assessments: number;
  readonly overall: ReportOverall;
  /** One cell per column of the table, in the same order. */
  readonly dimensions: readonly PortfolioCell[];
  readonly groupCells: readonly PortfolioCell[];
  readonly streams: readonly PortfolioCell[];
  /** What moved since the previous assessment: the overall score and the dimensions that changed. */
  readonly change?: PortfolioChange;
  /** Of the way from the bottom of the scale to its targets, the share its scores cover (scoring/targetProgress.ts). */
  readonly percentToTarget?: number;
  /** Of the gap to its targets that its first assessment left, the share closed since. */
  readonly progressToDate?: number;
  /** Errors in its latest assessment: its scores may be incomplete. */
  readonly errors: number;
  /** The assessment its latest assessment inherits from (`inherits:`): answers it does not give itself are that one's. */
  readonly inherits?: { readonly uri: string; readonly title: string };
}

/** A unit's cell: where it stands on one column. */
export interface PortfolioCell {
  readonly id: string;
  readonly state: DimensionState;
  readonly score?: number;
  readonly level?: number;
  readonly target?: number;
  /** How far the score is below the target (0 when at or above it). */
  readonly gap?: number;
  readonly thresholdReached?: boolean;
  /** Where the cell's dimension is written in the unit's assessment (UTF-16 offset); absent when the file does not write it. */
  readonly sourceOffset?: number;
  /** The unit does not write this dimension: it takes it whole from its base, the assessment in the file with this URI. */
  readonly inheritedFrom?: string;
  /** How many of the dimension's answers the unit takes from its base (absent when none). */
  readonly inheritedAnswers?: number;
}

export interface PortfolioChange {
  /** The previous assessment's date. */
  readonly since: string;
  readonly overall?: OverallChange;
  /** The dimensions whose score, level, target or state changed, in rubric order. */
  readonly dimensions: readonly DimensionChange[];
}

/** Scores of one column across the units of a roll-up. */
export interface ColumnStats {
  readonly id: string;
  /** Units with a score in it. */
  readonly scored: number;
  readonly mean?: number;
  readonly min?: number;
  readonly max?: number;
  /** max − min: how far apart the units are. */
  readonly spread?: number;
  /** Units at or over the threshold in it. */
  readonly atThreshold: number;
}

export interface PortfolioRollup {
  /** The group's path, outermost first; empty for the whole table. */
  readonly path: readonly string[];
  readonly label: string;
  /** Keys of its units, in row order. */
  readonly units: readonly string[];
  /** Units with an overall score. */
  readonly scored: number;
  /** Units whose overall level reached the rubric's threshold. */
  readonly atThreshold: number;
  /** Of the units with a previous assessment, how many had reached the threshold then. */
  readonly atThresholdBefore?: number;
  /** Units with a previous assessment. */
  readonly withPrevious: number;
  readonly overall: ColumnStats;
  readonly dimensions: readonly ColumnStats[];
  readonly groupCells: readonly ColumnStats[];
  readonly streams: readonly ColumnStats[];
  /** Over the units with targets, the share of the way to them their scores cover, all together. */
  readonly percentToTarget?: number;
}

export interface PortfolioHighlights {
  /** The dimension with the lowest mean score across the units (ties: the lower minimum, then rubric order). */
  readonly weakestDimension?: { readonly id: string; readonly title: string; readonly mean: number; readonly min: number; readonly spread: number };
  /** The dimension whose scores lie furthest apart across the units. */
  readonly widestSpread?: { readonly id: string; readonly title: string; readonly spread: number };
  /** Units whose overall level reached the threshold since their previous assessment. */
  readonly reachedThreshold: readonly string[];
  /** Units whose overall level was at the threshold at their previous assessment and is below it now. */
  readonly belowThresholdAgain: readonly string[];
  /** Up to five units with targets, furthest from them first (lowest percentage to target). */
  readonly furthestFromTarget: readonly string[];
}

export interface PortfolioTrajectory {
  /** The unit's key: the subject of the plan's baseline assessment. */
  readonly unit: string;
  readonly plan: PortfolioSourceRef;
  readonly horizon: { readonly start: string; readonly end: string };
  /** The baseline, then each phase end (scoring/projectPlan.ts planTrajectory). */
  readonly points: readonly TrajectoryPoint[];
  /** The first point at which the overall level reaches the threshold (the baseline's date when it already had). */
  readonly thresholdBy?: string;
}

export interface YearEndOutlook {
  readonly year: number;
  /** The last day of the year. */
  readonly date: string;
  /** Each unit with a plan whose baseline is dated by then: its projected level then. */
  readonly units: readonly { readonly unit: string; readonly score?: number; readonly level?: number; readonly thresholdReached?: boolean }[];
  /** Of them, how many are projected at the threshold. */
  readonly atThreshold: number;
}
