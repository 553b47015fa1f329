import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../shared/api/result';
import { fieldErrorsOf, parseInput, type FieldError } from '../../shared/api/validation';
import type { AdminUnit } from '../../shared/domain/admin-unit';
import { VENUE_LIMITS, VENUE_TYPES, VenueDraft, type Venue, type VenueDraftInput } from '../../shared/domain/venue';
import { api } from '../api/client';
import { useErrorText } from '../api/use-error-text';
import { useOperation } from '../api/use-operation';
import { TextField } from './TextField';

type TextFieldName = 'name' | 'address' | 'ownerName' | 'phone';

const EMPTY_DRAFT = { name: '', type: 'other', address: '', ownerName: '', phone: '', communeId: null, villageId: null } as const;

interface Props {
  onSaved(venue: Venue): void;
  onCancel(): void;
}

/**
 * Checks with the contract's own schema before sending, so the clerk sees the same
 * message the back end would give, on the field, without a round trip.
 */
export function VenueForm({ onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const { fieldText, errorText } = useErrorText();
  const [draft, setDraft] = useState<VenueDraftInput>(EMPTY_DRAFT);
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<AppErrorData>();
  const [saving, setSaving] = useState(false);
  const units = useOperation(() => api['units.list']({}), []);
  const unitsOf = (level: AdminUnit['level']) => (units?.ok ? units.value.filter((unit) => unit.level === level) : []);

  const errorOf = (field: string) => fieldErrors.find((error) => error.field === field);
  const update = (patch: Partial<VenueDraftInput>) => setDraft((current) => ({ ...current, ...patch }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(undefined);
    const checked = parseInput(VenueDraft, draft);
    if (!checked.success) {
      setFieldErrors(fieldErrorsOf(checked.error));
      return;
    }
    setFieldErrors([]);
    setSaving(true);
    const result = await api['venues.create'](draft);
    setSaving(false);
    if (result.ok) return onSaved(result.value);
    if (result.error.field && result.error.reason) {
      setFieldErrors([{ field: result.error.field, reason: result.error.reason }]);
    } else {
      setFailure(result.error);
    }
  }

  const textField = (name: TextFieldName, required = false) => (
    <TextField
      name={name}
      label={t(`fields.${name}`)}
      required={required}
      maxLength={VENUE_LIMITS[name === 'ownerName' ? 'owner' : name]}
      value={draft[name] ?? ''}
      error={errorOf(name) && fieldText(errorOf(name)!)}
      onChange={(value) => update({ [name]: value })}
    />
  );

  const unitSelect = (name: 'communeId' | 'villageId', level: 'commune' | 'village') =>
    unitsOf(level).length > 0 && (
      <label className="field">
        <span>{t(`fields.${name}`)}</span>
        <select value={draft[name] ?? ''} onChange={(event) => update({ [name]: event.target.value || null })}>
          <option value="">{t('venueForm.chooseUnit')}</option>
          {unitsOf(level).map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
        </select>
      </label>
    );

  return (
    <form className="venue-form" noValidate onSubmit={(event) => void submit(event)}>
      {textField('name', true)}
      <label className="field">
        <span>{t('fields.type')}</span>
        <select value={draft.type} onChange={(event) => update({ type: event.target.value as VenueDraftInput['type'] })}>
          {VENUE_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`venueType.${type}`)}
            </option>
          ))}
        </select>
      </label>
      {textField('ownerName')}
      {textField('phone')}
      {textField('address')}
      {unitSelect('communeId', 'commune')}
      {unitSelect('villageId', 'village')}
      {failure && (
        <p className="error" role="alert">
          {errorText(failure)}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('venueForm.saving') : t('venueForm.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('venueForm.cancel')}
        </button>
      </div>
    </form>
  );
}
