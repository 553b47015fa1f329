import { test as base, type APIRequestContext } from '@playwright/test';
import { startBridgeProcess } from './bridge-process';
import { makeTempDir } from './temp-dir';

export interface Fixtures {
  /** A fresh data folder: every test starts from a brand-new install. */
  dataDir: string;
  /** The bridge serving the app on that folder; nobody has said who is working yet. */
  appUrl: string;
  /** The same, with a clerk already signed in (the start screen done), for tests about other things. */
  signedInUrl: string;
}

/** Adds a member of staff and says they are working, through the API the start screen uses. */
export async function signInThroughApi(request: APIRequestContext, appUrl: string, name = 'Nguyễn Thị Lan') {
  const created = await (await request.post(`${appUrl}api/staff.create`, { data: { name, role: 'clerk' } })).json();
  await request.post(`${appUrl}api/session.start`, { data: { staffId: created.value.id } });
  return created.value as { id: string; name: string };
}

/** Each test gets its own bridge process on a brand-new data folder (Actual's e2e fixture pattern). */
export const test = base.extend<Fixtures>({
  dataDir: async ({}, use) => {
    const temp = makeTempDir('diemqr-e2e-');
    await use(temp.dir);
    temp.remove();
  },
  appUrl: async ({ dataDir, page }, use) => {
    const bridge = await startBridgeProcess(dataDir);
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    await use(bridge.url);
    await bridge.stop();
    if (pageErrors.length > 0) throw new Error(`Errors in the page: ${pageErrors.map((e) => e.message).join('; ')}`);
  },
  signedInUrl: async ({ appUrl, request }, use) => {
    await signInThroughApi(request, appUrl);
    await use(appUrl);
  },
});

export { expect } from '@playwright/test';
