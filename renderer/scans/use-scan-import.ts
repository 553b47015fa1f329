import type { ScanImportStatus } from '../../shared/domain/scans';
import { api } from '../api/client';
import { useImportFlow, type ImportOperations } from '../import/use-import-flow';

const scanImport: ImportOperations<ScanImportStatus> = {
  open: (file) => api['scans.open'](file),
  status: (importId) => api['scans.status']({ importId }),
  cancel: (importId) => api['scans.cancel']({ importId }),
  errorReport: (importId) => api['scans.errorReport']({ importId }),
};

/** Follows a scan import the way the venue import is followed. */
export const useScanImport = () => useImportFlow(scanImport);
