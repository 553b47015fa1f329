import { useTranslation } from 'react-i18next';
import type { AuditEntity } from '../../shared/domain/audit';
import { formatDateTime } from '../../shared/text/date';
import { api } from '../api/client';
import { useOperation } from '../api/use-operation';
import { useUnits } from '../units/use-units';
import { auditSentence } from './audit-sentence';
import { describeValue } from './describe-value';

interface Props {
  entity: AuditEntity;
  entityId: string;
  /** Bumped by the page after each change, so the history follows. */
  revision: number;
}

/** Who changed what and when, newest first: a sentence per entry, or the changed fields as before → after. */
export function AuditHistory({ entity, entityId, revision }: Props) {
  const { t } = useTranslation();
  const { nameOf } = useUnits();
  const history = useOperation(() => api['audit.list']({ entity, entityId }), [entity, entityId, revision]);
  if (!history?.ok) return null;
  return (
    <section>
      <h2>{t('audit.title')}</h2>
      <ol className="audit">
        {history.value.map((entry) => {
          const { after, before } = entry;
          const sentence = auditSentence(t, entry);
          const name = (id: string) => entry.names[id] ?? nameOf(id);
          return (
            <li key={entry.id}>
              <div>
                <strong>{formatDateTime(entry.at)}</strong> ·{' '}
                {sentence ?? `${entry.staffName ?? t('audit.unknownStaff')} ${t(`audit.action.${entry.action}`, { defaultValue: entry.action })}`}
              </div>
              {sentence === null && after && (
                <ul>
                  {Object.keys(after).map((field) => (
                    <li key={field}>
                      {t(`fields.${field}`, { defaultValue: field })}:{' '}
                      {before && field in before && (
                        <>
                          <del>{describeValue(t, name, field, before[field])}</del> →{' '}
                        </>
                      )}
                      <ins>{describeValue(t, name, field, after[field])}</ins>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
