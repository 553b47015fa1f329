import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { AppErrorData } from '../../shared/api/result';
import { levelLowered } from '../../shared/domain/documents-vi';
import type { ReportPreview, ReportRequestInput } from '../../shared/domain/reports';
import { api } from '../api/client';
import { useErrorText } from '../api/use-error-text';
import { useOperation } from '../api/use-operation';
import { ErrorMessage } from '../forms/ErrorMessage';
import { SelectField } from '../forms/SelectField';
import { TextField } from '../forms/TextField';
import { useLeaveGuard } from '../forms/use-leave-guard';
import { formatDay, parseDay } from '../inspections/day';
import { unitOptions, useUnits } from '../units/use-units';
import { PERIOD_CHOICES, periodOf, type PeriodChoice } from './report-period';
import { ReportSheet } from './ReportSheet';

const DEFAULT_NUMBER = '……/BC-UBND';
const DEFAULT_SIGNER_TITLE = 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH';

/** A textarea's lines, trimmed, blank ones dropped: one addressee, title line or paragraph each. */
const linesOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** "Lập báo cáo": waits for the office's home commune, whose parent the report is usually sent to. */
export function ReportForm({ onClose }: { onClose(): void }) {
  const settings = useOperation(() => api['settings.get']({}), []);
  if (settings === undefined) return null;
  return <ReportFormFields homeCommuneId={settings.ok ? settings.value.homeCommuneId : null} onClose={onClose} />;
}

function TextArea({ label, hint, value, onChange, maxLength }: { label: string; hint: string; value: string; maxLength: number; onChange(value: string): void }) {
  const hintId = useId();
  return (
    <label className="field">
      <span>{label}</span>
      <textarea value={value} maxLength={maxLength} aria-describedby={hintId} onChange={(event) => onChange(event.target.value)} />
      <span id={hintId} className="muted small">
        {hint}
      </span>
    </label>
  );
}

function useReportErrorText() {
  const { t } = useTranslation();
  const { errorText } = useErrorText({
    number: t('reports.form.number'),
    recipients: t('reports.form.recipients'),
    signerTitle: t('reports.form.signerTitle'),
    signerName: t('reports.form.signerName'),
    proposals: t('reports.form.proposals'),
    from: t('reports.form.from'),
    to: t('reports.form.to'),
    communeId: t('reports.form.commune'),
    villageId: t('reports.form.village'),
  });
  return (error: AppErrorData): string => {
    if (error.code === 'DUPLICATE' && error.field === 'number') return t('reports.errors.numberTaken');
    if (error.field === 'params.to' && error.reason === 'invalid') return t('reports.errors.future');
    if (error.field === 'params.villageId' && error.reason === 'invalid') return t('reports.errors.villageNotInCommune');
    // "params.from" names the form's own field.
    return errorText(error.field?.startsWith('params.') ? { ...error, field: error.field.slice('params.'.length) } : error);
  };
}

function ReportFormFields({ homeCommuneId, onClose }: { homeCommuneId: string | null; onClose(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const reportErrorText = useReportErrorText();
  const { communes, villagesOf, nameOf } = useUnits();
  const [choice, setChoice] = useState<PeriodChoice>('thisMonth');
  const [fromText, setFromText] = useState('');
  const [toText, setToText] = useState('');
  const [communeId, setCommuneId] = useState<string | null>(null);
  const [villageId, setVillageId] = useState<string | null>(null);
  const [number, setNumber] = useState(DEFAULT_NUMBER);
  // Null until the clerk types: the level above the office's commune, once the units are known.
  const [recipients, setRecipients] = useState<string | null>(null);
  const [signerTitle, setSignerTitle] = useState(DEFAULT_SIGNER_TITLE);
  const [signerName, setSignerName] = useState('');
  const [proposals, setProposals] = useState('');
  const [preview, setPreview] = useState<ReportPreview>();
  const [busy, setBusy] = useState<'preview' | 'issue' | null>(null);
  const [failure, setFailure] = useState<string>();
  const typed = { fromText, toText, number, recipients, signerTitle, signerName, proposals };
  const [opened] = useState(typed);
  const { dialog: leaveDialog, release } = useLeaveGuard(
    (Object.keys(typed) as Array<keyof typeof typed>).some((field) => typed[field] !== opened[field]),
  );

  const parentId = communes.find((commune) => commune.id === homeCommuneId)?.parentId ?? null;
  const recipientsText = recipients ?? (parentId ? `UBND ${levelLowered(nameOf(parentId))}` : '');
  const villages = communeId ? villagesOf(communeId) : [];
  const from = choice === 'custom' ? parseDay(fromText) : periodOf(choice).from;
  const to = choice === 'custom' ? parseDay(toText) : periodOf(choice).to;

  function choosePeriod(next: PeriodChoice) {
    // Custom days start from the period shown, for the clerk to adjust.
    if (next === 'custom' && choice !== 'custom') {
      const shown = periodOf(choice);
      setFromText(formatDay(shown.from));
      setToText(formatDay(shown.to));
    }
    setChoice(next);
  }

  function requestOf(): ReportRequestInput | string {
    if (from === null || to === null) return t('reports.form.fixDates');
    if (to < from) return t('reports.form.endsBeforeStart');
    return {
      params: { from, to, communeId: communeId ?? undefined, villageId: villageId ?? undefined },
      number,
      recipients: linesOf(recipientsText),
      signerTitle: linesOf(signerTitle),
      signerName,
      proposals: linesOf(proposals),
    };
  }

  async function run(kind: 'preview' | 'issue') {
    const request = requestOf();
    if (typeof request === 'string') return setFailure(request);
    setBusy(kind);
    setFailure(undefined);
    if (kind === 'preview') {
      const result = await api['reports.preview'](request);
      setBusy(null);
      if (result.ok) setPreview(result.value);
      else setFailure(reportErrorText(result.error));
      return;
    }
    const result = await api['reports.issue'](request);
    setBusy(null);
    if (!result.ok) return setFailure(reportErrorText(result.error));
    release();
    navigate(`/documents/report/${encodeURIComponent(result.value.id)}`);
  }

  function issue(event: FormEvent) {
    event.preventDefault();
    void run('issue');
  }

  const suggestions = preview?.suggestedProposals ?? [];
  return (
    <>
      <form className="report-form" onSubmit={issue}>
        <h2>{t('reports.form.title')}</h2>
        <fieldset>
          <legend>{t('reports.form.period')}</legend>
          <div className="report-period-choices">
            {PERIOD_CHOICES.map((option) => (
              <label key={option}>
                <input type="radio" name="period" checked={choice === option} onChange={() => choosePeriod(option)} /> {t(`reports.form.${option}`)}
              </label>
            ))}
          </div>
          {choice === 'custom' ? (
            <div className="field-pair">
              <TextField
                name="from"
                label={t('reports.form.from')}
                value={fromText}
                maxLength={10}
                required
                hint={t('reports.form.dayHint')}
                error={fromText.trim() !== '' && from === null ? t('reports.form.badDay') : undefined}
                onChange={setFromText}
              />
              <TextField
                name="to"
                label={t('reports.form.to')}
                value={toText}
                maxLength={10}
                required
                hint={t('reports.form.dayHint')}
                error={toText.trim() !== '' && to === null ? t('reports.form.badDay') : undefined}
                onChange={setToText}
              />
            </div>
          ) : (
            from !== null && to !== null && <p className="muted">{t('reports.period', { from: formatDay(from), to: formatDay(to) })}</p>
          )}
        </fieldset>
        <div className="field-pair">
          <SelectField
            label={t('reports.form.commune')}
            value={communeId}
            empty={t('reports.form.allCommunes')}
            options={unitOptions(communes)}
            onChange={(next) => {
              setCommuneId(next);
              setVillageId(null);
            }}
          />
          {villages.length > 0 && (
            <SelectField label={t('reports.form.village')} value={villageId} empty={t('reports.form.allVillages')} options={unitOptions(villages)} onChange={setVillageId} />
          )}
        </div>
        <TextField name="number" label={t('reports.form.number')} value={number} maxLength={40} required hint={t('reports.form.numberHint')} onChange={setNumber} />
        <TextArea label={t('reports.form.recipients')} hint={t('reports.form.recipientsHint')} value={recipientsText} maxLength={2400} onChange={setRecipients} />
        <div className="field-pair">
          <TextArea label={t('reports.form.signerTitle')} hint={t('reports.form.signerTitleHint')} value={signerTitle} maxLength={330} onChange={setSignerTitle} />
          <TextField name="signerName" label={t('reports.form.signerName')} value={signerName} maxLength={120} hint={t('reports.form.signerNameHint')} onChange={setSignerName} />
        </div>
        <TextArea label={t('reports.form.proposals')} hint={t('reports.form.proposalsHint')} value={proposals} maxLength={60_000} onChange={setProposals} />
        {suggestions.length > 0 && (
          <div>
            <button type="button" onClick={() => setProposals(suggestions.join('\n'))}>
              {t('reports.form.suggest')}
            </button>
          </div>
        )}
        <ErrorMessage error={failure} />
        <p className="muted small">{t('reports.form.issueHint')}</p>
        <div className="actions">
          <button type="button" disabled={busy !== null} onClick={() => void run('preview')}>
            {busy === 'preview' ? t('reports.form.previewing') : t('reports.form.preview')}
          </button>
          <button type="submit" className="primary" disabled={busy !== null}>
            {busy === 'issue' ? t('reports.form.issuing') : t('reports.form.issue')}
          </button>
          <button type="button" onClick={onClose}>
            {t('reports.form.close')}
          </button>
        </div>
        {leaveDialog}
      </form>
      {preview && (
        <section className="report-preview" aria-label={t('reports.form.previewTitle')}>
          <p className="report-preview-title">{t('reports.form.previewTitle')}</p>
          <ReportSheet content={preview.content} linked />
        </section>
      )}
    </>
  );
}
