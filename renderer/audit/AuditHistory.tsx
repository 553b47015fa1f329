import { useTranslation } from 'react-i18next';
import type { AuditEntity } from '../../shared/domain/audit';
import { formatDateTime } from '../../shared/text/date';
import { api } from '../api/client';
import { useOperation } from '../api/use-operation';
import { AuditEntryText } from './AuditEntryText';

interface Props {
  entity: AuditEntity;
  entityId: string;
  /** Bumped by the page after each change, so the history follows. */
  revision: number;
}

/** Who changed what and when on one record, newest first. */
export function AuditHistory({ entity, entityId, revision }: Props) {
  const { t } = useTranslation();
  const history = useOperation(() => api['audit.list']({ entity, entityId }), [entity, entityId, revision]);
  if (!history?.ok) return null;
  return (
    <section>
      <h2>{t('audit.title')}</h2>
      <ol className="audit">
        {history.value.map((entry) => (
          <li key={entry.id}>
            <AuditEntryText entry={entry} lead={<><strong>{formatDateTime(entry.at)}</strong> · </>} />
          </li>
        ))}
      </ol>
    </section>
  );
}
