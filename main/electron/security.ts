import { app, type Session, type WebContents } from 'electron';
import { isAppUrl } from './app-url';

/**
 * Nothing is granted. The photo-verify view will need the camera ('media', video only):
 * grant it then, for our own origin and that view only, not here wholesale.
 */
function refuseAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
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
  refuseAllPermissions(contents.session);
}

/** Applies to every web contents ever created, including ones we did not plan for. */
export function installSecurity(): void {
  app.on('web-contents-created', (_event, contents) => lockDown(contents));
}
