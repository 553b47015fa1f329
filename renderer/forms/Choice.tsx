import { useId, type JSX } from 'react';

export interface Option<T extends string> {
  value: T;
  label: string;
}

/** Options for a fixed list of values, each shown as its translation. */
export const optionsOf = <T extends string>(values: readonly T[], labelOf: (value: T) => string): Option<T>[] =>
  values.map((value) => ({ value, label: labelOf(value) }));

// The values' type comes from the options alone (NoInfer): a wider `value` cannot widen it.
interface Base<T extends string> {
  options: readonly Option<T>[];
  'aria-label'?: string;
}

/** The list starts with a blank choice ("— Chọn —", "Tất cả", "Bỏ qua") that reads back as null. */
export type WithEmpty<T extends string> = Base<T> & {
  empty: string;
  value: NoInfer<T> | null | undefined;
  onChange(value: NoInfer<T> | null): void;
};

/** A value is always chosen. */
export type WithoutEmpty<T extends string> = Base<T> & {
  empty?: undefined;
  value: NoInfer<T>;
  onChange(value: NoInfer<T>): void;
};

export type ChoiceProps<T extends string> = WithEmpty<T> | WithoutEmpty<T>;

/**
 * Where a wrapping label names the list: by its caption's id, so the list's name is the
 * caption alone and not the caption followed by every option's text.
 */
export interface NamedBy {
  labelledBy?: string;
  describedBy?: string;
}

/** The bare <select>; Choice and SelectField put it in their own kind of label. */
export function selectOf<T extends string>(props: ChoiceProps<T>, named: NamedBy = {}) {
  // The options are the only values the list can report, so the casts hold.
  const choose = (text: string) =>
    props.empty === undefined ? props.onChange(text as T) : props.onChange(text === '' ? null : (text as T));
  return (
    <select
      aria-label={props['aria-label']}
      aria-labelledby={named.labelledBy}
      aria-describedby={named.describedBy}
      value={props.value ?? ''} onChange={(event) => choose(event.target.value)}>
      {props.empty !== undefined && <option value="">{props.empty}</option>}
      {props.options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}

interface Labelled {
  label?: string;
  className?: string;
}

/**
 * A list of choices: inside a one-line label (filters, toolbars) when given `label`,
 * else alone and named by `aria-label` (a cell of a table). Two signatures rather than
 * one union: a handler's parameter is then typed even when `empty` is a call like
 * t('…'), which TypeScript cannot use to pick a member of a union.
 */
export function Choice<T extends string>(props: WithEmpty<T> & Labelled): JSX.Element;
export function Choice<T extends string>(props: WithoutEmpty<T> & Labelled): JSX.Element;
export function Choice<T extends string>(props: ChoiceProps<T> & Labelled) {
  const captionId = useId();
  if (props.label === undefined) return selectOf(props);
  return (
    <label className={props.className}>
      <span id={captionId}>{props.label}</span>
      {selectOf(props, { labelledBy: captionId })}
    </label>
  );
}
