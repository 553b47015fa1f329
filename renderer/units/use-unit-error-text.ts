import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../shared/api/result';
import { useErrorText } from '../api/use-error-text';

/**
 * Error sentences for the units page: the failures only units have get their own words
 * (a code already taken, a unit still in use, an unreadable list, a bad row); the rest
 * read as everywhere else, with the unit form's field labels.
 */
export function useUnitErrorText() {
  const { t } = useTranslation();
  const { errorText, fieldText } = useErrorText({
    name: t('units.form.name'),
    officialCode: t('units.form.officialCode'),
    codePrefix: t('units.form.codePrefix'),
    parentId: t('units.form.parent'),
    intoId: t('units.merge.target'),
    bytesBase64: t('units.import.file'),
  });
  const unitErrorText = (error: AppErrorData): string => {
    const badRow = /^rows\.(\d+)$/.exec(error.field ?? '');
    if (badRow) return t('units.errors.badRow', { row: badRow[1] });
    if (error.code === 'DUPLICATE' && error.field === 'officialCode') return t('units.errors.duplicateCode');
    if (error.code === 'CONFLICT' && error.field === 'id') return t('units.errors.inUse');
    if (error.code === 'UNSUPPORTED_FILE') return t('units.errors.unsupportedFile');
    return errorText(error);
  };
  return { unitErrorText, fieldText };
}
