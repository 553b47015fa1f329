/**
 * One operation at a time on the database's one connection. Operations queue here in
 * arrival order and each runs alone, its async parts included, so nothing ever lands
 * inside another's transaction. A long write (an import committing 100,000 rows in one
 * transaction, in slices) takes its place in the same queue; whatever arrives meanwhile
 * waits, and so can never join a transaction that may still be rolled back. Operations
 * that only watch a long write (its progress, its cancel button) do not queue, nor do
 * reads, which run on a read-only connection that sees only what is committed.
 */
export class WriteGate {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `work` after everything queued before it has settled. */
  run<T>(work: () => T | Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
