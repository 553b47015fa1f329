import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useOperation } from '../api/use-operation';
import { Choice } from '../forms/Choice';

export interface Member {
  staffId: string | null;
  name: string;
}

interface Props {
  team: Member[];
  onChange(team: Member[]): void;
}

/** An inspection team: the office's own staff, picked from the list, and people from other units by name. */
export function TeamPicker({ team, onChange }: Props) {
  const { t } = useTranslation();
  const staff = useOperation(() => api['staff.list']({}), []);
  const [staffId, setStaffId] = useState<string | null>(null);
  const [outsider, setOutsider] = useState('');

  const inTeam = new Set(team.map((member) => member.staffId));
  const choices = (staff?.ok ? staff.value : [])
    .filter((member) => !inTeam.has(member.id))
    .map((member) => ({ value: member.id, label: member.name }));

  function addStaff() {
    const member = staff?.ok ? staff.value.find((candidate) => candidate.id === staffId) : undefined;
    if (!member) return;
    onChange([...team, { staffId: member.id, name: member.name }]);
    setStaffId(null);
  }

  function addOutsider() {
    const name = outsider.trim();
    if (name === '' || team.some((member) => member.staffId === null && member.name === name)) return;
    onChange([...team, { staffId: null, name }]);
    setOutsider('');
  }

  return (
    <fieldset className="team-picker">
      <legend>{t('inspections.team.title')}</legend>
      {team.length === 0 ? (
        <p className="muted">{t('inspections.team.empty')}</p>
      ) : (
        <ul className="chips">
          {team.map((member) => (
            <li key={`${member.staffId ?? 'outsider'}:${member.name}`}>
              {member.name}
              {member.staffId === null && <span className="muted small"> ({t('inspections.team.otherUnit')})</span>}
              <button
                type="button"
                className="link-button"
                aria-label={t('inspections.team.remove', { name: member.name })}
                onClick={() => onChange(team.filter((other) => other !== member))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="inline-form">
        <Choice
          aria-label={t('inspections.team.staff')}
          value={staffId}
          empty={t('inspections.team.chooseStaff')}
          options={choices}
          onChange={setStaffId}
        />
        <button type="button" disabled={staffId === null} onClick={addStaff}>
          {t('inspections.team.addStaff')}
        </button>
      </div>
      <div className="inline-form">
        <input
          aria-label={t('inspections.team.outsider')}
          placeholder={t('inspections.team.outsiderPlaceholder')}
          value={outsider}
          maxLength={120}
          onChange={(event) => setOutsider(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault(); // Enter adds the name, it does not submit the whole form
              addOutsider();
            }
          }}
        />
        <button type="button" disabled={outsider.trim() === ''} onClick={addOutsider}>
          {t('inspections.team.addOutsider')}
        </button>
      </div>
    </fieldset>
  );
}
