import { useCallback, useEffect, useState } from 'react';
import type { AppErrorData } from '../../shared/api/result';
import type { ImportStatus } from '../../shared/domain/import';
import { api } from '../api/client';

const POLL_MS = 250;
const RUNNING = new Set(['reading', 'checking', 'committing']);

/**
 * Follows an import: while a step runs in main, asks for its progress a few times a
 * second (IPC and the bridge are request/answer, so the page polls).
 */
export function useImportStatus() {
  const [status, setStatus] = useState<ImportStatus | null>(null);
  const [failure, setFailure] = useState<AppErrorData | null>(null);

  const follow = useCallback((next: { ok: true; value: ImportStatus } | { ok: false; error: AppErrorData }) => {
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
    const timer = setInterval(() => void api['imports.status']({ importId }).then(follow), POLL_MS);
    return () => clearInterval(timer);
  }, [running, importId, follow]);

  return { status, failure, running, follow, reset: () => setStatus(null) };
}
