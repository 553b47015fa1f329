import { useId, type JSX } from 'react';
import { selectOf, type ChoiceProps, type WithEmpty, type WithoutEmpty } from './Choice';

interface Field {
  label: string;
  /** "field narrow" for a lone field on a page; a form's fields keep "field". */
  className?: string;
  error?: string;
}

/** A form's list field: its label above it, a message below when the choice is refused (two signatures: see Choice). */
export function SelectField<T extends string>(props: WithEmpty<T> & Field): JSX.Element;
export function SelectField<T extends string>(props: WithoutEmpty<T> & Field): JSX.Element;
export function SelectField<T extends string>(props: ChoiceProps<T> & Field) {
  const captionId = useId();
  const errorId = useId();
  return (
    <label className={props.className ?? 'field'}>
      <span id={captionId}>{props.label}</span>
      {selectOf(props, { labelledBy: captionId, describedBy: props.error ? errorId : undefined })}
      {props.error && (
        <span id={errorId} className="field-error">
          {props.error}
        </span>
      )}
    </label>
  );
}
