import { useId } from 'react';

interface Props {
  name: string;
  label: string;
  value: string;
  maxLength: number;
  required?: boolean;
  hint?: string;
  error?: string;
  onChange(value: string): void;
}

/** A labelled input whose error message is announced and tied to it (aria-describedby). */
export function TextField({ name, label, value, maxLength, required, hint, error, onChange }: Props) {
  const errorId = useId();
  return (
    <label className="field">
      <span>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </span>
      <input
        name={name}
        value={value}
        maxLength={maxLength}
        aria-required={required}
        aria-invalid={error !== undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint && <span className="muted small">{hint}</span>}
      {error && (
        <span id={errorId} className="field-error" role="alert">
          {error}
        </span>
      )}
    </label>
  );
}
