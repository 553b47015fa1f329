import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { formatDate } from '../../shared/text/date';
import { api } from '../api/client';
import { useErrorText } from '../api/use-error-text';
import { useOperation } from '../api/use-operation';

const PAGE_SIZE = 200;

/** `/` or Ctrl+F jumps to the search box, as clerks expect from Excel and browsers. */
function useSearchShortcut(input: React.RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
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
  const { errorText } = useErrorText();
  const location = useLocation();
  const savedMessage = (location.state as { saved?: string } | null)?.saved;
  const [search, setSearch] = useState('');
  const searchBox = useRef<HTMLInputElement>(null);
  useSearchShortcut(searchBox);
  const page = useOperation(() => api['venues.list']({ search, limit: PAGE_SIZE }), [search]);

  return (
    <section>
      <div className="toolbar">
        <h1>{t('venues.title')}</h1>
        <Link className="button primary" to="/venues/new">
          {t('venues.add')}
        </Link>
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
      />
      {page === undefined && <p className="muted">{t('venues.loading')}</p>}
      {page?.ok === false && (
        <p className="error" role="alert">
          {errorText(page.error)}
        </p>
      )}
      {page?.ok && (
        <>
          <p className="muted" aria-live="polite">
            {t('venues.count', { count: page.value.total })}
          </p>
          {page.value.items.length === 0 ? (
            <p className="muted">{search.trim() ? t('venues.noMatch', { search }) : t('venues.empty')}</p>
          ) : (
            <table className="venue-table">
              <thead>
                <tr>
                  <th>{t('venues.columns.code')}</th>
                  <th>{t('venues.columns.name')}</th>
                  <th>{t('venues.columns.type')}</th>
                  <th>{t('venues.columns.address')}</th>
                  <th>{t('venues.columns.phone')}</th>
                  <th>{t('venues.columns.status')}</th>
                  <th>{t('venues.columns.updatedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {page.value.items.map((venue) => (
                  <tr key={venue.id}>
                    <td className="nowrap">{venue.code}</td>
                    <td className="name">{venue.name}</td>
                    <td>{t(`venueType.${venue.type}`)}</td>
                    <td>{venue.address}</td>
                    <td className="nowrap">{venue.phone}</td>
                    <td className="nowrap">{t(`venueStatus.${venue.status}`)}</td>
                    <td className="nowrap">{formatDate(venue.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
