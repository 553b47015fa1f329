import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VenueScans as Scans } from '../../shared/domain/scans';
import { api } from '../api/client';
import { useOperation } from '../api/use-operation';
import { formatDay } from '../inspections/day';
import { useMay } from '../session/use-may';
import { usePeriodLabel } from './period-label';
import { ScanRecordForm } from './ScanRecordForm';
import { perDayOf, ScanTrend } from './ScanTrend';
import './scans.css';

const ROWS_SHOWN = 10;

const rounded = (value: number) => value.toLocaleString('vi-VN', { maximumFractionDigits: 1 });

/** Where the venue stands over the last 30 days: no data, zero scans, low for its kind, or simply its rate. */
function Standing({ scans }: { scans: Scans }) {
  const { t } = useTranslation();
  const { window, perDay, coveredDays, lowScanning } = scans;
  if (perDay === null) return <p className="muted">{t('scans.venue.noData')}</p>;
  return (
    <div className={lowScanning ? 'scan-standing low' : 'scan-standing'}>
      <p>{t('scans.venue.recent', { from: formatDay(window.from), to: formatDay(window.to), perDay: rounded(perDay), days: coveredDays })}</p>
      {lowScanning && (
        <p role="status">
          <strong>{t(`scans.venue.flag.${lowScanning.flag}`)}</strong>
          {lowScanning.groupMedian !== null && <> {t('scans.venue.median', { median: rounded(lowScanning.groupMedian) })}</>}
          {lowScanning.doorRate !== null && <> {t('scans.venue.doorRate', { rate: Math.round(lowScanning.doorRate * 100) })}</>}
        </p>
      )}
    </div>
  );
}

/** The venue page's "Lượt quét mã QR": its counts over time as a chart and a table, its low-scanning flag, and a count typed by hand. */
export function VenueScans({ venueId, editable, revision }: { venueId: string; editable: boolean; revision?: number }) {
  const { t } = useTranslation();
  // A received commune's venue takes counts from its packages only.
  const mayRecord = useMay('scans.record') && editable;
  const periodLabel = usePeriodLabel();
  const [saved, setSaved] = useState(0);
  const [showAll, setShowAll] = useState(false);
  const scans = useOperation(() => api['scans.forVenue']({ venueId }), [venueId, revision, saved]);
  if (!scans?.ok) return null;
  const { counts } = scans.value;
  const newestFirst = [...counts].reverse();
  const rows = showAll ? newestFirst : newestFirst.slice(0, ROWS_SHOWN);
  return (
    <section className="venue-scans">
      <h2>{t('scans.venue.title')}</h2>
      <Standing scans={scans.value} />
      {counts.length === 0 ? (
        <p className="muted">{t('scans.venue.none')}</p>
      ) : (
        <>
          <ScanTrend counts={counts} />
          <table className="simple-table scan-counts">
            <thead>
              <tr>
                <th>{t('scans.venue.period')}</th>
                <th>{t('scans.venue.scans')}</th>
                <th>{t('scans.venue.perDay')}</th>
                <th>{t('scans.venue.source')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((count) => (
                <tr key={count.firstDay}>
                  <td className="nowrap">{periodLabel({ kind: 'range', firstDay: count.firstDay, lastDay: count.lastDay })}</td>
                  <td>{count.scans.toLocaleString('vi-VN')}</td>
                  <td>{rounded(perDayOf(count))}</td>
                  <td className="muted">
                    {count.source.kind === 'file'
                      ? t('scans.venue.sourceFile', { file: count.source.fileName })
                      : t('scans.venue.sourceManual', { who: count.source.createdBy ?? '' })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {!showAll && counts.length > ROWS_SHOWN && (
            <button type="button" onClick={() => setShowAll(true)}>
              {t('scans.venue.showAll', { count: counts.length })}
            </button>
          )}
        </>
      )}
      {mayRecord && <ScanRecordForm venueId={venueId} onSaved={() => setSaved((value) => value + 1)} />}
    </section>
  );
}
