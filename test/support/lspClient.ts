import * as esbuild from 'esbuild';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import {
  createProtocolConnection,
  PortMessageReader,
  PortMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type InitializeParams,
  type ProtocolConnection,
} from 'vscode-languageserver/node';
import { DOCUMENT_STATUS, FIND_FILES, READ_FILE, REAL_URI, type DocumentStatus, type FindFilesParams, type ReadFileParams, type RealUriParams, type RubricsInitializationOptions } from '../../src/server/protocol';

/**
 * A small LSP client for tests: it starts the real bundled server (in a worker thread, as the
 * desktop extension does, or as `rubrics lsp --stdio` in a child process), answers its file
 * requests from memory, and collects what it publishes.
 */

const root = path.join(__dirname, '..', '..');
let bundleDir: string | undefined;

/** Bundles an entry with the project's Node settings into a temporary folder (once per entry). */
export async function bundle(entry: string, name: string): Promise<string> {
  bundleDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'rubrics-lsp-'));
  const outfile = path.join(bundleDir, name);
  if (!fs.existsSync(outfile)) {
    await esbuild.build({ entryPoints: [path.join(root, entry)], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'silent' });
  }
  return outfile;
}

export function removeBundles(): void {
  if (bundleDir) fs.rmSync(bundleDir, { recursive: true, force: true });
  bundleDir = undefined;
}

export interface TestClientOptions {
  /** Files the client serves (URI → text, or why it does not read it), as VS Code would through its file system API. */
  readonly files?: Record<string, string | { readonly unreadable: string }>;
  /** Links the client resolves (URI → where it leads), answering rubrics/realUri as the desktop does. */
  readonly links?: Record<string, string>;
  readonly settings?: Record<string, unknown>;
  readonly initializationOptions?: RubricsInitializationOptions;
  readonly capabilities?: InitializeParams['capabilities'];
  readonly workspaceFolders?: string[];
}

export class TestClient {
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly statuses: DocumentStatus[] = [];
  readonly reads: string[] = [];
  readonly log: string[] = [];
  private readonly versions = new Map<string, number>();
  private readonly waiters: (() => void)[] = [];

  constructor(readonly connection: ProtocolConnection, private readonly options: TestClientOptions, private readonly stop: () => Promise<void>) {
    connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diagnostic[] }) => {
      this.diagnostics.set(params.uri, params.diagnostics);
      this.wake();
    });
    connection.onNotification(DOCUMENT_STATUS, (status: DocumentStatus) => {
      this.statuses.push(status);
      this.wake();
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.log.push(params.message);
    });
    connection.onRequest(READ_FILE, ({ uri }: ReadFileParams): unknown => {
      this.reads.push(uri);
      return options.files?.[uri] ?? null;
    });
    connection.onRequest(REAL_URI, ({ uri }: RealUriParams) => options.links?.[uri] ?? (options.files?.[uri] !== undefined ? uri : null));
    connection.onRequest(FIND_FILES, ({ include }: FindFilesParams) => {
      const suffix = /\.\{yaml,yml\}$/.test(include) ? include.replace(/^\*\*\/\*/, '').replace('.{yaml,yml}', '') : undefined;
      return Object.keys(options.files ?? {}).filter((uri) => /\.ya?ml$/.test(uri) && (suffix === undefined || uri.includes(`${suffix}.`)));
    });
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map(() => options.settings ?? {}));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/codeLens/refresh', () => null);
    connection.onRequest('workspace/applyEdit', () => ({ applied: true }));
  }

  async initialize(): Promise<void> {
    const capabilities: InitializeParams['capabilities'] = this.options.capabilities ?? {
      workspace: { configuration: true, workspaceEdit: { documentChanges: true } },
      textDocument: { completion: { completionItem: { snippetSupport: true, insertTextModeSupport: { valueSet: [1, 2] } } } },
    };
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities,
      workspaceFolders: (this.options.workspaceFolders ?? ['file:///ws']).map((uri) => ({ uri, name: path.basename(uri) })),
      initializationOptions: this.options.initializationOptions ?? { clientReadsFiles: true, documentStatus: true },
    } satisfies InitializeParams);
    await this.connection.sendNotification('initialized', {});
  }

  open(uri: string, text: string, languageId = 'yaml'): void {
    this.versions.set(uri, 1);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces a range given by offsets into `before` (the document's text before the change). */
  change(uri: string, before: string, start: number, end: number, text: string): void {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: position(before, start), end: position(before, end) }, text }],
    });
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  /** Waits until `probe` returns something (checked after every notification, and every 50 ms). */
  async until<T>(probe: () => T | undefined | false, what: string, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The diagnostics of a URI once the server has published them (after `since` publications, if given). */
  diagnosticsOf(uri: string): Promise<Diagnostic[]> {
    return this.until(() => this.diagnostics.get(uri), `diagnostics of ${uri}`);
  }

  async dispose(): Promise<void> {
    await this.stop();
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }
}

export function position(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: (before[before.length - 1] ?? '').length };
}

/**
 * The server in a worker thread, over a message channel, as dist/extension.js starts it; `entry`
 * is the worker's entry (another one starts the server with other options).
 */
export async function startWorkerServer(options: TestClientOptions = {}, entry = 'src/server/node.ts'): Promise<TestClient> {
  const serverPath = await bundle(entry, `${path.basename(entry, '.ts')}.js`);
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(serverPath, { workerData: { port: port2 }, transferList: [port2] });
  const connection = createProtocolConnection(new PortMessageReader(port1), new PortMessageWriter(port1));
  connection.listen();
  const client = new TestClient(connection, options, async () => {
    connection.dispose();
    port1.close();
    await worker.terminate();
  });
  await client.initialize();
  return client;
}

/** `rubrics lsp --stdio` in a child process, as Neovim, Helix or Zed start it (the CLI bundled from source, or `cliPath`). */
export async function startStdioServer(options: TestClientOptions = {}, cliPath?: string): Promise<{ client: TestClient; child: ChildProcess }> {
  cliPath ??= await bundle('src/cli/main.ts', 'cli.js');
  const child = spawn(process.execPath, [cliPath, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.listen();
  const client = new TestClient(connection, { initializationOptions: {}, ...options }, async () => {
    connection.dispose();
    child.kill();
  });
  await client.initialize();
  return { client, child };
}
