import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { QueueEntry } from '../../shared/domain/prints';
import { useUnits } from '../units/use-units';
import { queueRows } from './queue-rows';

const ROW_HEIGHT = 34;

/**
 * Venues waiting for a (new) poster, with why (never printed, code revoked, asked for by a
 * finding), grouped by village. Only the rows in view are drawn: a commune's first print
 * queues 2,000 venues or more, and the page must stay short and quick.
 */
export function ReprintQueue({ entries }: { entries: QueueEntry[] }) {
  const { t } = useTranslation();
  const { nameOf } = useUnits();
  const rows = useMemo(() => queueRows(entries, (id) => nameOf(id) || t('printing.noVillage')), [entries, nameOf, t]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  if (entries.length === 0) return <p className="muted">{t('printing.queueEmpty')}</p>;

  const why = (entry: QueueEntry) =>
    [
      ...entry.reasons.filter((reason) => reason !== 'requested').map((reason) => t(`printing.queueReason.${reason}`)),
      ...entry.requestReasons.map((reason) => t(`printing.reasons.${reason}`, { defaultValue: reason })),
    ].join(', ');

  return (
    <div className="queue-grid" role="table" aria-label={t('printing.queueLabel')} aria-rowcount={rows.length + 1}>
      <div className="queue-row queue-head" role="row">
        <span role="columnheader">{t('venues.columns.code')}</span>
        <span role="columnheader">{t('venues.columns.name')}</span>
        <span role="columnheader">{t('printing.why')}</span>
      </div>
      <div ref={scroller} className="queue-scroller" role="rowgroup">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            const style = { transform: `translateY(${item.start}px)`, height: ROW_HEIGHT };
            return row.kind === 'village' ? (
              <div key={item.key} role="row" aria-rowindex={item.index + 2} className="queue-row queue-village" style={style}>
                <span role="cell">{t('printing.villageGroup', { village: row.name, count: row.count })}</span>
              </div>
            ) : (
              <div key={item.key} role="row" aria-rowindex={item.index + 2} className="queue-row" style={style}>
                <span role="cell" className="nowrap">{row.entry.shortCode}</span>
                <span role="cell">
                  <Link to={`/venues/${row.entry.venueId}`}>{row.entry.venueName}</Link>
                </span>
                <span role="cell">{why(row.entry)}</span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
