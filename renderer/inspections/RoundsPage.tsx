import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client';
import { useOperation } from '../api/use-operation';
import { ErrorMessage } from '../forms/ErrorMessage';
import { useMay } from '../session/use-may';
import { roundDates } from './round-text';

/** "Kiểm tra": the inspection rounds, newest first, and the way to open one. */
export function RoundsPage() {
  const { t } = useTranslation();
  const rounds = useOperation(() => api['rounds.list']({}), []);
  const mayCreate = useMay('rounds.create');
  return (
    <section>
      <div className="toolbar">
        <h1>{t('inspections.title')}</h1>
        <div className="actions">
          <Link className="button" to="/inspections/actions">
            {t('inspections.actions.title')}
          </Link>
          {mayCreate && (
            <Link className="button primary" to="/inspections/new">
              {t('inspections.newRound')}
            </Link>
          )}
        </div>
      </div>
      {rounds?.ok === false && <ErrorMessage error={rounds.error} />}
      {rounds?.ok && rounds.value.length === 0 && <p className="muted">{t('inspections.empty')}</p>}
      {rounds?.ok && rounds.value.length > 0 && (
        <table className="simple-table rounds-table">
          <thead>
            <tr>
              <th>{t('inspections.columns.name')}</th>
              <th>{t('inspections.columns.dates')}</th>
              <th>{t('inspections.columns.status')}</th>
              <th>{t('inspections.columns.visits')}</th>
              <th>{t('inspections.columns.findings')}</th>
            </tr>
          </thead>
          <tbody>
            {rounds.value.map((round) => (
              <tr key={round.id}>
                <td>
                  <Link to={`/inspections/${round.id}`}>{round.name}</Link>
                  {round.followUpOf && <span className="muted small"> · {t('inspections.followUpMark')}</span>}
                </td>
                <td className="nowrap">{roundDates(round)}</td>
                <td>
                  <span className={`status-badge round-${round.status}`}>{t(`inspections.status.${round.status}`)}</span>
                </td>
                <td className="nowrap">{round.visits}</td>
                <td className="nowrap">{round.findings}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
