import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { QueueEntry } from '../../shared/domain/prints';

/** Venues waiting for a (new) poster, with why: never printed, code revoked, asked for by a finding. */
export function ReprintQueue({ entries }: { entries: QueueEntry[] }) {
  const { t } = useTranslation();
  if (entries.length === 0) return <p className="muted">{t('printing.queueEmpty')}</p>;
  return (
    <table className="simple-table">
      <thead>
        <tr>
          <th>{t('venues.columns.code')}</th>
          <th>{t('venues.columns.name')}</th>
          <th>{t('printing.why')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.venueId}>
            <td className="nowrap">{entry.shortCode}</td>
            <td>
              <Link to={`/venues/${entry.venueId}`}>{entry.venueName}</Link>
            </td>
            <td>
              {[
                ...entry.reasons.filter((reason) => reason !== 'requested').map((reason) => t(`printing.queueReason.${reason}`)),
                ...entry.requestReasons.map((reason) => t(`printing.reasons.${reason}`, { defaultValue: reason })),
              ].join(', ')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
