import { readStaticFile, type StaticFile } from '../core/static-files';

/**
 * The app's own origin and the rules about it. Nothing here imports Electron, so the
 * unit tests run these rules in plain Node.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'diem-qr';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for our scheme and host, with no port or user-info: "app://diem-qr.evil.com",
 * "app://diem-qr@evil/" and "app://diem-qr:1/" name someone else.
 */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * The file of the built renderer an app:// URL names, or null. Path traversal (also
 * percent-encoded, e.g. "..%2f") is refused by readStaticFile, shared with the bridge.
 */
export function readAppFile(rendererDir: string, url: string): StaticFile | null {
  if (!isAppUrl(url)) return null;
  return readStaticFile(rendererDir, new URL(url).pathname || '/');
}
