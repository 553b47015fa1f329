import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PACKAGE_LIMIT_BYTES, type ReceivedPackage } from '../../shared/domain/exchange';
import { formatDate } from '../../shared/text/date';
import { api } from '../api/client';
import { readFileAsBase64 } from '../files/file-base64';
import { ErrorMessage } from '../forms/ErrorMessage';
import { PackageContents } from './PackageContents';
import { useExchangeErrorText } from './use-exchange-error-text';

/**
 * "Nhận gói dữ liệu": the admin picks a commune's .diemqr file (at an upper office) or the
 * upper office's return package (at a commune); main checks it whole before writing
 * anything, and the page says what came in, or why nothing did.
 */
export function ReceivePackage({ onReceived, from = 'commune' }: { onReceived(): void; from?: 'commune' | 'upper' }) {
  const { t } = useTranslation();
  const errorText = useExchangeErrorText();
  const [busy, setBusy] = useState(false);
  const [received, setReceived] = useState<ReceivedPackage>();
  const [refusal, setRefusal] = useState<string>();

  async function receive(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Cleared at once, so choosing the same file again (a newer copy, say) fires a change.
    input.value = '';
    if (!file) return;
    setReceived(undefined);
    if (file.size > PACKAGE_LIMIT_BYTES) return setRefusal(t('exchange.receive.tooBig', { megabytes: PACKAGE_LIMIT_BYTES / 1024 / 1024 }));
    setBusy(true);
    try {
      const result = await api['exchange.receive']({ fileName: file.name, bytesBase64: await readFileAsBase64(file) });
      // Main's sentence names the reason and says nothing was written.
      setRefusal(result.ok ? undefined : errorText(result.error));
      if (result.ok) {
        setReceived(result.value);
        onReceived();
      }
    } catch {
      setRefusal(t('exchange.receive.unreadable'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section>
      <h2>{from === 'upper' ? t('exchange.returnPackage.receiveTitle') : t('exchange.receive.title')}</h2>
      {from === 'upper' && <p className="muted">{t('exchange.returnPackage.receiveIntro')}</p>}
      <label className={busy ? 'button disabled' : 'button'}>
        {busy ? t('exchange.receive.receiving') : from === 'upper' ? t('exchange.returnPackage.choose') : t('exchange.receive.choose')}
        <input className="visually-hidden" type="file" accept=".diemqr" disabled={busy} onChange={(event) => void receive(event)} />
      </label>
      <ErrorMessage error={refusal} />
      {received && <ReceivedNotice received={received} />}
    </section>
  );
}

function ReceivedNotice({ received }: { received: ReceivedPackage }) {
  const { t } = useTranslation();
  const names = { sequence: received.sequence, commune: received.communeName };
  return (
    <>
      <p className="notice" role="status">
        {received.alreadyReceived
          ? t('exchange.receive.alreadyReceived', names)
          : t('exchange.receive.received', { ...names, office: received.officeName, date: formatDate(received.createdAt) })}
        {received.landedInId !== received.communeId && ` ${t('exchange.receive.landedIn', { name: received.landedInName })}`}
      </p>
      {!received.alreadyReceived && <PackageContents counts={received.counts} />}
    </>
  );
}
