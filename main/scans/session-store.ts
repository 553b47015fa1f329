import type { ScanImportSummary, ScanSheet } from '../../shared/domain/scans';
import type { FileSession } from '../import/file-session';
import { RecentJobs } from '../jobs/recent';
import type { CheckedScanFile } from './checked-file';

/** One scan import from file to commit, kept in memory between the steps of the flow. */
export interface ScanImportSession extends FileSession<ScanSheet> {
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
