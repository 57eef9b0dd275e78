import type * as vscode from 'vscode';
import type { AnalysisSummary } from '../core/language/summary';
import type { PreviewReport } from '../core/render/html/renderHtml';

/**
 * The contract between the part of the extension that runs the engine (off the extension
 * host's main thread) and the features built on it (preview, status bar, export). Analysis
 * results stay where the engine runs; features ask for what they need by document.
 */

/** A file's summary (see AnalysisSummary in the core), for one version of an open document. */
export interface DocumentSummary extends AnalysisSummary {
  readonly uri: string;
  readonly version: number;
}

export type ReportFormat = 'html' | 'markdown' | 'json';

export interface HtmlReportOptions {
  /** 'webview': themed with VS Code's colours, strict CSP with this nonce, the preview script; 'standalone': self-contained file. */
  readonly mode: 'webview' | 'standalone';
  readonly nonce?: string;
  readonly cspSource?: string;
  readonly scriptUri?: string;
  readonly styleUri?: string;
}

export interface RubricServices {
  /** Whether a document is one of ours (by configured globs or by its apiVersion). */
  isRubricDocument(document: vscode.TextDocument): boolean;
  /** Summary of the latest analysis of the document's current text. */
  summary(document: vscode.TextDocument): Promise<DocumentSummary | undefined>;
  /** A report of the document's current text. */
  renderReport(document: vscode.TextDocument, format: ReportFormat, html?: HtmlReportOptions): Promise<string>;
  /** What the preview shows of the document's current text: the report's body, its page shell, and the version it is of. */
  previewReport(document: vscode.TextDocument): Promise<PreviewReport & { readonly version: number }>;
  /** Fires after each analysis of an open document. */
  readonly onDidAnalyze: vscode.Event<DocumentSummary>;
}
