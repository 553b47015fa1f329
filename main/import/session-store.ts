import type { ImportCounts, ImportField, ImportSheet, ImportSummary } from '../../shared/domain/import';
import { RecentJobs } from '../jobs/recent';
import type { CheckedRow } from './check-rows';
import type { FileSession } from './file-session';
import type { RawSheet } from './read-file';

/** One import from file to commit, kept in memory between the steps of the flow. */
export interface ImportSession extends FileSession<ImportSheet> {
  /** The checked rows of the chosen sheet, its header cells and the fields mapped, for commit and error report. */
  checked: CheckedRow[];
  checkedSheet: RawSheet | null;
  headers: string[];
  mapped: Set<ImportField>;
  counts: ImportCounts | null;
  summary: ImportSummary | null;
}

/** The three most recent imports; their rows can be large. */
export class ImportSessions extends RecentJobs<ImportSession> {
  constructor() {
    super(3, 'Không còn phiên nhập này; hãy chọn lại tệp.');
  }
}
