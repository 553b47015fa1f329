import { OPERATION_NAMES, type Api, type OperationName } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';

declare global {
  interface Window {
    /** Set by the Electron preload; absent when the app is served by the browser bridge. */
    api?: Api;
  }
}

const UNAVAILABLE: Result<never> = {
  ok: false,
  error: { code: 'UNAVAILABLE', message: 'Không kết nối được với máy chủ của ứng dụng' },
};

const isResult = (body: unknown): body is Result<unknown> =>
  typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean';

/** The browser bridge's transport: POST /api/<operation>, same Result objects as IPC. */
async function postOperation(name: OperationName, input: unknown): Promise<Result<unknown>> {
  try {
    const response = await fetch(`api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
    const body: unknown = await response.json();
    return isResult(body) ? body : UNAVAILABLE;
  } catch {
    return UNAVAILABLE;
  }
}

function bridgeApi(): Api {
  const entries = OPERATION_NAMES.map((name) => [name, (input: unknown) => postOperation(name, input)]);
  return Object.fromEntries(entries) as Api;
}

/** The typed client every page uses; only the transport differs between Electron and the bridge. */
export const api: Api = window.api ?? bridgeApi();
