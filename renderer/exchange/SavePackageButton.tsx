import { useState } from 'react';
import type { AppErrorData } from '../../shared/api/result';
import { api } from '../api/client';
import { saveFile } from '../files/save-file';
import { ErrorMessage } from '../forms/ErrorMessage';
import { useExchangeErrorText } from './use-exchange-error-text';

interface Props {
  sequence: number;
  label: string;
  /** The package just prepared: its save is the page's next step. */
  primary?: boolean;
}

/** Saves a prepared package's .diemqr file through the browser's download; the page never names a path. */
export function SavePackageButton({ sequence, label, primary }: Props) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppErrorData>();
  const errorText = useExchangeErrorText();
  async function save() {
    setBusy(true);
    const file = await api['exchange.download']({ sequence });
    setBusy(false);
    setFailure(file.ok ? undefined : file.error);
    if (file.ok) saveFile(file.value.fileName, file.value.mimeType, file.value.bytesBase64);
  }
  return (
    <>
      <button type="button" className={primary ? 'primary' : undefined} disabled={busy} onClick={() => void save()}>
        {label}
      </button>
      <ErrorMessage error={failure && errorText(failure)} />
    </>
  );
}
