import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../core/dispatcher';
import { CONTENT_SECURITY_POLICY } from '../core/csp';
import { describeApi } from './json-schemas';
import { readStaticFile } from './static-files';

/** Large enough for the spreadsheet imports to come, small enough to refuse abuse. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface BridgeOptions {
  dispatch: Dispatch;
  rendererDir: string;
  port?: number;
}

export interface Bridge {
  url: string;
  close(): Promise<void>;
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const payload = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(payload);
}

async function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * A request is ours when it names our host (no DNS rebinding) and, when a browser says
 * where it comes from, that origin is our own page. Non-browser clients send no Origin.
 */
function isFromOwnOrigin(req: http.IncomingMessage, port: number): boolean {
  const host = req.headers.host ?? '';
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return false;
  const from = req.headers.origin;
  return from === undefined || from === `http://${host}`;
}

async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, dispatch: Dispatch, operation: string) {
  if (req.method !== 'POST') return send(res, 405, { error: 'POST only' }, { Allow: 'POST' });
  if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return send(res, 415, { error: 'Content-Type must be application/json' });
  }
  const body = await readBody(req);
  if (body === null) return send(res, 413, { error: `Body over ${MAX_BODY_BYTES} bytes` });
  let input: unknown;
  try {
    input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch {
    return send(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: 'Dữ liệu gửi lên không phải JSON' } });
  }
  send(res, 200, await dispatch(operation, input));
}

/** Serves the built renderer and the contract over HTTP on 127.0.0.1 only. */
export async function startBridge({ dispatch, rendererDir, port = 0 }: BridgeOptions): Promise<Bridge> {
  let ownPort = 0;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!isFromOwnOrigin(req, ownPort)) return send(res, 403, { error: 'Forbidden origin' });
    if (url.pathname === '/api' || url.pathname === '/api/') return send(res, 200, describeApi());
    if (url.pathname.startsWith('/api/')) {
      handleApi(req, res, dispatch, url.pathname.slice('/api/'.length)).catch((error: unknown) => {
        send(res, 500, { ok: false, error: { code: 'INTERNAL', message: String(error) } });
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'GET only' });
    const file = readStaticFile(rendererDir, url.pathname);
    if (!file) return send(res, 404, { error: 'Not found' });
    send(res, 200, file.body, { 'Content-Type': file.contentType, 'Content-Security-Policy': CONTENT_SECURITY_POLICY });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  ownPort = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${ownPort}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
