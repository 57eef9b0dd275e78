/**
 * The one module of the language server that imports the engine and its editor features. The
 * rest of src/server adapts them to LSP and never reaches into src/core itself, so the core can
 * be reorganised by changing the imports here only.
 */
export { BUILTIN_SCHEME, builtinByUri, isBuiltinUri } from '../core/builtins';
export { DIAGNOSTIC_CODES, type DiagnosticCode } from '../core/diagnostics/codes';
export type { Diagnostic, Severity } from '../core/diagnostics/types';
export { declaresApiVersion, DEFAULT_RUBRIC_FILE_GLOBS, GlobSet, globToRegExp } from '../core/format/files';
export { IGNORE_FILE_NAME, IgnoreList } from '../core/format/ignoreFile';
export { Engine, type DocumentAnalysis, type FileAnalysis, type ResolvedRubric } from '../core/engine';
export { answerChangeProblems, answerEdits, type AnswerChange, type AnswerChangeProblem } from '../core/language/answerEdits';
export { answerAssessorOf, answerModelOf, type AnswerAssessor, type AnswerModel } from '../core/language/answerRows';
export { addAssessorEdits, type NewAssessorField } from '../core/language/assessorEdits';
export type { StartingConsensusRule } from '../core/domain/consensus';
export { codeLenses, type LensData } from '../core/language/codeLens';
export { completionsAt, type CompletionEntry, type CompletionKind } from '../core/language/completion';
export { cursorContext, type CursorContext } from '../core/language/cursor';
export { definitionAt } from '../core/language/definition';
export { hoverAt, type HoverResult } from '../core/language/hover';
export { addMissingDimensions, quickFixes, type QuickFix } from '../core/language/quickFixes';
export { documentAt, type LanguageSnapshot } from '../core/language/snapshot';
export { summarize, type AnalysisSummary } from '../core/language/summary';
export { documentSymbols, type OutlineSymbol, type SymbolKind } from '../core/language/symbols';
export type { TextEditData } from '../core/language/textEdits';
export { answerTarget, checkAgainstRubric } from '../core/language/answerChecks';
export { API_VERSION } from '../core/format/enums';
export type { DocumentKind } from '../core/format/types';
export { buildReport, diffReports, type ReportModel } from '../core/report';
export { changeSection, portfolioBody, previewCarriesBody, previewReport, questionnairePreview, renderHtml, renderJson, renderMarkdown, viewSwitch, type PreviewReport, type PreviewView } from '../core/render';
export { buildPortfolio, portfolioEntries, type PortfolioEntry } from '../core/views';
export { isUnreadable, textOf, type FileHost, type FileRead, type Unreadable } from '../core/resolve/host';
export { folderOf, refusedFileDiagnostic, type Confinement } from '../core/resolve/confinement';
export { rubricUsers } from '../core/review/dependents';
export { parseRevisionUri, revisionUri } from '../core/review/revisionUri';
export { baseName } from '../core/resolve/uris';
export { LineIndex } from '../core/text/lineIndex';
export type { LocatedDocument } from '../core/document/located';
export type { Range } from '../core/text/range';
