import { app, type Session, type WebContents } from 'electron';
import { allowsPermission, isAppUrl } from './app-url';

/**
 * Nothing is granted but the camera (video only) to our own page on a visit's view, for
 * "Kiểm tra mã từ ảnh" (the rule: allowsPermission). The frame's own URL is checked, not
 * just its origin: the hash route is what tells the visit view from the rest.
 */
function guardPermissions(session: Session): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(allowsPermission({ permission, url: details.requestingUrl || contents.getURL(), mediaTypes }));
  });
  session.setPermissionCheckHandler((contents, permission, _origin, details) =>
    allowsPermission({
      permission,
      url: details.requestingUrl || contents?.getURL() || '',
      mediaTypes: details.mediaType ? [details.mediaType] : [],
    }),
  );
}

/** Electron security checklist: the page can reach no other origin and open nothing. */
function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  guardPermissions(contents.session);
}

/** Applies to every web contents ever created, including ones we did not plan for. */
export function installSecurity(): void {
  app.on('web-contents-created', (_event, contents) => lockDown(contents));
}
