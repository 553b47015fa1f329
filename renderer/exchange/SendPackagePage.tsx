import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../shared/api/result';
import type { SentPackage } from '../../shared/domain/exchange';
import { formatDateTime } from '../../shared/text/date';
import { api } from '../api/client';
import { useOperation } from '../api/use-operation';
import { useFigureFormat } from '../dashboard/format';
import { ErrorMessage } from '../forms/ErrorMessage';
import { useMay } from '../session/use-may';
import { useFileSize } from './file-size';
import { PackageContents } from './PackageContents';
import { PackageKindChoice, type PackageKind } from './PackageKindChoice';
import { ReceivePackage } from './ReceivePackage';
import { SavePackageButton } from './SavePackageButton';
import { useExchangeErrorText } from './use-exchange-error-text';

/**
 * "Gửi dữ liệu lên cấp trên" (a commune office): choose full or incremental, prepare the
 * signed package, see its size and what it carries, then save the .diemqr file to send by
 * USB stick, email or Zalo.
 */
export function SendPackagePage() {
  const { t } = useTranslation();
  const fileSize = useFileSize();
  const errorText = useExchangeErrorText();
  const [fullPhotos, setFullPhotos] = useState(false);
  const [chosenKind, setChosenKind] = useState<PackageKind>();
  const [busy, setBusy] = useState(false);
  const [prepared, setPrepared] = useState<SentPackage>();
  const [failure, setFailure] = useState<AppErrorData>();
  const sent = useOperation(() => api['exchange.sent']({}), [prepared]);
  const choice = useOperation(() => api['exchange.sendChoice']({}), [prepared]);
  const base = choice?.ok ? choice.value.incrementalBase : null;
  // Incremental by default whenever there is a package to build on.
  const kind: PackageKind = base !== null && chosenKind !== 'full' ? 'incremental' : 'full';
  const mayReceive = useMay('exchange.receive');

  async function prepare() {
    setBusy(true);
    const result = await api['exchange.prepare']({ fullPhotos, incremental: kind === 'incremental' });
    setBusy(false);
    setFailure(result.ok ? undefined : result.error);
    setPrepared(result.ok ? result.value : undefined);
  }

  return (
    <section>
      <h1>{t('exchange.send.title')}</h1>
      <p className="muted">{t('exchange.send.intro')}</p>
      <PackageKindChoice base={base} kind={kind} onChange={setChosenKind} />
      <p>
        <label>
          <input type="checkbox" checked={fullPhotos} onChange={(event) => setFullPhotos(event.target.checked)} /> {t('exchange.send.fullPhotos')}
        </label>
      </p>
      <button type="button" className={prepared ? undefined : 'primary'} disabled={busy} onClick={() => void prepare()}>
        {busy ? t('exchange.send.preparing') : t('exchange.send.prepare')}
      </button>
      <ErrorMessage error={failure && errorText(failure)} />
      {prepared && (
        <>
          <p className="notice" role="status">
            {prepared.baseSequence === undefined
              ? t('exchange.send.ready', { sequence: prepared.sequence, size: fileSize(prepared.bytes) })
              : t('exchange.send.readyIncremental', { sequence: prepared.sequence, base: prepared.baseSequence, size: fileSize(prepared.bytes) })}
          </p>
          <PackageContents counts={prepared.counts} />
          <SavePackageButton sequence={prepared.sequence} label={t('exchange.send.save')} primary />
        </>
      )}
      <h2>{t('exchange.send.earlier')}</h2>
      {sent?.ok === false && <ErrorMessage error={sent.error} />}
      {sent?.ok && sent.value.length === 0 && <p className="muted">{t('exchange.send.none')}</p>}
      {sent?.ok && sent.value.length > 0 && <SentPackages packages={sent.value} />}
      {/* What the upper office found here comes down the other way; nothing to refresh on this page. */}
      {mayReceive && <ReceivePackage from="upper" onReceived={() => undefined} />}
    </section>
  );
}

/** The packages made here, newest first, each savable again (a USB stick lost on the way). */
function SentPackages({ packages }: { packages: SentPackage[] }) {
  const { t } = useTranslation();
  const fileSize = useFileSize();
  const format = useFigureFormat();
  return (
    <table className="simple-table">
      <thead>
        <tr>
          <th>{t('exchange.send.columns.sequence')}</th>
          <th>{t('exchange.send.columns.createdAt')}</th>
          <th>{t('exchange.send.columns.size')}</th>
          <th>{t('exchange.send.columns.venues')}</th>
          <th>{t('exchange.send.columns.photos')}</th>
          <th>
            <span className="visually-hidden">{t('exchange.send.saveAgain')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {packages.map((sent) => (
          <tr key={sent.sequence}>
            <td className="nowrap">{sent.sequence}</td>
            <td className="nowrap">{formatDateTime(sent.createdAt)}</td>
            <td className="nowrap">{fileSize(sent.bytes)}</td>
            <td className="nowrap">{format.count(sent.counts.venues ?? 0)}</td>
            <td>{sent.fullPhotos ? t('exchange.send.photosFull') : t('exchange.send.photosThumbnails')}</td>
            <td>
              <SavePackageButton sequence={sent.sequence} label={t('exchange.send.saveAgain')} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
