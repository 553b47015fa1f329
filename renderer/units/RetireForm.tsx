import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminUnit } from '../../shared/domain/admin-unit';
import { api } from '../api/client';
import { ErrorMessage } from '../forms/ErrorMessage';
import { FormActions } from '../forms/FormActions';
import { useUnitErrorText } from './use-unit-error-text';

interface Props {
  unit: AdminUnit;
  onDone(message: string): void;
  onCancel(): void;
}

/** Asks before retiring: the unit stays in history but is no longer offered for new venues. */
export function RetireForm({ unit, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const { unitErrorText } = useUnitErrorText();
  const [failure, setFailure] = useState<string>();

  async function retire(event: FormEvent) {
    event.preventDefault();
    const result = await api['units.retire']({ id: unit.id });
    if (result.ok) onDone(t('units.retire.done', { name: unit.name }));
    else setFailure(unitErrorText(result.error));
  }

  return (
    <form className="unit-panel" aria-label={t('units.retire.title', { name: unit.name })} onSubmit={(event) => void retire(event)}>
      <p>{t('units.retire.question', { name: unit.name })}</p>
      <ErrorMessage error={failure} />
      <FormActions submit={t('units.retire.confirm')} cancel={t('units.cancel')} onCancel={onCancel} />
    </form>
  );
}
