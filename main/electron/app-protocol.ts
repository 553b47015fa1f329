import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../core/csp';
import { APP_SCHEME, readAppFile } from './app-url';

/**
 * Must run before 'ready': Chromium fixes its scheme table at start-up. Standard gives
 * the page a real origin (relative URLs, storage); secure makes it a secure context like
 * https. No corsEnabled: no other origin may read our files.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
};

/** Serves the built renderer read-only, with the same CSP the browser bridge sends. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    if (request.method !== 'GET') return new Response(null, { status: 405, headers: SECURITY_HEADERS });
    const file = readAppFile(rendererDir, request.url);
    if (file === null) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    return new Response(new Uint8Array(file.body), { headers: { ...SECURITY_HEADERS, 'Content-Type': file.contentType } });
  });
}
