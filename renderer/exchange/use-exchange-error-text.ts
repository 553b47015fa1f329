import type { AppErrorData } from '../../shared/api/result';
import { useErrorText } from '../api/use-error-text';

/**
 * Packages are refused for reasons only main can name (a signature that fails, a key bound
 * to another commune, a package older than the last one), and main words each one as a
 * sentence for the clerk, ending "Chưa ghi gì.": those codes show that sentence; the rest
 * (a field, the connection, an internal fault) read as everywhere else.
 */
const WORDED_BY_MAIN: ReadonlySet<string> = new Set(['UNSUPPORTED_FILE', 'FORBIDDEN', 'CONFLICT', 'NOT_FOUND']);

export function useExchangeErrorText() {
  const { errorText } = useErrorText();
  return (error: AppErrorData): string => (WORDED_BY_MAIN.has(error.code) ? error.message : errorText(error));
}
