/**
 * A small typed request/response channel over postMessage, used in both directions between the
 * extension host and the engine's worker thread. Requests carry ids, can be cancelled, and never
 * reject: every outcome, failures included, comes back as a value.
 */

export type ErrorCode = 'cancelled' | 'superseded' | 'not-open' | 'stale' | 'failed' | 'worker-stopped' | 'unknown-method';

export interface RpcError {
  readonly code: ErrorCode;
  readonly message: string;
}

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: RpcError };

/** method name → its params and result. */
export type MethodMap = Record<string, { params: unknown; result: unknown }>;
/** notification name → its params. */
export type NotificationMap = Record<string, unknown>;

export type Message =
  | { readonly type: 'request'; readonly id: number; readonly method: string; readonly params: unknown }
  | { readonly type: 'response'; readonly id: number; readonly outcome: Outcome<unknown> }
  | { readonly type: 'notification'; readonly method: string; readonly params: unknown };

/** Thrown by a handler to answer with a specific error code. */
export class RpcFailure extends Error {
  constructor(readonly code: ErrorCode, message: string) {
    super(message);
  }
}

const CANCEL = '$cancel';

type Handler = (params: unknown, signal: AbortSignal) => unknown;

export class RpcEndpoint<Outgoing extends MethodMap, Incoming extends MethodMap, OutNotes extends NotificationMap = NotificationMap, InNotes extends NotificationMap = NotificationMap> {
  private nextId = 1;
  private readonly pending = new Map<number, (outcome: Outcome<unknown>) => void>();
  private readonly handlers = new Map<string, Handler>();
  private readonly noteHandlers = new Map<string, (params: unknown) => void>();
  private readonly running = new Map<number, AbortController>();

  constructor(private readonly post: (message: Message) => void) {}

  request<M extends keyof Outgoing & string>(method: M, params: Outgoing[M]['params'], signal?: AbortSignal): Promise<Outcome<Outgoing[M]['result']>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      if (signal?.aborted) {
        resolve({ ok: false, error: { code: 'cancelled', message: `${method} was cancelled.` } });
        return;
      }
      const onAbort = () => {
        if (!this.pending.delete(id)) return;
        this.send({ type: 'notification', method: CANCEL, params: id });
        resolve({ ok: false, error: { code: 'cancelled', message: `${method} was cancelled.` } });
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, (outcome) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(outcome as Outcome<Outgoing[M]['result']>);
      });
      this.send({ type: 'request', id, method, params });
    });
  }

  notify<N extends keyof OutNotes & string>(method: N, params: OutNotes[N]): void {
    this.send({ type: 'notification', method, params });
  }

  handle<M extends keyof Incoming & string>(method: M, handler: (params: Incoming[M]['params'], signal: AbortSignal) => Incoming[M]['result'] | Promise<Incoming[M]['result']>): void {
    this.handlers.set(method, handler as Handler);
  }

  onNotification<N extends keyof InNotes & string>(method: N, handler: (params: InNotes[N]) => void): void {
    this.noteHandlers.set(method, handler as (params: unknown) => void);
  }

  /** Ends every request still waiting (the other side stopped): each gets `error`. */
  failPending(error: RpcError): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const resolve of waiting) resolve({ ok: false, error });
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  /** Feeds a message that arrived from the other side. */
  receive(message: Message): void {
    switch (message.type) {
      case 'response': {
        const resolve = this.pending.get(message.id);
        if (resolve) {
          this.pending.delete(message.id);
          resolve(message.outcome);
        }
        return;
      }
      case 'notification': {
        if (message.method === CANCEL) {
          this.running.get(message.params as number)?.abort();
          return;
        }
        this.noteHandlers.get(message.method)?.(message.params);
        return;
      }
      case 'request':
        void this.run(message.id, message.method, message.params);
    }
  }

  private async run(id: number, method: string, params: unknown): Promise<void> {
    const handler = this.handlers.get(method);
    if (!handler) {
      this.send({ type: 'response', id, outcome: { ok: false, error: { code: 'unknown-method', message: `No handler for "${method}".` } } });
      return;
    }
    const controller = new AbortController();
    this.running.set(id, controller);
    let outcome: Outcome<unknown>;
    try {
      const value = await handler(params, controller.signal);
      outcome = controller.signal.aborted ? { ok: false, error: { code: 'cancelled', message: `${method} was cancelled.` } } : { ok: true, value };
    } catch (error) {
      outcome = { ok: false, error: error instanceof RpcFailure ? { code: error.code, message: error.message } : { code: 'failed', message: describe(error) } };
    } finally {
      this.running.delete(id);
    }
    this.send({ type: 'response', id, outcome });
  }

  private send(message: Message): void {
    try {
      this.post(message);
    } catch (error) {
      // The other side is gone; waiting requests are failed by whoever notices it stopped.
      if (message.type === 'request') {
        const resolve = this.pending.get(message.id);
        this.pending.delete(message.id);
        resolve?.({ ok: false, error: { code: 'worker-stopped', message: describe(error) } });
      }
    }
  }
}

export function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? error.message;
  return String(error);
}
