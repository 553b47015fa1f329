import { useTranslation } from 'react-i18next';
import { IMPORT_LIMITS } from '../../shared/domain/import';
import type { ImportMessages } from './import-messages';

interface Props {
  messages: ImportMessages;
  /** While a step runs: a new file would leave it behind. */
  disabled: boolean;
  onFile(file: File): void;
}

/** The file an import starts from, with the size and row limits said under it. */
export function ImportFileField({ messages, disabled, onFile }: Props) {
  const { t } = useTranslation();
  return (
    <label className="field narrow">
      <span>{t(`${messages}.chooseFile`)}</span>
      <input
        type="file"
        accept=".xlsx,.csv,.xls,.txt"
        disabled={disabled}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) onFile(file);
          // The same file chosen again (corrected meanwhile) must fire again.
          event.target.value = '';
        }}
      />
      <span className="muted small">{t('importFlow.limits', { mb: IMPORT_LIMITS.bytes / 1024 / 1024, rows: IMPORT_LIMITS.rows.toLocaleString('vi-VN') })}</span>
    </label>
  );
}
