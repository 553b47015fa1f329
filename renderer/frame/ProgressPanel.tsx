import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  done: number;
  total: number;
  onCancel?(): void;
}

/** A long job's progress and its cancel button: every long job shows both. */
export function ProgressPanel({ label, done, total, onCancel }: Props) {
  const { t } = useTranslation();
  return (
    <div className="progress-panel" role="status" aria-live="polite">
      <p>{label}</p>
      <progress max={total || 1} value={total ? done : undefined} aria-label={label} />
      <p className="muted">{total ? t('progress.count', { done: done.toLocaleString('vi-VN'), total: total.toLocaleString('vi-VN') }) : t('progress.working')}</p>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          {t('progress.cancel')}
        </button>
      )}
    </div>
  );
}
