import type { ImportCounts, ImportField, ImportPhase, ImportSheet, ImportSummary } from '../../shared/domain/import';
import { AppError } from '../../shared/api/result';
import type { Job } from '../jobs/job';
import type { CheckedRow } from './check-rows';
import type { RawSheet } from './read-file';

/** One import from file to commit, kept in memory between the steps of the flow. */
export interface ImportSession {
  id: string;
  fileName: string;
  phase: ImportPhase;
  job: Job;
  error: { code: string; message: string } | null;
  raw: RawSheet[];
  sheets: ImportSheet[];
  /** The checked rows of the chosen sheet, its header cells and the fields mapped, for commit and error report. */
  checked: CheckedRow[];
  checkedSheet: RawSheet | null;
  headers: string[];
  mapped: Set<ImportField>;
  counts: ImportCounts | null;
  summary: ImportSummary | null;
}

/** The few most recent imports; older ones are dropped (their rows can be large). */
const KEEP = 3;

export class ImportSessions {
  private readonly sessions = new Map<string, ImportSession>();

  add(session: ImportSession): void {
    this.sessions.set(session.id, session);
    while (this.sessions.size > KEEP) this.sessions.delete(this.sessions.keys().next().value!);
  }

  get(id: string): ImportSession {
    const session = this.sessions.get(id);
    if (!session) throw new AppError('NOT_FOUND', 'Không còn phiên nhập này; hãy chọn lại tệp.');
    return session;
  }
}
