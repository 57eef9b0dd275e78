import { spawn, type ChildProcess } from 'node:child_process';

/**
 * `rubrics lsp --stdio` driven byte by byte, for what a protocol library will not send: params of
 * the wrong shape, and frames whose Content-Length does not match their body. It reads what the
 * server writes with a plain framing of its own and keeps every message.
 */
export class RawLspServer {
  readonly messages: { id?: number | string | null; result?: unknown; error?: { code: number; message: string }; method?: string; params?: unknown }[] = [];
  private readonly child: ChildProcess;
  private pending = Buffer.alloc(0);

  constructor(cliPath: string) {
    this.child = spawn(process.execPath, [cliPath, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    this.child.stdout?.on('data', (data: Buffer) => this.read(data));
  }

  /** A frame for `message`, declaring `declaredLength` instead of the body's length when given. */
  static frame(message: unknown, declaredLength?: number): string {
    const body = JSON.stringify(message);
    return `Content-Length: ${declaredLength ?? Buffer.byteLength(body)}\r\n\r\n${body}`;
  }

  write(bytes: string): void {
    this.child.stdin?.write(bytes);
  }

  request(id: number, method: string, params: unknown, declaredLength?: number): void {
    this.write(RawLspServer.frame({ jsonrpc: '2.0', id, method, params }, declaredLength));
  }

  /** Starts the session as an editor does (initialize, then initialized). */
  async initialize(): Promise<void> {
    this.request(0, 'initialize', { processId: null, rootUri: null, capabilities: {}, initializationOptions: {} });
    await this.response(0);
    this.write(RawLspServer.frame({ jsonrpc: '2.0', method: 'initialized', params: {} }));
  }

  /** The server's answer to the request `id`, once it comes (undefined after `timeoutMs`). */
  async response(id: number, timeoutMs = 10_000): Promise<RawLspServer['messages'][number] | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find((m) => m.id === id && m.method === undefined);
      if (found || Date.now() > deadline) return found;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  kill(): void {
    this.child.kill();
  }

  private read(data: Buffer): void {
    this.pending = Buffer.concat([this.pending, data]);
    for (;;) {
      const end = this.pending.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.pending.subarray(0, end).toString('ascii'))?.[1]);
      if (this.pending.length < end + 4 + length) return;
      this.messages.push(JSON.parse(this.pending.subarray(end + 4, end + 4 + length).toString('utf8')));
      this.pending = this.pending.subarray(end + 4 + length);
    }
  }
}
