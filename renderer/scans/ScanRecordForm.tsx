import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../shared/api/result';
import { api } from '../api/client';
import { ErrorMessage } from '../forms/ErrorMessage';
import { TextField } from '../forms/TextField';
import { useLeaveGuard } from '../forms/use-leave-guard';
import { parseDay } from '../inspections/day';
import { usePeriodLabel } from './period-label';

interface Props {
  venueId: string;
  onSaved(): void;
}

/**
 * A count typed by hand (a tally the venue kept, a figure read off the national system's
 * screen): a period and its scans, under the import's rules, checked again in main.
 */
export function ScanRecordForm({ venueId, onSaved }: Props) {
  const { t } = useTranslation();
  const periodLabel = usePeriodLabel();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [scans, setScans] = useState('');
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<AppErrorData | string>();
  const [saved, setSaved] = useState<string>();
  // The count is what is being entered: the days stay typed after a save, for the next period.
  const { dialog: leaveDialog } = useLeaveGuard(scans.trim() !== '');
  const firstDay = parseDay(from);
  const lastDay = parseDay(to);
  const count = /^\d+$/.test(scans.trim()) ? Number(scans.trim()) : null;
  const badDay = (text: string, day: string | null) => (text.trim() !== '' && day === null ? t('scans.venue.record.badDay') : undefined);

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(undefined);
    if (firstDay === null || lastDay === null) return setFailure(t('scans.venue.record.badDay'));
    if (lastDay < firstDay) return setFailure(t('scans.venue.record.endsBefore'));
    if (count === null) return setFailure(t('scans.venue.record.badCount'));
    setSaving(true);
    const result = await api['scans.record']({ venueId, firstDay, lastDay, scans: count });
    setSaving(false);
    if (!result.ok) {
      // Main words the refusal (a period overlapping a stored one, one not yet ended, a closed venue).
      return setFailure(result.error.code === 'INVALID_INPUT' ? result.error.message : result.error);
    }
    setFailure(undefined);
    setSaved(t('scans.venue.record.saved', { scans: result.value.scans.toLocaleString('vi-VN'), period: periodLabel({ kind: 'range', firstDay, lastDay }) }));
    setScans('');
    onSaved();
  }

  return (
    <form className="scan-record-form" aria-label={t('scans.venue.record.title')} onSubmit={(event) => void save(event)}>
      <h3>{t('scans.venue.record.title')}</h3>
      <div className="field-row">
        <TextField name="scanFrom" label={t('scans.venue.record.from')} value={from} maxLength={10} required hint={t('scans.venue.record.dayHint')} error={badDay(from, firstDay)} onChange={setFrom} />
        <TextField name="scanTo" label={t('scans.venue.record.to')} value={to} maxLength={10} required error={badDay(to, lastDay)} onChange={setTo} />
        <TextField name="scanCount" label={t('scans.venue.record.scans')} value={scans} maxLength={9} required onChange={setScans} />
      </div>
      <ErrorMessage error={failure} />
      {saved && (
        <p className="notice" role="status">
          {saved}
        </p>
      )}
      <button type="submit" disabled={saving}>
        {t('scans.venue.record.save')}
      </button>
      {leaveDialog}
    </form>
  );
}
