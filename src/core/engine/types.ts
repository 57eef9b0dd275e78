// The shapes of an analysis, as every face reads them (engine.ts exports them).
import type { Diagnostic } from '../diagnostics/types';
import type { AssessmentFacts } from '../domain/assessmentFacts';
import type { EffectiveAssessment } from '../domain/inheritance';
import type { RubricIndex } from '../domain/rubricIndex';
import type { BudgetLimits } from '../document/budget';
import type { LocatedDocument, ParseOptions } from '../document/located';
import type { Assessment, Plan, Rubric } from '../format/types';
import type { Confinement } from '../resolve/confinement';
import type { PlanProjection } from '../scoring/projectPlan';
import type { ScoreSummary } from '../scoring/scoreAssessment';
import type { AssessmentScore } from '../scoring/types';

/** A rubric found through a reference, with what go-to-definition and hovers need. */
export interface ResolvedRubric {
  readonly uri: string;
  readonly documentIndex: number;
  readonly text: string;
  readonly parsed: LocatedDocument;
  readonly index: RubricIndex;
  readonly builtin: boolean;
}

interface DocumentBase {
  readonly index: number;
  readonly parsed: LocatedDocument;
  /** Whether the document passed its schema (its data is then typed). */
  readonly schemaValid: boolean;
  /** Diagnostics of this document alone (not capped). */
  readonly diagnostics: readonly Diagnostic[];
  /** The work units checking it spent (see DocumentBudget), its YAML parsing included. */
  readonly work: number;
  /** Why this document was not fully checked, when it was not (see FileAnalysis.incomplete). */
  readonly incomplete?: readonly string[];
}

export interface UnknownDocument extends DocumentBase {
  readonly kind: undefined;
}

export interface RubricDocumentAnalysis extends DocumentBase {
  readonly kind: 'Rubric';
  readonly data?: Rubric;
  /** Lookup tables over the rubric, whenever it passed its schema. */
  readonly rubricIndex?: RubricIndex;
  /** Whether assessments and plans can be scored against it: it passed its schema and has no errors. */
  readonly usable: boolean;
}

export interface AssessmentDocumentAnalysis extends DocumentBase {
  readonly kind: 'Assessment';
  /** The assessment as written. */
  readonly data?: Assessment;
  /** Its rubric, when the reference finds one without errors (also while the document itself has errors). */
  readonly rubric?: ResolvedRubric;
  /** The assessment it inherits from (`inherits:`), when the reference finds one it can use. */
  readonly base?: AssessmentBase;
  /**
   * The assessment as it counts, when it inherits: its data with its bases' parts filled in, and
   * where each came from (domain/inheritance.ts). Facts, scores and reports are of this; absent
   * when it inherits nothing, as `data` is then what counts.
   */
  readonly effective?: EffectiveAssessment;
  /** What its answers mean, read from the parts that passed the schema. */
  readonly facts?: AssessmentFacts;
  readonly score?: AssessmentScore;
  /**
   * The scores at a glance (scoring/scoreAssessment.ts summarizeScore), built when read, from the
   * same outcomes as `score` without its details: what views over many assessments read.
   */
  readonly summary?: ScoreSummary;
}

export interface AssessmentBase {
  readonly uri: string;
  readonly documentIndex: number;
  /** The reference as written. */
  readonly reference: string;
  /** The base's title, or its unit's name (its organization's, for an assessment of a whole organization), for reports. */
  readonly title: string;
}

export interface PlanBaseline {
  readonly uri: string;
  readonly assessment: Assessment;
  /** Absent when the baseline is scored against another rubric than the plan. */
  readonly score?: AssessmentScore;
}

export interface PlanDocumentAnalysis extends DocumentBase {
  readonly kind: 'Plan';
  readonly data?: Plan;
  readonly rubric?: ResolvedRubric;
  readonly baseline?: PlanBaseline;
  readonly projection?: PlanProjection;
}

export type DocumentAnalysis = UnknownDocument | RubricDocumentAnalysis | AssessmentDocumentAnalysis | PlanDocumentAnalysis;

export interface FileAnalysis {
  readonly uri: string;
  readonly text: string;
  readonly parser: 'fast' | 'full';
  readonly documents: readonly DocumentAnalysis[];
  /** All diagnostics of the file, sorted by position and capped at `maxProblems`. */
  readonly diagnostics: readonly Diagnostic[];
  /** Other files this analysis read (referenced rubrics, baselines): re-check when they change. */
  readonly dependencies: readonly string[];
  /**
   * Why the file could not be fully checked (a budget exceeded, for example), each a sentence that
   * names what and where. A file with any is never reported as clean. Absent when it was fully checked.
   */
  readonly incomplete?: readonly string[];
}

export interface EngineOptions {
  /** Cap on diagnostics per file, so a broken 50,000-line file does not flood the editor. */
  readonly maxProblems?: number;
  readonly parser?: ParseOptions['parser'];
  /** The work each document may spend (DOCUMENT_BUDGET); tests make it small to reach it on purpose. */
  readonly budget?: BudgetLimits;
  /**
   * Where references may point (see resolve/confinement.ts). Every face gives one: the CLI the
   * repository, the language server the workspace folders, the Action the GitHub workspace.
   * Without it, references are read wherever they point (tests and tools over trusted files).
   */
  readonly confinement?: Confinement;
}

export const DEFAULT_MAX_PROBLEMS = 500;
