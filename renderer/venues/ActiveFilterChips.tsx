import { useTranslation } from 'react-i18next';
import { formatDay } from '../inspections/day';
import type { VenueFilterValue } from './venue-url-filters';

interface Chip {
  key: string;
  label: string;
  /** What removing the chip clears. */
  clear: Partial<Record<keyof VenueFilterValue, undefined>>;
}

/**
 * The filters a figure of the dashboard (or the report) clicked through with that the
 * filter panel has no list for: each a chip the clerk can remove. The panel's own choices
 * (area, type, status, poster, scans) show in the panel.
 */
export function ActiveFilterChips({ value, onChange }: { value: VenueFilterValue; onChange(value: VenueFilterValue): void }) {
  const { t } = useTranslation();
  const chips: Chip[] = [];
  if (value.missingUnit) chips.push({ key: 'missingUnit', label: t(`dashboard.listFilters.missingUnit.${value.missingUnit}`), clear: { missingUnit: undefined } });
  if (value.code) chips.push({ key: 'code', label: t('dashboard.listFilters.code'), clear: { code: undefined } });
  if (value.inspected) chips.push({ key: 'inspected', label: t('dashboard.listFilters.inspected'), clear: { inspected: undefined } });
  const category = value.findingCategory ? t(`inspections.category.${value.findingCategory}`) : null;
  if (value.findings === 'open') {
    chips.push({
      key: 'findings',
      label: category ? t('dashboard.listFilters.findingsOpenOf', { category }) : t('dashboard.listFilters.findingsOpen'),
      clear: { findings: undefined, findingCategory: undefined },
    });
  } else if (value.findings === 'recorded' || category) {
    chips.push({
      key: 'findings',
      label: category ? t('dashboard.listFilters.findingsRecordedOf', { category }) : t('dashboard.listFilters.findingsRecorded'),
      clear: { findings: undefined, findingCategory: undefined },
    });
  }
  if (value.overdueActions) chips.push({ key: 'overdueActions', label: t('dashboard.listFilters.overdueActions'), clear: { overdueActions: undefined } });
  if (value.from || value.to) {
    const label =
      value.from && value.to
        ? t('dashboard.listFilters.period', { from: formatDay(value.from), to: formatDay(value.to) })
        : value.from
          ? t('dashboard.listFilters.periodFrom', { from: formatDay(value.from) })
          : t('dashboard.listFilters.periodTo', { to: formatDay(value.to!) });
    chips.push({ key: 'period', label, clear: { from: undefined, to: undefined } });
  }
  if (chips.length === 0) return null;
  return (
    <ul className="chips" aria-label={t('dashboard.listFilters.active')}>
      {chips.map((chip) => (
        <li key={chip.key}>
          {chip.label}
          <button type="button" className="link-button" aria-label={t('dashboard.listFilters.remove', { label: chip.label })} onClick={() => onChange({ ...value, ...chip.clear })}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
