import { errorText } from '../node/errors';

/** Where a command writes and what it knows about its surroundings; tests can supply their own. */
export interface OutputStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface CliContext {
  /** The directory relative paths are read from and shown relative to. */
  readonly cwd: string;
  /**
   * The folder references must stay inside (the Action gives GITHUB_WORKSPACE). Absent: the git
   * repository around `cwd`, or `cwd` itself (see cliConfinement).
   */
  readonly root?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
}

export function processContext(): CliContext & { readonly stdout: GuardedOutput; readonly stderr: GuardedOutput } {
  return { cwd: process.cwd(), env: process.env, stdout: new GuardedOutput(process.stdout), stderr: new GuardedOutput(process.stderr) };
}

/**
 * The process's stdout or stderr, as commands write to it: a write never throws, whether the
 * stream fails at once (a file on a full disk) or later (a pipe whose reader went away); the
 * first failure is kept, later writes are dropped, and `settled` says, once everything has
 * been handed on, whether all of it was.
 */
export class GuardedOutput implements OutputStream {
  private pending = 0;
  private failure: Error | undefined;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly stream: NodeJS.WritableStream & { readonly isTTY?: boolean }) {
    stream.on('error', (error: Error) => this.fail(error));
  }

  get isTTY(): boolean | undefined {
    return this.stream.isTTY;
  }

  write(text: string): boolean {
    if (this.failure) return false;
    this.pending++;
    try {
      return this.stream.write(text, (error?: Error | null) => {
        if (error) this.fail(error);
        this.done();
      });
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
      this.done();
      return false;
    }
  }

  /** Waits for the writes so far, and returns the failure, if any. */
  async settled(): Promise<Error | undefined> {
    if (this.pending > 0 && !this.failure) await new Promise<void>((resolve) => this.waiting.push(resolve));
    return this.failure;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    // A failed stream may never call back for the writes it holds: release whoever waits.
    this.release();
  }

  private done(): void {
    this.pending--;
    if (this.pending === 0) this.release();
  }

  private release(): void {
    for (const resolve of this.waiting.splice(0)) resolve();
  }
}

/** Why output could not be written, as a clause: "no space left on the device". */
export function describeOutputFailure(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EPIPE') return 'the program reading it closed it before everything was written';
  if (code === 'EBADF') return 'it is closed';
  return errorText(error);
}
