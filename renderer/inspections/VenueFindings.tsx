import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/text/date';
import { api } from '../api/client';
import { useOperation } from '../api/use-operation';
import { ActionStatusText } from './ActionStatusText';
import { formatDay } from './day';
import { PhotoThumbnails } from './PhotoThumbnail';

/** The venue page's "Kết quả kiểm tra": what inspections found here, with photos and where each fix stands. */
export function VenueFindings({ venueId, revision }: { venueId: string; revision?: number }) {
  const { t } = useTranslation();
  const findings = useOperation(() => api['findings.forVenue']({ venueId }), [venueId, revision]);
  if (!findings?.ok) return null;
  const several = new Set(findings.value.map((finding) => finding.postingPointLabel)).size > 1;
  return (
    <section className="venue-findings">
      <h2>{t('inspections.venueFindings.title')}</h2>
      {findings.value.length === 0 ? (
        <p className="muted">{t('inspections.venueFindings.empty')}</p>
      ) : (
        <table className="simple-table">
          <thead>
            <tr>
              <th>{t('inspections.venueFindings.when')}</th>
              <th>{t('inspections.venueFindings.what')}</th>
              <th>{t('inspections.venueFindings.photos')}</th>
              <th>{t('inspections.venueFindings.action')}</th>
            </tr>
          </thead>
          <tbody>
            {findings.value.map((finding) => (
              <tr key={finding.id}>
                <td className="nowrap">{formatDate(finding.createdAt)}</td>
                <td>
                  <strong>{t(`inspections.category.${finding.category}`)}</strong>
                  {finding.receivedFrom && (
                    <>
                      {' '}
                      <span className="status-badge">{t('exchange.fromOffice', { name: finding.receivedFrom.unitName })}</span>
                    </>
                  )}
                  {several && <span className="muted"> — {finding.postingPointLabel}</span>}
                  {finding.note && <div>{finding.note}</div>}
                </td>
                <td>
                  <PhotoThumbnails photos={finding.photos} />
                </td>
                <td>
                  {finding.action ? (
                    <>
                      {t(`inspections.actionKind.${finding.action.kind}`)} · {t('inspections.actions.dueBy', { date: formatDay(finding.action.dueOn) })}
                      <br />
                      <ActionStatusText action={finding.action} />
                    </>
                  ) : (
                    <span className="muted">{t('inspections.venueFindings.noAction')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
