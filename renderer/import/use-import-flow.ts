import { useCallback, useEffect, useState } from 'react';
import type { AppErrorData, Result } from '../../shared/api/result';
import type { ImportStatus } from '../../shared/domain/import';
import { api } from '../api/client';

const POLL_MS = 250;
const RUNNING = new Set(['reading', 'checking', 'committing']);

/** What every import flow (venues, scan counts) answers about itself. */
interface FollowedImport {
  importId: string;
  phase: string;
}

/** The venue import's status operation, for useImportStatus. */
export const venueImportStatus = (importId: string): Promise<Result<ImportStatus>> => api['imports.status']({ importId });

/**
 * Follows an import: while a step runs in main, asks for its progress a few times a
 * second (IPC and the bridge are request/answer, so the page polls). `poll` is the
 * flow's status operation; keep it a stable function (module level).
 */
export function useImportStatus<S extends FollowedImport>(poll: (importId: string) => Promise<Result<S>>) {
  const [status, setStatus] = useState<S | null>(null);
  const [failure, setFailure] = useState<AppErrorData | null>(null);

  const follow = useCallback((next: Result<S>) => {
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
    const timer = setInterval(() => void poll(importId).then(follow), POLL_MS);
    return () => clearInterval(timer);
  }, [running, importId, follow, poll]);

  return { status, failure, running, follow, reset: () => setStatus(null) };
}
