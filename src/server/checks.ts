import { CheckScheduler } from './checkScheduler';
import { scanRefusal } from './confinement';
import type { ServerContext } from './context';
import type { Positions } from './convert';
import { baseName, isBuiltinUri, isUnreadable, LineIndex, textOf, type Diagnostic, type FileAnalysis } from './core';

// The checks declare what they tell the features that follow them; the handlers implement it
// (handlers/diagnostics.ts, portfolio.ts, summary.ts), so no import goes from here to a handler.

/** Where a check's problems go (DiagnosticsPublisher). */
export interface DiagnosticsSink {
  /** A check's problems, at the positions of the text it checked; `version` for an open document. */
  publish(uri: string, analysis: FileAnalysis, positions: Positions, version?: number): void;
  /** Why a file of ours was not read (it leads out of the workspace). */
  publishRefusal(uri: string, diagnostic: Diagnostic): void;
  /** The engine failed on the file. */
  internalError(uri: string, error: unknown): void;
  /** Clears the file's problems, if it has any. */
  clear(uri: string): void;
}

/** What the checks tell the portfolio: a file checked, or a file gone or no longer ours. */
export interface PortfolioRecorder {
  record(uri: string, analysis: FileAnalysis): void;
  forget(uri: string): void;
}

/** What the client hears of each open document's status, after each check. */
export interface DocumentStatusReports {
  /** The open document was checked, at `version`, and is ours. */
  checked(uri: string, version: number, analysis: FileAnalysis): void;
  /** The open document is no longer ours. */
  notOurs(uri: string): void;
}

/** Who else hears of a check: the features whose state follows the files checked. */
export interface CheckFollowers {
  readonly diagnostics: DiagnosticsSink;
  /** The portfolio's records of the file. */
  readonly portfolio: PortfolioRecorder;
  /** The client's status of an open document (`rubrics/documentStatus`). */
  readonly status: DocumentStatusReports;
  /** An open document was found ours for the first time (the workspace scan may be waiting for one). */
  documentOwned(): void;
}

/**
 * Checking files with the engine: an open document when the scheduler says (its unsaved text), a
 * file that is not open as saved, and the files that read a file that changed. Each check's result
 * goes to the diagnostics, the store's record of the file, the portfolio and the document's status.
 */
export class DocumentChecks {
  private readonly scheduler: CheckScheduler;

  constructor(
    private readonly context: ServerContext,
    private readonly followers: CheckFollowers,
  ) {
    this.scheduler = new CheckScheduler((uri, withDependents) => this.checkOpen(uri, withDependents), (uri, error) => followers.diagnostics.internalError(uri, error));
  }

  /** Checks an open document after `delay` ms (see CheckScheduler); with its dependents, when it changed. */
  schedule(uri: string, delay: number, withDependents: boolean): void {
    this.scheduler.schedule(uri, delay, withDependents);
  }

  /** Checks every open document again (the settings or the ignore lists changed). */
  scheduleAllOpen(): void {
    for (const uri of this.context.store.openUris()) this.schedule(uri, 0, false);
  }

  /** The editor closed the document: its unsaved edits are gone, what counts now is the file as saved. */
  closed(uri: string): void {
    const { store } = this.context;
    this.scheduler.cancel(uri);
    const wasOwned = store.disown(uri);
    store.analyses.forget(uri);
    if (!wasOwned) return;
    if (uri.startsWith('untitled:') || isBuiltinUri(uri)) {
      this.forgetFile(uri);
      this.recheckDependents(uri);
      return;
    }
    void this.checkClosedFile(uri).then(() => this.recheckDependents(uri));
  }

  fileChangedOnDisk(uri: string): void {
    const { store } = this.context;
    if (store.ownership.isIgnored(uri)) return;
    store.analyses.touch(uri);
    if (store.get(uri)) return; // the open document (and its unsaved text) wins
    void this.checkClosedFile(uri).then(() => this.recheckDependents(uri));
  }

  fileDeleted(uri: string): void {
    const { store } = this.context;
    store.analyses.touch(uri);
    if (store.get(uri)) return;
    this.forgetFile(uri);
    this.recheckDependents(uri);
  }

  /** Checks a file that is not open, as saved; a file that is not ours (any more) is forgotten. */
  async checkClosedFile(uri: string): Promise<void> {
    const { store, connection } = this.context;
    if (store.get(uri) || store.ownership.isIgnored(uri)) return;
    // A file that leads out of the workspace (a committed link) is never read; if ours by its name, it says so.
    const refused = await scanRefusal(store.engine, uri, store.ownership.matchesGlobs(uri));
    if (refused) {
      this.forgetFile(uri);
      if (refused.diagnostic && !store.get(uri)) this.followers.diagnostics.publishRefusal(uri, refused.diagnostic);
      return;
    }
    const saved = await store.files.readSaved(uri);
    if (store.get(uri)) return; // opened meanwhile: the open document's check wins
    if (isUnreadable(saved)) connection.console.log(`Skipped ${baseName(uri)}: ${saved.unreadable}.`);
    const text = textOf(saved);
    if (text === undefined || !store.ownership.owns(uri, text)) {
      this.forgetFile(uri);
      return;
    }
    const started = performance.now();
    let analysis: FileAnalysis;
    try {
      analysis = await store.engine.analyze(uri, text);
    } catch (error) {
      this.followers.diagnostics.internalError(uri, error);
      return;
    }
    if (store.get(uri)) return;
    this.followers.diagnostics.publish(uri, analysis, new LineIndex(text));
    this.record(uri, analysis, 'Checked (not open)', performance.now() - started);
  }

  private async checkOpen(uri: string, withDependents: boolean): Promise<void> {
    const { store } = this.context;
    await store.startedUp;
    const doc = store.get(uri);
    if (!doc) return;
    if (!store.ownership.owns(uri, doc.getText(), doc.languageId)) {
      if (store.disown(uri)) {
        this.forgetFile(uri);
        this.followers.status.notOurs(uri);
      }
      return;
    }
    if (store.own(uri)) this.followers.documentOwned();
    const version = doc.version;
    const started = performance.now();
    const analysis = await store.analyses.analysisOf(doc);
    const current = store.get(uri);
    if (!current || current.version !== version) return; // typed on meanwhile: that version's check reports
    this.followers.diagnostics.publish(uri, analysis, current, version);
    this.record(uri, analysis, 'Checked', performance.now() - started);
    this.followers.status.checked(uri, version, analysis);
    if (withDependents) this.recheckDependents(uri);
  }

  private record(uri: string, analysis: FileAnalysis, verb: string, durationMs: number): void {
    this.context.store.remember(uri, analysis);
    this.followers.portfolio.record(uri, analysis);
    const errors = analysis.diagnostics.filter((d) => d.severity === 'error').length;
    const others = analysis.diagnostics.length - errors;
    const lines = new LineIndex(analysis.text).lineCount;
    this.context.connection.console.log(`${verb} ${baseName(uri)}: ${lines.toLocaleString('en-US')} lines in ${Math.round(durationMs)} ms (${analysis.parser} parser), ${errors} error${errors === 1 ? '' : 's'}${others ? `, ${others} other` : ''}.`);
  }

  private forgetFile(uri: string): void {
    this.followers.diagnostics.clear(uri);
    this.context.store.forget(uri);
    this.followers.portfolio.forget(uri);
  }

  /** Checks again the files whose last check read `uri`: open ones through the scheduler, the others now. */
  private recheckDependents(uri: string): void {
    const { store, session, connection } = this.context;
    let openDependents = false;
    for (const dependent of store.graph.dependentsOf(uri)) {
      if (store.get(dependent)) {
        openDependents = true;
        this.schedule(dependent, 0, false);
      } else void this.checkClosedFile(dependent);
    }
    // CodeLens of open dependents (levels from the rubric) changed too.
    if (openDependents && session.refreshesCodeLens) {
      setTimeout(() => void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined), 50);
    }
  }
}
