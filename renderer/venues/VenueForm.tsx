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
import { optionsOf } from '../forms/Choice';
import { ErrorMessage } from '../forms/ErrorMessage';
import { FormActions } from '../forms/FormActions';
import { SelectField } from '../forms/SelectField';
import { TextField } from '../forms/TextField';
import { useLeaveGuard } from '../forms/use-leave-guard';
import { unitOptions, useUnits } from '../units/use-units';
import { DuplicateWarning } from './DuplicateWarning';

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

/** The longest text each one-line field takes; a coordinate is a number, 20 characters is plenty. */
const MAX_LENGTH = {
  name: VENUE_LIMITS.name,
  ownerName: VENUE_LIMITS.ownerName,
  phones: VENUE_LIMITS.phone * VENUE_LIMITS.phones,
  address: VENUE_LIMITS.address,
  businessRegNo: VENUE_LIMITS.businessRegNo,
  latitude: 20,
  longitude: 20,
} as const;

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
  const { fieldText } = useErrorText();
  const { communes, villagesOf } = useUnits();
  const [draft, setDraft] = useState<Draft>(() => draftOf(venue, homeCommuneId));
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<AppErrorData>();
  const [duplicates, setDuplicates] = useState<DuplicateCandidate[]>([]);
  const [saving, setSaving] = useState(false);
  const [opened] = useState(draft);
  const { dialog: leaveDialog, release } = useLeaveGuard(draft !== opened);

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
    if (result.ok) {
      release();
      return onSaved(result.value);
    }
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

  const textField = (name: keyof typeof MAX_LENGTH, hint?: string) => (
    <TextField
      name={name}
      label={t(`fields.${name}`)}
      required={name === 'name'}
      hint={hint}
      maxLength={MAX_LENGTH[name]}
      value={draft[name]}
      error={errorOf(name)}
      onChange={(value) => update({ [name]: value })}
    />
  );
  const chooseUnit = t('venueForm.chooseUnit');

  return (
    <form className="venue-form" noValidate onSubmit={(event) => void submit(event)}>
      {textField('name')}
      <SelectField
        label={t('fields.type')}
        value={draft.type}
        options={optionsOf(VENUE_TYPES, (type) => t(`venueType.${type}`))}
        onChange={(type) => update({ type })}
      />
      {textField('ownerName')}
      {textField('phones', t('venueForm.phonesHint'))}
      {textField('address')}
      {communes.length > 0 && (
        <SelectField
          label={t('fields.communeId')}
          value={draft.communeId}
          empty={chooseUnit}
          options={unitOptions(communes)}
          error={errorOf('communeId')}
          onChange={(communeId) => update({ communeId, villageId: null })}
        />
      )}
      {villagesOf(draft.communeId).length > 0 && (
        <SelectField
          label={t('fields.villageId')}
          value={draft.villageId}
          empty={chooseUnit}
          options={unitOptions(villagesOf(draft.communeId))}
          error={errorOf('villageId')}
          onChange={(villageId) => update({ villageId })}
        />
      )}
      {textField('businessRegNo')}
      <div className="field-pair">
        {textField('latitude')}
        {textField('longitude')}
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
      <ErrorMessage error={failure} />
      <FormActions
        submit={saving ? t('venueForm.saving') : t('venueForm.save')}
        cancel={t('venueForm.cancel')}
        disabled={saving}
        onCancel={onCancel}
      />
      {leaveDialog}
    </form>
  );
}
