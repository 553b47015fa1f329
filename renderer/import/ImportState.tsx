import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../shared/api/result';
import { IMPORT_LIMITS, type ImportPhase, type StepError } from '../../shared/domain/import';
import { ErrorMessage } from '../forms/ErrorMessage';
import { importsEn } from '../i18n/areas/imports';
import { ProgressPanel } from '../frame/ProgressPanel';
import type { ImportMessages } from './import-messages';
import { isRunning } from './use-import-flow';

interface Props {
  /** The import as useImportFlow follows it. */
  flow: {
    status: { phase: ImportPhase; error: StepError | null; progress: { done: number; total: number } } | null;
    tooBig: boolean;
    cancel(): void;
  };
  /** The last operation's refusal, as the flow words it. */
  failure: AppErrorData | string | null;
  /** Labels of the flow's own fields, for the refusal (see ErrorMessage). */
  labels?: Record<string, string>;
  messages: ImportMessages;
}

/** A refusal main names with a sentence this page has in English. */
const isWordedInEnglish = (key: string | undefined): key is keyof typeof importsEn.refusals =>
  key !== undefined && Object.hasOwn(importsEn.refusals, key);

/** Main's Vietnamese sentence, or in English the refusal's own words with its values (numbers as English writes them). */
function stepErrorText(error: StepError | null | undefined, language: string): string | undefined {
  const sentence = error?.sentence;
  if (language !== 'en' || !sentence || !isWordedInEnglish(sentence.key)) return error?.message;
  return importsEn.refusals[sentence.key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = sentence.values[name];
    return typeof value === 'number' ? value.toLocaleString('en-US') : (value ?? '');
  });
}

/** Where an import stands: what was refused or failed, that it was cancelled, or the running step's progress with its cancel button. */
export function ImportState({ flow: { status, tooBig, cancel }, failure, labels, messages }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <ErrorMessage error={failure} labels={labels} />
      <ErrorMessage error={stepErrorText(status?.error, i18n.language)} />
      <ErrorMessage error={tooBig ? t('importFlow.tooBig', { mb: IMPORT_LIMITS.bytes / 1024 / 1024 }) : null} />
      {status?.phase === 'cancelled' && <p className="notice">{t(`${messages}.cancelled`)}</p>}
      {status && isRunning(status.phase) && (
        <ProgressPanel label={t(`${messages}.phase.${status.phase}`)} done={status.progress.done} total={status.progress.total} onCancel={cancel} />
      )}
    </>
  );
}
