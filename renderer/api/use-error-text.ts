import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../shared/api/result';
import type { FieldError } from '../../shared/api/validation';
import { vi } from '../i18n/vi';

type FieldName = keyof typeof vi.fields;

const isKnownField = (field: string): field is FieldName => Object.hasOwn(vi.fields, field);

/** Turns a field error or an error code into a sentence in the user's language. */
export function useErrorText() {
  const { t } = useTranslation();
  const fieldLabel = (field: string) => (isKnownField(field) ? t(`fields.${field}`) : field);
  const fieldText = ({ field, reason }: FieldError) => t(`errors.field.${reason}`, { field: fieldLabel(field) });
  const errorText = (error: AppErrorData) =>
    error.field !== undefined && error.reason !== undefined
      ? fieldText({ field: error.field, reason: error.reason })
      : t(`errors.code.${error.code}`);
  return { fieldText, errorText };
}
