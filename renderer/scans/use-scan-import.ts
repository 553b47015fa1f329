import { useCallback, useEffect, useState } from 'react';
import type { AppErrorData, Result } from '../../shared/api/result';
import type { ScanImportStatus } from '../../shared/domain/scans';
import { api } from '../api/client';

const POLL_MS = 250;
const RUNNING = new Set(['reading', 'checking', 'committing']);

/** Follows a scan import: while a step runs in main, asks for its progress a few times a second. */
export function useScanImport() {
  const [status, setStatus] = useState<ScanImportStatus | null>(null);
  const [failure, setFailure] = useState<AppErrorData | null>(null);

  const follow = useCallback((next: Result<ScanImportStatus>) => {
    if (next.ok) {
      setStatus(next.value);
      setFailure(null);
    } else {
      setFailure(next.error);
    }
  }, []);

  const running = status !== null && RUNNING.has(status.phase);
  const importId = status?.importId;
  useEffect(() => {
    if (!running || !importId) return;
    const timer = setInterval(() => void api['scans.status']({ importId }).then(follow), POLL_MS);
    return () => clearInterval(timer);
  }, [running, importId, follow]);

  return { status, failure, running, follow, reset: () => setStatus(null) };
}
