import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../shared/api/result';
import { OFFICE_KINDS, type SettingsPatch } from '../../shared/domain/settings';
import { api } from '../api/client';
import { useErrorText } from '../api/use-error-text';
import { useOperation } from '../api/use-operation';
import { optionsOf } from '../forms/Choice';
import { SelectField } from '../forms/SelectField';
import { unitOptions, useUnits } from '../units/use-units';

/**
 * Which office this is: a commune office (its commune: new venues default to it and take
 * its code prefix; it sends its package up), or an upper office (its province or district:
 * the communes below it send their packages here). Each choice is saved as it is made.
 */
export function OfficeSettings({ onSaved }: { onSaved(): void }) {
  const { t } = useTranslation();
  const labels = { homeCommuneId: t('settings.homeCommune'), upperUnitId: t('exchange.office.upperUnit'), officeKind: t('exchange.office.kind') };
  const { errorText } = useErrorText(labels);
  const { communes, uppers } = useUnits();
  const [revision, setRevision] = useState(0);
  const [failure, setFailure] = useState<AppErrorData>();
  const settings = useOperation(() => api['settings.get']({}), [revision]);
  if (!settings?.ok) return null;
  const { officeKind, homeCommuneId, upperUnitId } = settings.value;

  async function save(patch: SettingsPatch) {
    const result = await api['settings.update'](patch);
    setFailure(result.ok ? undefined : result.error);
    setRevision((value) => value + 1);
    if (result.ok) onSaved();
  }

  return (
    <section>
      <h2>{t('exchange.office.title')}</h2>
      <SelectField
        className="field narrow"
        label={labels.officeKind}
        value={officeKind}
        options={optionsOf(OFFICE_KINDS, (kind) => t(`exchange.office.kinds.${kind}`))}
        onChange={(kind) => void save({ officeKind: kind })}
      />
      {officeKind === 'commune' ? (
        <SelectField
          className="field narrow"
          label={labels.homeCommuneId}
          value={homeCommuneId}
          empty={t('venueForm.chooseUnit')}
          options={unitOptions(communes)}
          error={failure && errorText(failure)}
          onChange={(id) => void save({ homeCommuneId: id })}
        />
      ) : (
        <SelectField
          className="field narrow"
          label={labels.upperUnitId}
          value={upperUnitId}
          empty={t('exchange.office.chooseUnit')}
          options={unitOptions(uppers)}
          error={failure && errorText(failure)}
          onChange={(id) => void save({ upperUnitId: id })}
        />
      )}
    </section>
  );
}
