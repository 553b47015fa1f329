import { useId } from 'react';

interface Props {
  label: string;
  value: string;
  autoFocus?: boolean;
  onChange(value: string): void;
}

/** A PIN as it is typed: hidden, the numeric keypad on a touch screen, never offered to autofill. */
export function PinField({ label, value, autoFocus, onChange }: Props) {
  const id = useId();
  return (
    <label className="field narrow" htmlFor={id}>
      <span>{label}</span>
      <input
        id={id}
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={8}
        value={value}
        autoFocus={autoFocus}
        onChange={(event) => onChange(event.target.value)}
      />
    </label>
  );
}

/** An empty field is left out, so main answers "required" rather than "invalid". */
export const pinOrNothing = (pin: string): string | undefined => (pin === '' ? undefined : pin);
