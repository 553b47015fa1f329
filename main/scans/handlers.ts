import type { scanOperations } from '../../shared/api/operations/scans';
import type { HandlerContext } from '../core/handlers';
import type { HandlersOf } from '../core/dispatcher';
import {
  assignScanRow,
  cancelScanImport,
  checkScanImport,
  commitScanImport,
  describeScanImportSheet,
  openScanImport,
  scanErrorReport,
  scanImportRows,
  scanImportStatus,
} from './import-service';
import { recordScanCount, venueScans } from './venue-scans';

/** The scans area's operations mapped to their services. */
export function scanHandlers(context: HandlerContext): HandlersOf<typeof scanOperations> {
  const { db, session } = context;
  return {
    'scans.open': (input) => openScanImport(context, input),
    'scans.status': ({ importId }) => scanImportStatus(context, importId),
    'scans.cancel': ({ importId }) => cancelScanImport(context, importId),
    'scans.describeSheet': (input) => describeScanImportSheet(context, input),
    'scans.check': (input) => checkScanImport(context, input),
    'scans.rows': (query) => scanImportRows(context, query),
    'scans.assign': (input) => assignScanRow(context, input),
    'scans.commit': (input) => commitScanImport(context, input),
    'scans.errorReport': ({ importId }) => scanErrorReport(context, importId),
    'scans.record': (input) => recordScanCount(db, session, input),
    'scans.forVenue': ({ venueId }) => venueScans(db, venueId),
  };
}
