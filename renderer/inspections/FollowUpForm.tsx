import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Round } from '../../shared/domain/inspections';
import { api } from '../api/client';
import { FormActions } from '../forms/FormActions';
import { TextField } from '../forms/TextField';
import { useLeaveGuard } from '../forms/use-leave-guard';
import { formatDay, parseDay, today } from './day';
import { TeamPicker, type Member } from './TeamPicker';
import { useInspectionErrorText } from './use-inspection-error-text';

interface Props {
  round: Round;
  onCreated(round: Round): void;
  onCancel(): void;
}

/** "Đợt kiểm tra lại": a new round over the venues whose actions are not yet verified, by default the same team. */
export function FollowUpForm({ round, onCreated, onCancel }: Props) {
  const { t } = useTranslation();
  const errorText = useInspectionErrorText();
  const [firstDay] = useState(() => formatDay(today()));
  const [startsOn, setStartsOn] = useState(firstDay);
  const [team, setTeam] = useState<Member[]>(round.team);
  const { dialog: leaveDialog, release } = useLeaveGuard(startsOn !== firstDay || team !== round.team);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string>();
  const starts = parseDay(startsOn);

  async function create(event: FormEvent) {
    event.preventDefault();
    // A second Enter or click while the first is on its way must not make a second round.
    if (saving) return;
    if (starts === null) return setFailure(t('inspections.badDay'));
    if (team.length === 0) return setFailure(t('inspections.form.noTeam'));
    setSaving(true);
    const result = await api['rounds.followUp']({ id: round.id, startsOn: starts, team });
    setSaving(false);
    if (result.ok) {
      // Created: going to the new round is not leaving unsaved work.
      release();
      onCreated(result.value);
    }
    else setFailure(errorText(result.error, 'followUp'));
  }

  return (
    <form className="follow-up-form" aria-label={t('inspections.round.followUpTitle')} onSubmit={(event) => void create(event)}>
      <h2>{t('inspections.round.followUpTitle')}</h2>
      <p className="muted">{t('inspections.round.followUpHint')}</p>
      <TextField
        name="followUpStartsOn"
        label={t('inspections.form.startsOn')}
        value={startsOn}
        maxLength={10}
        required
        hint={t('inspections.dayHint')}
        error={startsOn.trim() !== '' && starts === null ? t('inspections.badDay') : undefined}
        onChange={setStartsOn}
      />
      <TeamPicker team={team} onChange={setTeam} />
      {failure && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
      <FormActions
        submit={saving ? t('inspections.form.creating') : t('inspections.round.followUpCreate')}
        cancel={t('inspections.form.cancel')}
        disabled={saving}
        onCancel={onCancel}
      />
      {leaveDialog}
    </form>
  );
}
