import { AppError, type AppErrorData, type Result } from '../../shared/api/result';
import { openAppCore, type AppCore } from '../core/app-core';
import { readInWorker } from '../import/read-in-worker';
import type { PdfRenderer } from '../posters/pdf-renderer';
import type { Channel, EngineMessage, EngineStart, HostMessage } from './messages';
import { PendingRequests } from './pending';

const CLOSING: Result<never> = {
  ok: false,
  error: { code: 'UNAVAILABLE', message: 'Ứng dụng đang đóng; thao tác này không được thực hiện.' },
};

function startFailure(error: unknown): AppErrorData {
  if (error instanceof AppError) return error.toData();
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

/** PDFs are printed by the host's Chromium: the engine asks and waits for the bytes. */
function hostPdfRenderer(channel: Channel<HostMessage, EngineMessage>, requests: PendingRequests<Uint8Array>): PdfRenderer {
  return {
    render: (viewPath, pageKey) => requests.open((id) => channel.post({ kind: 'render-pdf', id, viewPath, pageKey })),
    async release(pageKey) {
      channel.post({ kind: 'release-pdf', pageKey });
    },
    async close() {},
  };
}

/**
 * The data engine's side of the channel: opens the data folder, answers every dispatch
 * with the production dispatcher, and on shutdown lets the running jobs end before the
 * database closes. The host ends the process or thread once it has heard `closed` or `failed`.
 */
export function serveEngine(channel: Channel<HostMessage, EngineMessage>, start: EngineStart): void {
  const pdfRequests = new PendingRequests<Uint8Array>();
  const pdf = hostPdfRenderer(channel, pdfRequests);
  let core: AppCore;
  try {
    core = openAppCore({ ...start, pdfRenderer: () => pdf, readSheets: readInWorker(start.readerEntry) });
  } catch (error) {
    channel.post({ kind: 'failed', error: startFailure(error) });
    return;
  }
  let closing = false;

  channel.onMessage((message) => {
    switch (message.kind) {
      case 'dispatch': {
        const answer = closing ? Promise.resolve(CLOSING) : core.dispatch(message.operation, message.input);
        void answer.then((result) => channel.post({ kind: 'result', id: message.id, result }));
        return;
      }
      case 'pdf-rendered':
        return pdfRequests.settle(message.id, message.bytes);
      case 'pdf-failed':
        return pdfRequests.fail(message.id, new Error(message.message));
      case 'shutdown':
        if (closing) return;
        closing = true;
        void core.shutdown().then(() => channel.post({ kind: 'closed' }));
    }
  });
  channel.post({ kind: 'ready' });
}
