import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UNIT_IMPORT_MAX_BYTES } from '../../shared/domain/admin-unit';
import { api } from '../api/client';
import { readFileAsBase64 } from '../files/file-base64';
import { useMay } from '../session/use-may';
import { useUnitErrorText } from './use-unit-error-text';

interface Props {
  onDone(message: string): void;
  onFailure(message: string): void;
}

/** The two ways a whole list arrives: the labelled example, or the statistics office's .xlsx. */
export function UnitSources({ onDone, onFailure }: Props) {
  const { t } = useTranslation();
  const { unitErrorText } = useUnitErrorText();
  const [busy, setBusy] = useState(false);
  const maySeed = useMay('units.seedExample');
  const mayImport = useMay('units.import');

  async function seed() {
    setBusy(true);
    const result = await api['units.seedExample']({});
    setBusy(false);
    if (!result.ok) return onFailure(unitErrorText(result.error));
    onDone(result.value.added > 0 ? t('units.seed.done', { count: result.value.added }) : t('units.seed.nothing'));
  }

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Cleared at once, so choosing the same file again (after fixing it) fires a change.
    input.value = '';
    if (!file) return;
    if (file.size > UNIT_IMPORT_MAX_BYTES) {
      return onFailure(t('units.errors.tooBig', { megabytes: UNIT_IMPORT_MAX_BYTES / 1024 / 1024 }));
    }
    setBusy(true);
    try {
      const result = await api['units.import']({ fileName: file.name, bytesBase64: await readFileAsBase64(file) });
      if (result.ok) onDone(t('units.import.done', result.value));
      else onFailure(unitErrorText(result.error));
    } catch {
      onFailure(t('units.errors.unreadable'));
    } finally {
      setBusy(false);
    }
  }

  if (!maySeed && !mayImport) return null;
  return (
    <div className="unit-sources">
      {maySeed && (
        <button type="button" onClick={() => void seed()} disabled={busy}>
          {t('units.seed.button')}
        </button>
      )}
      {mayImport && (
        <>
          <label className={busy ? 'button disabled' : 'button'}>
            {busy ? t('units.busy') : t('units.import.button')}
            <input
              className="visually-hidden"
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              disabled={busy}
              onChange={(event) => void importFile(event)}
            />
          </label>
          <span className="muted small">{t('units.import.hint')}</span>
        </>
      )}
    </div>
  );
}
