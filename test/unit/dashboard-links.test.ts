import { describe, expect, it } from 'vitest';
import { findingFilterOf, venueFilterOf, VENUE_COUNT_FIGURES, type DashboardQuery } from '../../shared/domain/dashboard';
import { FINDING_CATEGORIES } from '../../shared/domain/inspections';
import { filtersFromSearch, venueListPath } from '../../renderer/venues/venue-url-filters';
import { presetPeriod } from '../../renderer/dashboard/period';
import { searchOfSelection, selectionFromSearch } from '../../renderer/dashboard/selection';

/**
 * The addresses a figure clicks through to carry exactly the filter whose count
 * dashboard.test.ts holds equal to the figure; the dashboard's own address keeps its choice.
 */

const COMMUNE = '01900000-0000-7000-8000-000000000001';
const VILLAGE = '01900000-0000-7000-8000-000000000002';
const QUERY: DashboardQuery = { from: '2025-03-01', to: '2025-03-31', communeId: COMMUNE, type: 'shop' };

const roundTrip = (path: string) => filtersFromSearch(new URLSearchParams(path.split('?')[1] ?? ''));

describe('click-through addresses', () => {
  it('carry every venue figure\'s filter, for the area, a village, the venues of no village and a type', () => {
    for (const figure of VENUE_COUNT_FIGURES) {
      for (const slice of [undefined, { areaLevel: 'village' as const, unitId: VILLAGE }, { areaLevel: 'village' as const, unitId: null }, { type: 'market' as const }]) {
        const filter = venueFilterOf(QUERY, figure, slice);
        expect(roundTrip(venueListPath(filter)), `${figure} ${JSON.stringify(slice)}`).toEqual(filter);
      }
    }
    expect(venueListPath(venueFilterOf(QUERY, 'withOverdueActions'))).toBe(`/venues?communeId=${COMMUNE}&type=shop&to=2025-03-31&overdueActions=1`);
    expect(venueFilterOf(QUERY, 'posterRecent', { areaLevel: 'village', unitId: null })).toEqual({
      communeId: COMMUNE,
      type: 'shop',
      missingUnit: 'village',
      poster: 'recent',
      posterMonths: 12,
      to: '2025-03-31',
    });
  });

  it('carry the findings of a category, recorded in the period or still open', () => {
    for (const category of FINDING_CATEGORIES) {
      for (const state of ['recorded', 'open'] as const) {
        const filter = findingFilterOf(QUERY, category, state);
        expect(roundTrip(venueListPath(filter))).toEqual(filter);
      }
    }
    expect(findingFilterOf(QUERY, 'damaged', 'open')).not.toHaveProperty('from');
  });

  it('leave out what does not parse: a made-up status, a day that does not exist, a false flag', () => {
    expect(filtersFromSearch(new URLSearchParams('status=gone&from=2025-02-30&inspected=0&overdueActions=true&sort=name&scanning=zero'))).toEqual({
      overdueActions: true,
      scanning: 'zero',
    });
  });
});

describe('the dashboard\'s own address', () => {
  it('names a preset and writes out custom days, area and type', () => {
    const custom = { choice: 'custom' as const, query: { from: '2025-03-05', to: '2025-03-20', villageId: VILLAGE } };
    expect(searchOfSelection(custom)).toEqual({ period: 'custom', from: '2025-03-05', to: '2025-03-20', villageId: VILLAGE });
    expect(selectionFromSearch(new URLSearchParams(searchOfSelection(custom)))).toEqual(custom);
    expect(selectionFromSearch(new URLSearchParams({ period: 'lastMonth', type: 'market' }))).toEqual({ choice: 'lastMonth', query: { ...presetPeriod('lastMonth'), type: 'market' } });
  });

  it('falls back to this month when the days typed do not make a period', () => {
    expect(selectionFromSearch(new URLSearchParams({ period: 'custom', from: '2025-03-20', to: '2025-03-05' }))).toEqual({ choice: 'thisMonth', query: presetPeriod('thisMonth') });
  });

  it('takes this quarter from its first day to today', () => {
    expect(presetPeriod('thisQuarter', '2025-08-14')).toEqual({ from: '2025-07-01', to: '2025-08-14' });
    expect(presetPeriod('thisQuarter', '2025-01-01')).toEqual({ from: '2025-01-01', to: '2025-01-01' });
    expect(presetPeriod('lastMonth', '2025-03-31')).toEqual({ from: '2025-02-01', to: '2025-02-28' });
  });
});
