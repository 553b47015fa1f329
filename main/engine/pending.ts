/** Requests sent across the channel and waiting for their answer, by a number of their own. */
export class PendingRequests<T> {
  private next = 1;
  private readonly waiting = new Map<number, { resolve(value: T): void; reject(error: Error): void }>();

  /** Numbers a request, sends it with `send`, and resolves with the answer given to settle. */
  open(send: (id: number) => void): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      send(id);
    });
  }

  settle(id: number, value: T): void {
    this.waiting.get(id)?.resolve(value);
    this.waiting.delete(id);
  }

  fail(id: number, error: Error): void {
    this.waiting.get(id)?.reject(error);
    this.waiting.delete(id);
  }

  /** The other side is gone: every request still waiting fails with `error`. */
  failAll(error: Error): void {
    for (const id of [...this.waiting.keys()]) this.fail(id, error);
  }

  get size(): number {
    return this.waiting.size;
  }
}
