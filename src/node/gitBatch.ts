import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

/**
 * Reads many objects from one repository through a single `git cat-file --batch` process: a
 * review reads the base version of hundreds of files, and one git process per file would cost
 * more than checking them. Requests are answered in order; each answer is the object's type and
 * content, or `missing`. Objects larger than `maxBytes` are skipped over unread.
 */
export type BatchAnswer = { readonly type: 'missing' } | { readonly type: string; readonly size: number; readonly content?: Buffer };

interface Pending {
  readonly resolve: (answer: BatchAnswer) => void;
  readonly reject: (error: Error) => void;
}

export class GitBatch {
  private child: ChildProcessByStdio<Writable, Readable, null> | undefined;
  private buffer: Buffer = Buffer.alloc(0);
  private readonly queue: Pending[] = [];
  private failure: Error | undefined;
  /** Bytes still to discard of an object too large to read. */
  private skipping = 0;

  constructor(private readonly root: string, private readonly maxBytes: number) {}

  /** The object named `spec` (`<ref>:<path>`), which must not hold a line break. */
  read(spec: string): Promise<BatchAnswer> {
    if (/[\r\n]/.test(spec)) return Promise.reject(new Error('A git object name with a line break cannot go through git cat-file --batch.'));
    if (this.failure) return Promise.reject(this.failure);
    const child = this.start();
    return new Promise((resolve, reject) => {
      this.queue.push({ resolve, reject });
      this.hold(true);
      child.stdin.write(`${spec}\n`);
    });
  }

  /** Ends the git process (it would otherwise keep the CLI running). */
  close(): void {
    this.child?.stdin.end();
    this.child = undefined;
  }

  private start(): ChildProcessByStdio<Writable, Readable, null> {
    if (this.child) return this.child;
    const child = spawn('git', ['cat-file', '--batch'], { cwd: this.root, windowsHide: true, stdio: ['pipe', 'pipe', 'ignore'] });
    child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
      this.drain();
    });
    child.on('error', (error) => this.fail(error));
    child.on('close', (code) => {
      if (this.queue.length) this.fail(new Error(`git cat-file --batch stopped (exit ${code ?? 'signal'}) before answering.`));
      if (this.child === child) this.child = undefined;
    });
    child.stdin.on('error', (error) => this.fail(error));
    this.child = child;
    return child;
  }

  /** The process keeps Node alive while answers are awaited, and not once every answer is in. */
  private hold(waiting: boolean): void {
    const child = this.child;
    if (!child) return;
    for (const handle of [child, child.stdin, child.stdout] as unknown as { ref?: () => void; unref?: () => void }[]) {
      if (waiting) handle.ref?.();
      else handle.unref?.();
    }
  }

  private drain(): void {
    for (;;) {
      if (this.skipping > 0) {
        const dropped = Math.min(this.skipping, this.buffer.length);
        this.buffer = this.buffer.subarray(dropped);
        this.skipping -= dropped;
        if (this.skipping > 0) return;
      }
      const pending = this.queue[0];
      if (!pending) {
        this.hold(false);
        return;
      }
      const newline = this.buffer.indexOf(10);
      if (newline < 0) return;
      const header = this.buffer.subarray(0, newline).toString('utf8');
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
        this.buffer = this.buffer.subarray(newline + 1);
        this.queue.shift();
        pending.resolve({ type: 'missing' });
        continue;
      }
      const [, type = '', sizeText = '0'] = header.split(' ');
      const size = Number(sizeText);
      if (size > this.maxBytes) {
        this.buffer = this.buffer.subarray(newline + 1);
        this.skipping = size + 1;
        this.queue.shift();
        pending.resolve({ type, size });
        continue;
      }
      // The content and the newline after it.
      if (this.buffer.length < newline + 1 + size + 1) return;
      const content = this.buffer.subarray(newline + 1, newline + 1 + size);
      this.buffer = this.buffer.subarray(newline + 1 + size + 1);
      this.queue.shift();
      pending.resolve({ type, size, content: Buffer.from(content) });
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const pending of this.queue.splice(0)) pending.reject(error);
  }
}
