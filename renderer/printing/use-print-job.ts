import { useCallback, useEffect, useState } from 'react';
import type { AppErrorData } from '../../shared/api/result';
import type { PrintJob, PrintJobStatus } from '../../shared/domain/posters';
import { api } from '../api/client';

const POLL_MS = 300;

/** A print job and, while its PDF is being made, the progress polled from main. */
export function usePrintJob() {
  const [job, setJob] = useState<PrintJob | null>(null);
  const [status, setStatus] = useState<PrintJobStatus | null>(null);
  const [failure, setFailure] = useState<AppErrorData | null>(null);

  const take = useCallback((result: { ok: true; value: PrintJobStatus } | { ok: false; error: AppErrorData }) => {
    if (result.ok) setStatus(result.value);
    else setFailure(result.error);
  }, []);

  const rendering = status?.phase === 'rendering';
  const jobId = job?.jobId;
  useEffect(() => {
    if (!rendering || !jobId) return;
    const timer = setInterval(() => void api['posters.status']({ jobId }).then(take), POLL_MS);
    return () => clearInterval(timer);
  }, [rendering, jobId, take]);

  return {
    job,
    status,
    failure,
    start(next: PrintJob) {
      setJob(next);
      setStatus(null);
      setFailure(null);
    },
    fail: setFailure,
    exportPdf: async () => jobId && take(await api['posters.exportPdf']({ jobId })),
    cancel: async () => jobId && take(await api['posters.cancel']({ jobId })),
  };
}
