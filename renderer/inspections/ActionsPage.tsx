import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { InputOf } from '../../shared/api/contract';
import { api } from '../api/client';
import { useOperation } from '../api/use-operation';
import { ErrorMessage } from '../forms/ErrorMessage';
import { useMay } from '../session/use-may';
import { ActionStatusText } from './ActionStatusText';
import { formatDay } from './day';
import { useInspectionErrorText } from './use-inspection-error-text';

const FILTERS = ['open', 'overdue', 'done', 'verified', 'all'] as const;
type Filter = (typeof FILTERS)[number];

/** The tab an address asks for: ?status=open|done|verified|all, ?overdue=1 (the dashboard's action figures link here). */
function filterOf(search: URLSearchParams): Filter {
  if (search.get('overdue') === '1' || search.get('overdue') === 'true') return 'overdue';
  const status = search.get('status');
  return FILTERS.find((filter) => filter !== 'overdue' && filter === status) ?? 'open';
}

const searchOf = (filter: Filter): Record<string, string> => (filter === 'overdue' ? { overdue: '1' } : { status: filter });

const QUERIES: Record<Filter, InputOf<'actions.list'>> = {
  open: { status: 'open' },
  overdue: { overdueOnly: true },
  done: { status: 'done' },
  verified: { status: 'verified' },
  all: {},
};

/**
 * "Biện pháp khắc phục": what venues must fix, by when, and where each stands. Overdue ones
 * stand out. A reprint is done by printing the replacement poster, so it has no button here.
 */
export function ActionsPage() {
  const { t } = useTranslation();
  const errorText = useInspectionErrorText();
  const [search, setSearch] = useSearchParams();
  const filter = filterOf(search);
  const setFilter = (next: Filter) => setSearch(searchOf(next), { replace: true });
  const [revision, setRevision] = useState(0);
  const [failure, setFailure] = useState<string>();
  const actions = useOperation(() => api['actions.list'](QUERIES[filter]), [filter, revision]);
  const mayPrint = useMay('posters.createJob');
  const mayMarkDone = useMay('actions.markDone');

  async function markDone(id: string) {
    const result = await api['actions.markDone']({ id });
    setFailure(result.ok ? undefined : errorText(result.error, 'markDone'));
    setRevision((value) => value + 1);
  }

  return (
    <section>
      <p>
        <Link to="/inspections">← {t('inspections.title')}</Link>
      </p>
      <h1>{t('inspections.actions.title')}</h1>
      <div className="tabs" role="group" aria-label={t('inspections.actions.filterLabel')}>
        {FILTERS.map((value) => (
          <button key={value} type="button" className={value === filter ? 'active' : undefined} aria-pressed={value === filter} onClick={() => setFilter(value)}>
            {t(`inspections.actions.filter.${value}`)}
          </button>
        ))}
      </div>
      {failure && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
      {actions?.ok === false && <ErrorMessage error={actions.error} />}
      {actions?.ok && actions.value.length === 0 && <p className="muted">{t('inspections.actions.empty')}</p>}
      {actions?.ok && actions.value.length > 0 && (
        <table className="simple-table actions-table">
          <thead>
            <tr>
              <th>{t('venues.columns.code')}</th>
              <th>{t('venues.columns.name')}</th>
              <th>{t('inspections.actions.columns.category')}</th>
              <th>{t('inspections.actions.columns.kind')}</th>
              <th>{t('inspections.actions.columns.dueOn')}</th>
              <th>{t('inspections.actions.columns.responsible')}</th>
              <th>{t('inspections.actions.columns.status')}</th>
              <th>
                <span className="visually-hidden">{t('inspections.actions.markDone')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {actions.value.map((action) => (
              <tr key={action.id} className={action.overdue ? 'overdue' : undefined}>
                <td className="nowrap">{action.shortCode}</td>
                <td>
                  <Link to={`/venues/${action.venueId}`}>{action.venueName}</Link>
                </td>
                <td>{t(`inspections.category.${action.category}`)}</td>
                <td>{t(`inspections.actionKind.${action.kind}`)}</td>
                <td className="nowrap">{formatDay(action.dueOn)}</td>
                <td>{action.responsible}</td>
                <td>
                  <ActionStatusText action={action} />
                </td>
                <td>
                  {action.status === 'open' &&
                    (action.kind === 'reprint'
                      ? mayPrint && (
                          <Link to={`/posters`} className="small">
                            {t('inspections.actions.byPrint')}
                          </Link>
                        )
                      : mayMarkDone && (
                          <button type="button" aria-label={t('inspections.actions.markDoneAt', { name: action.venueName })} onClick={() => void markDone(action.id)}>
                            {t('inspections.actions.markDone')}
                          </button>
                        ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
