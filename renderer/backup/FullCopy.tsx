import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../shared/api/result';
import { FULL_COPY_LIMIT_BYTES } from '../../shared/domain/backups';
import { api } from '../api/client';
import { useErrorText } from '../api/use-error-text';
import { readFileAsBase64 } from '../files/file-base64';
import { saveFile } from '../files/save-file';
import { ConfirmDialog } from '../forms/ConfirmDialog';
import { ErrorMessage } from '../forms/ErrorMessage';
import { useMay } from '../session/use-may';

const REFUSALS = ['damaged', 'foreign', 'newer'] as const;

/** Main names why a full copy was refused (damaged, foreign, newer): that sentence, else the code's. */
function useRefusalText() {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  return (error: AppErrorData): string => {
    const refusal = REFUSALS.find((reason) => error.sentence?.key === `backups.fullCopy.refused.${reason}`);
    return refusal ? t(`backups.fullCopy.refused.${refusal}`) : errorText(error);
  };
}

/**
 * "Xuất bản sao đầy đủ" saves the whole office (data, keys, photos) as one .diemqr-backup
 * file; "Mở bản sao đầy đủ" opens one on this PC after a confirmation: main checks it whole,
 * backs up the current state, then restores it. `openOnly` is the first-run set-up page's
 * offer: a new PC has nothing to export yet.
 */
export function FullCopy({ openOnly = false }: { openOnly?: boolean }) {
  const { t } = useTranslation();
  const refusalText = useRefusalText();
  const mayExport = useMay('backups.exportFull');
  const mayOpen = useMay('backups.openFull');
  const [busy, setBusy] = useState<'export' | 'open' | null>(null);
  const [exported, setExported] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const [chosen, setChosen] = useState<File | null>(null);

  async function exportCopy() {
    setBusy('export');
    setExported(false);
    const file = await api['backups.exportFull']({});
    setRefusal(file.ok ? undefined : refusalText(file.error));
    if (file.ok) {
      saveFile(file.value.fileName, file.value.mimeType, file.value.bytesBase64);
      setExported(true);
    }
    setBusy(null);
  }

  function choose(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0] ?? null;
    // Cleared at once, so choosing the same file again fires a change.
    input.value = '';
    setRefusal(file && file.size > FULL_COPY_LIMIT_BYTES ? t('backups.fullCopy.tooBig', { megabytes: FULL_COPY_LIMIT_BYTES / 1024 / 1024 }) : undefined);
    if (file && file.size <= FULL_COPY_LIMIT_BYTES) setChosen(file);
  }

  async function open(file: File) {
    setBusy('open');
    try {
      const result = await api['backups.openFull']({ fileName: file.name, bytesBase64: await readFileAsBase64(file) });
      // The app opened again on the copy, nobody working: start afresh, as after a restart.
      if (result.ok) return window.location.reload();
      setRefusal(refusalText(result.error));
    } catch {
      setRefusal(t('backups.fullCopy.unreadable'));
    }
    setBusy(null);
    setChosen(null);
  }

  if (!mayOpen && !mayExport) return null;
  return (
    <div>
      <h3>{t('backups.fullCopy.title')}</h3>
      <p className="muted">{t('backups.fullCopy.intro')}</p>
      {!openOnly && mayExport && (
        <button type="button" disabled={busy !== null} onClick={() => void exportCopy()}>
          {busy === 'export' ? t('backups.fullCopy.exporting') : t('backups.fullCopy.export')}
        </button>
      )}
      {mayOpen && (
        <label className={busy ? 'button disabled' : 'button'}>
          {busy === 'open' ? t('backups.fullCopy.opening') : t('backups.fullCopy.open')}
          <input className="visually-hidden" type="file" accept=".diemqr-backup" disabled={busy !== null} onChange={choose} />
        </label>
      )}
      {exported && <p>{t('backups.fullCopy.exported')}</p>}
      <ErrorMessage error={refusal} />
      {chosen && (
        <ConfirmDialog
          title={t('backups.fullCopy.confirmTitle', { name: chosen.name })}
          consequence={t('backups.fullCopy.consequence')}
          confirm={t('backups.fullCopy.confirm')}
          cancel={t('confirm.cancel')}
          busy={busy === 'open'}
          onConfirm={() => void open(chosen)}
          onCancel={() => setChosen(null)}
        />
      )}
    </div>
  );
}
