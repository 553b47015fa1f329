import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../shared/api/result';
import type { FieldError } from '../../shared/api/validation';
import { vi } from '../i18n/vi';

type VenueField = keyof typeof vi.fields;

const isVenueField = (field: string): field is VenueField => Object.hasOwn(vi.fields, field);

/**
 * Turns a field error or an error code into a sentence in the user's language. A form
 * whose fields are not the venue's passes its own labels; "phones.1" reads "Số điện thoại (2)".
 */
export function useErrorText(labels: Record<string, string> = {}) {
  const { t } = useTranslation();
  const fieldLabel = (path: string) => {
    const [field, index] = path.split('.');
    const label = labels[field] ?? (isVenueField(field) ? t(`fields.${field}`) : field);
    return index === undefined ? label : `${label} (${Number(index) + 1})`;
  };
  const fieldText = ({ field, reason }: FieldError) => t(`errors.field.${reason}`, { field: fieldLabel(field) });
  const errorText = (error: AppErrorData) =>
    error.field !== undefined && error.reason !== undefined
      ? fieldText({ field: error.field, reason: error.reason })
      : t(`errors.code.${error.code}`);
  return { fieldText, errorText };
}
