import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../shared/api/result';
import { api } from '../api/client';
import { useErrorText } from '../api/use-error-text';
import { useOperation } from '../api/use-operation';
import { SelectField } from '../forms/SelectField';
import { unitOptions, useUnits } from '../units/use-units';

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
    <SelectField
      className="field narrow"
      label={t('settings.homeCommune')}
      value={settings.value.homeCommuneId}
      empty={t('venueForm.chooseUnit')}
      options={unitOptions(communes)}
      error={failure && errorText(failure)}
      onChange={(id) => void choose(id)}
    />
  );
}
