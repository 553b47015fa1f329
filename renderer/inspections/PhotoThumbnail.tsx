import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useOperation } from '../api/use-operation';

/**
 * A finding's photo: its thumbnail from the data folder as a data: URL (the CSP allows
 * img-src data:), and the full photo in a dialog when clicked.
 */
export function PhotoThumbnail({ photo }: { photo: { id: string; fileName: string } }) {
  const { t } = useTranslation();
  const thumbnail = useOperation(() => api['findings.photo']({ photoId: photo.id, thumbnail: true }), [photo.id]);
  const dialog = useRef<HTMLDialogElement>(null);
  const [full, setFull] = useState<string>();

  async function open() {
    dialog.current?.showModal();
    if (full) return;
    const answer = await api['findings.photo']({ photoId: photo.id, thumbnail: false });
    if (answer.ok) setFull(`data:${answer.value.mimeType};base64,${answer.value.bytesBase64}`);
  }

  if (!thumbnail?.ok) return <span className="thumbnail-placeholder" aria-hidden="true" />;
  return (
    <>
      <button type="button" className="thumbnail" aria-label={t('inspections.photo.open', { name: photo.fileName })} onClick={() => void open()}>
        <img src={`data:${thumbnail.value.mimeType};base64,${thumbnail.value.bytesBase64}`} alt={photo.fileName} />
      </button>
      <dialog ref={dialog} className="photo-dialog" onClick={(event) => event.target === dialog.current && dialog.current.close()}>
        {full ? <img src={full} alt={photo.fileName} /> : <p>{t('inspections.loading')}</p>}
        <form method="dialog">
          <button type="submit">{t('inspections.photo.close')}</button>
        </form>
      </dialog>
    </>
  );
}

/** A finding's photos as a row of thumbnails; nothing when there are none. */
export function PhotoThumbnails({ photos }: { photos: ReadonlyArray<{ id: string; fileName: string }> }) {
  if (photos.length === 0) return null;
  return (
    <ul className="thumbnails">
      {photos.map((photo) => (
        <li key={photo.id}>
          <PhotoThumbnail photo={photo} />
        </li>
      ))}
    </ul>
  );
}
