import type { DiagnosticCode } from '../../core/diagnostics/codes';
import type { Severity } from '../../core/diagnostics/types';
import type { CompletionEntry } from '../../core/language/completion';
import type { LensData } from '../../core/language/codeLens';
import type { HoverResult } from '../../core/language/hover';
import type { AnalysisSummary } from '../../core/language/summary';
import type { OutlineSymbol } from '../../core/language/symbols';
import type { PreviewReport } from '../../core/render/html/renderHtml';
import type { TextEditData } from '../../core/language/textEdits';
import type { DocumentKind } from '../../core/format/types';
import type { Range } from '../../core/text/range';

/**
 * The messages between the extension host and the engine's worker. Payloads stay small: results
 * with offset ranges (the host converts them with the document's own positionAt), never whole
 * analyses. Open documents are kept in sync by edits, so a keystroke sends a few bytes.
 */

export interface WireDiagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
}

export interface AnalyzeResult {
  /** The document version analysed (undefined for a closed file's text). */
  readonly version?: number;
  readonly diagnostics: readonly WireDiagnostic[];
  readonly summary: AnalysisSummary;
  readonly dependencies: readonly string[];
  readonly parser: 'fast' | 'full';
  readonly durationMs: number;
  readonly lines: number;
}

export interface WirePosition {
  readonly line: number;
  readonly character: number;
}

export interface WireDefinition {
  readonly uri: string;
  readonly range: Range;
  /** Computed from the text the engine read, for targets that may not be open in the editor. */
  readonly start: WirePosition;
  readonly end: WirePosition;
}

export interface WireQuickFix {
  readonly title: string;
  readonly edits: readonly TextEditData[];
  readonly preferred: boolean;
  /** The diagnostic it fixes, to attach the fix to the editor's diagnostic. */
  readonly diagnostic: WireDiagnostic;
}

export type ReportFormat = 'html' | 'markdown' | 'json';

export interface ReportHtmlOptions {
  readonly mode: 'webview' | 'standalone';
  readonly nonce?: string;
  readonly cspSource?: string;
  readonly scriptUri?: string;
  readonly styleUri?: string;
}

interface AtVersion {
  readonly uri: string;
  readonly version: number;
}

/** Requests the host sends to the worker. */
export type HostRequests = {
  analyze: { params: AtVersion; result: AnalyzeResult };
  analyzeText: { params: { uri: string; text: string }; result: AnalyzeResult };
  completion: { params: AtVersion & { offset: number }; result: CompletionEntry[] };
  hover: { params: AtVersion & { offset: number }; result: HoverResult | null };
  definition: { params: AtVersion & { offset: number }; result: WireDefinition | null };
  symbols: { params: AtVersion; result: OutlineSymbol[] };
  codeLenses: { params: AtVersion; result: LensData[] };
  codeActions: { params: AtVersion & { range: Range }; result: WireQuickFix[] };
  addMissingDimensions: { params: AtVersion; result: TextEditData[] };
  summary: { params: AtVersion; result: AnalysisSummary };
  renderReport: { params: AtVersion & { format: ReportFormat; html?: ReportHtmlOptions }; result: string };
  previewReport: { params: AtVersion; result: PreviewReport };
  builtinText: { params: { uri: string }; result: string | null };
};

/** Requests the worker sends to the host. */
export type WorkerRequests = {
  /** A file's text: the open document's (unsaved) text wins, else read through the workspace file system. */
  readFile: { params: { uri: string }; result: string | null };
  /** URIs of the workspace's documents of a kind (for `rubric:` and `baseline:` completion). */
  listDocuments: { params: { kind: DocumentKind }; result: string[] };
};

export interface TextChange {
  /** Offsets into the text as it was before this change (changes apply in order). */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export type HostNotifications = {
  didOpen: { uri: string; version: number; text: string };
  didChange: { uri: string; version: number; changes: readonly TextChange[] };
  didClose: { uri: string };
  /** A file that is not open changed or disappeared on disk: analyses that read it are out of date. */
  didChangeFile: { uri: string };
};

export type WorkerNotifications = {
  log: string;
};

/** Applies ordered edits (each against the text as left by the previous one). */
export function applyChanges(text: string, changes: readonly TextChange[]): string {
  let result = text;
  for (const change of changes) result = result.slice(0, change.start) + change.text + result.slice(change.end);
  return result;
}
