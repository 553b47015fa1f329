import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AUDIT_ENTITIES, type AuditEntity, type AuditLogEntry } from '../../shared/domain/audit';
import { formatDateTime } from '../../shared/text/date';
import { api } from '../api/client';
import { useErrorText } from '../api/use-error-text';
import { useOperation } from '../api/use-operation';
import { Choice, optionsOf } from '../forms/Choice';
import { TextField } from '../forms/TextField';
import { addDays, dayProblem, parseDay, type DayProblem } from '../inspections/day';
import { AuditEntryText } from './AuditEntryText';
import { useOfficeHistory } from './use-office-history';

/** The first instant of a day in Vietnam (UTC+7 all year), as the log stores instants in UTC. */
const startOfDay = (day: string) => new Date(`${day}T00:00:00+07:00`).toISOString();

/** A typed day for a filter: its problem to show, or the day (null when left empty). */
function useDayFilter() {
  const [text, setText] = useState('');
  const problem: DayProblem | null = text.trim() === '' ? null : dayProblem(text);
  return { text, setText, problem, day: problem === null ? parseDay(text) : null };
}

function Subject({ entry }: { entry: AuditLogEntry }) {
  const { t } = useTranslation();
  const kind = t(`audit.entity.${entry.entity}`);
  const name = entry.subject ?? (entry.entity === 'settings' ? null : t('audit.gone'));
  return (
    <>
      <span className="muted">{kind}</span>
      {name !== null && <br />}
      {entry.venueId ? <Link to={`/venues/${entry.venueId}`}>{name}</Link> : name}
    </>
  );
}

/** For an admin: who changed what across the office, narrowed by person, kind of record and days. */
export function OfficeHistoryPage() {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const people = useOperation(() => api['staff.list']({ includeInactive: true }), []);
  const [staffId, setStaffId] = useState<string | null>(null);
  const [entity, setEntity] = useState<AuditEntity | null>(null);
  const from = useDayFilter();
  const to = useDayFilter();
  const history = useOfficeHistory({
    ...(staffId && { staffId }),
    ...(entity && { entity }),
    ...(from.day && { since: startOfDay(from.day) }),
    ...(to.day && { until: startOfDay(addDays(to.day, 1)) }),
  });
  const dayError = (problem: DayProblem | null, field: string) =>
    problem === null ? undefined : problem === 'format' ? t('inspections.badDay') : t(`errors.field.${problem}`, { field });
  return (
    <section>
      <h1>{t('audit.officeTitle')}</h1>
      <p className="muted">{t('audit.officeHint')}</p>
      <div className="toolbar">
        <Choice
          label={t('audit.filter.person')}
          empty={t('audit.filter.anyone')}
          options={people?.ok ? people.value.map((person) => ({ value: person.id, label: person.name })) : []}
          value={staffId}
          onChange={setStaffId}
        />
        <Choice
          label={t('audit.filter.kind')}
          empty={t('audit.filter.anyKind')}
          options={optionsOf(AUDIT_ENTITIES, (value) => t(`audit.entity.${value}`))}
          value={entity}
          onChange={setEntity}
        />
        <TextField name="from" label={t('audit.filter.from')} value={from.text} maxLength={10} error={dayError(from.problem, t('audit.filter.from'))} onChange={from.setText} />
        <TextField name="to" label={t('audit.filter.to')} value={to.text} maxLength={10} error={dayError(to.problem, t('audit.filter.to'))} onChange={to.setText} />
      </div>
      {history.failure && (
        <p className="error" role="alert">
          {errorText(history.failure)}
        </p>
      )}
      {!history.loading && history.entries.length === 0 && !history.failure && <p>{t('audit.nothing')}</p>}
      {history.entries.length > 0 && (
        <table className="simple-table office-history">
          <thead>
            <tr>
              <th scope="col">{t('audit.column.when')}</th>
              <th scope="col">{t('audit.column.record')}</th>
              <th scope="col">{t('audit.column.what')}</th>
            </tr>
          </thead>
          <tbody>
            {history.entries.map((entry) => (
              <tr key={entry.id}>
                <td>{formatDateTime(entry.at)}</td>
                <td>
                  <Subject entry={entry} />
                </td>
                <td className="audit">
                  <AuditEntryText entry={entry} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {history.more && (
        <button type="button" disabled={history.loading} onClick={history.more}>
          {t('audit.more')}
        </button>
      )}
    </section>
  );
}
