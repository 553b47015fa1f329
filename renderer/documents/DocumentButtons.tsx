import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InputOf } from '../../shared/api/contract';
import type { AppErrorData, Result } from '../../shared/api/result';
import type { DocumentRequest, IssuedDocumentSummary } from '../../shared/domain/documents';
import { formatDate } from '../../shared/text/date';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { useErrorText } from '../api/use-error-text';
import { saveFile } from '../files/save-file';
import { ConfirmDialog } from '../forms/ConfirmDialog';
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

interface IssueProps {
  request: DocumentRequest;
  label: string;
  /** What issuing does for good, in words, asked before the number is given. */
  consequence: string;
  onIssued(): void;
}

/** Issues a document (leaders and admins) once confirmed: the draft as it stands now gets its number and is stored. */
function IssueButton({ request, label, consequence, onIssued }: IssueProps) {
  const { t } = useTranslation();
  const may = useMay('documents.issue');
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const { failure, run } = useAction({ onSuccess: onIssued });
  if (!may) return null;
  async function issue() {
    setBusy(true);
    await run(api['documents.issue'](request));
    setBusy(false);
    setAsking(false);
  }
  return (
    <>
      <button type="button" disabled={busy} title={t('documents.issueHint')} onClick={() => setAsking(true)}>
        {busy ? t('documents.issuing') : label}
      </button>{' '}
      {asking && (
        <ConfirmDialog
          title={label}
          consequence={consequence}
          confirm={t('documents.issueConfirm')}
          cancel={t('documents.issueCancel')}
          busy={busy}
          onConfirm={() => void issue()}
          onCancel={() => setAsking(false)}
        />
      )}
      <Failure failure={failure} />
    </>
  );
}

interface RoundDocumentsProps {
  roundId: string;
  /** Venues of the round not visited yet: said before the record is issued. */
  unvisited: number;
  /** The round's record is issued already: it is reprinted from the list, not issued again. */
  issued: boolean;
  onIssued(): void;
}

/** For the round page once it has visits: the record's draft to view, and issuing it (once). */
export function RoundDocuments({ roundId, unvisited, issued, onIssued }: RoundDocumentsProps) {
  const { t } = useTranslation();
  const consequence = [t('documents.issueRecordConsequence'), unvisited > 0 ? t('documents.issueUnvisited', { count: unvisited }) : ''].filter(Boolean).join(' ');
  return (
    <span className="doc-buttons">
      <Link className="button" to={`/documents/round/${encodeURIComponent(roundId)}`}>
        {t('documents.recordDraft')}
      </Link>{' '}
      {!issued && <IssueButton request={{ kind: 'round_record', roundId }} label={t('documents.issueRecord')} consequence={consequence} onIssued={onIssued} />}
    </span>
  );
}

/** For a visited venue with findings still open: the reminder's draft to view, and issuing it. */
export function ReminderButton({ roundId, venueId, issued, onIssued }: { roundId: string; venueId: string; issued: boolean; onIssued(): void }) {
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
      {!issued && (
        <IssueButton request={{ kind: 'reminder', roundId, venueId }} label={t('documents.issueReminder')} consequence={t('documents.issueReminderConsequence')} onIssued={onIssued} />
      )}
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

/** The documents issued for the round (the page reads them), each viewed or reprinted exactly as it was issued. */
export function IssuedDocuments({ listed }: { listed: Result<IssuedDocumentSummary[]> }) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
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
