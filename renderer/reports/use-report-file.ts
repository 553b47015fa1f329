import { useState } from 'react';
import type { AppErrorData } from '../../shared/api/result';
import { api } from '../api/client';
import { saveFile } from '../files/save-file';

export type ReportFileKind = 'pdf' | 'docx' | 'xlsx';

const OPERATIONS = { pdf: 'reports.pdf', docx: 'reports.docx', xlsx: 'reports.xlsx' } as const;

/** Makes one of an issued report's files in main and hands it to the download; keeps the refusal to show. */
export function useReportFile() {
  const [busy, setBusy] = useState<ReportFileKind | null>(null);
  const [failure, setFailure] = useState<AppErrorData>();
  async function download(kind: ReportFileKind, id: string) {
    setBusy(kind);
    setFailure(undefined);
    const result = await api[OPERATIONS[kind]]({ id });
    setBusy(null);
    if (result.ok) saveFile(result.value.fileName, result.value.mimeType, result.value.bytesBase64);
    else setFailure(result.error);
  }
  return { busy, failure, download };
}
