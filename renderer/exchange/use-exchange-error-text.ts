import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../shared/api/result';
import { useErrorText } from '../api/use-error-text';
import { exchangeEn } from '../i18n/areas/exchange';

/**
 * Packages are refused for reasons only main can name (a signature that fails, a key bound
 * to another commune, a package older than the last one), and main words each one as a
 * sentence for the clerk, ending "Chưa ghi gì.": those codes show that sentence; the rest
 * (a field, the connection, an internal fault) read as everywhere else.
 */
const WORDED_BY_MAIN: ReadonlySet<string> = new Set(['UNSUPPORTED_FILE', 'FORBIDDEN', 'CONFLICT', 'NOT_FOUND']);

/** A refusal main names with a sentence this UI has in English. */
const isWordedInEnglish = (key: string | undefined): key is keyof typeof exchangeEn.refusals =>
  key !== undefined && Object.hasOwn(exchangeEn.refusals, key);

/** The English sentence with main's values in its {{placeholders}} (the refusals live only in exchangeEn, so not through the typed t). */
const english = (key: keyof typeof exchangeEn.refusals, values: Record<string, string | number>) =>
  exchangeEn.refusals[key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));

export function useExchangeErrorText() {
  const { errorText } = useErrorText();
  const { i18n } = useTranslation();
  return (error: AppErrorData): string => {
    if (!WORDED_BY_MAIN.has(error.code)) return errorText(error);
    const sentence = error.sentence;
    // Main's message is the Vietnamese; in English the page words the refusals it knows.
    return i18n.language === 'en' && sentence && isWordedInEnglish(sentence.key) ? english(sentence.key, sentence.values) : error.message;
  };
}
