/**
 * The one module of the CLI that imports src/core: what the commands use of the engine, the
 * stages and the renderers. The rest of src/cli reaches the core only through here, so the core
 * can be reorganised by changing these lines (the `src/layers` lint, CORE_ENTRIES in
 * scripts/layers.mjs, keeps it so).
 *
 * Modules a command needs only sometimes are exported as loaders, not as values: an `import()`
 * stays lazy in the bundle, so `rubrics validate` and every command that writes no spreadsheet or
 * portfolio start without that code.
 */
export { type BuiltinFramework, builtinFrameworks } from '../core/builtins';
export { DIAGNOSTIC_CODES, type DiagnosticCode } from '../core/diagnostics/codes';
export { DIAGNOSTIC_HELP, diagnosticHelpUri } from '../core/diagnostics/help';
export type { Diagnostic, Severity } from '../core/diagnostics/types';
export { parseDocuments, type Path } from '../core/document/located';
export { answersRootPath } from '../core/domain/assessmentFacts';
export { isRealDate } from '../core/domain/dates';
export { RubricIndex } from '../core/domain/rubricIndex';
export { type AssessmentDocumentAnalysis, Engine, type FileAnalysis } from '../core/engine';
export { isFormatId } from '../core/format/ids';
export type { AnswerScale, Criterion, Dimension, Rubric } from '../core/format/types';
export { type Conversion, ConversionError } from '../core/interchange/conversion';
export { convertDsomm } from '../core/interchange/dsomm';
export { readDsommProgress } from '../core/interchange/dsommProgress';
export { rubricYaml } from '../core/interchange/rubricYaml';
export { convertSamm } from '../core/interchange/samm';
export { readSammToolbox } from '../core/interchange/sammToolbox';
export { parseScorecardResults, scorecardAssessments, scorecardRubric } from '../core/interchange/scorecard';
export { readAnswers } from '../core/interchange/sheets/answerImport';
export { answerWorkbook } from '../core/interchange/sheets/answerSheet';
export { withFormatProblems } from '../core/interchange/sheets/formatProblems';
export type { Workbook } from '../core/interchange/sheets/workbook';
export { answerTarget } from '../core/language/answerChecks';
export { answerChangeProblems, answerEdits, applyTextEdits } from '../core/language/answerEdits';
export { answerAssessorOf, type AnswerModel, answerModelOf } from '../core/language/answerRows';
export { addAssessorEdits, type NewAssessorField } from '../core/language/assessorEdits';
export type { TextEditData } from '../core/language/textEdits';
export { renderHistoryHtml } from '../core/render/html/history';
export { renderComparisonHtml, renderComparisonMarkdown, renderDiffMarkdown, renderHtml, renderJson, renderMarkdown, renderReviewMarkdown } from '../core/render';
export { renderHistoryMarkdown } from '../core/render/markdown/history';
export type { PortfolioColumns } from '../core/render/portfolioText';
export { formatScore } from '../core/render/text';
export { defaultAssessmentTitle } from '../core/report/buildReport';
export { buildReport, diffReports, type ReportModel } from '../core/report';
export { type Confinement, refusedFileDiagnostic } from '../core/resolve/confinement';
export { MemoryFileHost } from '../core/resolve/host';
export { rubricChangesBetween } from '../core/review/change';
export { type RubricRef, rubricsDefinedIn, rubricUsers } from '../core/review/dependents';
export { buildHistory, historyAssessment, historyPoint, type HistoryPoint, subjectKey } from '../core/review/history';
export { UNSAFE_BUT_SPACING, visibleEscape } from '../core/text/controls';
export { LOG_COMMAND } from '../core/text/logCommands';
export { closestMatch } from '../core/text/suggest';
export { type AssessmentEntry, buildPortfolio, compareUnits, type PortfolioEntry, type PortfolioModel, unitKey } from '../core/views';

/**
 * The spreadsheet codec, for the commands that read or write spreadsheets, loaded on first use:
 * bundled, this import becomes a `require` of dist/cli/sheets.js (scripts/sheets-bundle.mjs), so
 * every other command starts without exceljs.
 */
export type SheetCodec = typeof import('../core/interchange/sheets/codec');
export const loadSheetCodec = (): Promise<SheetCodec> => import('../core/interchange/sheets/codec');

/** The portfolio's renderers, loaded for the one format asked for. */
export const loadPortfolioMarkdown = () => import('../core/render/markdown/portfolio');
export const loadPortfolioHtml = () => import('../core/render/html/portfolio');
export const loadPortfolioCsv = () => import('../core/render/csv');
