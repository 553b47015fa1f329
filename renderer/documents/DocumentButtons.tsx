import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InputOf } from '../../shared/api/contract';
import type { AppErrorData } from '../../shared/api/result';
import { api } from '../api/client';
import { useErrorText } from '../api/use-error-text';
import { saveFile } from '../files/save-file';
import { useMay } from '../session/use-may';

/**
 * Makes a document's PDF in main and hands it to the browser's download; keeps the refusal
 * to show. `may`: whether this person may make PDFs at all (the on-screen view is for everyone).
 */
function usePdfDownload() {
  const may = useMay('documents.pdf');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppErrorData>();
  async function download(input: InputOf<'documents.pdf'>) {
    setBusy(true);
    setFailure(undefined);
    const result = await api['documents.pdf'](input);
    setBusy(false);
    if (result.ok) saveFile(result.value.fileName, result.value.mimeType, result.value.bytesBase64);
    else setFailure(result.error);
  }
  return { may, busy, failure, download };
}

function Failure({ failure }: { failure: AppErrorData | undefined }) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  if (!failure) return null;
  // A reminder for a venue with nothing left to put right, or not visited in this round.
  const text = failure.code === 'INVALID_INPUT' && failure.field === 'venueId' ? t('documents.nothingToRemind') : errorText(failure);
  return (
    <span className="error" role="alert">
      {text}
    </span>
  );
}

/** For the round page: the inspection record (biên bản kiểm tra) as PDF, or opened to print. */
export function RoundDocuments({ roundId }: { roundId: string }) {
  const { t } = useTranslation();
  const { may, busy, failure, download } = usePdfDownload();
  return (
    <span className="doc-buttons">
      {may && (
        <>
          <button type="button" disabled={busy} onClick={() => void download({ kind: 'round_record', roundId })}>
            {busy ? t('documents.making') : t('documents.recordPdf')}
          </button>{' '}
        </>
      )}
      <Link className="button" to={`/documents/round/${encodeURIComponent(roundId)}`}>
        {t('documents.recordView')}
      </Link>{' '}
      <Failure failure={failure} />
    </span>
  );
}

/** For a visited venue in the round page: the reminder notice (giấy nhắc nhở) for its owner, as PDF. */
export function ReminderButton({ roundId, venueId }: { roundId: string; venueId: string }) {
  const { t } = useTranslation();
  const { may, busy, failure, download } = usePdfDownload();
  return (
    <span className="doc-buttons">
      {may && (
        <>
          <button
            type="button"
            disabled={busy}
            title={t('documents.reminderHint')}
            onClick={() => void download({ kind: 'reminder', roundId, venueId })}
          >
            {busy ? t('documents.making') : t('documents.reminderPdf')}
          </button>{' '}
        </>
      )}
      <Link className="button" to={`/documents/reminder/${encodeURIComponent(roundId)}/${encodeURIComponent(venueId)}`}>
        {t('documents.reminderView')}
      </Link>{' '}
      <Failure failure={failure} />
    </span>
  );
}
