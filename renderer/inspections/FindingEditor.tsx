import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_KINDS, FINDING_CATEGORIES, NEEDS_NEW_POSTER } from '../../shared/domain/inspections';
import { optionsOf } from '../forms/Choice';
import { SelectField } from '../forms/SelectField';
import { TextField } from '../forms/TextField';
import { PHOTO_LIMIT_MB, preparePhoto } from './photos';
import { DEFAULT_ACTION, type FindingDraft } from './visit-draft';

/** A finding keeps at most this many photos (the contract's limit). */
const MAX_PHOTOS = 10;

interface Props {
  number: number;
  draft: FindingDraft;
  /** The posting point's name, when the venue has several. */
  pointLabel?: string;
  /** Changes are functions of the current draft: photos arrive after the inspector has typed on. */
  onChange(update: (draft: FindingDraft) => FindingDraft): void;
  onRemove(): void;
}

/** One problem found: its kind, a note, photos, what must be fixed by when, and whether the venue needs a new poster. */
export function FindingEditor({ number, draft, pointLabel, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  const [photoErrors, setPhotoErrors] = useState<string[]>([]);
  const categories = optionsOf(FINDING_CATEGORIES, (value) => t(`inspections.category.${value}`));
  const kinds = optionsOf(ACTION_KINDS, (value) => t(`inspections.actionKind.${value}`));
  const title = t('inspections.finding.title', { number });

  async function addPhotos(files: File[]) {
    const room = MAX_PHOTOS - draft.photos.length - draft.pendingPhotos;
    const taken = files.slice(0, Math.max(0, room));
    const errors = files.length > taken.length ? [t('inspections.finding.tooManyPhotos', { max: MAX_PHOTOS })] : [];
    setPhotoErrors(errors);
    onChange((current) => ({ ...current, pendingPhotos: current.pendingPhotos + taken.length }));
    await Promise.all(
      taken.map(async (file) => {
        const result = await preparePhoto(file).catch(() => ({ ok: false as const, fileName: file.name, reason: 'unreadable' as const }));
        if (result.ok) {
          onChange((current) => ({ ...current, photos: [...current.photos, result.photo], pendingPhotos: current.pendingPhotos - 1 }));
        } else {
          onChange((current) => ({ ...current, pendingPhotos: current.pendingPhotos - 1 }));
          errors.push(t(`inspections.photoError.${result.reason}`, { name: result.fileName, mb: PHOTO_LIMIT_MB }));
          setPhotoErrors([...errors]);
        }
      }),
    );
  }

  const setAction = (patch: Partial<FindingDraft['action']>) => onChange((current) => ({ ...current, action: { ...current.action, ...patch } }));

  return (
    <fieldset className={`finding category-${draft.category}`}>
      <legend>
        {title}: {t(`inspections.category.${draft.category}`)}
        {pointLabel && <span className="muted"> — {pointLabel}</span>}
      </legend>
      <div className="finding-grid">
        <SelectField
          label={t('inspections.finding.category')}
          value={draft.category}
          options={categories}
          onChange={(category) =>
            onChange((current) => ({
              ...current,
              category,
              action: { ...current.action, kind: DEFAULT_ACTION[category] },
              requestReprint: NEEDS_NEW_POSTER.has(category),
            }))
          }
        />
        <TextField
          name="note"
          label={t('inspections.finding.note')}
          value={draft.note}
          maxLength={1000}
          onChange={(note) => onChange((current) => ({ ...current, note }))}
        />
      </div>
      <div className="finding-photos">
        <label className="button">
          {t('inspections.finding.addPhotos')}
          <input
            type="file"
            accept="image/*"
            multiple
            hidden
            aria-label={`${t('inspections.finding.addPhotos')} — ${title}`}
            onChange={(event) => {
              const files = [...(event.target.files ?? [])];
              event.target.value = '';
              if (files.length > 0) void addPhotos(files);
            }}
          />
        </label>
        <span className="muted small">{t('inspections.finding.photoLimit', { max: MAX_PHOTOS, mb: PHOTO_LIMIT_MB })}</span>
        {draft.pendingPhotos > 0 && (
          <span className="muted" role="status">
            {t('inspections.finding.preparing')}
          </span>
        )}
        <ul className="thumbnails">
          {draft.photos.map((photo, index) => (
            <li key={`${photo.fileName}-${index}`}>
              <img src={photo.previewUrl} alt={photo.fileName} />
              <button
                type="button"
                className="link-button"
                aria-label={t('inspections.finding.removePhoto', { name: photo.fileName })}
                onClick={() => onChange((current) => ({ ...current, photos: current.photos.filter((other) => other !== photo) }))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        {photoErrors.map((message) => (
          <p key={message} className="error" role="alert">
            {message}
          </p>
        ))}
      </div>
      <label className="check">
        <input type="checkbox" checked={draft.action.enabled} onChange={(event) => setAction({ enabled: event.target.checked })} />
        {t('inspections.finding.action')}
      </label>
      {draft.action.enabled && (
        <div className="finding-grid">
          <SelectField label={t('inspections.finding.actionKind')} value={draft.action.kind} options={kinds} onChange={(kind) => setAction({ kind })} />
          <TextField
            name="dueOn"
            label={t('inspections.finding.dueOn')}
            value={draft.action.dueOn}
            maxLength={10}
            hint={t('inspections.dayHint')}
            onChange={(dueOn) => setAction({ dueOn })}
          />
          <TextField
            name="responsible"
            label={t('inspections.finding.responsible')}
            value={draft.action.responsible}
            maxLength={120}
            onChange={(responsible) => setAction({ responsible })}
          />
        </div>
      )}
      {NEEDS_NEW_POSTER.has(draft.category) && (
        <label className="check">
          <input
            type="checkbox"
            checked={draft.requestReprint}
            onChange={(event) => onChange((current) => ({ ...current, requestReprint: event.target.checked }))}
          />
          {t('inspections.finding.reprint')}
        </label>
      )}
      <button type="button" className="link-button" onClick={onRemove}>
        {t('inspections.finding.remove', { number })}
      </button>
    </fieldset>
  );
}
