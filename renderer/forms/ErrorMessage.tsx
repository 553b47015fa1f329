import type { AppErrorData } from '../../shared/api/result';
import { useErrorText } from '../api/use-error-text';

interface Props {
  /** A failure from the back end, or a sentence already worded (the units page words its own). */
  error: AppErrorData | string | null | undefined;
  /** Labels of the form's own fields, for a form whose fields are not the venue's (see useErrorText). */
  labels?: Record<string, string>;
}

/** A page's or form's failure, announced to screen readers as it appears; nothing when there is none. */
export function ErrorMessage({ error, labels }: Props) {
  const { errorText } = useErrorText(labels);
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {typeof error === 'string' ? error : errorText(error)}
    </p>
  );
}
