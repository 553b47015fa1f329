import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../shared/api/result';
import { api } from '../api/client';
import { saveFile } from '../files/save-file';
import { ErrorMessage } from '../forms/ErrorMessage';
import { useFileSize } from './file-size';
import { useExchangeErrorText } from './use-exchange-error-text';

/**
 * "Lập gói trả về" on a commune's row (an upper office): this office's own inspections
 * of that commune's venues, signed, and its .diemqr file saved at once to send down.
 */
export function ReturnPackageButton({ communeId, communeName }: { communeId: string; communeName: string }) {
  const { t } = useTranslation();
  const fileSize = useFileSize();
  const errorText = useExchangeErrorText();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppErrorData>();
  const [ready, setReady] = useState<string>();

  async function make() {
    setBusy(true);
    setReady(undefined);
    const prepared = await api['exchange.prepareReturn']({ communeId, fullPhotos: false });
    const file = prepared.ok ? await api['exchange.download']({ sequence: prepared.value.sequence }) : prepared;
    setBusy(false);
    setFailure(file.ok ? undefined : file.error);
    if (!prepared.ok || !file.ok) return;
    saveFile(file.value.fileName, file.value.mimeType, file.value.bytesBase64);
    setReady(t('exchange.returnPackage.ready', { sequence: prepared.value.sequence, commune: communeName, size: fileSize(prepared.value.bytes) }));
  }

  return (
    <>
      <button type="button" disabled={busy} onClick={() => void make()}>
        {busy ? t('exchange.returnPackage.making') : t('exchange.returnPackage.make')}
      </button>
      <ErrorMessage error={failure && errorText(failure)} />
      {ready && <p role="status">{ready}</p>}
    </>
  );
}
