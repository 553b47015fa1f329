import { useTranslation } from 'react-i18next';
import type { BackupList } from '../../shared/domain/backups';
import { formatDate, formatDateTime } from '../../shared/text/date';
import { api } from '../api/client';
import { useOperation } from '../api/use-operation';

interface Props {
  list: BackupList;
  /** The dashboard shows only a warning; Settings also says when all is well. */
  warningsOnly?: boolean;
}

/**
 * The newest good backup, or a warning when there is none or it is more than a day and a
 * half old; and a warning when the second place has not had the newest backups. A plain paragraph, not a status region: it is there when the page opens, not
 * news to announce, and the page's own "saved" status stays the only one.
 */
export function LastBackup({ list, warningsOnly = false }: Props) {
  const { t } = useTranslation();
  const behind = list.secondPlace?.behindSince;
  return (
    <>
      <NewestHere list={list} warningsOnly={warningsOnly} />
      {list.secondPlace && behind && (
        <p className="warning">{t('backups.secondPlace.behind', { folder: list.secondPlace.folder, since: formatDate(behind) })}</p>
      )}
    </>
  );
}

/** The data folder's own newest backup: a warning when there is none or it is old. */
function NewestHere({ list, warningsOnly }: Required<Props>) {
  const { t } = useTranslation();
  if (list.lastGoodAt === null) {
    return (
      <p className="warning">
        {t(warningsOnly ? 'backups.noneWarning' : 'backups.none')}
      </p>
    );
  }
  const at = formatDateTime(list.lastGoodAt);
  if (list.stale) {
    return (
      <p className="warning">
        {t('backups.stale', { at })}
      </p>
    );
  }
  return warningsOnly ? null : <p>{t('backups.lastGood', { at })}</p>;
}

/** The dashboard's line: silent while the newest backup is recent, a warning otherwise. */
export function BackupWarning() {
  const list = useOperation(() => api['backups.list']({}), []);
  return list?.ok ? <LastBackup list={list.value} warningsOnly /> : null;
}
