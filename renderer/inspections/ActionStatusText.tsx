import { useTranslation } from 'react-i18next';
import type { Action } from '../../shared/domain/inspections';
import { formatDate } from '../../shared/text/date';

/** "Chưa khắc phục", "Quá hạn", "Đã khắc phục 12/06/2025", "Đã xác minh 20/06/2025". */
export function ActionStatusText({ action }: { action: Pick<Action, 'status' | 'overdue' | 'doneAt' | 'verifiedAt'> }) {
  const { t } = useTranslation();
  const when = action.status === 'verified' ? action.verifiedAt : action.status === 'done' ? action.doneAt : null;
  const className = action.overdue ? 'action-status overdue' : `action-status action-${action.status}`;
  return (
    <span className={className}>
      {action.overdue ? t('inspections.actions.overdue') : t(`inspections.actionStatus.${action.status}`)}
      {when && ` ${formatDate(when)}`}
    </span>
  );
}
