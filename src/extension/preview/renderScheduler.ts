/**
 * Runs a render after the requests for it calm down, one at a time, and always once more after
 * the last request: typing fires an analysis per pause, and a report render of a large plan can
 * take longer than the pause between two of them. Without this, renders pile up and finish out of
 * order; with it, at most one runs and the latest text always ends up on screen.
 */
export class RenderScheduler {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private pending = false;
  private disposed = false;

  constructor(
    private readonly delayMs: number,
    private readonly render: () => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Asks for a render after `delayMs` of quiet (or right away with `immediate`). */
  schedule(immediate = false): void {
    if (this.disposed) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (immediate) {
      void this.start();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.start();
    }, this.delayMs);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async start(): Promise<void> {
    if (this.disposed) return;
    if (this.running) {
      this.pending = true;
      return;
    }
    this.running = true;
    try {
      await this.render();
    } catch (error) {
      this.onError(error);
    } finally {
      this.running = false;
    }
    if (this.pending && !this.disposed) {
      this.pending = false;
      await this.start();
    }
  }
}
