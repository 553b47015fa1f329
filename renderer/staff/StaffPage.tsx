import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES, type Staff, type StaffRole } from '../../shared/domain/staff';
import { api } from '../api/client';
import { useOperation } from '../api/use-operation';
import { Choice, optionsOf } from '../forms/Choice';
import { ErrorMessage } from '../forms/ErrorMessage';
import { useLeaveGuard } from '../forms/use-leave-guard';
import { useAction } from '../api/use-action';
import { useMay } from '../session/use-may';

/** The office's staff: who may be chosen at start, with what role. */
export function StaffPage() {
  const { t } = useTranslation();
  const [revision, setRevision] = useState(0);
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>('clerk');
  // A colleague's name typed but not yet added; the role and active controls save at once.
  const { dialog: leaveDialog } = useLeaveGuard(name.trim() !== '');
  const { failure, run } = useAction({ onSettled: () => setRevision((value) => value + 1) });
  const staff = useOperation(() => api['staff.list']({ includeInactive: true }), [revision]);
  const mayAdd = useMay('staff.create');
  // Anyone may see who works here (the start screen lists them too); only an admin changes it.
  const mayUpdate = useMay('staff.update');
  // A forgotten PIN: an admin clears it and the person sets a new one.
  const mayClearPin = useMay('staff.clearPin');
  const [cleared, setCleared] = useState<string>();

  async function add(event: FormEvent) {
    event.preventDefault();
    if (await run(api['staff.create']({ name, role }))) setName('');
  }

  async function clearPin(member: Staff) {
    setCleared(undefined);
    if (await run(api['staff.clearPin']({ staffId: member.id }))) setCleared(member.name);
  }

  const update = (member: Staff, patch: Partial<Staff>) => void run(api['staff.update']({ ...member, ...patch }));
  const roles = optionsOf(STAFF_ROLES, (value) => t(`staffRole.${value}`));

  return (
    <section>
      <h1>{t('staff.title')}</h1>
      <table className="simple-table">
        <thead>
          <tr>
            <th>{t('staff.name')}</th>
            <th>{t('staff.role')}</th>
            <th>{t('staff.active')}</th>
            <th>{t('pin.staff.column')}</th>
          </tr>
        </thead>
        <tbody>
          {staff?.ok &&
            staff.value.map((member) => (
              <tr key={member.id}>
                <td>{member.name}</td>
                <td>
                  {mayUpdate ? (
                    <Choice
                      aria-label={`${t('staff.role')} ${member.name}`}
                      value={member.role}
                      options={roles}
                      onChange={(next) => update(member, { role: next })}
                    />
                  ) : (
                    t(`staffRole.${member.role}`)
                  )}
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${t('staff.active')} ${member.name}`}
                    checked={member.active}
                    disabled={!mayUpdate}
                    onChange={(event) => update(member, { active: event.target.checked })}
                  />
                </td>
                <td>
                  {member.hasPin ? t('pin.staff.has') : t('pin.staff.none')}
                  {member.hasPin && mayClearPin && (
                    <button type="button" className="link-button" onClick={() => void clearPin(member)}>
                      {t('pin.staff.clear')}
                      <span className="visually-hidden"> {member.name}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
      {mayAdd && (
        <form className="inline-form" onSubmit={(event) => void add(event)}>
          <input aria-label={t('staff.name')} placeholder={t('staff.name')} value={name} onChange={(e) => setName(e.target.value)} />
          <Choice aria-label={t('staff.role')} value={role} options={roles} onChange={setRole} />
          <button type="submit">{t('staff.add')}</button>
        </form>
      )}
      {cleared && <p role="status">{t('pin.staff.cleared', { name: cleared })}</p>}
      <ErrorMessage error={failure} labels={{ name: t('staff.name') }} />
      {leaveDialog}
    </section>
  );
}
