import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../shared/api/result';
import { IMPORT_LIMITS, type ImportPhase } from '../../shared/domain/import';
import { ErrorMessage } from '../forms/ErrorMessage';
import { ProgressPanel } from '../frame/ProgressPanel';
import type { ImportMessages } from './import-messages';
import { isRunning } from './use-import-flow';

interface Props {
  /** The import as useImportFlow follows it. */
  flow: {
    status: { phase: ImportPhase; error: { message: string } | null; progress: { done: number; total: number } } | null;
    tooBig: boolean;
    cancel(): void;
  };
  /** The last operation's refusal, as the flow words it. */
  failure: AppErrorData | string | null;
  /** Labels of the flow's own fields, for the refusal (see ErrorMessage). */
  labels?: Record<string, string>;
  messages: ImportMessages;
}

/** Where an import stands: what was refused or failed, that it was cancelled, or the running step's progress with its cancel button. */
export function ImportState({ flow: { status, tooBig, cancel }, failure, labels, messages }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorMessage error={failure} labels={labels} />
      <ErrorMessage error={status?.error?.message} />
      <ErrorMessage error={tooBig ? t('importFlow.tooBig', { mb: IMPORT_LIMITS.bytes / 1024 / 1024 }) : null} />
      {status?.phase === 'cancelled' && <p className="notice">{t(`${messages}.cancelled`)}</p>}
      {status && isRunning(status.phase) && (
        <ProgressPanel label={t(`${messages}.phase.${status.phase}`)} done={status.progress.done} total={status.progress.total} onCancel={cancel} />
      )}
    </>
  );
}
