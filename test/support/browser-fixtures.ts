import { test as base } from '@playwright/test';
import { startBridgeProcess } from './bridge-process';
import { makeTempDir } from './temp-dir';

/** Each test gets its own bridge process on a brand-new data folder (Actual's e2e fixture pattern). */
export const test = base.extend<{ appUrl: string; dataDir: string }>({
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
});

export { expect } from '@playwright/test';
