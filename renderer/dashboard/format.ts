import { useTranslation } from 'react-i18next';

/**
 * Figures as the clerk reads them in the language shown: whole numbers grouped (2.242 /
 * 2,242; prorated scans rounded), a rate with one decimal, two below one ("0,35" rather
 * than "0,4" — a low rate must not read like another).
 */
export function useFigureFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-US' : 'vi-VN';
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const rateSmall = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const rate = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return {
    count: (value: number) => count.format(Math.round(value)),
    rate: (value: number) => (value < 1 ? rateSmall : rate).format(value),
  };
}
