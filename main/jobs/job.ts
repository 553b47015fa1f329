import { AppError } from '../../shared/api/result';

/**
 * A long piece of work (an import, a batch of posters) that reports progress and can be
 * cancelled. It runs in the main process's event loop in slices: between slices it
 * yields, so progress questions and the cancel button are answered while it runs.
 */
export class Job {
  done = 0;
  total = 0;
  private cancelled = false;
  private readonly onCancelled: Array<() => void> = [];

  report(done: number, total = this.total): void {
    this.done = done;
    this.total = total;
  }

  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    for (const listener of this.onCancelled.splice(0)) listener();
  }

  /** For work that does not pause in this thread (a file read in a worker): called once, when cancel is pressed. */
  onCancel(listener: () => void): void {
    if (this.cancelled) listener();
    else this.onCancelled.push(listener);
  }

  get isCancelled(): boolean {
    return this.cancelled;
  }

  /** Lets other work run, then stops the job if someone pressed cancel. */
  async pause(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    if (this.cancelled) throw new JobCancelled();
  }
}

export class JobCancelled extends AppError {
  constructor() {
    super('CONFLICT', 'Đã huỷ theo yêu cầu; không có gì được ghi.');
    this.name = 'JobCancelled';
  }
}

/** Runs `work` over items in slices of `size`, pausing between slices. */
export async function inSlices<T>(job: Job, items: readonly T[], size: number, work: (item: T, index: number) => void) {
  job.report(0, items.length);
  for (let start = 0; start < items.length; start += size) {
    const end = Math.min(items.length, start + size);
    for (let index = start; index < end; index++) work(items[index], index);
    job.report(end);
    await job.pause();
  }
}
