import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AppErrorData } from '../../shared/api/result';
import type { VenueStatus } from '../../shared/domain/venue';
import { formatDate } from '../../shared/text/date';
import { api } from '../api/client';
import { useErrorText } from '../api/use-error-text';
import { useOperation } from '../api/use-operation';
import { AuditHistory } from '../audit/AuditHistory';
import { VenueCodes } from '../codes/VenueCodes';
import { VenueFindings } from '../inspections/VenueFindings';
import { VenueScans } from '../scans/VenueScans';
import { ErrorMessage } from '../forms/ErrorMessage';
import { useMay } from '../session/use-may';
import { useUnits } from '../units/use-units';
import { PostingPoints } from './PostingPoints';
import { Facts } from '../forms/Facts';

/** Status changes a venue offers from each status: close and reopen, or suspend. */
const NEXT_STATUSES: Record<VenueStatus, VenueStatus[]> = {
  active: ['suspended', 'closed'],
  suspended: ['active', 'closed'],
  closed: ['active'],
};

export function VenuePage() {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const { nameOf } = useUnits();
  const { id = '' } = useParams();
  const [revision, setRevision] = useState(0);
  const [failure, setFailure] = useState<AppErrorData>();
  const detail = useOperation(() => api['venues.get']({ id }), [id, revision]);
  const reload = () => setRevision((value) => value + 1);
  const mayEdit = useMay('venues.update');
  const mayChangeStatus = useMay('venues.setStatus');

  if (detail?.ok === false) return <p className="error">{errorText(detail.error)}</p>;
  if (!detail) return null;
  const { venue, postingPoints } = detail.value;
  // At an upper office a received commune's venue is that commune's to change (main refuses any edit).
  const editable = venue.receivedFrom === null;

  async function changeStatus(status: VenueStatus) {
    const result = await api['venues.setStatus']({ id: venue.id, version: venue.version, status });
    setFailure(result.ok ? undefined : result.error);
    reload();
  }

  const facts: Array<[string, string]> = [
    [t('fields.type'), t(`venueType.${venue.type}`)],
    [t('fields.ownerName'), venue.ownerName],
    [t('fields.phones'), venue.phones.join(', ')],
    [t('fields.address'), venue.address],
    [t('fields.villageId'), nameOf(venue.villageId)],
    [t('fields.communeId'), nameOf(venue.communeId)],
    [t('fields.businessRegNo'), venue.businessRegNo],
    [t('fields.notes'), venue.notes],
    [t('venuePage.coordinates'), venue.latitude === null ? '' : `${venue.latitude}, ${venue.longitude ?? ''}`],
    [t('venuePage.created'), formatDate(venue.createdAt)],
    [t('venuePage.updated'), formatDate(venue.updatedAt)],
  ];

  return (
    <section>
      <p>
        <Link to="/venues">← {t('venuePage.back')}</Link>
      </p>
      <div className="toolbar">
        <h1>
          {venue.name} <span className="muted">{venue.code}</span>
        </h1>
        <div className="actions">
          {mayEdit && editable && (
            <Link className="button" to={`/venues/${venue.id}/edit`}>
              {t('venuePage.edit')}
            </Link>
          )}
          {mayChangeStatus &&
            editable &&
            NEXT_STATUSES[venue.status].map((status) => (
              <button key={status} type="button" onClick={() => void changeStatus(status)}>
                {t(`venuePage.setStatus.${status}`)}
              </button>
            ))}
        </div>
      </div>
      <p className={`status-badge status-${venue.status}`}>{t(`venueStatus.${venue.status}`)}</p>
      {venue.receivedFrom && (
        <p className="notice" role="note">
          {t('venuePage.receivedFrom', { commune: venue.receivedFrom.communeName })}
        </p>
      )}
      <ErrorMessage error={failure} />
      <Facts facts={facts} />
      <PostingPoints venueId={venue.id} points={postingPoints} editable={editable} onChanged={reload} />
      <VenueCodes venueId={venue.id} editable={editable} onChanged={reload} revision={revision} />
      <VenueFindings venueId={venue.id} revision={revision} />
      <VenueScans venueId={venue.id} editable={editable} revision={revision} />
      <AuditHistory entity="venue" entityId={venue.id} revision={revision} />
    </section>
  );
}
