import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminUnit } from '../../shared/domain/admin-unit';
import { api } from '../api/client';
import { ErrorMessage } from '../forms/ErrorMessage';
import { FormActions } from '../forms/FormActions';
import { SelectField } from '../forms/SelectField';
import { lineOf } from './unit-tree';
import { useUnitErrorText } from './use-unit-error-text';

interface Props {
  unit: AdminUnit;
  units: readonly AdminUnit[];
  venueCounts: Readonly<Record<string, number>>;
  onDone(message: string): void;
  onCancel(): void;
}

const collator = new Intl.Collator('vi');

/**
 * Merges a unit into another of its level, in the same province (communes merged in 2025
 * stayed in their province; provinces merge among themselves). Before anything moves,
 * it says how many venues and units will follow.
 */
export function MergeForm({ unit, units, venueCounts, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const { unitErrorText } = useUnitErrorText();
  const [intoId, setIntoId] = useState<string | null>(null);
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);

  const { targets, parentName } = useMemo(() => {
    const byId = new Map(units.map((candidate) => [candidate.id, candidate]));
    const provinceOf = (candidate: AdminUnit) => lineOf(candidate, byId).at(-1)?.id;
    const list = units
      .filter((candidate) => candidate.level === unit.level && !candidate.retired && candidate.id !== unit.id)
      .filter((candidate) => unit.level === 'province' || provinceOf(candidate) === provinceOf(unit))
      .sort((a, b) => collator.compare(a.name, b.name));
    return { targets: list, parentName: (candidate: AdminUnit) => byId.get(candidate.parentId ?? '')?.name };
  }, [units, unit]);
  const into = targets.find((candidate) => candidate.id === intoId);
  const children = units.filter((candidate) => candidate.parentId === unit.id && !candidate.retired).length;
  const title = t('units.merge.title', { name: unit.name });

  async function merge(event: FormEvent) {
    event.preventDefault();
    if (!into) return;
    setBusy(true);
    const result = await api['units.merge']({ fromId: unit.id, intoId: into.id });
    setBusy(false);
    if (result.ok) onDone(t('units.merge.done', { count: result.value.venuesMoved, from: unit.name, into: into.name }));
    else setFailure(unitErrorText(result.error));
  }

  return (
    <form className="unit-panel" aria-label={title} onSubmit={(event) => void merge(event)}>
      <h3>{title}</h3>
      {targets.length === 0 ? (
        <p className="muted">{t('units.merge.none')}</p>
      ) : (
        <SelectField
          className="field narrow"
          label={t('units.merge.target')}
          value={intoId}
          empty={t('units.merge.choose')}
          options={targets.map((target) => ({
            value: target.id,
            label: parentName(target) ? `${target.name} (${parentName(target)})` : target.name,
          }))}
          onChange={setIntoId}
        />
      )}
      {into && (
        <p className="warning">
          {t('units.merge.venues', { count: venueCounts[unit.id] ?? 0, into: into.name })}{' '}
          {children > 0 && `${t('units.merge.children', { count: children, into: into.name })} `}
          {t('units.merge.keep', { from: unit.name })}
        </p>
      )}
      <ErrorMessage error={failure} />
      <FormActions submit={t('units.merge.confirm')} cancel={t('units.cancel')} disabled={!into || busy} onCancel={onCancel} />
    </form>
  );
}
