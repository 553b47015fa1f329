/**
 * While a long write holds the database's one transaction across event-loop turns (an
 * import commits 100,000 rows in one transaction, in slices), every other operation
 * waits at this gate: a save made meanwhile must not join a transaction that may still
 * be rolled back. Operations that only watch the long write (its progress, its cancel
 * button) pass through.
 */
export class WriteGate {
  private held: Promise<void> | null = null;

  /** Holds the gate until `work` settles, whether it succeeds or fails; returns `work` itself. */
  hold<T>(work: Promise<T>): Promise<T> {
    const settled: Promise<void> = work
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        if (this.held === settled) this.held = null;
      });
    this.held = settled;
    return work;
  }

  async wait(): Promise<void> {
    while (this.held) await this.held;
  }
}
