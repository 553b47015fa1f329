import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecondPlaceStatus } from '../../shared/domain/backups';
import { formatDateTime } from '../../shared/text/date';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { ErrorMessage } from '../forms/ErrorMessage';
import { TextField } from '../forms/TextField';
import { useMay } from '../session/use-may';

interface Props {
  status: SecondPlaceStatus | null;
  onChanged(): void;
}

/** The reasons the core gives for a folder it refuses, in words about folders. */
const REFUSALS = ['invalid', 'unknown_reference', 'out_of_range'] as const;

/**
 * Where every good backup is copied as well (a USB stick, another drive). The folder is
 * typed as a full path, in the desktop app as in the browser bridge: the page never
 * browses the disk, the core checks the folder is there and outside the data folder.
 */
export function SecondPlace({ status, onChanged }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const mayChoose = useMay('backups.setSecondPlace');
  const [folder, setFolder] = useState(status?.folder ?? '');
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const { failure, run } = useAction({ onSuccess: onChanged });
  const refusal = failure?.field === 'folder' ? REFUSALS.find((reason) => reason === failure.reason) : undefined;

  async function choose(value: string | null) {
    setBusy(true);
    setSaved(false);
    const ok = await run(api['backups.setSecondPlace']({ folder: value }));
    if (ok && value === null) setFolder('');
    setSaved(ok && value !== null);
    setBusy(false);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void choose(folder);
  }

  return (
    <section aria-labelledby={titleId}>
      <h3 id={titleId}>{t('backups.secondPlace.title')}</h3>
      <p>{status ? t('backups.secondPlace.chosen', { folder: status.folder }) : t('backups.secondPlace.none')}</p>
      {status?.lastCopiedAt && <p>{t('backups.secondPlace.lastCopied', { at: formatDateTime(status.lastCopiedAt) })}</p>}
      {mayChoose && (
        <form onSubmit={submit}>
          <TextField
            name="folder"
            label={t('backups.secondPlace.folder')}
            hint={t('backups.secondPlace.hint')}
            value={folder}
            maxLength={1000}
            error={refusal && t(`backups.secondPlace.refused.${refusal}`)}
            onChange={setFolder}
          />
          <button type="submit" disabled={busy || folder.trim() === ''}>
            {t('backups.secondPlace.choose')}
          </button>
          {status && (
            <button type="button" disabled={busy} onClick={() => void choose(null)}>
              {t('backups.secondPlace.stop')}
            </button>
          )}
        </form>
      )}
      {saved && <p>{t('backups.secondPlace.saved')}</p>}
      {!refusal && <ErrorMessage error={failure} />}
    </section>
  );
}
