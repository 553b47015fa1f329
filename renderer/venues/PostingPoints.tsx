import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostingPoint } from '../../shared/domain/venue';
import { api } from '../api/client';
import { ConfirmDialog } from '../forms/ConfirmDialog';
import { ErrorMessage } from '../forms/ErrorMessage';
import { useLeaveGuard } from '../forms/use-leave-guard';
import { useAction } from '../api/use-action';
import { useMay } from '../session/use-may';

interface Props {
  venueId: string;
  points: PostingPoint[];
  /** False for a received commune's venue: only that commune changes its points. */
  editable: boolean;
  onChanged(): void;
}

/** Where the venue's posters hang: a shop has its door, a market its gates and stalls. */
export function PostingPoints({ venueId, points, editable, onChanged }: Props) {
  const { t } = useTranslation();
  const [label, setLabel] = useState('');
  // A point typed but not yet added; renaming asks in the browser's own prompt, which nothing can leave.
  const { dialog: leaveDialog } = useLeaveGuard(label.trim() !== '');
  const [retiring, setRetiring] = useState<PostingPoint>();
  const [busy, setBusy] = useState(false);
  const { failure, run } = useAction({ onSuccess: onChanged });
  const mayAdd = useMay('postingPoints.add') && editable;
  const mayRename = useMay('postingPoints.rename') && editable;
  const mayRetire = useMay('postingPoints.retire') && editable;

  async function add(event: FormEvent) {
    event.preventDefault();
    if (await run(api['postingPoints.add']({ venueId, label }))) setLabel('');
  }

  function rename(point: PostingPoint) {
    const next = window.prompt(t('postingPoints.renamePrompt'), point.label);
    if (next !== null && next !== point.label) void run(api['postingPoints.rename']({ id: point.id, label: next }));
  }

  async function retire(point: PostingPoint) {
    setBusy(true);
    await run(api['postingPoints.retire']({ id: point.id }));
    setBusy(false);
    setRetiring(undefined);
  }

  return (
    <section>
      <h2>{t('postingPoints.title')}</h2>
      <ul className="points">
        {points.map((point) => (
          <li key={point.id} className={point.retired ? 'retired' : undefined}>
            <span>
              {point.label}
              {point.isMain && <span className="muted"> · {t('postingPoints.main')}</span>}
              {point.retired && <span className="muted"> · {t('postingPoints.retired')}</span>}
            </span>
            {!point.retired && (mayRename || mayRetire) && (
              <span className="actions">
                {mayRename && (
                  <button type="button" onClick={() => rename(point)}>
                    {t('postingPoints.rename')}
                  </button>
                )}
                {mayRetire && (
                  <button type="button" onClick={() => setRetiring(point)}>
                    {t('postingPoints.retire')}
                  </button>
                )}
              </span>
            )}
          </li>
        ))}
      </ul>
      {retiring && (
        <ConfirmDialog
          title={t('confirm.retire.title')}
          consequence={t('confirm.retire.consequence', { label: retiring.label })}
          confirm={t('confirm.retire.confirm')}
          cancel={t('confirm.cancel')}
          busy={busy}
          onConfirm={() => void retire(retiring)}
          onCancel={() => setRetiring(undefined)}
        />
      )}
      {mayAdd && (
        <form className="inline-form" onSubmit={(event) => void add(event)}>
          <input
            aria-label={t('postingPoints.newLabel')}
            placeholder={t('postingPoints.newPlaceholder')}
            value={label}
            maxLength={80}
            onChange={(event) => setLabel(event.target.value)}
          />
          <button type="submit">{t('postingPoints.add')}</button>
        </form>
      )}
      <ErrorMessage error={failure} labels={{ label: t('postingPoints.label') }} />
      {leaveDialog}
    </section>
  );
}
