import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../shared/api/result';
import { api } from '../api/client';
import { useErrorText } from '../api/use-error-text';
import { useOperation } from '../api/use-operation';
import { useUnits } from '../units/use-units';

/** The commune this office serves: new venues default to it and take its code prefix. */
export function HomeCommune() {
  const { t } = useTranslation();
  const { errorText } = useErrorText({ homeCommuneId: t('settings.homeCommune') });
  const { communes } = useUnits();
  const [revision, setRevision] = useState(0);
  const [failure, setFailure] = useState<AppErrorData>();
  const settings = useOperation(() => api['settings.get']({}), [revision]);
  if (!settings?.ok || communes.length === 0) return null;

  async function choose(homeCommuneId: string | null) {
    const result = await api['settings.update']({ homeCommuneId });
    setFailure(result.ok ? undefined : result.error);
    setRevision((value) => value + 1);
  }

  return (
    <label className="field narrow">
      <span>{t('settings.homeCommune')}</span>
      <select value={settings.value.homeCommuneId ?? ''} onChange={(event) => void choose(event.target.value || null)}>
        <option value="">{t('venueForm.chooseUnit')}</option>
        {communes.map((unit) => (
          <option key={unit.id} value={unit.id}>
            {unit.name}
          </option>
        ))}
      </select>
      {failure && <span className="field-error">{errorText(failure)}</span>}
    </label>
  );
}
