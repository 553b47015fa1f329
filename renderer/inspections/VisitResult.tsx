import { useTranslation } from 'react-i18next';
import { CHECK_KEYS, type Visit } from '../../shared/domain/inspections';
import { formatDay } from './day';
import { ActionStatusText } from './ActionStatusText';
import { PhotoThumbnails } from './PhotoThumbnail';

/** A saved visit, as the team recorded it: the failed checks, the door count, the findings and their actions. */
export function VisitResult({ visit }: { visit: Visit }) {
  const { t } = useTranslation();
  const several = visit.points.length > 1;
  return (
    <div className="visit-result">
      <p>{t('inspections.visit.visitedOnValue', { date: formatDay(visit.visitedOn) })}</p>
      {visit.points.map((point) => {
        const failed = CHECK_KEYS.filter((key) => point.results[key] === false);
        return (
          <div key={point.postingPointId}>
            {several && <h3>{point.postingPointLabel}</h3>}
            <p>
              {failed.length === 0
                ? t('inspections.visit.allPassed')
                : `${t('inspections.visit.failedChecks')}: ${failed.map((key) => t(`inspections.checks.${key}`)).join('; ')}`}
            </p>
            {point.observation && (
              <p className="muted">
                {t('inspections.visit.observed', {
                  minutes: point.observation.minutes,
                  people: point.observation.peopleEntering,
                  scans: point.observation.scans,
                  rate: point.scanRate === null ? '—' : Math.round(point.scanRate * 100),
                })}
              </p>
            )}
          </div>
        );
      })}
      {visit.note && <p className="pre-wrap">{visit.note}</p>}
      {visit.findings.length > 0 && (
        <ol className="finding-list">
          {visit.findings.map((finding) => (
            <li key={finding.id}>
              <strong>{t(`inspections.category.${finding.category}`)}</strong>
              {several && <span className="muted"> — {finding.postingPointLabel}</span>}
              {finding.note && <span>: {finding.note}</span>}
              {finding.action && (
                <div className="small">
                  {t(`inspections.actionKind.${finding.action.kind}`)} · {t('inspections.actions.dueBy', { date: formatDay(finding.action.dueOn) })} ·{' '}
                  {finding.action.responsible} · <ActionStatusText action={finding.action} />
                </div>
              )}
              <PhotoThumbnails photos={finding.photos} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
