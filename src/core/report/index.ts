/**
 * Reports: one computed model of a document (buildReport), and the comparison of two of them for
 * pull requests (diffReports). src/core/render turns both into Markdown, HTML and JSON.
 */
export { buildReport, MAX_REPORTED_PROBLEMS } from './buildReport';
export { diffReports, type ReportDiff, type DimensionChange, type OverallChange, type PlanChange, type RubricChange, type BlockerRef } from './diff';
export * from './model';
export { buildQuestionnaire, type AnswerSource, type QuestionnaireCriterion, type QuestionnaireDimension, type QuestionnaireModel, type QuestionnaireProgress } from './questionnaire';
