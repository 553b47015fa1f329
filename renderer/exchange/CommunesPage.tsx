import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_STALE_DAYS, type CommuneExchangeStatus } from '../../shared/domain/exchange';
import { formatDate } from '../../shared/text/date';
import { api } from '../api/client';
import { useOperation } from '../api/use-operation';
import { useFigureFormat } from '../dashboard/format';
import { ErrorMessage } from '../forms/ErrorMessage';
import { useMay } from '../session/use-may';
import { ReceivePackage } from './ReceivePackage';
import { ReturnPackageButton } from './ReturnPackageButton';
import { useExchangeErrorText } from './use-exchange-error-text';
import './exchange.css';

/**
 * "Dữ liệu các xã" (an upper office): every commune under it with its last package, a
 * warning where none came or the last is old, and receiving the next package.
 */
export function CommunesPage({ unitName }: { unitName: string }) {
  const { t } = useTranslation();
  const errorText = useExchangeErrorText();
  const mayReceive = useMay('exchange.receive');
  const mayReturn = useMay('exchange.prepareReturn');
  const [revision, setRevision] = useState(0);
  const status = useOperation(() => api['exchange.status']({}), [revision]);
  return (
    <section>
      <h1>{t('exchange.communes.title')}</h1>
      <p className="muted">{t('exchange.communes.intro', { unit: unitName })}</p>
      {mayReceive && <ReceivePackage onReceived={() => setRevision((value) => value + 1)} />}
      {status?.ok === false && <ErrorMessage error={errorText(status.error)} />}
      {status?.ok && status.value.length === 0 && <p className="muted">{t('exchange.communes.empty')}</p>}
      {status?.ok && status.value.length > 0 && <CommuneTable communes={status.value} mayReturn={mayReturn} />}
    </section>
  );
}

const COLUMNS = ['commune', 'sequence', 'createdAt', 'receivedAt', 'venues', 'scans', 'state'] as const;

function CommuneTable({ communes, mayReturn }: { communes: CommuneExchangeStatus[]; mayReturn: boolean }) {
  const { t } = useTranslation();
  const format = useFigureFormat();
  return (
    <table className="simple-table exchange-communes">
      <thead>
        <tr>
          {COLUMNS.map((column) => (
            <th key={column}>{t(`exchange.communes.columns.${column}`)}</th>
          ))}
          {mayReturn && <th>{t('exchange.returnPackage.column')}</th>}
        </tr>
      </thead>
      <tbody>
        {communes.map(({ communeId, communeName, lastPackage, stale }) => (
          <tr key={communeId} className={stale ? 'stale' : undefined}>
            <td>{communeName}</td>
            <td className="nowrap">{lastPackage?.sequence ?? ''}</td>
            <td className="nowrap">{lastPackage ? formatDate(lastPackage.createdAt) : ''}</td>
            <td className="nowrap">{lastPackage ? formatDate(lastPackage.receivedAt) : ''}</td>
            <td className="nowrap">{lastPackage ? format.count(lastPackage.counts.venues ?? 0) : ''}</td>
            <td className="nowrap">{lastPackage ? format.count(lastPackage.counts.scan_counts ?? 0) : ''}</td>
            <td>
              {!lastPackage ? (
                <span className="status-badge warning-badge">{t('exchange.communes.never')}</span>
              ) : stale ? (
                <span className="status-badge warning-badge">{t('exchange.communes.stale', { days: DEFAULT_STALE_DAYS })}</span>
              ) : (
                <span className="status-badge">{t('exchange.communes.fresh')}</span>
              )}
            </td>
            {mayReturn && (
              <td>
                {/* Only a commune that sent a package has venues here to have inspected. */}
                {lastPackage && <ReturnPackageButton communeId={communeId} communeName={communeName} />}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
