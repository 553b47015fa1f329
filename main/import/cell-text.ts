import { formatDate } from '../../shared/text/date';

type CellValue =
  | null
  | undefined
  | string
  | number
  | boolean
  | Date
  | { formula?: string; sharedFormula?: string; result?: unknown }
  | { richText: Array<{ text: string }> }
  | { text: string; hyperlink: string }
  | { error: string };

/**
 * A spreadsheet cell as the text a clerk sees. Formulas give their cached result and are
 * never evaluated; numbers keep their digits (a phone stored as a number lost its leading
 * zero, which the phone rules put back); dates read dd/MM/yyyy.
 */
export function cellText(value: CellValue | unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.normalize('NFC');
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatDate(value.toISOString());
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((part) => part.text).join('').normalize('NFC');
    if ('result' in value) return cellText(value.result);
    if ('formula' in value || 'sharedFormula' in value) return '';
    if ('text' in value && typeof value.text === 'string') return value.text.normalize('NFC');
    if ('error' in value) return '';
  }
  return String(value);
}
