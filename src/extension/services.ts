import type * as vscode from 'vscode';
import type { AnswerEditsParams, AnswerEditsResult, AssessorEditsParams, AssessorEditsResult, DocumentSummary, HtmlReportOptions, ReportFormat, VersionedPreviewReport } from '../server/protocol';

/**
 * What the features on the client side (preview, status bar, export) need from the language
 * server, by document. Analyses stay in the server; these are small answers about one document.
 */
export type { AnswerEditsParams, AnswerEditsResult, AssessorEditsParams, AssessorEditsResult, DocumentSummary, HtmlReportOptions, ReportFormat };

export interface RubricServices {
  /** Whether a document is ours (by the configured globs or its apiVersion), as the server last said. */
  isRubricDocument(document: vscode.TextDocument): boolean;
  /** Summary of the latest analysis of the document's current text. */
  summary(document: vscode.TextDocument): Promise<DocumentSummary | undefined>;
  /** A report of the document's current text. */
  renderReport(document: vscode.TextDocument, format: ReportFormat, html?: HtmlReportOptions): Promise<string>;
  /**
   * What the preview shows of the document's current text: the report's body (led by its change
   * since git HEAD or the chosen ref, where git knows the file), its page shell, and the version it is of.
   */
  previewReport(document: vscode.TextDocument, options?: { readonly omitBodyOnErrors?: boolean; readonly view?: 'report' | 'questionnaire'; readonly assessor?: string }): Promise<VersionedPreviewReport>;
  /**
   * The edits that set answers, notes or evidence in the document as it was at `version` (checked
   * by the format and the rubric first), or why none can be made: the assessment's agreed answers,
   * or with `assessor` that assessor's.
   */
  answerEdits(document: vscode.TextDocument, version: number, changes: AnswerEditsParams['changes'], assessor?: string): Promise<AnswerEditsResult>;
  /**
   * The edits that add an assessor (their response) to the document as it was at `version`, and
   * the id they get, or why not and which field is at fault.
   */
  assessorEdits(document: vscode.TextDocument, version: number, assessor: Omit<AssessorEditsParams, 'uri' | 'version'>): Promise<AssessorEditsResult>;
  /** Fires after each check of an open document of ours. */
  readonly onDidAnalyze: vscode.Event<DocumentSummary>;
  /** Fires with the URI of an open document that stopped being ours (its apiVersion line went). */
  readonly onDidRelease: vscode.Event<string>;
  /** Fires when what the preview compares documents with changes (another git ref). */
  readonly onDidChangeComparison?: vscode.Event<void>;
}
