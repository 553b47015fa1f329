import type { JSX } from 'react';
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
  return (
    <label className={props.className ?? 'field'}>
      <span>{props.label}</span>
      {selectOf(props)}
      {props.error && <span className="field-error">{props.error}</span>}
    </label>
  );
}
