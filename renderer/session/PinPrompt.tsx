import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, Result } from '../../shared/api/result';
import type { Staff } from '../../shared/domain/staff';
import { ErrorMessage } from '../forms/ErrorMessage';
import { PinField, pinOrNothing } from './PinField';
import { usePinErrorText } from './pin-error-text';

interface Props {
  name: string;
  submitLabel: string;
  /** session.start or session.unlock with the PIN typed. */
  send(pin: string | undefined): Promise<Result<Staff>>;
  onDone(staff: Staff): void;
}

/** Asks a person's PIN (start screen, lock screen); a refused PIN is cleared for the next try. */
export function PinPrompt({ name, submitLabel, send, onDone }: Props) {
  const { t } = useTranslation();
  const pinErrorText = usePinErrorText();
  const [pin, setPin] = useState('');
  const [failure, setFailure] = useState<AppErrorData>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await send(pinOrNothing(pin));
    if (result.ok) return onDone(result.value);
    setFailure(result.error);
    setPin('');
  }

  return (
    <form className="venue-form" onSubmit={(event) => void submit(event)}>
      <PinField label={t('pin.askFor', { name })} value={pin} onChange={setPin} autoFocus />
      <button type="submit" className="primary">
        {submitLabel}
      </button>
      <ErrorMessage error={failure && pinErrorText(failure)} />
    </form>
  );
}
