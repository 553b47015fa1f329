import { useEffect, useState, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { VisitForm } from './VisitForm';
import { draftTime, dropVisitDraft, loadVisitDraft, type VisitDraft } from './visit-draft-store';

type Props = Omit<ComponentProps<typeof VisitForm>, 'draft'>;

/** Still looking; a draft to offer; or the form, with the draft the clerk chose to carry on with (or none). */
type Stage = { kind: 'loading' } | { kind: 'offer'; draft: VisitDraft } | { kind: 'form'; draft: VisitDraft | null };

/**
 * A visit's entry: when this venue's form was left unsaved in this round, the draft is
 * offered back first ("Tiếp tục / Bỏ bản nháp"), so the clerk decides before typing over it.
 */
export function VisitEntry(props: Props) {
  const { t } = useTranslation();
  const { round, venue } = props;
  const [stage, setStage] = useState<Stage>({ kind: 'loading' });

  useEffect(() => {
    let current = true;
    loadVisitDraft(round.id, venue.id).then(
      (draft) => current && setStage(draft ? { kind: 'offer', draft } : { kind: 'form', draft: null }),
      // No draft storage on this PC: the form still works, it just cannot offer anything back.
      () => current && setStage({ kind: 'form', draft: null }),
    );
    return () => {
      current = false;
    };
  }, [round.id, venue.id]);

  if (stage.kind === 'loading') return null;
  if (stage.kind === 'form') return <VisitForm {...props} draft={stage.draft} />;
  const { draft } = stage;
  return (
    <div className="notice draft-offer" role="region" aria-label={t('unsaved.visit.offer', { time: draftTime(draft.savedAt) })}>
      <p>{t('unsaved.visit.offer', { time: draftTime(draft.savedAt) })}</p>
      <div className="actions">
        <button type="button" className="primary" autoFocus onClick={() => setStage({ kind: 'form', draft })}>
          {t('unsaved.visit.resume')}
        </button>
        <button
          type="button"
          onClick={() => {
            void dropVisitDraft(round.id, venue.id);
            setStage({ kind: 'form', draft: null });
          }}
        >
          {t('unsaved.visit.discard')}
        </button>
      </div>
    </div>
  );
}
