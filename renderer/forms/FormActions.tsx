interface Props {
  submit: string;
  cancel: string;
  /** While saving, or until the form has what it needs. */
  disabled?: boolean;
  onCancel(): void;
}

/** A form's last row: the primary submit button, then cancel. */
export function FormActions({ submit, cancel, disabled, onCancel }: Props) {
  return (
    <div className="actions">
      <button type="submit" className="primary" disabled={disabled}>
        {submit}
      </button>
      <button type="button" onClick={onCancel}>
        {cancel}
      </button>
    </div>
  );
}
