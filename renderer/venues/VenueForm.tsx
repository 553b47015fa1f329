import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../shared/api/result';
import { fieldErrorsOf, parseInput, type FieldError } from '../../shared/api/validation';
import {
  VENUE_LIMITS,
  VENUE_TYPES,
  VenueFields,
  type DuplicateCandidate,
  type Venue,
  type VenueType,
} from '../../shared/domain/venue';
import { splitPhones } from '../../shared/text/phone';
import { api } from '../api/client';
import { useErrorText } from '../api/use-error-text';
import { useUnits } from '../units/use-units';
import { DuplicateWarning } from './DuplicateWarning';
import { TextField } from '../forms/TextField';

/** The form's own state: every field as typed (phones as one line, coordinates as text). */
interface Draft {
  name: string;
  type: VenueType;
  ownerName: string;
  phones: string;
  address: string;
  communeId: string | null;
  villageId: string | null;
  businessRegNo: string;
  notes: string;
  latitude: string;
  longitude: string;
}

const draftOf = (venue: Venue | undefined, communeId: string | null): Draft => ({
  name: venue?.name ?? '',
  type: venue?.type ?? 'other',
  ownerName: venue?.ownerName ?? '',
  phones: venue?.phones.join(', ') ?? '',
  address: venue?.address ?? '',
  communeId: venue ? venue.communeId : communeId,
  villageId: venue?.villageId ?? null,
  businessRegNo: venue?.businessRegNo ?? '',
  notes: venue?.notes ?? '',
  latitude: venue?.latitude?.toString() ?? '',
  longitude: venue?.longitude?.toString() ?? '',
});

/** "18,0712" (Vietnamese decimal comma) or "18.0712"; empty is no coordinate; anything else fails the schema. */
const coordinate = (text: string) => (text.trim() === '' ? null : Number(text.trim().replace(',', '.')));

const fieldsOf = (draft: Draft) => ({
  ...draft,
  phones: splitPhones(draft.phones),
  latitude: coordinate(draft.latitude),
  longitude: coordinate(draft.longitude),
});

interface Props {
  /** The venue being edited; absent for a new one. */
  venue?: Venue;
  /** A new venue's commune before the clerk chooses: the office's own. */
  homeCommuneId?: string | null;
  onSaved(venue: Venue): void;
  onCancel(): void;
}

/**
 * Create and edit. Checks with the contract's own schema before sending (the same
 * message the back end would give, on the field), then warns about look-alike venues
 * and lets the clerk save anyway.
 */
export function VenueForm({ venue, homeCommuneId = null, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const { fieldText, errorText } = useErrorText();
  const { communes, villagesOf } = useUnits();
  const [draft, setDraft] = useState<Draft>(() => draftOf(venue, homeCommuneId));
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<AppErrorData>();
  const [duplicates, setDuplicates] = useState<DuplicateCandidate[]>([]);
  const [saving, setSaving] = useState(false);

  const errorOf = (field: string) => {
    const error = fieldErrors.find((candidate) => candidate.field === field || candidate.field.startsWith(`${field}.`));
    return error && fieldText(error);
  };
  const update = (patch: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setDuplicates([]);
  };

  async function save(acknowledgeDuplicates: boolean) {
    const fields = fieldsOf(draft);
    if (!acknowledgeDuplicates) {
      const found = await api['venues.findDuplicates']({ ...fields, excludeId: venue?.id });
      if (found.ok && found.value.length > 0) return setDuplicates(found.value);
    }
    const result = venue
      ? await api['venues.update']({ ...fields, id: venue.id, version: venue.version, acknowledgeDuplicates })
      : await api['venues.create']({ ...fields, acknowledgeDuplicates });
    if (result.ok) return onSaved(result.value);
    if (result.error.field && result.error.reason) {
      setFieldErrors([{ field: result.error.field, reason: result.error.reason }]);
    } else {
      setFailure(result.error);
    }
  }

  async function submit(event: SyntheticEvent, acknowledgeDuplicates = false) {
    event.preventDefault();
    setFailure(undefined);
    const checked = parseInput(VenueFields, fieldsOf(draft));
    setFieldErrors(checked.success ? [] : fieldErrorsOf(checked.error));
    if (!checked.success) return;
    setSaving(true);
    try {
      await save(acknowledgeDuplicates);
    } catch {
      setFailure({ code: 'UNAVAILABLE', message: '' });
    } finally {
      setSaving(false);
    }
  }

  const coordinateField = (name: 'latitude' | 'longitude') => (
    <TextField
      name={name}
      label={t(`fields.${name}`)}
      maxLength={20}
      value={draft[name]}
      error={errorOf(name)}
      onChange={(value) => update({ [name]: value })}
    />
  );

  const textField = (name: 'name' | 'ownerName' | 'address' | 'businessRegNo', required = false) => (
    <TextField
      name={name}
      label={t(`fields.${name}`)}
      required={required}
      maxLength={VENUE_LIMITS[name]}
      value={draft[name]}
      error={errorOf(name)}
      onChange={(value) => update({ [name]: value })}
    />
  );

  return (
    <form className="venue-form" noValidate onSubmit={(event) => void submit(event)}>
      {textField('name', true)}
      <label className="field">
        <span>{t('fields.type')}</span>
        <select value={draft.type} onChange={(event) => update({ type: event.target.value as VenueType })}>
          {VENUE_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`venueType.${type}`)}
            </option>
          ))}
        </select>
      </label>
      {textField('ownerName')}
      <TextField
        name="phones"
        label={t('fields.phones')}
        hint={t('venueForm.phonesHint')}
        maxLength={VENUE_LIMITS.phone * VENUE_LIMITS.phones}
        value={draft.phones}
        error={errorOf('phones')}
        onChange={(phones) => update({ phones })}
      />
      {textField('address')}
      {communes.length > 0 && (
        <label className="field">
          <span>{t('fields.communeId')}</span>
          <select
            value={draft.communeId ?? ''}
            onChange={(event) => update({ communeId: event.target.value || null, villageId: null })}
          >
            <option value="">{t('venueForm.chooseUnit')}</option>
            {communes.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
          {errorOf('communeId') && <span className="field-error">{errorOf('communeId')}</span>}
        </label>
      )}
      {villagesOf(draft.communeId).length > 0 && (
        <label className="field">
          <span>{t('fields.villageId')}</span>
          <select value={draft.villageId ?? ''} onChange={(event) => update({ villageId: event.target.value || null })}>
            <option value="">{t('venueForm.chooseUnit')}</option>
            {villagesOf(draft.communeId).map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
          {errorOf('villageId') && <span className="field-error">{errorOf('villageId')}</span>}
        </label>
      )}
      {textField('businessRegNo')}
      <div className="field-pair">
        {coordinateField('latitude')}
        {coordinateField('longitude')}
      </div>
      <label className="field">
        <span>{t('fields.notes')}</span>
        <textarea
          value={draft.notes}
          maxLength={VENUE_LIMITS.notes}
          rows={3}
          onChange={(event) => update({ notes: event.target.value })}
        />
      </label>
      {duplicates.length > 0 && (
        <DuplicateWarning duplicates={duplicates} onSaveAnyway={(event) => void submit(event, true)} />
      )}
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
