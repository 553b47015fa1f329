import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InputOf } from '../../shared/api/contract';
import type { AppErrorData } from '../../shared/api/result';
import type { DocumentRequest, IssuedDocument } from '../../shared/domain/documents';
import { formatDate } from '../../shared/text/date';
import { api } from '../api/client';
import { useErrorText } from '../api/use-error-text';
import { useOperation } from '../api/use-operation';
import { saveFile } from '../files/save-file';
import { useMay } from '../session/use-may';

/*
 * The round page's document buttons. A draft is viewed (and printed) from today's data;
 * issuing stores it under a number, and the issued list reprints it as it was issued.
 * Each button shows only where it applies: the record once the round has visits, a
 * reminder only for a venue with findings still open (RoundPage decides where).
 */

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

/** Issues a document (leaders and admins): the draft as it stands now gets its number and is stored. */
function IssueButton({ request, label, onIssued }: { request: DocumentRequest; label: string; onIssued: (issued: IssuedDocument) => void }) {
  const { t } = useTranslation();
  const may = useMay('documents.issue');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppErrorData>();
  if (!may) return null;
  async function issue() {
    setBusy(true);
    setFailure(undefined);
    const result = await api['documents.issue'](request);
    setBusy(false);
    if (result.ok) onIssued(result.value);
    else setFailure(result.error);
  }
  return (
    <>
      <button type="button" disabled={busy} title={t('documents.issueHint')} onClick={() => void issue()}>
        {busy ? t('documents.issuing') : label}
      </button>{' '}
      <Failure failure={failure} />
    </>
  );
}

/** For the round page once it has visits: the record's draft to view, and issuing it. */
export function RoundDocuments({ roundId, onIssued }: { roundId: string; onIssued: (issued: IssuedDocument) => void }) {
  const { t } = useTranslation();
  return (
    <span className="doc-buttons">
      <Link className="button" to={`/documents/round/${encodeURIComponent(roundId)}`}>
        {t('documents.recordDraft')}
      </Link>{' '}
      <IssueButton request={{ kind: 'round_record', roundId }} label={t('documents.issueRecord')} onIssued={onIssued} />
    </span>
  );
}

/** For a visited venue with findings still open: the reminder's draft to view, and issuing it. */
export function ReminderButton({ roundId, venueId, onIssued }: { roundId: string; venueId: string; onIssued: (issued: IssuedDocument) => void }) {
  const { t } = useTranslation();
  return (
    <span className="doc-buttons">
      <Link
        className="button"
        title={t('documents.reminderHint')}
        to={`/documents/reminder/${encodeURIComponent(roundId)}/${encodeURIComponent(venueId)}`}
      >
        {t('documents.reminderDraft')}
      </Link>{' '}
      <IssueButton request={{ kind: 'reminder', roundId, venueId }} label={t('documents.issueReminder')} onIssued={onIssued} />
    </span>
  );
}

/** Makes an issued document's PDF in main, from what was stored, and hands it to the browser's download. */
function ReprintButton({ input }: { input: InputOf<'documents.pdf'> }) {
  const { t } = useTranslation();
  const may = useMay('documents.pdf');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppErrorData>();
  if (!may) return null;
  async function download() {
    setBusy(true);
    setFailure(undefined);
    const result = await api['documents.pdf'](input);
    setBusy(false);
    if (result.ok) saveFile(result.value.fileName, result.value.mimeType, result.value.bytesBase64);
    else setFailure(result.error);
  }
  return (
    <>
      <button type="button" disabled={busy} onClick={() => void download()}>
        {busy ? t('documents.making') : t('documents.reprint')}
      </button>{' '}
      <Failure failure={failure} />
    </>
  );
}

/** The documents issued for the round, each viewed or reprinted exactly as it was issued. `revision` reloads the list. */
export function IssuedDocuments({ roundId, revision }: { roundId: string; revision: number }) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const listed = useOperation(() => api['documents.list']({ roundId }), [roundId, revision]);
  if (!listed) return null;
  if (!listed.ok) return <p className="error">{errorText(listed.error)}</p>;
  if (listed.value.length === 0) return null;
  return (
    <section aria-labelledby="issued-documents">
      <h2 id="issued-documents">{t('documents.issued.title')}</h2>
      <table className="simple-table">
        <thead>
          <tr>
            <th>{t('documents.issued.number')}</th>
            <th>{t('documents.issued.kind')}</th>
            <th>{t('documents.issued.issuedAt')}</th>
            <th>{t('documents.issued.issuedBy')}</th>
            <th>
              <span className="visually-hidden">{t('documents.issued.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {listed.value.map((issued) => (
            <tr key={issued.id}>
              <td className="nowrap">{issued.number}</td>
              <td>
                {t(`documents.issued.kinds.${issued.kind}`)}
                {issued.venueName && ` – ${issued.venueName}`}
              </td>
              <td className="nowrap">{formatDate(issued.issuedAt)}</td>
              <td>{issued.issuedByName ?? ''}</td>
              <td>
                <Link className="button" to={`/documents/issued/${encodeURIComponent(issued.id)}`} aria-label={t('documents.issued.viewNumber', { number: issued.number })}>
                  {t('documents.issued.view')}
                </Link>{' '}
                <ReprintButton input={{ documentId: issued.id }} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
