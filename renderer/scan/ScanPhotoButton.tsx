import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { decodeQrFromFile } from './decode-photo';

interface Props {
  /** The text of the QR code read from the chosen photo. */
  onCode(text: string): void;
  /**
   * Open the phone's back camera instead of the photo picker (an inspector at the poster).
   * Off by default: with it, a phone cannot pick a photo that was already taken.
   */
  camera?: boolean;
}

type State = 'idle' | 'reading' | 'notFound' | 'failed';

/** "Read the code from a photo": picks a photo, reads its QR code on this machine, offline. */
export function ScanPhotoButton({ onCode, camera = false }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>('idle');

  async function read(file: File) {
    setState('reading');
    try {
      const text = await decodeQrFromFile(file);
      setState(text === null ? 'notFound' : 'idle');
      if (text !== null) onCode(text);
    } catch {
      setState('failed'); // the decoder itself did not load
    }
  }

  return (
    <>
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture={camera ? 'environment' : undefined}
        aria-label={t('scan.fromPhoto')}
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = ''; // the same photo can be chosen again
          if (file) void read(file);
        }}
      />
      <button type="button" disabled={state === 'reading'} onClick={() => input.current?.click()}>
        {state === 'reading' ? t('scan.reading') : t('scan.fromPhoto')}
      </button>
      {(state === 'notFound' || state === 'failed') && (
        <p className="error" role="alert">
          {t(state === 'notFound' ? 'scan.notFound' : 'scan.failed')}
        </p>
      )}
    </>
  );
}
