/**
 * What the Rubrics language server and its VS Code client say to each other beyond standard LSP.
 * Plain method names and data shapes only (no library imports), so the client, the server and
 * the tests share one definition without pulling the server into the client's bundle.
 *
 * Other editors (Neovim, Helix, Zed) use standard LSP alone: none of these is required. The server
 * asks the client to read files only when the client says it can (`initializationOptions`).
 */

import type { AnalysisSummary, AnswerAssessor, AnswerChange, AnswerChangeProblem, AnswerModel, NewAssessorField, PreviewReport, StartingConsensusRule } from './core';

export type ReportFormat = 'html' | 'markdown' | 'json';

export interface HtmlReportOptions {
  /** 'webview': themed with VS Code's colours, strict CSP with this nonce, the preview script; 'standalone': self-contained file. */
  readonly mode: 'webview' | 'standalone';
  readonly nonce?: string;
  readonly cspSource?: string;
  readonly scriptUri?: string;
  readonly styleUri?: string;
}

/** What the client tells the server at start-up (LSP `initializationOptions`). */
export interface RubricsInitializationOptions {
  /**
   * The client answers `rubrics/readFile` and `rubrics/findFiles` (VS Code does, through its file
   * system API, so virtual workspaces and the browser work). Without it, the server reads `file:`
   * URIs from disk where it can (the CLI's `rubrics lsp`).
   */
  readonly clientReadsFiles?: boolean;
  /** The client has the report preview: CodeLens items open it with this command and the document's URI. */
  readonly previewCommand?: string;
  /** The client shows the status of each document (`rubrics/documentStatus`). */
  readonly documentStatus?: boolean;
  /** Re-trigger completion after a key is inserted, with this client command (VS Code: editor.action.triggerSuggest). */
  readonly retriggerCommand?: string;
  /** The client answers `rubrics/realUri`: it can see where links on its disk lead (the desktop; the browser has no links). */
  readonly clientResolvesLinks?: boolean;
  /** The client shows the workspace's portfolio: tell it when what the portfolio is built from changes (`rubrics/portfolioChanged`). */
  readonly portfolioChanges?: boolean;
}

/**
 * server → client request: a file's text (the open document's unsaved text wins); null when no
 * file is there; `{ unreadable }` when one is there but was not read (not a regular file, too
 * large), with why.
 */
export const READ_FILE = 'rubrics/readFile';
export interface ReadFileParams {
  readonly uri: string;
}
export type ReadFileResult = string | { readonly unreadable: string; readonly advice?: string } | null;

/** server → client request: where a file really is once links are followed, or null when nothing is there. */
export const REAL_URI = 'rubrics/realUri';
export interface RealUriParams {
  readonly uri: string;
}

/** server → client request: URIs of the workspace's files matching globs (relative to each workspace folder), at most `maxResults`. */
export const FIND_FILES = 'rubrics/findFiles';
export interface FindFilesParams {
  readonly include: string;
  readonly maxResults: number;
}

/** client → server request: a report of an open document's current text. */
export const RENDER_REPORT = 'rubrics/report';
export interface RenderReportParams {
  readonly uri: string;
  readonly format: ReportFormat;
  readonly html?: HtmlReportOptions;
}

/**
 * client → server request: what the preview shows of an open document's current text (the report's
 * body and the key of the page shell it goes in), with the version it is of.
 */
export const PREVIEW_REPORT = 'rubrics/previewReport';
export interface PreviewReportParams {
  readonly uri: string;
  /**
   * Another version of the document to show the change since: its URI (the server reads it, and
   * the files it refers to, through READ_FILE; VS Code's client answers `rubrics-git:` URIs from
   * git) and how to name it ("HEAD", "main").
   */
  readonly compareWith?: { readonly uri: string; readonly label: string };
  /**
   * The client keeps a valid report of this document to show while it has errors: leave the body
   * out when it has some (see PreviewReport.body).
   */
  readonly omitBodyOnErrors?: boolean;
  /** 'questionnaire': an assessment's questionnaire (other documents show their report); default the report. */
  readonly view?: 'report' | 'questionnaire';
  /** In the questionnaire of an assessment with several assessors: whose answers it edits (an assessor's id); default the agreed answers. */
  readonly assessor?: string;
}
export type VersionedPreviewReport = PreviewReport & { readonly version: number };

/** client → server request: the summary of an open document's current text, or null when the document is not ours. */
export const DOCUMENT_SUMMARY = 'rubrics/summary';
export interface DocumentSummaryParams {
  readonly uri: string;
}

/** A document's summary, for one version of an open document. */
export interface DocumentSummary extends AnalysisSummary {
  readonly uri: string;
  readonly version: number;
}

/**
 * client → server request: an open assessment's answers as rows (one per criterion of its rubric,
 * with what it answers now), for the version it is of; `{ reason }` when there are none to give
 * (not an assessment, its rubric not found, a rubric rated dimension by dimension).
 */
export const ANSWER_MODEL = 'rubrics/answerModel';
export interface AnswerModelParams {
  readonly uri: string;
  /** The answers of this assessor (a key of the assessment's responses); absent, the assessment's agreed answers. */
  readonly assessor?: string;
}
export type AnswerModelResult = {
  readonly version: number;
  readonly model: AnswerModel;
  /** The assessment's assessors (its responses), for a choice of whose answers; empty without responses. */
  readonly assessors: readonly AnswerAssessor[];
} | { readonly reason: string };

/**
 * client → server request: the edits that set these answers in an open assessment, computed for
 * the version given (the client applies them, so the user sees and can undo them); `{ problems }`
 * when the format refuses values (each with its criterion and field), `{ refused }` when the
 * edits cannot be made (the document changed since, or is not shaped for answers).
 */
export const ANSWER_EDITS = 'rubrics/answerEdits';
export interface AnswerEditsParams {
  readonly uri: string;
  readonly version: number;
  readonly changes: readonly AnswerChange[];
  /** Whose answers the changes set: an assessor's (a key of the assessment's responses); absent, the assessment's agreed answers. */
  readonly assessor?: string;
}
export interface LspTextEdit {
  readonly range: { readonly start: { readonly line: number; readonly character: number }; readonly end: { readonly line: number; readonly character: number } };
  readonly newText: string;
}
export type AnswerEditsResult = { readonly edits: readonly LspTextEdit[] } | { readonly problems: readonly AnswerChangeProblem[] } | { readonly refused: string };

/**
 * client → server request: the edits that add an assessor (their response, with their name,
 * role and date) to an open assessment, computed for the version given, and the id they get (the
 * client applies the edits, so the user sees and can undo them, then edits that assessor's
 * answers); `{ refused, field }` says why not and which field is at fault (an empty name, an id
 * that is already an assessor's, a date that is none, no consensus rule, a document that changed).
 */
export const ASSESSOR_EDITS = 'rubrics/assessorEdits';
export interface AssessorEditsParams {
  readonly uri: string;
  readonly version: number;
  readonly name: string;
  readonly role?: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  /** The consensus rule to write when the assessment has none yet. */
  readonly consensus?: StartingConsensusRule;
}
export type AssessorEditsResult = { readonly id: string; readonly edits: readonly LspTextEdit[] } | { readonly refused: string; readonly field: NewAssessorField };

/** client → server request: the text of a built-in rubric (`rubrics-builtin:/id.rubric.yaml`), or null. */
export const BUILTIN_TEXT = 'rubrics/builtinText';
export interface BuiltinTextParams {
  readonly uri: string;
}

/**
 * server → client notification, after every check of an open document: whether it is ours, and
 * its summary when it is. The client's status bar, preview and menus follow it.
 */
export const DOCUMENT_STATUS = 'rubrics/documentStatus';
export type DocumentStatus =
  | { readonly uri: string; readonly owned: true; readonly summary: DocumentSummary }
  | { readonly uri: string; readonly owned: false };

/**
 * client → server request: the portfolio of the workspace's assessments (every file of ours the
 * server has checked, open or not, each open one as its editor has it), or of those in one
 * folder, rendered for the editor's panel. The first request starts the workspace scan when it
 * has not run (it is off, or waits for a rubric document); `rubrics/portfolioChanged` says when
 * the scan, an edit or a file on disk changed it.
 */
export const PORTFOLIO = 'rubrics/portfolio';
export interface PortfolioParams {
  /** Only the assessments and plans in this folder (a URI), and below it; default: the whole workspace. */
  readonly folder?: string;
}
export interface PortfolioView {
  /** The heatmap page's body, rendered for a webview: each row has its assessment's URI, each cell its dimension's offset in it. */
  readonly body: string;
  readonly title: string;
  /** Counts the changes to what the portfolio is built from: a later view has a larger number. */
  readonly generation: number;
  /** The assessments the rows show, by URI: the only files a click in the panel may open. */
  readonly files: readonly string[];
  /** Units in the view, across its rubrics. */
  readonly units: number;
}

/**
 * server → client notification, to a client that said `portfolioChanges`: what the portfolio is
 * built from changed (an assessment or plan was checked with other results, or left): ask for it
 * again.
 */
export const PORTFOLIO_CHANGED = 'rubrics/portfolioChanged';
export interface PortfolioChanged {
  readonly generation: number;
}

/** Commands the server executes (`workspace/executeCommand`). */
export const SERVER_COMMANDS = {
  /** Arguments: the document's URI. Adds every dimension of the rubric that the assessment lacks, as one edit. */
  addMissingDimensions: 'rubrics.server.addMissingDimensions',
  /** No arguments. Checks the open documents again, then every rubric file of the workspace. */
  revalidateWorkspace: 'rubrics.server.revalidateWorkspace',
} as const;

/** Results of `addMissingDimensions`, so the client can say what happened. */
export type AddMissingDimensionsResult = 'added' | 'nothing-missing' | 'not-an-assessment' | 'not-applied';
