/**
 * The one module of the language server that imports the engine and its editor features. The
 * rest of src/server adapts them to LSP and never reaches into src/core itself, so the core can
 * be reorganised by changing the imports here only.
 */
export { builtinByUri } from '../core/builtins';
export { DIAGNOSTIC_CODES, type DiagnosticCode } from '../core/diagnostics/codes';
export type { Diagnostic, Severity } from '../core/diagnostics/types';
export { Engine, type DocumentAnalysis, type FileAnalysis, type ResolvedRubric } from '../core/engine';
export { codeLenses, type LensData } from '../core/language/codeLens';
export { completionsAt, type CompletionEntry, type CompletionKind } from '../core/language/completion';
export { cursorContext, type CursorContext } from '../core/language/cursor';
export { definitionAt } from '../core/language/definition';
export { hoverAt, type HoverResult } from '../core/language/hover';
export { resolveRubricLoosely } from '../core/language/looseRubric';
export { addMissingDimensions, quickFixes, type QuickFix } from '../core/language/quickFixes';
export { documentAt, type LanguageSnapshot } from '../core/language/snapshot';
export { summarize, type AnalysisSummary } from '../core/language/summary';
export { documentSymbols, type OutlineSymbol, type SymbolKind } from '../core/language/symbols';
export type { TextEditData } from '../core/language/textEdits';
export { API_VERSION, type DocumentKind } from '../core/model/types';
export { buildReport, renderHtml, renderJson, renderMarkdown } from '../core/report';
export type { FileHost } from '../core/resolve/host';
export { BUILTIN_SCHEME, baseName, isBuiltinUri } from '../core/resolve/uris';
export { LineIndex } from '../core/text/lineIndex';
export { locate } from '../core/yaml/locate';
export type { Range } from '../core/text/range';
