import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardQueryInput } from '../../shared/domain/dashboard';
import { api } from '../api/client';
import { useErrorText } from '../api/use-error-text';
import { saveFile } from '../files/save-file';

/** "Xuất Excel": the page's tables for the period, area and type chosen. */
export function ExportButton({ query }: { query: DashboardQueryInput }) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'done' | 'error'; text: string } | null>(null);

  async function exportTables() {
    setBusy(true);
    setMessage(null);
    try {
      const result = await api['dashboard.export'](query);
      if (!result.ok) return setMessage({ kind: 'error', text: errorText(result.error) });
      const { fileName, mimeType, bytesBase64 } = result.value;
      saveFile(fileName, mimeType, bytesBase64);
      setMessage({ kind: 'done', text: t('dashboard.exported', { fileName }) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" title={t('dashboard.exportHint')} disabled={busy} onClick={() => void exportTables()}>
        {busy ? t('dashboard.exporting') : t('dashboard.exportExcel')}
      </button>
      {message && (
        <span className={message.kind === 'error' ? 'error' : 'muted'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </span>
      )}
    </>
  );
}
