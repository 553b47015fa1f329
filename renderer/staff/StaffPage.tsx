import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../shared/api/result';
import { STAFF_ROLES, type Staff, type StaffRole } from '../../shared/domain/staff';
import { api } from '../api/client';
import { useErrorText } from '../api/use-error-text';
import { useOperation } from '../api/use-operation';

/** The office's staff: who may be chosen at start, with what role. */
export function StaffPage() {
  const { t } = useTranslation();
  const { errorText } = useErrorText({ name: t('staff.name') });
  const [revision, setRevision] = useState(0);
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>('clerk');
  const [failure, setFailure] = useState<AppErrorData>();
  const staff = useOperation(() => api['staff.list']({ includeInactive: true }), [revision]);

  async function run(call: Promise<{ ok: boolean; error?: AppErrorData }>) {
    const result = await call;
    setFailure(result.ok ? undefined : result.error);
    setRevision((value) => value + 1);
    return result.ok;
  }

  async function add(event: FormEvent) {
    event.preventDefault();
    if (await run(api['staff.create']({ name, role }))) setName('');
  }

  const update = (member: Staff, patch: Partial<Staff>) => void run(api['staff.update']({ ...member, ...patch }));

  return (
    <section>
      <h1>{t('staff.title')}</h1>
      <table className="simple-table">
        <thead>
          <tr>
            <th>{t('staff.name')}</th>
            <th>{t('staff.role')}</th>
            <th>{t('staff.active')}</th>
          </tr>
        </thead>
        <tbody>
          {staff?.ok &&
            staff.value.map((member) => (
              <tr key={member.id}>
                <td>{member.name}</td>
                <td>
                  <select
                    aria-label={`${t('staff.role')} ${member.name}`}
                    value={member.role}
                    onChange={(event) => update(member, { role: event.target.value as StaffRole })}
                  >
                    {STAFF_ROLES.map((value) => (
                      <option key={value} value={value}>
                        {t(`staffRole.${value}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${t('staff.active')} ${member.name}`}
                    checked={member.active}
                    onChange={(event) => update(member, { active: event.target.checked })}
                  />
                </td>
              </tr>
            ))}
        </tbody>
      </table>
      <form className="inline-form" onSubmit={(event) => void add(event)}>
        <input aria-label={t('staff.name')} placeholder={t('staff.name')} value={name} onChange={(e) => setName(e.target.value)} />
        <select aria-label={t('staff.role')} value={role} onChange={(event) => setRole(event.target.value as StaffRole)}>
          {STAFF_ROLES.map((value) => (
            <option key={value} value={value}>
              {t(`staffRole.${value}`)}
            </option>
          ))}
        </select>
        <button type="submit">{t('staff.add')}</button>
      </form>
      {failure && (
        <p className="error" role="alert">
          {errorText(failure)}
        </p>
      )}
    </section>
  );
}
