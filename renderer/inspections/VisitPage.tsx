import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Visit } from '../../shared/domain/inspections';
import { api } from '../api/client';
import { useErrorText } from '../api/use-error-text';
import { useOperation } from '../api/use-operation';
import { VisitEntry } from './VisitEntry';
import { VisitResult } from './VisitResult';
import { nextUnvisited, useRoundVenues } from './use-round-venues';

/**
 * "Ghi kết quả" for one venue of a round, then straight on to the next venue not yet
 * visited: after a round the team types its notes venue after venue without a mouse.
 */
export function VisitPage() {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const navigate = useNavigate();
  const { id = '', venueId = '' } = useParams();
  const [revision, setRevision] = useState(0);
  const [justSaved, setJustSaved] = useState<Visit | null>(null);
  const detail = useOperation(() => api['rounds.get']({ id }), [id, revision]);
  const venue = useOperation(() => api['venues.get']({ id: venueId }), [venueId]);
  const venues = useRoundVenues(detail?.ok ? detail.value : undefined);

  if (detail?.ok === false) return <p className="error">{errorText(detail.error)}</p>;
  if (venue?.ok === false) return <p className="error">{errorText(venue.error)}</p>;
  // useOperation keeps the previous answer until the new one comes: the last venue's points must not fill this form.
  if (!detail || !venue || !venues || venue.value.venue.id !== venueId || detail.value.round.id !== id) return null;

  const { round, visits } = detail.value;
  const { venue: place, postingPoints } = venue.value;
  const saved = visits.find((visit) => visit.venueId === venueId) ?? (justSaved?.venueId === venueId ? justSaved : null);
  const position = venues.findIndex((entry) => entry.id === venueId);
  const next = nextUnvisited(venues, venueId);
  const goNext = () => next && navigate(`/inspections/${round.id}/visit/${next.id}`);

  return (
    <section className="visit-page">
      <p>
        <Link to={`/inspections/${round.id}`}>← {round.name}</Link>
      </p>
      <div className="toolbar">
        <h1>
          {t('inspections.visit.title')}: {place.name} <span className="muted">{place.code}</span>
        </h1>
        {position >= 0 && <span className="muted">{t('inspections.visit.position', { index: position + 1, total: venues.length })}</span>}
      </div>
      {place.address && <p className="muted">{place.address}</p>}
      {saved ? (
        <>
          {justSaved?.venueId === venueId && (
            <p className="notice" role="status">
              {justSaved.findings.length === 0
                ? t('inspections.visit.savedClean', { name: place.name })
                : t('inspections.visit.saved', { name: place.name, count: justSaved.findings.length })}
            </p>
          )}
          <VisitResult visit={saved} />
          <div className="actions next-venue">
            {next ? (
              <button type="button" className="primary" autoFocus onClick={goNext}>
                {t('inspections.visit.next', { name: next.name })}
              </button>
            ) : (
              <p className="muted">{t('inspections.visit.allDone')}</p>
            )}
            <Link className="button" to={`/inspections/${round.id}`}>
              {t('inspections.visit.backToRound')}
            </Link>
          </div>
        </>
      ) : (
        <VisitEntry
          key={venueId}
          round={round}
          venue={place}
          postingPoints={postingPoints.filter((point) => !point.retired)}
          onSaved={(visit) => {
            setJustSaved(visit);
            setRevision((value) => value + 1);
          }}
        />
      )}
    </section>
  );
}
