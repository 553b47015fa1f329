import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanRow, ScanVenueChoice } from '../../shared/domain/scans';
import { useUnits } from '../units/use-units';
import { useVenueSearch } from '../venues/use-venue-search';

interface Props {
  row: ScanRow;
  /** Assigns the row's identifier to a venue, or skips it (null). */
  onAssign(venueId: string | null): void;
}

const SEARCH_LIMIT = 8;

/**
 * What the clerk does with an ambiguous or unmatched row: pick one of the suggested
 * venues, search the register for another, or skip the row.
 */
export function VenueAssign({ row, onAssign }: Props) {
  const { t } = useTranslation();
  const { nameOf } = useUnits();
  const [search, setSearch] = useState('');
  const { found } = useVenueSearch(search, { limit: SEARCH_LIMIT });
  const describe = (venue: Pick<ScanVenueChoice, 'code' | 'name' | 'villageId'>) =>
    [venue.name, venue.code, nameOf(venue.villageId)].filter(Boolean).join(' — ');
  const results = found?.ok ? found.value.items : [];

  return (
    <div className="venue-assign">
      {row.suggestions.length > 0 ? (
        <select aria-label={t('scans.import.assignFor', { row: row.rowNumber })} value="" onChange={(event) => event.target.value && onAssign(event.target.value)}>
          <option value="">{t('scans.import.choose')}</option>
          {row.suggestions.map((venue) => (
            <option key={venue.id} value={venue.id}>
              {describe(venue)}
            </option>
          ))}
        </select>
      ) : (
        <span className="muted small">{t('scans.import.noSuggestion')}</span>
      )}
      <input
        type="search"
        aria-label={t('scans.import.searchFor', { row: row.rowNumber })}
        placeholder={t('scans.import.searchPlaceholder')}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />
      {results.length > 0 && (
        <ul className="venue-assign-results">
          {results.map((venue) => (
            <li key={venue.id}>
              <button type="button" onClick={() => onAssign(venue.id)}>
                {describe(venue)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {row.status !== 'skipped' && (
        <button type="button" aria-label={t('scans.import.skipFor', { row: row.rowNumber })} onClick={() => onAssign(null)}>
          {t('scans.import.skip')}
        </button>
      )}
    </div>
  );
}
