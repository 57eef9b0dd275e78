/**
 * Views across documents: the portfolio of many assessments (a row per unit, a column per
 * dimension, roll-ups per group of units, plans' trajectories) and the comparison of units side by
 * side. Built from the records sources.ts takes from the engine's analyses; render/ renders them.
 */
export * from './model';
export { buildPortfolio, unitKey, type PortfolioOptions } from './portfolio';
export { groupPath, portfolioEntries, streamId, type AssessmentEntry, type PlanEntry, type PortfolioEntry, type PortfolioRubricInfo, type PortfolioSubject, type SkippedEntry } from './sources';
export { compareUnits, type ComparedUnit, type ComparisonModel, type ComparisonRow, type ComparisonRowKind, type UnitComparison } from './compare';
export { latestAssessmentFiles, portfolioReview, type RepositoryFile } from './reviewPortfolio';
