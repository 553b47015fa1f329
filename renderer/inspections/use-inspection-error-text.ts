import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../shared/api/result';
import { useErrorText } from '../api/use-error-text';
import { PHOTO_LIMIT_MB } from './photos';

/** Which call failed: a CONFLICT without a field means something different for each. */
export type InspectionCall = 'visit' | 'round' | 'close' | 'followUp' | 'markDone';

/** The round form's field names, for "Tên đợt không được để trống." */
export function roundFieldLabels(t: TFunction): Record<string, string> {
  return {
    name: t('inspections.form.name'),
    purpose: t('inspections.form.purpose'),
    startsOn: t('inspections.form.startsOn'),
    endsOn: t('inspections.form.endsOn'),
    communeId: t('inspections.form.commune'),
    villageIds: t('inspections.form.villages'),
    team: t('inspections.team.title'),
    venueIds: t('inspections.form.venuesLabel'),
  };
}

/**
 * The inspection screens' failures as Vietnamese sentences: a closed round, a closed venue,
 * a finding's missing category or a due date before the visit name the finding ("Tồn tại 2: …").
 */
export function useInspectionErrorText() {
  const { t } = useTranslation();
  const { errorText } = useErrorText({
    ...roundFieldLabels(t),
    visitedOn: t('inspections.visit.visitedOn'),
    note: t('inspections.visit.note'),
    points: t('inspections.visit.checks'),
  });

  function findingText(number: number, part: string, error: AppErrorData): string {
    if (part === 'category') return t('inspections.errors.category', { number });
    if (part === 'action.dueOn') return error.reason === 'invalid' ? t('inspections.errors.dueOn', { number }) : t('inspections.errors.dueMissing', { number });
    if (part === 'action.responsible') return t('inspections.errors.responsible', { number });
    if (part === 'note') return t('inspections.errors.note', { number });
    if (part.startsWith('photos')) return t('inspections.errors.photo', { number, mb: PHOTO_LIMIT_MB });
    return `${t('inspections.finding.title', { number })}: ${errorText({ ...error, field: undefined })}`;
  }

  return (error: AppErrorData, call?: InspectionCall): string => {
    const field = error.field ?? '';
    const finding = /^findings\.(\d+)\.(.+)$/.exec(field);
    if (finding) return findingText(Number(finding[1]) + 1, finding[2], error);
    if (field === 'roundId') return t('inspections.errors.roundClosed');
    if (field === 'venueId' && error.reason === 'invalid') return t('inspections.errors.venueClosed');
    if (field === 'postingPointId') return t('inspections.errors.pointUnknown');
    if (field === 'closeWithUnvisited') return t('inspections.errors.unvisited');
    if (field === 'followUpOf') return t('confirm.followUp.exists');
    if (error.code === 'CONFLICT' && field === '') {
      if (call === 'visit') return t('inspections.errors.alreadyVisited');
      if (call === 'followUp') return t('inspections.errors.nothingToFollowUp');
      if (call === 'markDone') return t('inspections.errors.actionNotOpen');
    }
    return errorText(error);
  };
}
