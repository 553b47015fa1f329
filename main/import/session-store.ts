import type { ImportCounts, ImportField, ImportPhase, ImportSheet, ImportSummary, NewVillages } from '../../shared/domain/import';
import { RecentJobs } from '../jobs/recent';
import type { CheckedRow, ColumnPlan } from './check-rows';
import type { FileSession } from './file-session';
import type { RawSheet } from './read-file';

/** One import from file to commit, kept in memory between the steps of the flow. */
export interface ImportSession extends FileSession<ImportSheet> {
  /** The checked rows of the chosen sheet, its header cells and the fields mapped, for commit and error report. */
  checked: CheckedRow[];
  checkedSheet: RawSheet | null;
  /** The columns as mapped at the check: a compacted row's preview cells are read again with them. */
  columns: ColumnPlan[];
  /** As chosen at the check; a compacted row is checked again with it at commit. */
  createMissingVillages: boolean;
  headers: string[];
  mapped: Set<ImportField>;
  counts: ImportCounts | null;
  /** The villages the checked rows would create, listed before the commit. */
  newVillages: NewVillages | null;
  summary: ImportSummary | null;
}

const RUNNING: readonly ImportPhase[] = ['reading', 'checking', 'committing'];

/**
 * The latest import only (its rows can be large): opening another file lets the earlier
 * one go, unless a step of it is still running, which is never dropped halfway.
 */
export class ImportSessions extends RecentJobs<ImportSession> {
  constructor() {
    super(1, 'Không còn phiên nhập này; hãy chọn lại tệp.', (s) => RUNNING.includes(s.phase));
  }
}
