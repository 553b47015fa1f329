import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { formatDate } from '../../shared/text/date';
import { ErrorMessage } from '../forms/ErrorMessage';
import { useUpperOffice } from '../exchange/use-upper-office';
import { useMay } from '../session/use-may';
import { useUnits } from '../units/use-units';
import { ExportButtons } from './ExportButtons';
import { SEARCH_PAUSE_MS, useSettledValue } from './use-settled-value';
import { useVenueWindow } from './use-venue-window';
import { ActiveFilterChips } from './ActiveFilterChips';
import { VenueFilters } from './VenueFilters';
import { filtersFromSearch, searchOfFilters, type VenueFilterValue } from './venue-url-filters';

const ROW_HEIGHT = 44;

/** `/` or Ctrl+F jumps to the search box, as clerks expect from Excel and browsers. */
function useSearchShortcut(input: React.RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
      if ((event.key === '/' && !typing) || (event.key === 'f' && event.ctrlKey)) {
        event.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [input]);
}

export function VenueListPage() {
  const { t } = useTranslation();
  const mayCreate = useMay('venues.create');
  const mayImport = useMay('imports.open');
  const mayImportScans = useMay('scans.open');
  // An upper office's list holds several communes' venues: each row names its commune.
  const withCommune = useUpperOffice();
  const navigate = useNavigate();
  const { nameOf } = useUnits();
  const savedMessage = (useLocation().state as { saved?: string } | null)?.saved;
  const [search, setSearch] = useState('');
  const searched = useSettledValue(search, SEARCH_PAUSE_MS);
  // The filters live in the address, so a figure of the dashboard opens the list already filtered and Back returns to it.
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(searchParams), [searchParams]);
  const setFilters = useCallback((next: VenueFilterValue) => setSearchParams(searchOfFilters(next), { replace: true }), [setSearchParams]);
  const [selected, setSelected] = useState(0);
  const searchBox = useRef<HTMLInputElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  useSearchShortcut(searchBox);

  const venues = useVenueWindow({ search: searched, ...filters });
  const count = venues.total ?? 0;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const visible = virtualizer.getVirtualItems();
  const first = visible[0]?.index ?? 0;
  const last = visible.at(-1)?.index ?? 0;
  const { ensureRange } = venues;
  useEffect(() => ensureRange(first, last), [ensureRange, first, last]);
  useEffect(() => setSelected(0), [searched, filters]);

  /** Arrows move the highlighted row, Enter opens it: the list works without a mouse. */
  function onListKey(event: KeyboardEvent) {
    const move = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 }[event.key];
    if (move !== undefined) {
      event.preventDefault();
      const next = Math.max(0, Math.min(count - 1, selected + move));
      setSelected(next);
      virtualizer.scrollToIndex(next);
    } else if (event.key === 'Enter') {
      const venue = venues.rowAt(selected);
      if (venue) navigate(`/venues/${venue.id}`);
    }
  }

  return (
    <section className="venue-list-page">
      <div className="toolbar">
        <h1>{t('venues.title')}</h1>
        <div className="actions">
          <ExportButtons query={{ search: searched, ...filters }} total={venues.total} />
          {mayImport && (
            <Link className="button" to="/venues/import">
              {t('importFlow.open')}
            </Link>
          )}
          {mayImportScans && (
            <Link className="button" to="/scans/import">
              {t('scans.import.open')}
            </Link>
          )}
          {mayCreate && (
            <Link className="button primary" to="/venues/new">
              {t('venues.add')}
            </Link>
          )}
        </div>
      </div>
      {savedMessage && (
        <p className="notice" role="status">
          {savedMessage}
        </p>
      )}
      <input
        ref={searchBox}
        className="search"
        type="search"
        aria-label={t('venues.search')}
        placeholder={t('venues.searchPlaceholder')}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'Enter') {
            event.preventDefault();
            scroller.current?.focus();
          }
        }}
      />
      <VenueFilters value={filters} onChange={setFilters} />
      <ActiveFilterChips value={filters} onChange={setFilters} />
      <ErrorMessage error={venues.error} />
      {venues.total !== undefined && (
        <p className="muted" aria-live="polite">
          {t(venues.totalCapped ? 'venues.countCapped' : 'venues.count', { count: venues.total })}
        </p>
      )}
      {venues.total === 0 && (
        <p className="muted">
          {searched.trim() ? t('venues.noMatch', { search: searched }) : Object.keys(filters).some((key) => key !== 'sort') ? t('dashboard.listFilters.noMatch') : t('venues.empty')}
        </p>
      )}
      <div className={withCommune ? 'venue-grid with-commune' : 'venue-grid'} role="table" aria-label={t('venues.title')} aria-rowcount={count}>
        <div className="venue-row venue-head" role="row">
          <span role="columnheader">{t('venues.columns.code')}</span>
          <span role="columnheader">{t('venues.columns.name')}</span>
          {withCommune && <span role="columnheader">{t('venues.columns.commune')}</span>}
          <span role="columnheader">{t('venues.columns.type')}</span>
          <span role="columnheader">{t('venues.columns.address')}</span>
          <span role="columnheader">{t('venues.columns.phone')}</span>
          <span role="columnheader">{t('venues.columns.status')}</span>
          <span role="columnheader">{t('venues.columns.updatedAt')}</span>
        </div>
        <div ref={scroller} className="venue-scroller" tabIndex={0} onKeyDown={onListKey} role="rowgroup">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {visible.map((item) => {
              const venue = venues.rowAt(item.index);
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-selected={item.index === selected}
                  className={`venue-row${item.index === selected ? ' selected' : ''}`}
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                  onClick={() => venue && navigate(`/venues/${venue.id}`)}
                >
                  {venue ? (
                    <>
                      <span role="cell" className="nowrap">{venue.code}</span>
                      <span role="cell" className="name" title={venue.name}>
                        {venue.name}
                      </span>
                      {withCommune && <span role="cell">{nameOf(venue.communeId)}</span>}
                      <span role="cell">{t(`venueType.${venue.type}`)}</span>
                      <span role="cell">{[venue.address, nameOf(venue.villageId)].filter(Boolean).join(', ')}</span>
                      <span role="cell" className="nowrap">{venue.phones[0] ?? ''}</span>
                      <span role="cell" className={`nowrap status-${venue.status}`}>{t(`venueStatus.${venue.status}`)}</span>
                      <span role="cell" className="nowrap">{formatDate(venue.updatedAt)}</span>
                    </>
                  ) : (
                    <span role="cell" className="muted">{t('venues.loading')}</span>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </section>
  );
}
