import { useTranslation } from 'react-i18next';
import { POSTER_FILTERS, VENUE_SORTS, VENUE_STATUSES, VENUE_TYPES, type VenueQueryInput } from '../../shared/domain/venue';
import { Choice, optionsOf } from '../forms/Choice';
import { unitOptions, useUnits } from '../units/use-units';

export type VenueFilterValue = Pick<VenueQueryInput, 'communeId' | 'villageId' | 'type' | 'status' | 'poster' | 'sort'>;

interface Props {
  value: VenueFilterValue;
  onChange(value: VenueFilterValue): void;
}

/** Commune, village, type, status, poster state and sort order; an empty choice means "all". */
export function VenueFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  const { communes, villagesOf } = useUnits();
  const set = (patch: Partial<VenueFilterValue>) => onChange({ ...value, ...patch });
  const all = t('filters.all');
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
        options={optionsOf(POSTER_FILTERS, (poster) => t(`filters.posterState.${poster}`))}
        onChange={(poster) => set({ poster: poster ?? undefined })}
      />
      <Choice
        label={t('filters.sort')}
        value={value.sort ?? 'name'}
        options={optionsOf(VENUE_SORTS, (sort) => t(`filters.sortBy.${sort}`))}
        onChange={(sort) => set({ sort })}
      />
    </div>
  );
}
