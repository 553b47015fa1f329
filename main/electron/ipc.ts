import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channelOf, OPERATION_NAMES } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import type { Dispatch } from '../core/dispatcher';
import type { Logger } from '../core/logger';
import { isAppUrl } from './app-url';

const FORBIDDEN: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'Yêu cầu không đến từ trang của ứng dụng nên bị từ chối.' },
};

/** The sender frame, not the web contents: a frame of another origin must not get in. */
function senderUrl(event: IpcMainInvokeEvent): string | null {
  try {
    return event.senderFrame?.url ?? null;
  } catch {
    // The frame was disposed (navigated away or closed) before we looked.
    return null;
  }
}

/**
 * One handler per contract operation, derived from the list. The event stays here: only
 * the operation name and its input go on to the dispatcher.
 */
export function registerIpc(dispatch: Dispatch, log: Logger): void {
  for (const name of OPERATION_NAMES) {
    ipcMain.handle(channelOf(name), async (event, input: unknown) => {
      const url = senderUrl(event);
      if (url === null || !isAppUrl(url)) {
        log.error(`IPC ${name} refused`, { senderUrl: url });
        return FORBIDDEN;
      }
      return await dispatch(name, input);
    });
  }
}
