import type { ImportPhase } from '../../shared/domain/import';
import type { ScanImportSummary, ScanSheet } from '../../shared/domain/scans';
import type { RawSheet } from '../import/read-file';
import type { Job } from '../jobs/job';
import { RecentJobs } from '../jobs/recent';
import type { CheckedScanFile } from './checked-file';

/** One scan import from file to commit, kept in memory between the steps of the flow. */
export interface ScanImportSession {
  id: string;
  fileName: string;
  phase: ImportPhase;
  job: Job;
  error: { code: string; message: string } | null;
  raw: RawSheet[];
  sheets: ScanSheet[];
  checked: CheckedScanFile | null;
  /** The newest scan source when the rows were checked: a later one makes the check stale. */
  checkedAgainst: string | null;
  summary: ScanImportSummary | null;
}

/** The three most recent scan imports; their rows can be large. */
export class ScanImports extends RecentJobs<ScanImportSession> {
  constructor() {
    super(3, 'Không còn phiên nhập số lượt quét này; hãy chọn lại tệp.');
  }
}
