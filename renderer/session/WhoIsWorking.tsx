import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../shared/api/result';
import type { Staff } from '../../shared/domain/staff';
import { api } from '../api/client';
import { useOperation } from '../api/use-operation';
import { ErrorMessage } from '../forms/ErrorMessage';
import { LanguageSwitch } from '../frame/LanguageSwitch';
import { PinPrompt } from './PinPrompt';

/** The start screen: pick yourself from the office's staff (with your PIN if you set one), or (first run) add yourself. */
export function WhoIsWorking({ onChosen }: { onChosen(staff: Staff): void }) {
  const { t } = useTranslation();
  const staff = useOperation(() => api['staff.list']({}), []);
  const [name, setName] = useState('');
  const [failure, setFailure] = useState<AppErrorData>();
  const [asking, setAsking] = useState<Staff>();

  async function choose(staffId: string) {
    const result = await api['session.start']({ staffId });
    if (result.ok) onChosen(result.value);
    else setFailure(result.error);
  }

  async function addFirst(event: FormEvent) {
    event.preventDefault();
    const created = await api['staff.create']({ name, role: 'admin' });
    if (created.ok) await choose(created.value.id);
    else setFailure(created.error);
  }

  const nobodyYet = staff?.ok && staff.value.length === 0;
  if (asking) {
    return (
      <main className="who-is-working">
        <div className="who-card">
          <h1>{t('app.name')}</h1>
          <PinPrompt
            name={asking.name}
            submitLabel={t('pin.submit')}
            send={(pin) => api['session.start']({ staffId: asking.id, pin })}
            onDone={onChosen}
          />
          <button type="button" className="link-button" onClick={() => setAsking(undefined)}>
            {t('pin.back')}
          </button>
        </div>
      </main>
    );
  }
  return (
    <main className="who-is-working">
      <div className="who-card">
        <div className="who-header">
          <h1>{t('app.name')}</h1>
          <LanguageSwitch />
        </div>
        <h2>{t('session.whoIsWorking')}</h2>
        {staff?.ok && staff.value.length > 0 && (
          <ul className="staff-choices">
            {staff.value.map((member) => (
              <li key={member.id}>
                <button type="button" onClick={() => (member.hasPin ? setAsking(member) : void choose(member.id))}>
                  <strong>{member.name}</strong>
                  <span className="muted">{t(`staffRole.${member.role}`)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {nobodyYet && (
          <form onSubmit={(event) => void addFirst(event)} className="venue-form">
            <p className="muted">{t('session.firstRun')}</p>
            <label className="field">
              <span>{t('staff.name')}</span>
              <input value={name} onChange={(event) => setName(event.target.value)} autoFocus />
            </label>
            <button type="submit" className="primary">
              {t('session.start')}
            </button>
          </form>
        )}
        {/* The first-run field is a person's name: "Họ và tên", not the venue's "Tên cơ sở". */}
        <ErrorMessage error={failure} labels={{ name: t('staff.name') }} />
      </div>
    </main>
  );
}
