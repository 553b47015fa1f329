import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupManifest } from '../../shared/domain/backups';
import { formatDateTime } from '../../shared/text/date';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { useOperation } from '../api/use-operation';
import { ConfirmDialog } from '../forms/ConfirmDialog';
import { ErrorMessage } from '../forms/ErrorMessage';
import { useMay } from '../session/use-may';
import { FullCopy } from './FullCopy';
import { LastBackup } from './LastBackup';
import { SecondPlace } from './SecondPlace';

/** Settings' backup section: the newest good backup, 'Sao lưu ngay', the list to restore from (admins; the second place's copies too), then the second place and the full copy as sub-sections. */
export function BackupSettings() {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState(0);
  const list = useOperation(() => api['backups.list']({}), [loaded]);
  const mayRestore = useMay('backups.restore');
  const { failure, run } = useAction({ onSuccess: () => setLoaded((value) => value + 1) });
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState(false);
  const [restoring, setRestoring] = useState<BackupManifest | null>(null);

  async function backUpNow() {
    setBusy(true);
    setMade(await run(api['backups.make']({})));
    setBusy(false);
  }

  async function restore(backup: BackupManifest) {
    setBusy(true);
    // The app opened again on the restored copy, nobody working: start afresh, as after a restart.
    if (await run(api['backups.restore']({ id: backup.id }))) window.location.reload();
    setBusy(false);
    setRestoring(null);
  }

  return (
    <section aria-labelledby="backups-title">
      <h2 id="backups-title">{t('backups.title')}</h2>
      {list?.ok && <LastBackup list={list.value} />}
      <button type="button" disabled={busy} onClick={() => void backUpNow()}>
        {busy && !restoring ? t('backups.making') : t('backups.makeNow')}
      </button>
      {made && <p role="status">{t('backups.made')}</p>}
      <ErrorMessage error={failure ?? (list && !list.ok ? list.error : undefined)} />
      {list?.ok && list.value.backups.length + list.value.elsewhere.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t('backups.columns.at')}</th>
              <th>{t('backups.columns.reason')}</th>
              <th>{t('backups.columns.venues')}</th>
              <th>{t('backups.columns.staff')}</th>
              <th>{t('backups.columns.visits')}</th>
              {mayRestore && <th />}
            </tr>
          </thead>
          <tbody>
            {[...list.value.backups, ...list.value.elsewhere].map((backup) => (
              <tr key={backup.id}>
                <td>{formatDateTime(backup.createdAt)}</td>
                <td>
                  {list.value.elsewhere.includes(backup)
                    ? t('backups.secondPlace.reason', { reason: t(`backups.reasons.${backup.reason}`) })
                    : t(`backups.reasons.${backup.reason}`)}
                </td>
                <td>{backup.counts.venues ?? 0}</td>
                <td>{backup.counts.staff ?? 0}</td>
                <td>{backup.counts.visits ?? 0}</td>
                {mayRestore && (
                  <td>
                    <button type="button" disabled={busy} onClick={() => setRestoring(backup)}>
                      {t('backups.restore.open')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list?.ok && <SecondPlace status={list.value.secondPlace} onChanged={() => setLoaded((value) => value + 1)} />}
      <FullCopy />
      {restoring && (
        <ConfirmDialog
          title={t('backups.restore.title', { at: formatDateTime(restoring.createdAt) })}
          consequence={t('backups.restore.consequence', { at: formatDateTime(restoring.createdAt) })}
          confirm={t('backups.restore.confirm')}
          cancel={t('confirm.cancel')}
          busy={busy}
          onConfirm={() => void restore(restoring)}
          onCancel={() => setRestoring(null)}
        />
      )}
    </section>
  );
}
