import { AppError } from '../../shared/api/result';
import type { Job } from './job';

/**
 * The few most recent long jobs of one kind, by id: an import or a print holds large data
 * (a sheet of 200,000 rows, a PDF of thousands of pages), so older ones are dropped.
 */
export class RecentJobs<T extends { id: string; job: Job }> {
  private readonly jobs = new Map<string, T>();

  constructor(
    private readonly keep: number,
    /** What the clerk is told when a job is gone, e.g. "choose the file again". */
    private readonly goneMessage: string,
    /** A job still at work is kept past the limit (dropping it would orphan a running step); it goes at a later add. */
    private readonly isAtWork: (job: T) => boolean = () => false,
  ) {}

  add(job: T): void {
    this.jobs.set(job.id, job);
    const droppable = [...this.jobs.values()].filter((kept) => kept !== job && !this.isAtWork(kept));
    for (const old of droppable.slice(0, Math.max(0, this.jobs.size - this.keep))) this.jobs.delete(old.id);
  }

  get(id: string): T {
    const job = this.jobs.get(id);
    if (!job) throw new AppError('NOT_FOUND', this.goneMessage);
    return job;
  }

  /** Asks every kept job to stop at its next pause (the app is closing). */
  cancelAll(): void {
    for (const kept of this.jobs.values()) kept.job.cancel();
  }
}
