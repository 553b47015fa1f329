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

/** What Electron says about a permission request or check, as plain data. */
export interface PermissionAsk {
  permission: string;
  /** The requesting frame's full URL (with its hash route), or the window's when Electron gives none. */
  url: string;
  /** The media kinds asked for: a request lists them, a check names one; 'unknown' or none is refused. */
  mediaTypes: readonly string[];
}

/**
 * The one permission the app grants: the camera ('media', video only, never the
 * microphone), for our own page and only on a visit's view ("#/inspections/…/visit/…"),
 * where "Kiểm tra mã từ ảnh" reads a poster through the webcam. Everything else is refused.
 */
export function allowsPermission({ permission, url, mediaTypes }: PermissionAsk): boolean {
  if (permission !== 'media') return false;
  if (mediaTypes.length === 0 || !mediaTypes.every((kind) => kind === 'video')) return false;
  if (!isAppUrl(url)) return false;
  return /^#\/inspections\/[^/?#]+\/visit\/[^/?#]+/.test(new URL(url).hash);
}
