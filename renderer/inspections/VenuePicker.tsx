import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, Result } from '../../shared/api/result';
import type { VenuePage } from '../../shared/domain/venue';
import { api } from '../api/client';
import { useOperation } from '../api/use-operation';
import { Choice } from '../forms/Choice';
import { ErrorMessage } from '../forms/ErrorMessage';
import { unitOptions, useUnits } from '../units/use-units';
import { useVenueSearch } from '../venues/use-venue-search';

/** A venue chosen for a round, with what the list shows of it. */
export interface PickedVenue {
  id: string;
  name: string;
  code: string;
}

interface Props {
  /** The round's commune: search, villages and suggestions stay inside it; null: everywhere. */
  communeId: string | null;
  isAdded(venueId: string): boolean;
  onAdd(venues: PickedVenue[]): void | Promise<void>;
}

const PAGE = 500;
const SEARCH_RESULTS = 8;

/**
 * The three ways a round's venues are chosen: by search (Enter adds the first match), a
 * whole village at once, or from the suggestions (never inspected, open findings, overdue actions).
 */
export function VenuePicker({ communeId, isAdded, onAdd }: Props) {
  const { t } = useTranslation();
  const { communes, villagesOf } = useUnits();
  const [search, setSearch] = useState('');
  const [villageId, setVillageId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [failure, setFailure] = useState<AppErrorData>();
  const scope = communeId ?? undefined;

  const searchScope = { communeId: scope, limit: SEARCH_RESULTS + 4 };
  const { found, current } = useVenueSearch(search, searchScope);
  const suggestions = useOperation(() => api['rounds.suggest']({ communeId: scope }), [scope]);
  const villages = communeId ? villagesOf(communeId) : communes.flatMap((commune) => villagesOf(commune.id));

  // A closed venue cannot be inspected: it is never offered.
  const openOnes = (page: Result<VenuePage> | undefined) => (page?.ok ? page.value.items : []).filter((venue) => venue.status !== 'closed').slice(0, SEARCH_RESULTS);
  const matches = openOnes(found);
  const offered = suggestions?.ok ? suggestions.value.filter((entry) => !isAdded(entry.venueId)) : [];

  async function add(venues: PickedVenue[]) {
    const fresh = venues.filter((venue) => !isAdded(venue.id));
    if (fresh.length > 0) await onAdd(fresh);
    return fresh.length;
  }

  /** Enter pressed before the list answered the last keystroke asks at once, so the match added is the one for what was typed. */
  async function addBestMatch() {
    const text = search.trim();
    if (text === '') return;
    const candidates = current ? matches : openOnes(await api['venues.list']({ ...searchScope, search: text }));
    const first = candidates.find((venue) => !isAdded(venue.id));
    if (first && (await add([first])) > 0) setSearch('');
  }

  async function addVillage() {
    if (!villageId) return;
    setBusy(true);
    setMessage('');
    const venues: PickedVenue[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await api['venues.list']({ villageId, limit: PAGE, offset, sort: 'code' });
      if (!page.ok) {
        setFailure(page.error);
        setBusy(false);
        return;
      }
      venues.push(...page.value.items.filter((venue) => venue.status !== 'closed').map(({ id, name, code }) => ({ id, name, code })));
      if (page.value.items.length < PAGE) break;
    }
    setFailure(undefined);
    const added = await add(venues);
    setMessage(t('inspections.picker.villageAdded', { count: added }));
    setBusy(false);
  }

  return (
    <div className="venue-picker">
      <section aria-label={t('inspections.picker.bySearch')}>
        <h3>{t('inspections.picker.bySearch')}</h3>
        <input
          type="search"
          className="search"
          aria-label={t('inspections.picker.search')}
          placeholder={t('inspections.picker.searchPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault(); // Enter adds the best match; it never submits the round's form
            void addBestMatch();
          }}
        />
        {search.trim() !== '' && found?.ok && matches.length === 0 && <p className="muted">{t('inspections.picker.noMatch')}</p>}
        <ul className="pick-list">
          {matches.map((venue) => (
            <li key={venue.id}>
              <span>
                <span className="muted nowrap">{venue.code}</span> {venue.name}
                <span className="muted small"> {venue.address}</span>
              </span>
              <button
                type="button"
                disabled={isAdded(venue.id)}
                aria-label={t('inspections.picker.addOne', { name: venue.name })}
                onClick={() => void add([venue])}
              >
                {isAdded(venue.id) ? t('inspections.picker.added') : t('inspections.picker.add')}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section aria-label={t('inspections.picker.byVillage')}>
        <h3>{t('inspections.picker.byVillage')}</h3>
        {villages.length === 0 ? (
          <p className="muted">{t('inspections.picker.noVillages')}</p>
        ) : (
          <div className="inline-form">
            <Choice
              aria-label={t('inspections.picker.village')}
              value={villageId}
              empty={t('inspections.picker.chooseVillage')}
              options={unitOptions(villages)}
              onChange={setVillageId}
            />
            <button type="button" disabled={!villageId || busy} onClick={() => void addVillage()}>
              {t('inspections.picker.addVillage')}
            </button>
          </div>
        )}
        {message && (
          <p className="muted" role="status">
            {message}
          </p>
        )}
        <ErrorMessage error={failure} />
      </section>
      <section aria-label={t('inspections.picker.suggestions')}>
        <h3>{t('inspections.picker.suggestions')}</h3>
        {suggestions?.ok === false && <ErrorMessage error={suggestions.error} />}
        {suggestions?.ok && offered.length === 0 && <p className="muted">{t('inspections.picker.noSuggestions')}</p>}
        {offered.length > 0 && (
          <>
            <button
              type="button"
              onClick={() => void add(offered.map((entry) => ({ id: entry.venueId, name: entry.venueName, code: entry.shortCode })))}
            >
              {t('inspections.picker.addAllSuggestions', { count: offered.length })}
            </button>
            <ul className="pick-list scrolling">
              {offered.map((entry) => (
                <li key={entry.venueId}>
                  <span>
                    <span className="muted nowrap">{entry.shortCode}</span> {entry.venueName}
                    <span className="reasons small"> {entry.reasons.map((reason) => t(`inspections.picker.reason.${reason}`)).join(', ')}</span>
                  </span>
                  <button
                    type="button"
                    aria-label={t('inspections.picker.addOne', { name: entry.venueName })}
                    onClick={() => void add([{ id: entry.venueId, name: entry.venueName, code: entry.shortCode }])}
                  >
                    {t('inspections.picker.add')}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}
