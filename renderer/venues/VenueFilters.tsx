import { useTranslation } from 'react-i18next';
import { VENUE_SORTS, VENUE_STATUSES, VENUE_TYPES, type VenueQueryInput } from '../../shared/domain/venue';
import { useUnits } from '../units/use-units';

export type VenueFilterValue = Pick<VenueQueryInput, 'communeId' | 'villageId' | 'type' | 'status' | 'sort'>;

interface Props {
  value: VenueFilterValue;
  onChange(value: VenueFilterValue): void;
}

/** Commune, village, type, status and sort order; an empty choice means "all". */
export function VenueFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  const { communes, villagesOf } = useUnits();
  const set = (patch: Partial<VenueFilterValue>) => onChange({ ...value, ...patch });
  const choice = (text: string) => (text === '' ? undefined : text);
  return (
    <div className="filters">
      {communes.length > 0 && (
        <label>
          {t('fields.communeId')}
          <select
            value={value.communeId ?? ''}
            onChange={(event) => set({ communeId: choice(event.target.value), villageId: undefined })}
          >
            <option value="">{t('filters.all')}</option>
            {communes.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {value.communeId && villagesOf(value.communeId).length > 0 && (
        <label>
          {t('fields.villageId')}
          <select value={value.villageId ?? ''} onChange={(event) => set({ villageId: choice(event.target.value) })}>
            <option value="">{t('filters.all')}</option>
            {villagesOf(value.communeId).map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t('fields.type')}
        <select
          value={value.type ?? ''}
          onChange={(event) => set({ type: choice(event.target.value) as VenueFilterValue['type'] })}
        >
          <option value="">{t('filters.all')}</option>
          {VENUE_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`venueType.${type}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('fields.status')}
        <select
          value={value.status ?? ''}
          onChange={(event) => set({ status: choice(event.target.value) as VenueFilterValue['status'] })}
        >
          <option value="">{t('filters.all')}</option>
          {VENUE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`venueStatus.${status}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filters.sort')}
        <select value={value.sort ?? 'name'} onChange={(event) => set({ sort: event.target.value as VenueFilterValue['sort'] })}>
          {VENUE_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`filters.sortBy.${sort}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
