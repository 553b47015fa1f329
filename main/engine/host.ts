import { AppError, type Result } from '../../shared/api/result';
import type { Dispatch } from '../core/dispatcher';
import type { PdfRenderer } from '../posters/pdf-renderer';
import type { EngineLink } from './messages';
import { PendingRequests } from './pending';

export interface EngineConnection {
  /** The same Dispatch the transports had when the core ran in their own thread. */
  dispatch: Dispatch;
  /** Lets the engine end its jobs and close the database, then ends it; resolves when it has. */
  shutdown(): Promise<void>;
}

const GONE: Result<never> = {
  ok: false,
  error: { code: 'UNAVAILABLE', message: 'Bộ phận xử lý dữ liệu đã dừng; hãy mở lại ứng dụng.' },
};

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The host's side (Electron main, or the bridge's HTTP thread): numbers each dispatch,
 * prints the PDFs the engine asks for, and resolves once the engine says it is ready, or
 * rejects with its start-up failure (an AppError: DB_FUTURE_VERSION, KEY_MISSING…).
 */
export function connectEngine(link: EngineLink, pdfRenderer: () => PdfRenderer): Promise<EngineConnection> {
  const results = new PendingRequests<Result<unknown>>();
  let gone = false;
  let ended: () => void = () => {};
  const whenEnded = new Promise<void>((resolve) => (ended = resolve));

  const dispatch: Dispatch = (operation, input) =>
    gone ? Promise.resolve(GONE) : results.open((id) => link.post({ kind: 'dispatch', id, operation, input })).catch(() => GONE);

  const shutdown = () => {
    if (!gone) link.post({ kind: 'shutdown' });
    return whenEnded;
  };

  const printFor = (id: number, viewPath: string, pageKey?: string) =>
    pdfRenderer()
      .render(viewPath, pageKey)
      .then(
        (bytes) => link.post({ kind: 'pdf-rendered', id, bytes }),
        (error: unknown) => link.post({ kind: 'pdf-failed', id, message: messageOf(error) }),
      );

  return new Promise((resolve, reject) => {
    link.onExit(() => {
      gone = true;
      results.failAll(new Error('the data engine exited'));
      ended();
      reject(new AppError('INTERNAL', 'Bộ phận xử lý dữ liệu dừng trước khi sẵn sàng.'));
    });
    link.onMessage((message) => {
      switch (message.kind) {
        case 'ready':
          return resolve({ dispatch, shutdown });
        case 'failed':
          reject(new AppError(message.error.code, message.error.message));
          return link.stop();
        case 'result':
          return results.settle(message.id, message.result);
        case 'render-pdf':
          return void printFor(message.id, message.viewPath, message.pageKey);
        case 'release-pdf':
          return void pdfRenderer().release(message.pageKey);
        case 'closed':
          return link.stop();
      }
    });
  });
}
