import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../shared/domain/staff';
import { api } from '../api/client';
import { useOperation } from '../api/use-operation';
import { PinPrompt } from './PinPrompt';

interface Props {
  staff: Staff;
  onUnlocked(staff: Staff): void;
  /** Back to "who is working", for a colleague to take the PC. */
  onSwitch(): void;
}

/**
 * Shown over the page when the session locked: the page stays mounted beneath (inert), so
 * a form half filled is there as it was once the PIN unlocks.
 */
export function LockScreen({ staff, onUnlocked, onSwitch }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  // Asked afresh: the PIN may have been set since the person chose themselves.
  const current = useOperation(() => api['session.get']({}), []);
  const hasPin = current?.ok ? (current.value.staff?.hasPin ?? false) : staff.hasPin;
  return (
    <div className="lock-screen" role="dialog" aria-modal="true" aria-labelledby={titleId}>
      <div className="who-card">
        <h1 id={titleId}>{t('pin.lock.title')}</h1>
        <p>{t('pin.lock.why')}</p>
        <p>
          <strong>{t('pin.lock.who', { name: staff.name })}</strong>
        </p>
        {hasPin ? (
          <PinPrompt name={staff.name} submitLabel={t('pin.lock.unlock')} send={(pin) => api['session.unlock']({ pin })} onDone={onUnlocked} />
        ) : (
          <button
            type="button"
            className="primary"
            onClick={() => void api['session.unlock']({}).then((result) => result.ok && onUnlocked(result.value))}
          >
            {t('pin.lock.resume')}
          </button>
        )}
        <p>
          <button type="button" className="link-button" onClick={onSwitch}>
            {t('pin.lock.other')}
          </button>
        </p>
      </div>
    </div>
  );
}
