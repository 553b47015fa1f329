import { useCallback, useEffect, useState } from 'react';
import type { AppErrorData, Result } from '../../shared/api/result';
import { IMPORT_LIMITS, type ImportPhase } from '../../shared/domain/import';
import { readFileAsBase64 } from '../files/file-base64';
import { saveFile } from '../files/save-file';

const POLL_MS = 250;

/** The phases in which a step runs in main, with progress to show and a cancel to offer. */
type RunningPhase = Extract<ImportPhase, 'reading' | 'checking' | 'committing'>;
export const isRunning = (phase: ImportPhase): phase is RunningPhase => phase === 'reading' || phase === 'checking' || phase === 'committing';

/** What every import flow (venues, scan counts) answers about itself. */
interface FollowedImport {
  importId: string;
  phase: ImportPhase;
  sheets: readonly unknown[];
}

interface ErrorReport {
  fileName: string;
  mimeType: string;
  bytesBase64: string;
}

/** The operations every import flow has, each flow its own: keep the object stable (module level). */
export interface ImportOperations<S extends FollowedImport> {
  open(file: { fileName: string; bytesBase64: string }): Promise<Result<S>>;
  status(importId: string): Promise<Result<S>>;
  cancel(importId: string): Promise<Result<S>>;
  errorReport(importId: string): Promise<Result<ErrorReport>>;
}

/**
 * Follows an import from the file chosen to the summary: while a step runs in main, asks
 * for its progress a few times a second (IPC and the bridge are request/answer, so the
 * page polls). The steps between (mapping, checking, committing) are the flow's own.
 */
export function useImportFlow<S extends FollowedImport>(operations: ImportOperations<S>) {
  const [status, setStatus] = useState<S | null>(null);
  const [failure, setFailure] = useState<AppErrorData | null>(null);
  const [tooBig, setTooBig] = useState(false);

  const follow = useCallback((next: Result<S>) => {
    if (next.ok) {
      setStatus(next.value);
      setFailure(null);
    } else {
      setFailure(next.error);
    }
  }, []);

  const running = status !== null && isRunning(status.phase);
  const importId = status?.importId;
  useEffect(() => {
    if (!running || !importId) return;
    const timer = setInterval(() => void operations.status(importId).then(follow), POLL_MS);
    return () => clearInterval(timer);
  }, [running, importId, follow, operations]);

  /** A new file: the last import is let go, and a file over the limit refused before it is read; `forget` clears the page's choices for the last file. */
  async function open(file: File, forget: () => void) {
    setStatus(null);
    setTooBig(file.size > IMPORT_LIMITS.bytes);
    if (file.size > IMPORT_LIMITS.bytes) return;
    forget();
    follow(await operations.open({ fileName: file.name, bytesBase64: await readFileAsBase64(file) }));
  }

  const cancel = () => {
    if (status) void operations.cancel(status.importId).then(follow);
  };

  async function downloadErrors() {
    if (!status) return;
    const report = await operations.errorReport(status.importId);
    if (report.ok) saveFile(report.value.fileName, report.value.mimeType, report.value.bytesBase64);
  }

  // The mapping shows once the file is read, stays above the checked rows, and stays after a cancel if the file was read.
  const mapping = status !== null && (status.phase === 'read' || status.phase === 'checked' || (status.phase === 'cancelled' && status.sheets.length > 0));

  return { status, failure, tooBig, running, mapping, follow, open, cancel, downloadErrors };
}
