import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { InputOf } from '../../shared/api/contract';
import { POSTER_TEMPLATES, PRINT_REASONS, type PosterTemplate, type PrintReason } from '../../shared/domain/posters';
import { api } from '../api/client';
import { useErrorText } from '../api/use-error-text';
import { useOperation } from '../api/use-operation';
import { saveFile } from '../files/save-file';
import { ProgressPanel } from '../frame/ProgressPanel';
import { PosterPreview } from '../posters/PosterPreview';
import { useUnits } from '../units/use-units';
import { printReasonForQueue } from './queue-rows';
import { ReprintQueue } from './ReprintQueue';
import { useLaminatedChoice } from './use-laminated-choice';
import { usePrintJob } from './use-print-job';

type Scope = 'queue' | 'village' | 'venue';

/**
 * "Mã QR & áp phích": the reprint queue, and printing posters for the queue, a village
 * (or a whole commune) or one venue — on paper through the print dialog, or as one PDF.
 */
export function PrintPage() {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const [params] = useSearchParams();
  const venueId = params.get('venue');
  const { communes, villagesOf } = useUnits();
  const [scope, setScope] = useState<Scope>(venueId ? 'venue' : 'queue');
  const [communeId, setCommuneId] = useState('');
  const [villageId, setVillageId] = useState('');
  const [template, setTemplate] = useState<PosterTemplate>('a4');
  const [chosenReason, setChosenReason] = useState<PrintReason | null>(null);
  const [laminated, setLaminated] = useLaminatedChoice();
  const [copies, setCopies] = useState(1);
  const [recorded, setRecorded] = useState<number | null>(null);
  const print = usePrintJob();
  const phase = print.status?.phase;
  // Asked again once prints are recorded (the dialog's, or a finished PDF's), so what was just printed leaves the list.
  const finishedJob = phase === 'done' ? print.job?.jobId : undefined;
  const queue = useOperation(() => api['posters.queue']({}), [finishedJob, recorded]);
  // Printing the queue records why its venues wait (a revoked code, a damaged poster) unless the clerk says otherwise.
  const reason = chosenReason ?? (scope === 'queue' && queue?.ok ? printReasonForQueue(queue.value) : 'new');
  // The print dialog does not say whether paper came out: the clerk confirms before it is recorded.
  const [askToRecord, setAskToRecord] = useState(false);
  // "In" sits below the preview, the question in the bar above it: brought into view and focused so it cannot be missed.
  const recordButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!askToRecord) return;
    recordButton.current?.scrollIntoView({ block: 'center' });
    recordButton.current?.focus();
  }, [askToRecord]);

  async function recordPrinted() {
    if (!print.job) return;
    const result = await api['posters.recordPrinted']({ jobId: print.job.jobId });
    setAskToRecord(false);
    if (result.ok) setRecorded(result.value.recorded);
    else print.fail(result.error);
  }

  const selection = (): InputOf<'posters.createJob'>['selection'] => {
    if (scope === 'venue' && venueId) return { kind: 'venues', venueIds: [venueId] };
    if (scope === 'village') return { kind: 'filter', query: { communeId: communeId || undefined, villageId: villageId || undefined, status: 'active' } };
    return { kind: 'queue' };
  };

  async function prepare() {
    const created = await api['posters.createJob']({ selection: selection(), template, reason, laminated, copies });
    setAskToRecord(false);
    setRecorded(null);
    if (created.ok) print.start(created.value);
    else print.fail(created.error);
  }

  async function download() {
    if (!print.job) return;
    const file = await api['posters.download']({ jobId: print.job.jobId });
    if (file.ok) saveFile(file.value.fileName, file.value.mimeType, file.value.bytesBase64);
  }

  // The PDF goes to the clerk as soon as it is made, once per job.
  const downloaded = useRef<string | null>(null);
  useEffect(() => {
    if (phase !== 'done' || !print.job || downloaded.current === print.job.jobId) return;
    downloaded.current = print.job.jobId;
    void download();
  });

  return (
    <section>
      <h1>{t('nav.posters')}</h1>
      {/* The print controls, the job's progress and Cancel stay in view above a queue of thousands. */}
      <div className="print-bar">
      <h2>{t('printing.printTitle')}</h2>
      <div className="filters">
        <label>
          {t('printing.scope')}
          <select value={scope} onChange={(event) => setScope(event.target.value as Scope)}>
            <option value="queue">{t('printing.scopes.queue')}</option>
            <option value="village">{t('printing.scopes.village')}</option>
            {venueId && <option value="venue">{t('printing.scopes.venue')}</option>}
          </select>
        </label>
        {scope === 'village' && (
          <>
            <label>
              {t('fields.communeId')}
              <select value={communeId} onChange={(event) => { setCommuneId(event.target.value); setVillageId(''); }}>
                <option value="">{t('filters.all')}</option>
                {communes.map((unit) => (
                  <option key={unit.id} value={unit.id}>{unit.name}</option>
                ))}
              </select>
            </label>
            <label>
              {t('fields.villageId')}
              <select value={villageId} onChange={(event) => setVillageId(event.target.value)}>
                <option value="">{t('filters.all')}</option>
                {villagesOf(communeId || null).map((unit) => (
                  <option key={unit.id} value={unit.id}>{unit.name}</option>
                ))}
              </select>
            </label>
          </>
        )}
        <label>
          {t('printing.template')}
          <select value={template} onChange={(event) => setTemplate(event.target.value as PosterTemplate)}>
            {POSTER_TEMPLATES.map((value) => (
              <option key={value} value={value}>{t(`printing.templates.${value}`)}</option>
            ))}
          </select>
        </label>
        <label>
          {t('printing.reason')}
          <select value={reason} onChange={(event) => setChosenReason(event.target.value as PrintReason)}>
            {PRINT_REASONS.map((value) => (
              <option key={value} value={value}>{t(`printing.reasons.${value}`)}</option>
            ))}
          </select>
        </label>
        <label>
          {t('printing.copies')}
          <input
            type="number"
            className="narrow-number"
            min={1}
            max={20}
            value={copies}
            onChange={(event) => setCopies(Math.min(20, Math.max(1, Number(event.target.value) || 1)))}
          />
        </label>
        <label>
          <input type="checkbox" checked={laminated} onChange={(event) => setLaminated(event.target.checked)} />
          {t('printing.laminated')}
        </label>
        <button type="button" className="primary" onClick={() => void prepare()}>
          {t('printing.prepare')}
        </button>
      </div>

      {print.failure && <p className="error" role="alert">{errorText(print.failure)}</p>}
      {print.job && (
        <div className="print-job">
          <p role="status">{t('printing.prepared', { posters: print.job.posters, pages: print.job.pages })}</p>
          <div className="actions">
            <button type="button" disabled={phase === 'rendering'} onClick={() => void print.exportPdf()}>
              {t('printing.exportPdf')}
            </button>
          </div>
          {phase === 'rendering' && print.status && (
            <ProgressPanel label={t('printing.rendering')} done={print.status.progress.done} total={print.status.progress.total} onCancel={() => void print.cancel()} />
          )}
          {phase === 'done' && (
            <p className="notice">
              {t('printing.pdfReady', { file: print.status?.fileName })}{' '}
              <button type="button" onClick={() => void download()}>{t('printing.download')}</button>
            </p>
          )}
          {phase === 'cancelled' && <p className="notice">{t('printing.cancelled')}</p>}
          {print.status?.error && <p className="error" role="alert">{print.status.error.message}</p>}
          {askToRecord && (
            <p className="notice">
              {t('printing.askRecord')}{' '}
              <button ref={recordButton} type="button" className="primary" onClick={() => void recordPrinted()}>
                {t('printing.record')}
              </button>
            </p>
          )}
          {recorded !== null && <p className="notice" role="status">{t('printing.recorded', { count: recorded })}</p>}
        </div>
      )}
      </div>
      {print.job && <PosterPreview key={print.job.jobId} jobId={print.job.jobId} onAfterPrint={() => setAskToRecord(true)} />}

      <h2>{t('printing.queueTitle', { count: queue?.ok ? queue.value.length : 0 })}</h2>
      {queue?.ok && <ReprintQueue entries={queue.value} />}
    </section>
  );
}
