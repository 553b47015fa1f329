import { api } from '../api/client';
import { useImportStatus } from '../import/use-import-status';

const scanImportStatus = (importId: string) => api['scans.status']({ importId });

/** Follows a scan import the way the venue import is followed. */
export const useScanImport = () => useImportStatus(scanImportStatus);
