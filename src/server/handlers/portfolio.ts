import { onCheckedRequest } from '../checkedMessages';
import type { PortfolioRecorder } from '../checks';
import type { ServerContext } from '../context';
import { buildPortfolio, portfolioBody, portfolioEntries, type FileAnalysis, type PortfolioEntry } from '../core';
import { PORTFOLIO, PORTFOLIO_CHANGED, type PortfolioChanged, type PortfolioParams, type PortfolioView } from '../protocol';
import type { WorkspaceScan } from '../workspaceScan';

/**
 * `rubrics/portfolio`: the portfolio of the workspace's checked files, rendered for the panel; and
 * `rubrics/portfolioChanged`, sent to a client that asked for it (`portfolioChanges`) whenever the
 * records change, so the panel asks again.
 */
export function registerPortfolio({ connection, session, store }: ServerContext, scan: Pick<WorkspaceScan, 'hasStarted' | 'run'>): PortfolioRecorder {
  const index = new PortfolioIndex(() => store.ownership.folders);
  onCheckedRequest(connection, PORTFOLIO, { 'folder?': 'string' }, async ({ folder }: PortfolioParams) => {
    await store.startedUp;
    // A workspace not scanned yet (the scan is off, or waits for a rubric document) is scanned now; the view follows as files come in.
    if (!scan.hasStarted) void scan.run('the portfolio was opened');
    return index.view(folder);
  });
  const changed = (didChange: boolean) => {
    if (didChange && session.options.portfolioChanges) void connection.sendNotification(PORTFOLIO_CHANGED, { generation: index.generation } satisfies PortfolioChanged);
  };
  return {
    record: (uri, analysis) => changed(index.record(uri, analysis)),
    forget: (uri) => changed(index.forget(uri)),
  };
}

interface Recorded {
  readonly entries: readonly PortfolioEntry[];
  /** The entries as JSON: a check that leaves them as they were changes nothing. */
  readonly fingerprint: string;
}

/**
 * What the portfolio is built from, kept as the server checks files: each checked file's
 * assessments and plans as the core's small portfolio records (views/sources.ts), not whole
 * analyses, so a workspace of hundreds of assessments costs little to keep. The view is built
 * from them on request by the same core the CLI's `rubrics portfolio` uses, so a file gives the
 * same scores in the panel as in the terminal.
 */
export class PortfolioIndex {
  private readonly files = new Map<string, Recorded>();
  private changes = 0;

  /** The workspace folders (URIs ending in a slash), for the paths shown: the folder's own path, or the folder's name first when there are several. */
  constructor(private readonly folders: () => readonly string[]) {}

  /** Counts the changes to the records: a view built later has a larger number. */
  get generation(): number {
    return this.changes;
  }

  /** Records what a checked file holds for the portfolio; true when that changed. */
  record(uri: string, analysis: FileAnalysis): boolean {
    if (!analysis.documents.some((d) => d.kind === 'Assessment' || d.kind === 'Plan')) return this.forget(uri);
    const entries = portfolioEntries(analysis, shownPath(uri, this.folders()));
    const fingerprint = JSON.stringify(entries);
    if (this.files.get(uri)?.fingerprint === fingerprint) return false;
    this.files.set(uri, { entries, fingerprint });
    this.changes++;
    return true;
  }

  /** The file is gone or no longer ours; true when it had records. */
  forget(uri: string): boolean {
    if (!this.files.delete(uri)) return false;
    this.changes++;
    return true;
  }

  /** The portfolio of every file recorded, or of those under `folder`, rendered for the panel. */
  view(folder?: string): PortfolioView {
    const prefix = folder === undefined ? undefined : folder.endsWith('/') ? folder : `${folder}/`;
    const uris = [...this.files.keys()].filter((uri) => prefix === undefined || uri.startsWith(prefix));
    // The order of the files read, as the CLI reads them: by path.
    const entries = uris.sort().flatMap((uri) => (this.files.get(uri) as Recorded).entries);
    const model = buildPortfolio(entries);
    const files = new Set(model.tables.flatMap((t) => t.units.map((u) => u.assessment.uri)));
    const units = new Set(model.tables.flatMap((t) => t.units.map((u) => u.key))).size;
    return { body: portfolioBody(model, { mode: 'webview' }), title: model.title, generation: this.changes, files: [...files], units };
  }
}

/** A file as the portfolio names it: its path in its workspace folder (after the folder's name, in a workspace of several). */
export function shownPath(uri: string, folders: readonly string[]): string {
  const folder = folders.filter((f) => uri.startsWith(f)).sort((a, b) => b.length - a.length)[0];
  if (folder === undefined) return decoded(uri);
  const relative = decoded(uri.slice(folder.length));
  if (folders.length < 2) return relative;
  const name = decoded(folder.slice(0, -1).slice(folder.slice(0, -1).lastIndexOf('/') + 1));
  return `${name}/${relative}`;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
