import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../shared/api/contract';
import { api } from '../api/client';
import { useErrorText } from '../api/use-error-text';
import { saveFile } from '../files/save-file';

type ExportInput = InputOf<'venues.export'>;
type Format = ExportInput['format'];

interface Props {
  /** The list screen's current search and filters: the export is what the clerk is looking at. */
  query: Omit<ExportInput, 'format'>;
  /** Rows the list shows; nothing to export when 0. */
  total: number | undefined;
}

/** "Xuất Excel", "Xuất CSV" and "CSV (;)" for Excel on a PC set to the Vietnamese format, on the venue list's toolbar. */
export function ExportButtons({ query, total }: Props) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const [busy, setBusy] = useState<Format | null>(null);
  const [message, setMessage] = useState<{ kind: 'done' | 'error'; text: string } | null>(null);

  async function exportAs(format: Format) {
    setBusy(format);
    setMessage(null);
    try {
      const result = await api['venues.export']({ ...query, format });
      if (!result.ok) return setMessage({ kind: 'error', text: errorText(result.error) });
      const { fileName, mimeType, bytesBase64, rows } = result.value;
      saveFile(fileName, mimeType, bytesBase64);
      setMessage({ kind: 'done', text: t('exportList.done', { count: rows, fileName }) });
    } finally {
      setBusy(null);
    }
  }

  const disabled = busy !== null || total === 0;
  return (
    <div className="export-buttons" style={{ display: 'flex', gap: '0.5rem', alignItems: 'center', flexWrap: 'wrap' }}>
      <button type="button" title={t('exportList.excelHint')} disabled={disabled} onClick={() => void exportAs('xlsx')}>
        {busy === 'xlsx' ? t('exportList.busy') : t('exportList.excel')}
      </button>
      <button type="button" title={t('exportList.csvHint')} disabled={disabled} onClick={() => void exportAs('csv')}>
        {busy === 'csv' ? t('exportList.busy') : t('exportList.csv')}
      </button>
      <button type="button" title={t('exportList.csvSemicolonHint')} disabled={disabled} onClick={() => void exportAs('csv-semicolon')}>
        {busy === 'csv-semicolon' ? t('exportList.busy') : t('exportList.csvSemicolon')}
      </button>
      {message && (
        <span className={message.kind === 'error' ? 'error' : 'muted'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </span>
      )}
    </div>
  );
}
