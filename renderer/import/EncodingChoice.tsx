import { useTranslation } from 'react-i18next';
import { TEXT_ENCODINGS, type TextEncoding } from '../../shared/domain/import';
import { Choice, optionsOf } from '../forms/Choice';

interface Props {
  /** Names the column: the list has no caption of its own in a mapping table. */
  label: string;
  value: TextEncoding;
  onChange(encoding: TextEncoding): void;
}

/** A column's text encoding in either import's mapping: Unicode, or the legacy font (TCVN3, VNI) its text is converted from. */
export function EncodingChoice({ label, value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Choice aria-label={label} value={value} options={optionsOf(TEXT_ENCODINGS, (encoding) => t(`importFlow.encodings.${encoding}`))} onChange={onChange} />
  );
}
