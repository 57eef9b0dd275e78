import type { ServerContext } from './context';

/**
 * The workspace scan: every YAML file of the workspace folders that is not open is checked in the
 * background, so the Problems panel (and the portfolio) has them all. A new scan supersedes one
 * still running.
 */
export class WorkspaceScan {
  /** Counts the scans started: a scan that sees a larger number stops. */
  private generation = 0;
  /** The start-up found no rubric file by name: the first rubric document opened starts the scan. */
  private waitingForOwned = false;
  /** The client has said it is initialized: it may be asked for files and progress. */
  private clientReady = false;

  /** `checkClosedFile` checks a file that is not open (DocumentChecks.checkClosedFile). */
  constructor(
    private readonly context: ServerContext,
    private readonly checkClosedFile: (uri: string) => Promise<void>,
  ) {}

  /** Whether a scan has started since the server did. */
  get hasStarted(): boolean {
    return this.generation > 0;
  }

  /** The client is initialized: scans may run from now on. */
  clientInitialized(): void {
    this.clientReady = true;
  }

  /**
   * Scans at start-up when the workspace has files the globs name or a rubric document is open;
   * otherwise (the server woke up for some other YAML file) waits for a rubric document, so an
   * unrelated YAML workspace is not read through.
   */
  async atStartUp(): Promise<void> {
    const { store, connection } = this.context;
    if (store.ownedCount === 0) {
      let found = false;
      for (const pattern of store.ownership.patterns) {
        if ((await store.files.findFiles(store.ownership.folders, pattern, 1)).length) {
          found = true;
          break;
        }
      }
      if (!found && store.ownedCount === 0) {
        this.waitingForOwned = true;
        connection.console.log('No rubric files by name in this workspace; the workspace scan waits for the first rubric document.');
        return;
      }
    }
    await this.run('start-up');
  }

  /** An open document was found ours: the scan starts if it was waiting for one. */
  documentOwned(): void {
    if (!this.waitingForOwned) return;
    this.waitingForOwned = false;
    void this.run('first rubric document');
  }

  /** Checks every rubric file of the workspace in the background; `reason` goes to the log. */
  async run(reason: string): Promise<void> {
    if (!this.clientReady) return;
    const { store, session, connection } = this.context;
    const generation = ++this.generation;
    const cancelled = () => generation !== this.generation;
    const started = Date.now();
    const progress = session.capabilities.window?.workDoneProgress ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin('Rubrics', 0, 'finding rubric files…');
    try {
      const { ownership, files } = store;
      const byName = new Set<string>();
      for (const pattern of ownership.patterns) for (const uri of await files.findFiles(ownership.folders, pattern, session.settings.scanMaxFiles)) byName.add(uri);
      const candidates = (await files.findFiles(ownership.folders, '**/*.{yaml,yml}', session.settings.scanMaxFiles)).filter((u) => !byName.has(u));
      if (cancelled()) return;
      const queue = [...byName, ...candidates];
      const total = queue.length;
      if (total === 0) {
        connection.console.log(`Workspace scan (${reason}): no YAML files.`);
        return;
      }
      let done = 0;
      const worker = async () => {
        for (let next = queue.shift(); next !== undefined && !cancelled(); next = queue.shift()) {
          if (!store.get(next)) await this.checkClosedFile(next);
          done++;
          progress?.report(Math.round((done / total) * 100), `checking ${done}/${total} YAML files`);
        }
      };
      // A few reads in flight keep the engine busy while the files arrive; it checks one at a time anyway.
      await Promise.all([worker(), worker(), worker(), worker()]);
      const checked = [...byName, ...candidates].filter((u) => store.isKnown(u)).length;
      connection.console.log(`Workspace scan (${reason}): ${checked} rubric file${checked === 1 ? '' : 's'} among ${total} YAML file${total === 1 ? '' : 's'}, in ${Date.now() - started} ms${cancelled() ? ' (superseded)' : ''}.`);
    } finally {
      progress?.done();
    }
  }
}
