/**
 * TypeScript view of the format (version 1), derived from the JSON Schemas: `npm run gen` compiles
 * each schema's root to a type (src/core/generated/*.types.ts), and every part below is read off
 * those roots, so a change to a schema changes these types and the compiler finds what must follow.
 * The types describe data that has passed the schema.
 */
import type { Assessment } from '../generated/assessment.types';
import type { Plan } from '../generated/plan.types';
import type { Rubric } from '../generated/rubric.types';

export type { Assessment, Plan, Rubric };

export type DocumentKind = Rubric['kind'] | Assessment['kind'] | Plan['kind'];
export type RubricDocument = Rubric | Assessment | Plan;

// Rubric
export type LevelDefinition = Rubric['levels'][number];
export type ScoringMethod = NonNullable<Rubric['scoring']>['method'];
export type Rollup = NonNullable<NonNullable<Rubric['scoring']>['rollup']>;
export type AnswerScale = NonNullable<Rubric['answerScales']>[string];
export type AnswerOption = AnswerScale['answers'][number];
export type Group = NonNullable<Rubric['groups']>[number];
export type Dimension = Rubric['dimensions'][number];
export type Subgroup = NonNullable<Dimension['subgroups']>[number];
export type Criterion = NonNullable<Dimension['criteria']>[number];
export type CriterionReference = NonNullable<Criterion['references']>[number];
export type InterviewQuestion = NonNullable<Criterion['questions']>[number];
export type Metric = NonNullable<Dimension['metrics']>[number];
export type RubricTerms = NonNullable<Rubric['terms']>;

// Assessment
export type DimensionResult = Assessment['dimensions'][string];
export type AnswerEntry = NonNullable<DimensionResult['answers']>[string];
export type AnswerDetail = Exclude<AnswerEntry, string | boolean>;
export type Evidence = NonNullable<DimensionResult['evidence']>[number];
export type NotApplicable = NonNullable<DimensionResult['notApplicable']>;
export type Exemption = NonNullable<DimensionResult['exemption']>;
export type MetricValue = NonNullable<DimensionResult['metrics']>[string];

// Plan
export type Initiative = Plan['initiatives'][number];
export type InitiativeStatus = Required<Initiative>['status'];
export type ValueStream = Required<Initiative>['valueStream'];
export type Move = NonNullable<Initiative['moves']>[number];
export type LegacySystem = NonNullable<Initiative['legacySystems']>[number];
export type Disposition = LegacySystem['disposition'];
export type Risk = NonNullable<Initiative['risks']>[number];
export type RiskRating = Required<Risk>['likelihood'];
export type Kpi = NonNullable<Initiative['kpis']>[number];
