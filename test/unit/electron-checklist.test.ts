import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/core/csp';

/**
 * Electron's security checklist (electronjs.org/docs/latest/tutorial/security), item by
 * item, as static checks of the shell's source and electron-builder.yml: they run here,
 * where no Electron binary exists. What needs a running app (a navigation really refused,
 * a permission really denied) stays in the Electron suite.
 */
const read = (file: string) => fs.readFileSync(path.resolve(file), 'utf8');
const shellSources = () =>
  fs
    .readdirSync('main/electron')
    .filter((file) => file.endsWith('.ts'))
    .map((file) => read(path.join('main/electron', file)))
    .concat(read('main/preload/index.ts'))
    .join('\n');
/** The window's webPreferences, read from the source (window.ts imports Electron, which cannot load here). */
function windowPreferences(): Record<string, unknown> {
  const block = /export const secureWebPreferences = \(preload: string\) => \(\{([\s\S]*?)\}\);/.exec(read('main/electron/window.ts'));
  if (!block) throw new Error('secureWebPreferences not found in main/electron/window.ts');
  const entries = [...block[1].matchAll(/^\s*(\w+): (true|false),?$/gm)].map(([, key, value]) => [key, value === 'true']);
  return Object.fromEntries(entries);
}
const preferences = windowPreferences();

describe("Electron's security checklist", () => {
  it('1 and 18: loads only its own content, over a custom secure scheme, never file:// or http(s)', () => {
    const window = read('main/electron/window.ts');
    expect(window).toMatch(/loadURL\(APP_ENTRY_URL\)/);
    expect(read('main/electron/app-url.ts')).toMatch(/APP_ENTRY_URL = `\$\{APP_SCHEME\}:\/\/\$\{APP_HOST\}\/index\.html`/);
    expect(read('main/electron/app-protocol.ts')).toMatch(/privileges: \{ standard: true, secure: true/);
    expect(shellSources()).not.toMatch(/loadFile\(|file:\/\/|loadURL\(['"`]https?:/);
  });

  it('2: no Node.js integration in the page or its frames', () => {
    expect(preferences).toMatchObject({ nodeIntegration: false, nodeIntegrationInSubFrames: false });
    expect(shellSources()).not.toMatch(/nodeIntegration(InWorker|InSubFrames)?:\s*true/);
  });

  it('3: context isolation', () => expect(preferences.contextIsolation).toBe(true));

  it('4: the renderer is sandboxed', () => {
    expect(preferences.sandbox).toBe(true);
    expect(read('main/electron/index.ts')).not.toMatch(/no-sandbox/);
  });

  it('5: permission requests and checks are handled, nothing granted but the rule allows', () => {
    const security = read('main/electron/security.ts');
    expect(security).toMatch(/setPermissionRequestHandler/);
    expect(security).toMatch(/setPermissionCheckHandler/);
    expect(security).toMatch(/callback\(allowsPermission\(/);
  });

  it('6: web security stays on', () => {
    expect(preferences.webSecurity).toBe(true);
    expect(shellSources()).not.toMatch(/webSecurity:\s*false/);
  });

  it('7: a Content-Security-Policy on every response of the app scheme', () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'none'/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-eval'|'unsafe-inline'[^;]*script/);
    expect(read('main/electron/app-protocol.ts')).toMatch(/'Content-Security-Policy': CONTENT_SECURITY_POLICY/);
  });

  it('8, 9 and 10: no insecure content, no experimental features, no Blink features', () => {
    const sources = shellSources();
    expect(sources).not.toMatch(/allowRunningInsecureContent|experimentalFeatures|enableBlinkFeatures/);
  });

  it('11 and 12: no webview tag, and any attempt to attach one is refused', () => {
    expect(preferences.webviewTag).toBe(false);
    expect(read('main/electron/security.ts')).toMatch(/will-attach-webview', \(event\) => event\.preventDefault\(\)/);
  });

  it('13: navigation and redirects away from the app are refused', () => {
    const security = read('main/electron/security.ts');
    expect(security).toMatch(/'will-navigate'[\s\S]*if \(!isAppUrl\(event\.url\)\) event\.preventDefault\(\)/);
    expect(security).toMatch(/'will-redirect'[\s\S]*if \(!isAppUrl\(event\.url\)\) event\.preventDefault\(\)/);
    // On every web contents ever created, not just the main window.
    expect(security).toMatch(/app\.on\('web-contents-created'/);
  });

  it('14: no new windows', () => expect(read('main/electron/security.ts')).toMatch(/setWindowOpenHandler\(\(\) => \(\{ action: 'deny' \}\)\)/));

  it('15: shell.openExternal is never used (only the data folder is opened, by path)', () => {
    const sources = shellSources();
    expect(sources).not.toMatch(/openExternal/);
    expect(sources.match(/shell\.\w+/g) ?? []).toEqual(['shell.openPath']);
  });

  it('16: a supported Electron major', () => {
    const major = Number(JSON.parse(read('package.json')).devDependencies.electron.split('.')[0]);
    expect(major).toBeGreaterThanOrEqual(45);
  });

  it('17: every IPC call is checked for its sender frame before it is dispatched', () => {
    const ipc = read('main/electron/ipc.ts');
    expect(ipc).toMatch(/event\.senderFrame\?\.url/);
    expect(ipc).toMatch(/return FORBIDDEN/);
  });

  it('20: the page gets one function per contract operation, never ipcRenderer itself', () => {
    const preload = read('main/preload/index.ts');
    expect(preload).toMatch(/contextBridge\.exposeInMainWorld\('api', api\)/);
    expect(preload.match(/exposeInMainWorld/g)).toHaveLength(1);
    expect(preload).not.toMatch(/ipcRenderer\.(on|send|sendSync)\b|exposeInMainWorld\('ipcRenderer'/);
  });

  it("19: the packaged binary's fuses are set", () => {
    const builder = read('electron-builder.yml');
    for (const fuse of [
      'runAsNode: false',
      'enableCookieEncryption: true',
      'enableNodeOptionsEnvironmentVariable: false',
      'enableNodeCliInspectArguments: false',
      'enableEmbeddedAsarIntegrityValidation: true',
      'onlyLoadAppFromAsar: true',
      'grantFileProtocolExtraPrivileges: false',
    ]) {
      expect(builder).toContain(`  ${fuse}`);
    }
    expect(builder).toMatch(/^asar: true$/m);
  });
});
