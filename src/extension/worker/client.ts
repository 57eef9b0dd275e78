import { Worker } from 'node:worker_threads';
import type { DocumentKind } from '../../core/format/types';
import type { HostNotifications, HostRequests, TextChange, WorkerNotifications, WorkerRequests } from './protocol';
import { describe, RpcEndpoint, type Message, type Outcome } from './rpc';

export interface EngineClientOptions {
  /** Path of the bundled worker script (dist/worker.js). */
  readonly workerPath: string;
  /** Reads another file for the engine (the open document's text wins over the disk). */
  readFile(uri: string): Promise<string | undefined>;
  listDocuments(kind: DocumentKind): Promise<string[]>;
  log(message: string): void;
  /** The worker stopped and a new one took over: every open document was sent again; re-check them. */
  onRestart?(): void;
  /** The worker kept stopping and the client gave up: nothing can be checked any more. */
  onGiveUp?(reason: string): void;
}

type HostEndpoint = RpcEndpoint<HostRequests, WorkerRequests, HostNotifications, WorkerNotifications>;

/** What the client needs to send a document again after a restart. */
export type DocumentSource = () => { version: number; text: string } | undefined;

const RESTART_WINDOW_MS = 60_000;
const MAX_RESTARTS_IN_WINDOW = 5;

/**
 * The extension host's handle on the engine worker: starts it, keeps its open documents in sync,
 * sends requests, and restarts it if it dies (a crash or running out of memory), sending it the
 * open documents again so checking carries on.
 */
export class EngineClient {
  private worker: Worker | undefined;
  private endpoint: HostEndpoint | undefined;
  private readonly documents = new Map<string, DocumentSource>();
  private readonly restarts: number[] = [];
  private disposed = false;
  private gaveUp = false;

  constructor(private readonly options: EngineClientOptions) {}

  get running(): boolean {
    return this.worker !== undefined;
  }

  /** Starts the worker if it is not running (it starts on first use, not at activation). */
  start(): void {
    if (this.worker || this.disposed || this.gaveUp) return;
    const worker = new Worker(this.options.workerPath, { name: 'rubrics-engine' });
    const endpoint: HostEndpoint = new RpcEndpoint((message: Message) => worker.postMessage(message));
    endpoint.handle('readFile', async ({ uri }) => (await this.options.readFile(uri)) ?? null);
    endpoint.handle('listDocuments', ({ kind }) => this.options.listDocuments(kind));
    endpoint.onNotification('log', (message) => this.options.log(message));
    worker.on('message', (message: Message) => endpoint.receive(message));
    worker.on('error', (error) => this.options.log(`Engine worker error: ${describe(error)}`));
    worker.on('exit', (code) => this.exited(worker, endpoint, code));
    this.worker = worker;
    this.endpoint = endpoint;
    for (const [uri, source] of this.documents) {
      const current = source();
      if (current) endpoint.notify('didOpen', { uri, ...current });
    }
  }

  open(uri: string, version: number, text: string, source: DocumentSource): void {
    this.documents.set(uri, source);
    this.start();
    this.endpoint?.notify('didOpen', { uri, version, text });
  }

  change(uri: string, version: number, changes: readonly TextChange[]): void {
    if (!this.documents.has(uri)) return;
    this.endpoint?.notify('didChange', { uri, version, changes });
  }

  close(uri: string): void {
    if (!this.documents.delete(uri)) return;
    this.endpoint?.notify('didClose', { uri });
  }

  /** A file that is not open changed on disk (or was deleted). */
  fileChanged(uri: string): void {
    this.endpoint?.notify('didChangeFile', { uri });
  }

  isOpen(uri: string): boolean {
    return this.documents.has(uri);
  }

  request<M extends keyof HostRequests & string>(method: M, params: HostRequests[M]['params'], signal?: AbortSignal): Promise<Outcome<HostRequests[M]['result']>> {
    this.start();
    if (!this.endpoint) {
      return Promise.resolve({ ok: false, error: { code: 'worker-stopped', message: 'The engine is not running.' } });
    }
    return this.endpoint.request(method, params, signal);
  }

  /** Stops the worker for good (on deactivation). */
  async dispose(): Promise<void> {
    this.disposed = true;
    const worker = this.worker;
    this.worker = undefined;
    this.endpoint?.failPending({ code: 'worker-stopped', message: 'The extension is shutting down.' });
    this.endpoint = undefined;
    if (worker) await worker.terminate();
  }

  /** Ends the worker as if it had crashed (used by tests and by "restart" after a hang). */
  async kill(): Promise<void> {
    await this.worker?.terminate();
  }

  private exited(worker: Worker, endpoint: HostEndpoint, code: number): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.endpoint = undefined;
    endpoint.failPending({ code: 'worker-stopped', message: `The engine worker stopped (exit code ${code}).` });
    if (this.disposed) return;
    const now = Date.now();
    this.restarts.push(now);
    while (this.restarts.length && (this.restarts[0] as number) < now - RESTART_WINDOW_MS) this.restarts.shift();
    if (this.restarts.length > MAX_RESTARTS_IN_WINDOW) {
      this.gaveUp = true;
      const reason = `The engine worker stopped ${this.restarts.length} times within a minute (last exit code ${code}); checking is off until the window is reloaded.`;
      this.options.log(reason);
      this.options.onGiveUp?.(reason);
      return;
    }
    this.options.log(`The engine worker stopped (exit code ${code}); starting a new one and checking the ${this.documents.size} open document${this.documents.size === 1 ? '' : 's'} again.`);
    this.start();
    this.options.onRestart?.();
  }
}
