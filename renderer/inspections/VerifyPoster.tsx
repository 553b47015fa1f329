import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../shared/api/result';
import type { Verification } from '../../shared/domain/codes';
import type { CheckKey } from '../../shared/domain/inspections';
import { api } from '../api/client';
import { ErrorMessage } from '../forms/ErrorMessage';
import { decodeQrFromFile, decodeQrFromImageData } from '../scan/decode-photo';

interface Props {
  venueId: string;
  /** Names the posting point in the control's label when the venue has several. */
  pointLabel?: string;
  /** "Ghi thành tồn tại": the check the verdict fails, and the verdict in words for the finding's note. */
  onRecord(check: CheckKey, note: string): void;
}

type State =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'checked'; verification: Verification }
  | { kind: 'unreadable' }
  | { kind: 'failed'; error?: AppErrorData };

/** How often a camera frame is read: often enough to feel live, rarely enough for an old office PC. */
const FRAME_EVERY_MS = 300;

/**
 * "Dùng camera": the webcam's picture, a frame read every ~300 ms until one holds a QR code.
 * The stream is stopped as soon as a code is read, and when the control goes away.
 */
function CameraReader({ onText, onFailed }: { onText(text: string): void; onFailed(): void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const handlers = useRef({ onText, onFailed });
  useEffect(() => {
    handlers.current = { onText, onFailed };
  });

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const canvas = document.createElement('canvas');
    const stop = () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
    const tick = async () => {
      const element = video.current;
      if (stopped || !element) return;
      if (element.readyState >= element.HAVE_CURRENT_DATA && element.videoWidth > 0) {
        canvas.width = element.videoWidth;
        canvas.height = element.videoHeight;
        const context = canvas.getContext('2d', { willReadFrequently: true });
        context?.drawImage(element, 0, 0);
        let text: string | null;
        try {
          text = context ? await decodeQrFromImageData(context.getImageData(0, 0, canvas.width, canvas.height)) : null;
        } catch {
          if (!stopped) handlers.current.onFailed();
          return stop();
        }
        if (stopped) return;
        if (text !== null) {
          stop();
          return handlers.current.onText(text);
        }
      }
      timer = setTimeout(() => void tick(), FRAME_EVERY_MS);
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then((media) => {
        stream = media;
        if (stopped) return stop();
        if (video.current) {
          video.current.srcObject = media;
          void video.current.play().catch(() => undefined);
        }
        timer = setTimeout(() => void tick(), FRAME_EVERY_MS);
      })
      .catch(() => {
        if (!stopped) handlers.current.onFailed();
      });
    return stop;
  }, []);

  return (
    <div className="verify-camera">
      <video ref={video} muted playsInline aria-label={t('inspections.verify.cameraHint')} />
      <span className="muted small">{t('inspections.verify.cameraHint')}</span>
    </div>
  );
}

const GOOD = new Set<Verification['verdict']>(['genuine_current', 'official_current']);

/**
 * "Kiểm tra mã từ ảnh": the QR code of the poster in a photo, read on this machine and
 * checked against the register for this venue, offline. A bad verdict becomes a finding in
 * one click: a wrong or outdated code fails "showing the current code"; a code that cannot
 * be read fails "intact and readable".
 */
export function VerifyPoster({ venueId, pointLabel, onRecord }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [recorded, setRecorded] = useState(false);
  const [camera, setCamera] = useState<'off' | 'on' | 'failed'>('off');
  const label = pointLabel ? `${t('inspections.verify.button')} (${pointLabel})` : t('inspections.verify.button');

  async function read(file: File) {
    setState({ kind: 'reading' });
    setRecorded(false);
    let text: string | null;
    try {
      text = await decodeQrFromFile(file);
    } catch {
      return setState({ kind: 'failed' }); // the decoder itself did not load
    }
    if (text === null) return setState({ kind: 'unreadable' });
    await check(text);
  }

  async function check(text: string) {
    setState({ kind: 'reading' });
    setRecorded(false);
    const result = await api['codes.verify']({ text, expectedVenueId: venueId });
    setState(result.ok ? { kind: 'checked', verification: result.value } : { kind: 'failed', error: result.error });
  }

  function verdictText(verification: Verification): string {
    const { shortCode, revision, currentRevision, officeName } = verification;
    return t(`inspections.verify.verdict.${verification.verdict}`, {
      code: shortCode ?? '',
      revision: revision ?? '',
      current: currentRevision ?? '',
      office: officeName ?? '',
    });
  }

  const finding =
    state.kind === 'unreadable'
      ? { check: 'intact' as const, note: t('inspections.verify.unreadable') }
      : state.kind === 'checked' && !GOOD.has(state.verification.verdict)
        ? { check: 'current_code' as const, note: verdictText(state.verification) }
        : null;

  return (
    <div className="verify-poster">
      <input
        ref={input}
        type="file"
        accept="image/*"
        aria-label={label}
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = ''; // the same photo can be chosen again
          if (file) void read(file);
        }}
      />
      <button type="button" disabled={state.kind === 'reading'} onClick={() => input.current?.click()}>
        {state.kind === 'reading' ? t('inspections.verify.reading') : label}
      </button>
      <button type="button" aria-pressed={camera === 'on'} onClick={() => setCamera(camera === 'on' ? 'off' : 'on')}>
        {(camera === 'on' ? t('inspections.verify.cameraStop') : t('inspections.verify.camera')) + (pointLabel ? ` (${pointLabel})` : '')}
      </button>
      {camera === 'on' && (
        <CameraReader
          onText={(text) => {
            setCamera('off');
            void check(text);
          }}
          onFailed={() => setCamera('failed')}
        />
      )}
      {camera === 'failed' && <ErrorMessage error={t('inspections.verify.cameraFailed')} />}
      {state.kind === 'checked' && (
        <span role="status" className={GOOD.has(state.verification.verdict) ? 'verdict good' : 'verdict bad'}>
          {verdictText(state.verification)}
        </span>
      )}
      {state.kind === 'unreadable' && (
        <span role="status" className="verdict bad">
          {t('inspections.verify.unreadable')}
        </span>
      )}
      {state.kind === 'failed' && <ErrorMessage error={state.error ?? t('inspections.verify.failed')} />}
      {finding && !recorded && (
        <button
          type="button"
          onClick={() => {
            onRecord(finding.check, finding.note);
            setRecorded(true);
          }}
        >
          {t('inspections.verify.record')}
        </button>
      )}
      {finding && recorded && <span className="muted small">{t('inspections.verify.recorded')}</span>}
    </div>
  );
}
