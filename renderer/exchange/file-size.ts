import { useTranslation } from 'react-i18next';

/** A file's size as people read it: bytes, KB or MB with one decimal, in the language shown. */
export function useFileSize() {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits: 1 });
  return (bytes: number): string => {
    if (bytes < 1024) return t('exchange.size.bytes', { value: number.format(bytes) });
    if (bytes < 1024 * 1024) return t('exchange.size.kilobytes', { value: number.format(bytes / 1024) });
    return t('exchange.size.megabytes', { value: number.format(bytes / 1024 / 1024) });
  };
}
