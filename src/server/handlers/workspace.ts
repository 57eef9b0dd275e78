import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, type InitializeParams } from 'vscode-languageserver';
import type { DocumentChecks } from '../checks';
import { readSettings } from '../config';
import { workspaceConfinement } from '../confinement';
import type { ServerContext } from '../context';
import { IGNORE_FILE_NAME, IgnoreList, textOf } from '../core';
import { clientFileSource } from '../files';
import type { RubricsInitializationOptions } from '../protocol';
import type { WorkspaceScan } from '../workspaceScan';

/**
 * The workspace as the client describes it: what it can do, its folders, each folder's
 * `.rubricsignore`, and the `rubrics.*` settings. Which files are ours and where references may
 * point follow from them, so a change to any of them checks the open documents again.
 */
export class WorkspaceHandlers {
  constructor(
    private readonly context: ServerContext,
    private readonly checks: DocumentChecks,
    private readonly scan: WorkspaceScan,
  ) {}

  register(): void {
    this.context.connection.onDidChangeConfiguration((change) => void this.configurationChanged(change.settings));
  }

  /** The `initialize` request: what the client can do, where files are read from, the folders. */
  initialize(params: InitializeParams): void {
    const { session, store, connection } = this.context;
    session.capabilities = params.capabilities;
    session.options = (params.initializationOptions ?? {}) as RubricsInitializationOptions;
    if (session.options.clientReadsFiles) store.files.setSource(clientFileSource(connection, session.options.clientResolvesLinks === true));
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.setFolders(folders);
  }

  /**
   * The `initialized` notification: asks for the notifications the server follows, reads the
   * settings and ignore lists (checks wait for them), then starts the workspace scan.
   */
  async initialized(): Promise<void> {
    const { session, store, connection } = this.context;
    this.scan.clientInitialized();
    const { capabilities } = session;
    // Only a client that said it sends these may be asked for them (the library throws otherwise).
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(() => void this.refreshFolders().then(() => this.scan.run('the workspace folders changed')));
    }
    const dynamic = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
    if (dynamic) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'rubrics' });
    // Clients that do not watch files for us (VS Code does, with its own watcher) are asked to.
    if (!session.options.clientReadsFiles && capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml}' }] });
    }
    try {
      await this.pullSettings();
      await this.loadIgnoreLists();
    } finally {
      store.startUpFinished();
    }
    if (session.settings.scan) void this.scan.atStartUp();
  }

  /** The revalidate command: the ignore lists read again, every open document and the workspace checked again. */
  async checkAgain(): Promise<null> {
    await this.loadIgnoreLists();
    this.checks.scheduleAllOpen();
    await this.scan.run('on request');
    return null;
  }

  private async pullSettings(pushed?: unknown): Promise<void> {
    const { session, store, connection } = this.context;
    let section: unknown = pushed;
    if (session.capabilities.workspace?.configuration) {
      try {
        section = await connection.workspace.getConfiguration('rubrics');
      } catch {
        section = pushed;
      }
    }
    const before = session.settings.allowOutside;
    session.settings = readSettings(section);
    store.ownership.setPatterns(session.settings.files);
    if (JSON.stringify(before) !== JSON.stringify(session.settings.allowOutside)) this.confine();
  }

  /** The workspace folders changed: they are where files are ours, and where references may point. */
  private setFolders(folders: readonly string[]): void {
    this.context.store.ownership.setFolders(folders);
    this.confine();
  }

  /** Tells the engine where references may point; every analysis after this follows it. */
  private confine(): void {
    const { store, session } = this.context;
    store.engine.setConfinement(workspaceConfinement(store.ownership.folders, session.settings.allowOutside));
    for (const uri of store.openUris()) {
      store.analyses.touch(uri);
      this.checks.schedule(uri, 0, false);
    }
  }

  private async configurationChanged(settings: unknown): Promise<void> {
    const { session, connection } = this.context;
    const watched = () => JSON.stringify([session.settings.files, session.settings.allowOutside]);
    const before = watched();
    const pushed = settings && typeof settings === 'object' ? (settings as { rubrics?: unknown }).rubrics : undefined;
    await this.pullSettings(pushed);
    if (watched() !== before) {
      this.checks.scheduleAllOpen();
      if (session.settings.scan) void this.scan.run('the rubrics.files setting changed');
    }
    if (session.refreshesCodeLens) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
  }

  private async refreshFolders(): Promise<void> {
    const folders = await this.context.connection.workspace.getWorkspaceFolders().catch(() => null);
    this.setFolders(folders?.map((f) => f.uri) ?? []);
    await this.loadIgnoreLists();
  }

  /** Each workspace folder's `.rubricsignore` (read at start-up, when folders change, and when the workspace is checked again). */
  private async loadIgnoreLists(): Promise<void> {
    const { store } = this.context;
    const lists = new Map<string, IgnoreList>();
    for (const folder of store.ownership.folders) {
      const text = textOf(await store.files.readFile(`${folder}${IGNORE_FILE_NAME}`));
      if (text !== undefined) lists.set(folder, new IgnoreList(text));
    }
    store.ownership.setIgnoreLists(lists);
  }
}
