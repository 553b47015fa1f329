import { useTranslation } from 'react-i18next';
import { POSTER_FILTERS, SCANNING_FILTERS, VENUE_SORTS, VENUE_STATUSES, VENUE_TYPES, type PosterFilter } from '../../shared/domain/venue';
import { Choice, optionsOf } from '../forms/Choice';
import { unitOptions, useUnits } from '../units/use-units';
import type { VenueFilterValue } from './venue-url-filters';

interface Props {
  value: VenueFilterValue;
  onChange(value: VenueFilterValue): void;
}

/** The poster states the list offered first keep their words; the dashboard's own come from its area. */
const LISTED_BEFORE: ReadonlySet<PosterFilter> = new Set(['none', 'older', 'queued']);

/** Commune, village, type, status, poster state, scans and sort order; an empty choice means "all". */
export function VenueFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  const { communes, villagesOf } = useUnits();
  const set = (patch: Partial<VenueFilterValue>) => onChange({ ...value, ...patch });
  const all = t('filters.all');
  const posterLabel = (poster: PosterFilter) =>
    LISTED_BEFORE.has(poster)
      ? t(`filters.posterState.${poster as 'none' | 'older' | 'queued'}`)
      : t(`dashboard.listFilters.poster.${poster as 'printed' | 'recent' | 'laminated'}`, { months: value.posterMonths ?? 12 });
  return (
    <div className="filters">
      {communes.length > 0 && (
        <Choice
          label={t('fields.communeId')}
          value={value.communeId}
          empty={all}
          options={unitOptions(communes)}
          onChange={(communeId) => set({ communeId: communeId ?? undefined, villageId: undefined })}
        />
      )}
      {value.communeId && villagesOf(value.communeId).length > 0 && (
        <Choice
          label={t('fields.villageId')}
          value={value.villageId}
          empty={all}
          options={unitOptions(villagesOf(value.communeId))}
          onChange={(villageId) => set({ villageId: villageId ?? undefined })}
        />
      )}
      <Choice
        label={t('fields.type')}
        value={value.type}
        empty={all}
        options={optionsOf(VENUE_TYPES, (type) => t(`venueType.${type}`))}
        onChange={(type) => set({ type: type ?? undefined })}
      />
      <Choice
        label={t('fields.status')}
        value={value.status}
        empty={all}
        options={optionsOf(VENUE_STATUSES, (status) => t(`venueStatus.${status}`))}
        onChange={(status) => set({ status: status ?? undefined })}
      />
      <Choice
        label={t('filters.poster')}
        value={value.poster}
        empty={all}
        options={optionsOf(POSTER_FILTERS, posterLabel)}
        onChange={(poster) => set({ poster: poster ?? undefined })}
      />
      <Choice
        label={t('dashboard.listFilters.scanning')}
        value={value.scanning}
        empty={all}
        options={optionsOf(SCANNING_FILTERS, (scanning) => t(`dashboard.listFilters.scanningState.${scanning}`))}
        onChange={(scanning) => set({ scanning: scanning ?? undefined })}
      />
      <Choice
        label={t('filters.sort')}
        value={value.sort ?? 'name'}
        options={optionsOf(VENUE_SORTS, (sort) => t(`filters.sortBy.${sort}`))}
        onChange={(sort) => set({ sort })}
      />
      {value.scanning && value.from === undefined && value.to === undefined && <span className="muted small">{t('dashboard.listFilters.scanWindowDefault')}</span>}
    </div>
  );
}
