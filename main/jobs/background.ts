/**
 * The work a service starts and does not wait for (reading a file, checking rows, rendering
 * a PDF), kept so that shutting down can wait for it to end instead of closing the
 * database under it.
 */
export class BackgroundWork {
  private readonly running = new Set<Promise<unknown>>();

  /**
   * Starts `work` now; a failure goes to `onError`, which records it where the clerk will
   * see it. The promise returned settles when both are done and never rejects.
   */
  start(work: () => Promise<void>, onError: (error: unknown) => void): Promise<void> {
    const running: Promise<void> = work()
      .catch(onError)
      .finally(() => this.running.delete(running));
    this.running.add(running);
    return running;
  }

  /** Resolves once everything started, including what that starts meanwhile, has ended. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
