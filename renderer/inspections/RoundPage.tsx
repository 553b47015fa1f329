import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Round, RoundDetail } from '../../shared/domain/inspections';
import { api } from '../api/client';
import { useOperation } from '../api/use-operation';
import { useMay } from '../session/use-may';
import { useUnits } from '../units/use-units';
import { formatDay } from './day';
import { hasOpenFindings } from '../../shared/domain/documents';
import { IssuedDocuments, ReminderButton, RoundDocuments } from '../documents/DocumentButtons';
import { FollowUpForm } from './FollowUpForm';
import { roundDates } from './round-text';
import { useInspectionErrorText } from './use-inspection-error-text';
import { useRoundVenues } from './use-round-venues';
import { VenuePicker } from './VenuePicker';
import { ConfirmDialog } from '../forms/ConfirmDialog';
import { Facts } from '../forms/Facts';

/**
 * One round: its venues and which were visited, "Ghi kết quả" for each, adding venues while
 * it is open, closing it (asking first when venues are left), and a follow-up round once closed.
 */
export function RoundPage() {
  const { t } = useTranslation();
  const errorText = useInspectionErrorText();
  const navigate = useNavigate();
  const { nameOf } = useUnits();
  const { id = '' } = useParams();
  const [revision, setRevision] = useState(0);
  const [updated, setUpdated] = useState<RoundDetail>();
  const [confirmClose, setConfirmClose] = useState(false);
  const [closing, setClosing] = useState(false);
  const [followUp, setFollowUp] = useState(false);
  const [failure, setFailure] = useState<string>();
  // Counts documents issued from this page, so the issued list reloads.
  const [issuedCount, setIssuedCount] = useState(0);
  const documentIssued = () => setIssuedCount((count) => count + 1);
  const issuedList = useOperation(() => api['documents.list']({ roundId: id }), [id, issuedCount]);
  const issued = issuedList?.ok ? issuedList.value : undefined;
  // Once issued, a document is reprinted from the list, never numbered again (main refuses it too).
  const hasIssued = (kind: 'round_record' | 'reminder', venueId: string | null = null) =>
    issued === undefined || issued.some((document) => document.kind === kind && document.venueId === venueId);
  const loaded = useOperation(() => api['rounds.get']({ id }), [id, revision]);
  const detail = updated?.round.id === id ? updated : loaded?.ok ? loaded.value : undefined;
  const venues = useRoundVenues(detail);
  // A round has one follow-up: once made, the round opens it instead of offering another.
  const rounds = useOperation(() => api['rounds.list']({}), [id, revision]);
  const existingFollowUp = rounds?.ok ? rounds.value.find((other) => other.followUpOf === id) : undefined;
  const may = {
    close: useMay('rounds.close'),
    followUp: useMay('rounds.followUp'),
    addVenues: useMay('rounds.addVenues'),
    recordVisit: useMay('visits.save'),
  };

  if (loaded?.ok === false) return <p className="error">{errorText(loaded.error)}</p>;
  // The previous round's answer stays until this one's comes (useOperation): never act on it.
  if (!detail || !venues || detail.round.id !== id) return null;
  const { round } = detail;
  const open = round.status === 'open';
  const unvisited = venues.filter((venue) => venue.visit === null).length;
  const planned = new Set(venues.map((venue) => venue.id));
  const reload = () => {
    setUpdated(undefined);
    setRevision((value) => value + 1);
  };

  async function close(withUnvisited: boolean) {
    if (unvisited > 0 && !withUnvisited) return setConfirmClose(true);
    setClosing(true);
    const result = await api['rounds.close']({ id: round.id, version: round.version, closeWithUnvisited: withUnvisited });
    setClosing(false);
    setConfirmClose(false);
    setFailure(result.ok ? undefined : errorText(result.error, 'close'));
    reload();
  }

  async function addVenues(venueIds: string[]) {
    const result = await api['rounds.addVenues']({ id: round.id, venueIds });
    if (result.ok) setUpdated(result.value);
    setFailure(result.ok ? undefined : errorText(result.error, 'round'));
  }

  const area = [nameOf(round.communeId), round.villageIds.map(nameOf).join(', ')].filter((part) => part !== '').join(': ');
  const facts: Array<[string, string]> = [
    [t('inspections.round.dates'), roundDates(round)],
    [t('inspections.form.purpose'), round.purpose],
    [t('inspections.round.area'), area],
    [t('inspections.team.title'), round.team.map((member) => member.name).join(', ')],
  ];

  return (
    <section className="round-page">
      <p>
        <Link to="/inspections">← {t('inspections.title')}</Link>
      </p>
      <div className="toolbar">
        <h1>
          {round.name} <span className={`status-badge round-${round.status}`}>{t(`inspections.status.${round.status}`)}</span>
        </h1>
        <div className="actions">
          {open && may.close && (
            <button type="button" onClick={() => void close(false)}>
              {t('inspections.round.close')}
            </button>
          )}
          {existingFollowUp && (
            <Link className="button" to={`/inspections/${existingFollowUp.id}`}>
              {t('confirm.followUp.open')}
            </Link>
          )}
          {!open && !existingFollowUp && rounds?.ok && !followUp && may.followUp && (
            <button type="button" className="primary" onClick={() => setFollowUp(true)}>
              {t('inspections.round.followUp')}
            </button>
          )}
        </div>
      </div>
      {confirmClose && (
        <ConfirmDialog
          title={t('confirm.close.title')}
          consequence={t('inspections.round.confirmClose', { count: unvisited })}
          confirm={t('inspections.round.closeAnyway')}
          cancel={t('inspections.round.keepOpen')}
          busy={closing}
          onConfirm={() => void close(true)}
          onCancel={() => setConfirmClose(false)}
        />
      )}
      {followUp && !existingFollowUp && <FollowUpForm round={round} onCancel={() => setFollowUp(false)} onCreated={(next: Round) => navigate(`/inspections/${next.id}`)} />}
      {failure && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
      {detail.visits.length > 0 && <RoundDocuments roundId={round.id} unvisited={unvisited} issued={hasIssued('round_record')} onIssued={documentIssued} />}
      {issuedList && <IssuedDocuments listed={issuedList} />}
      <Facts facts={facts}>
        {round.followUpOf && (
          <div className="fact">
            <dt>{t('inspections.round.followUpOf')}</dt>
            <dd>
              <EarlierRound id={round.followUpOf} />
            </dd>
          </div>
        )}
      </Facts>
      <h2>{t('inspections.round.venues')}</h2>
      <p className="muted" aria-live="polite">
        {t('inspections.round.progress', { visited: venues.length - unvisited, planned: venues.length, findings: round.findings })}
      </p>
      {venues.length === 0 ? (
        <p className="muted">{t('inspections.round.noVenues')}</p>
      ) : (
        <table className="simple-table round-venues">
          <thead>
            <tr>
              <th>{t('venues.columns.code')}</th>
              <th>{t('venues.columns.name')}</th>
              <th>{t('inspections.round.result')}</th>
              <th>
                <span className="visually-hidden">{t('inspections.round.record')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {venues.map((venue) => (
              <tr key={venue.id} className={venue.visit ? 'visited' : 'not-visited'}>
                <td className="nowrap">{venue.code}</td>
                <td>
                  <Link to={`/venues/${venue.id}`}>{venue.name}</Link>
                </td>
                <td>
                  {venue.visit
                    ? `${t('inspections.round.visited', { date: formatDay(venue.visit.visitedOn) })} · ${
                        venue.visit.findings.length === 0 ? t('inspections.round.noFindings') : t('inspections.round.findings', { count: venue.visit.findings.length })
                      }`
                    : venue.status === 'closed'
                      ? t('inspections.round.venueClosed')
                      : t('inspections.round.notVisited')}
                </td>
                <td>
                  <div className="row-actions">
                    {venue.visit ? (
                      <>
                        <Link to={`/inspections/${round.id}/visit/${venue.id}`} aria-label={t('inspections.round.viewAt', { name: venue.name })}>
                          {t('inspections.round.view')}
                        </Link>
                        {hasOpenFindings(detail, venue.id) && <ReminderButton roundId={round.id} venueId={venue.id} issued={hasIssued('reminder', venue.id)} onIssued={documentIssued} />}
                      </>
                    ) : (
                      open &&
                      may.recordVisit && (
                        <Link
                          className="button"
                          to={`/inspections/${round.id}/visit/${venue.id}`}
                          aria-label={t('inspections.round.recordAt', { name: venue.name })}
                        >
                          {t('inspections.round.record')}
                        </Link>
                      )
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && may.addVenues && (
        <details className="add-venues" open={venues.length === 0}>
          <summary>{t('inspections.round.addVenues')}</summary>
          <VenuePicker communeId={round.communeId} isAdded={(venueId) => planned.has(venueId)} onAdd={(more) => addVenues(more.map((venue) => venue.id))} />
        </details>
      )}
    </section>
  );
}

/** The round a follow-up goes back over, by name. */
function EarlierRound({ id }: { id: string }) {
  const earlier = useOperation(() => api['rounds.get']({ id }), [id]);
  return <Link to={`/inspections/${id}`}>{earlier?.ok ? earlier.value.round.name : '…'}</Link>;
}
