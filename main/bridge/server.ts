import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../core/dispatcher';
import type { ErrorCode } from '../../shared/api/result';
import { CONTENT_SECURITY_POLICY } from '../core/csp';
import { describeApi } from './json-schemas';
import { readStaticFile } from '../core/static-files';
import { PACKAGE_LIMIT_BYTES } from '../../shared/domain/exchange';
import { IMPORT_LIMITS } from '../../shared/domain/import';

/** A file of `bytes` as a request carries it: base64 (4 characters per 3 bytes) plus the JSON around it. */
const bodyFor = (bytes: number) => Math.ceil((bytes * 4) / 3) + 64 * 1024;

/**
 * The largest body an operation is read with: every file the app takes at its documented
 * limit (a 50 MB spreadsheet, a 200 MB data package) fits, and nothing much larger is
 * held in memory.
 */
const MAX_BODY_BYTES = bodyFor(IMPORT_LIMITS.bytes);
const BODY_LIMITS: Record<string, number> = { 'exchange.receive': bodyFor(PACKAGE_LIMIT_BYTES) };
export const bodyLimitOf = (operation: string) => BODY_LIMITS[operation] ?? MAX_BODY_BYTES;

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

/** Every refusal is a Result too, so the client reads one shape whatever went wrong. */
function refuse(res: http.ServerResponse, status: number, code: ErrorCode, message: string, headers = {}) {
  send(res, status, { ok: false, error: { code, message } }, headers);
}

/** The body, or null past `limit`: the rest is read and dropped, so the client gets the 413 instead of a reset connection. */
async function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= limit) chunks.push(chunk as Buffer);
    else chunks.length = 0;
  }
  return size > limit ? null : Buffer.concat(chunks);
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
  if (req.method !== 'POST') return refuse(res, 405, 'INVALID_INPUT', 'Chỉ nhận POST / POST only', { Allow: 'POST' });
  if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return refuse(res, 415, 'INVALID_INPUT', 'Content-Type phải là application/json');
  }
  const limit = bodyLimitOf(operation);
  const body = await readBody(req, limit);
  if (body === null) return refuse(res, 413, 'INVALID_INPUT', `Dữ liệu gửi lên quá ${Math.floor(limit / 1024 / 1024)} MB`);
  let input: unknown;
  try {
    input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch {
    return refuse(res, 400, 'INVALID_INPUT', 'Dữ liệu gửi lên không phải JSON');
  }
  send(res, 200, await dispatch(operation, input));
}

/** Serves the built renderer and the contract over HTTP on 127.0.0.1 only. */
export async function startBridge({ dispatch, rendererDir, port = 0 }: BridgeOptions): Promise<Bridge> {
  let ownPort = 0;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!isFromOwnOrigin(req, ownPort)) return refuse(res, 403, 'FORBIDDEN', 'Yêu cầu từ nguồn khác bị từ chối');
    if (url.pathname === '/api' || url.pathname === '/api/') return send(res, 200, describeApi());
    if (url.pathname.startsWith('/api/')) {
      handleApi(req, res, dispatch, url.pathname.slice('/api/'.length)).catch(() => {
        // The dispatcher answers every failure itself; this is a broken connection at most.
        if (!res.headersSent) refuse(res, 500, 'INTERNAL', 'Lỗi ngoài dự kiến');
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'INVALID_INPUT', 'Chỉ nhận GET / GET only');
    const file = readStaticFile(rendererDir, url.pathname);
    if (!file) return refuse(res, 404, 'NOT_FOUND', 'Không có tệp này / not found');
    send(res, 200, file.body, { 'Content-Type': file.contentType, 'Content-Security-Policy': CONTENT_SECURITY_POLICY });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  ownPort = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${ownPort}/`,
    // Browsers keep idle connections open; without closing them, close() would wait for them.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
