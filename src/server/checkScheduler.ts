interface Scheduled {
  timer?: ReturnType<typeof setTimeout>;
  /** Whether the check also re-checks the files that read this one. */
  withDependents: boolean;
  /** A check of the document is running. */
  running?: boolean;
  /** The document changed while its check ran: check it again when that one ends. */
  again?: boolean;
}

/**
 * When each open document is checked. A check waits `delay` (the user's
 * rubrics.validation.delay after a change), and a new request in that time restarts the wait. One
 * check of a document runs at a time: a change while one runs makes one more check follow it at
 * once, of the text as it is then. So a keystroke's problems show as soon as the check before it
 * and its own are done, and a burst of typing in a large file costs at most one check that is
 * thrown away.
 */
export class CheckScheduler {
  private readonly scheduled = new Map<string, Scheduled>();

  /**
   * `check` checks a document's text as it is when called; `failed` hears of a check that threw
   * (the scheduler goes on: the next change is checked as usual).
   */
  constructor(
    private readonly check: (uri: string, withDependents: boolean) => Promise<void>,
    private readonly failed: (uri: string, error: unknown) => void,
  ) {}

  /** Checks the document after `delay` ms; `withDependents` stays asked for until a check takes it. */
  schedule(uri: string, delay: number, withDependents: boolean): void {
    const entry = this.scheduled.get(uri) ?? { withDependents: false };
    if (entry.timer) clearTimeout(entry.timer);
    entry.withDependents ||= withDependents;
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      if (entry.running) {
        entry.again = true;
        return;
      }
      const dependents = entry.withDependents;
      entry.withDependents = false;
      entry.running = true;
      void this.check(uri, dependents)
        .catch((error) => this.failed(uri, error))
        .finally(() => {
          entry.running = false;
          if (entry.again) {
            entry.again = false;
            this.schedule(uri, 0, false);
          }
        });
    }, delay);
    this.scheduled.set(uri, entry);
  }

  /** The document was closed: a check waiting for it is called off (one running finishes). */
  cancel(uri: string): void {
    const entry = this.scheduled.get(uri);
    if (entry?.timer) clearTimeout(entry.timer);
    this.scheduled.delete(uri);
  }
}
