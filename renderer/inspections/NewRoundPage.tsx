import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { AppErrorData } from '../../shared/api/result';
import { api } from '../api/client';
import { useLeaveGuard } from '../forms/use-leave-guard';
import { useOperation } from '../api/use-operation';
import { ErrorMessage } from '../forms/ErrorMessage';
import { FormActions } from '../forms/FormActions';
import { SelectField } from '../forms/SelectField';
import { TextField } from '../forms/TextField';
import { useSession } from '../session/SessionContext';
import { unitOptions, useUnits } from '../units/use-units';
import { formatDay, parseDay, today } from './day';
import { TeamPicker, type Member } from './TeamPicker';
import { VenuePicker, type PickedVenue } from './VenuePicker';
import { roundFieldLabels } from './use-inspection-error-text';

/** "Mở đợt kiểm tra mới": waits for the office's home commune, which the round starts in. */
export function NewRoundPage() {
  const settings = useOperation(() => api['settings.get']({}), []);
  if (settings === undefined) return null;
  return <NewRoundForm homeCommuneId={settings.ok ? settings.value.homeCommuneId : null} />;
}

function NewRoundForm({ homeCommuneId }: { homeCommuneId: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { staff } = useSession();
  const { communes, villagesOf } = useUnits();
  const [name, setName] = useState('');
  const [purpose, setPurpose] = useState('');
  const [startsOn, setStartsOn] = useState(formatDay(today()));
  const [endsOn, setEndsOn] = useState('');
  const [communeId, setCommuneId] = useState<string | null>(homeCommuneId);
  const [villageIds, setVillageIds] = useState<string[]>([]);
  // Whoever opens the round is usually on the team.
  const [team, setTeam] = useState<Member[]>([{ staffId: staff.id, name: staff.name }]);
  const [venues, setVenues] = useState<PickedVenue[]>([]);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<AppErrorData | string>();
  const typed = { name, purpose, startsOn, endsOn, communeId, villageIds, team, venues };
  const [opened] = useState(typed);
  const { dialog: leaveDialog, release } = useLeaveGuard(
    (Object.keys(typed) as Array<keyof typeof typed>).some((field) => typed[field] !== opened[field]),
  );

  const starts = parseDay(startsOn);
  const ends = endsOn.trim() === '' ? null : parseDay(endsOn);
  const badStart = startsOn.trim() !== '' && starts === null;
  const badEnd = endsOn.trim() !== '' && ends === null;
  const villages = communeId ? villagesOf(communeId) : [];
  const picked = new Set(venues.map((venue) => venue.id));

  async function create(event: FormEvent) {
    event.preventDefault();
    if (starts === null || badEnd) return setFailure(t('inspections.form.fixDates'));
    if (ends !== null && ends < starts) return setFailure(t('inspections.form.endsBeforeStart'));
    if (team.length === 0) return setFailure(t('inspections.form.noTeam'));
    setSaving(true);
    const result = await api['rounds.create']({
      name,
      purpose,
      startsOn: starts,
      endsOn: ends,
      communeId,
      villageIds,
      team,
      venueIds: venues.map((venue) => venue.id),
    });
    setSaving(false);
    if (!result.ok) return setFailure(result.error);
    release();
    navigate(`/inspections/${result.value.id}`);
  }

  return (
    <section>
      <h1>{t('inspections.form.title')}</h1>
      <form className="round-form" onSubmit={(event) => void create(event)}>
        <TextField name="name" label={t('inspections.form.name')} value={name} maxLength={160} required onChange={setName} hint={t('inspections.form.nameHint')} />
        <TextField name="purpose" label={t('inspections.form.purpose')} value={purpose} maxLength={500} onChange={setPurpose} />
        <div className="field-pair">
          <TextField
            name="startsOn"
            label={t('inspections.form.startsOn')}
            value={startsOn}
            maxLength={10}
            required
            hint={t('inspections.dayHint')}
            error={badStart ? t('inspections.badDay') : undefined}
            onChange={setStartsOn}
          />
          <TextField
            name="endsOn"
            label={t('inspections.form.endsOn')}
            value={endsOn}
            maxLength={10}
            hint={t('inspections.dayHint')}
            error={badEnd ? t('inspections.badDay') : undefined}
            onChange={setEndsOn}
          />
        </div>
        <SelectField
          label={t('inspections.form.commune')}
          value={communeId}
          empty={t('inspections.form.anyCommune')}
          options={unitOptions(communes)}
          onChange={(next) => {
            setCommuneId(next);
            setVillageIds([]);
          }}
        />
        {villages.length > 0 && (
          <fieldset className="village-choices">
            <legend>{t('inspections.form.villages')}</legend>
            {villages.map((village) => (
              <label key={village.id}>
                <input
                  type="checkbox"
                  checked={villageIds.includes(village.id)}
                  onChange={(event) =>
                    setVillageIds(event.target.checked ? [...villageIds, village.id] : villageIds.filter((id) => id !== village.id))
                  }
                />
                {village.name}
              </label>
            ))}
          </fieldset>
        )}
        <TeamPicker team={team} onChange={setTeam} />
        <fieldset>
          <legend>{t('inspections.form.venues', { count: venues.length })}</legend>
          {venues.length === 0 ? (
            <p className="muted">{t('inspections.form.noVenues')}</p>
          ) : (
            <ol className="picked-venues">
              {venues.map((venue) => (
                <li key={venue.id}>
                  <span className="muted nowrap">{venue.code}</span> {venue.name}
                  <button
                    type="button"
                    className="link-button"
                    aria-label={t('inspections.form.removeVenue', { name: venue.name })}
                    onClick={() => setVenues(venues.filter((other) => other.id !== venue.id))}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ol>
          )}
          <VenuePicker
            communeId={communeId}
            isAdded={(id) => picked.has(id)}
            onAdd={(more) => setVenues((current) => [...current, ...more.filter((venue) => !current.some((other) => other.id === venue.id))])}
          />
        </fieldset>
        <ErrorMessage error={failure} labels={roundFieldLabels(t)} />
        <FormActions
          submit={saving ? t('inspections.form.creating') : t('inspections.form.create')}
          cancel={t('inspections.form.cancel')}
          disabled={saving}
          onCancel={() => navigate('/inspections')}
        />
        {leaveDialog}
      </form>
    </section>
  );
}
