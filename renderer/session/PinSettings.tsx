import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IDLE_LOCK_MINUTES } from '../../shared/domain/pin';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { useOperation } from '../api/use-operation';
import type { Option } from '../forms/Choice';
import { ErrorMessage } from '../forms/ErrorMessage';
import { SelectField } from '../forms/SelectField';
import { PinField, pinOrNothing } from './PinField';
import { usePinErrorText } from './pin-error-text';
import { useMay } from './use-may';

/** Settings: the person's own PIN (set, change, remove) and, for an admin, the idle time after which the session locks. */
export function PinSettings() {
  const { t } = useTranslation();
  const pinErrorText = usePinErrorText();
  const titleId = useId();
  const [revision, setRevision] = useState(0);
  const [currentPin, setCurrentPin] = useState('');
  const [newPin, setNewPin] = useState('');
  const [done, setDone] = useState<'saved' | 'removed'>();
  const { failure, run } = useAction({ onSettled: () => setRevision((value) => value + 1) });
  const me = useOperation(() => api['session.get']({}), [revision]);
  const mayChooseIdle = useMay('settings.update');
  const hasPin = me?.ok && me.value.staff?.hasPin;

  async function save(next: string | null) {
    setDone(undefined);
    if (await run(api['staff.setPin']({ currentPin: pinOrNothing(currentPin), newPin: next }))) {
      setCurrentPin('');
      setNewPin('');
      setDone(next === null ? 'removed' : 'saved');
    }
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(newPin);
  };

  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId}>{t('pin.settings.title')}</h2>
      <p className="muted">{t('pin.settings.intro')}</p>
      <p>{hasPin ? t('pin.settings.hasPin') : t('pin.settings.noPin')}</p>
      <form className="venue-form" onSubmit={submit}>
        {hasPin && <PinField label={t('pin.settings.current')} value={currentPin} onChange={setCurrentPin} />}
        <PinField label={t('pin.settings.new')} value={newPin} onChange={setNewPin} />
        <div className="inline-form">
          <button type="submit">{hasPin ? t('pin.settings.change') : t('pin.settings.set')}</button>
          {hasPin && (
            <button type="button" onClick={() => void save(null)}>
              {t('pin.settings.remove')}
            </button>
          )}
        </div>
      </form>
      {done && <p role="status">{t(`pin.settings.${done}`)}</p>}
      <ErrorMessage error={failure && pinErrorText(failure)} />
      {mayChooseIdle && <IdleLockChoice />}
    </section>
  );
}

/** The idle time after which the session locks; a value set through the API that the list lacks is shown as it is. */
function IdleLockChoice() {
  const { t } = useTranslation();
  const pinErrorText = usePinErrorText();
  const [revision, setRevision] = useState(0);
  const { failure, run } = useAction({ onSettled: () => setRevision((value) => value + 1) });
  const settings = useOperation(() => api['settings.get']({}), [revision]);
  if (!settings?.ok) return null;
  const current = settings.value.idleLockSeconds;
  const labelOf = (seconds: number) =>
    seconds === 0
      ? t('pin.settings.idleOff')
      : seconds % 60 === 0
        ? t('pin.settings.idleMinutes', { minutes: seconds / 60 })
        : t('pin.settings.idleSeconds', { seconds });
  const choices = [...new Set([...IDLE_LOCK_MINUTES.map((minutes) => minutes * 60), current])].sort((a, b) => a - b);
  const options: Option<string>[] = choices.map((seconds) => ({ value: String(seconds), label: labelOf(seconds) }));
  return (
    <SelectField
      className="field narrow"
      label={t('pin.settings.idle')}
      value={String(current)}
      options={options}
      error={failure && pinErrorText(failure)}
      onChange={(value) => void run(api['settings.update']({ idleLockSeconds: Number(value) }))}
    />
  );
}
