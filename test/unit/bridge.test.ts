import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OPERATION_NAMES } from '../../shared/api/contract';
import { openAppCore, type AppCore } from '../../main/core/app-core';
import { bodyLimitOf, startBridge, type Bridge } from '../../main/bridge/server';
import { PACKAGE_LIMIT_BYTES } from '../../shared/domain/exchange';
import { IMPORT_LIMITS } from '../../shared/domain/import';
import { makeTempDir } from '../support/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let core: AppCore;
let bridge: Bridge;

beforeEach(async () => {
  temp = makeTempDir();
  const rendererDir = path.join(temp.dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Điểm QR</title>');
  fs.writeFileSync(path.join(temp.dir, 'secret.txt'), 'not for the web');
  core = openAppCore({ dataDir: path.join(temp.dir, 'data'), appVersion: '0.0.0-test' });
  bridge = await startBridge({ dispatch: core.dispatch, rendererDir });
});
afterEach(async () => {
  await bridge.close();
  core.close();
  temp.remove();
});

const post = (operation: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${bridge.url}api/${operation}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

async function signIn() {
  const staff = await (await post('staff.create', { name: 'Nguyễn Thị Lan' })).json();
  await post('session.start', { staffId: staff.value.id });
}

describe('browser bridge', () => {
  it('listens on the loopback address only', async () => {
    const net = await import('node:net');
    const { port } = new URL(bridge.url);
    const localAddresses = Object.values((await import('node:os')).networkInterfaces())
      .flat()
      .filter((info) => info && info.family === 'IPv4' && !info.internal)
      .map((info) => info!.address);
    for (const address of localAddresses) {
      const reached = await new Promise<boolean>((resolve) => {
        const socket = net.connect(Number(port), address, () => resolve(true));
        socket.on('error', () => resolve(false));
      });
      expect(reached, `reachable on ${address}`).toBe(false);
    }
  });

  it('survives a malformed URL escape (404, still serving)', async () => {
    const response = await fetch(`${bridge.url}%E0%A4%A`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await fetch(bridge.url)).status).toBe(200);
  });

  it('runs operations through the production dispatcher', async () => {
    await signIn();
    const created = await (await post('venues.create', { name: 'Nhà nghỉ Hoà Bình', type: 'hotel' })).json();
    expect(created).toMatchObject({ ok: true, value: { name: 'Nhà nghỉ Hoà Bình' } });
    const found = await (await post('venues.list', { search: 'hòa bình' })).json();
    expect(found).toMatchObject({ ok: true, value: { total: 1, items: [{ name: 'Nhà nghỉ Hoà Bình' }] } });
  });

  it('answers the same error objects as IPC', async () => {
    await signIn();
    const result = await (await post('venues.create', { name: '' })).json();
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'name' } });
  });

  it('lists every operation with JSON Schemas at GET /api', async () => {
    const description = await (await fetch(`${bridge.url}api`)).json();
    expect(description.operations.map((op: { name: string }) => op.name)).toEqual(OPERATION_NAMES);
    const create = description.operations.find((op: { name: string }) => op.name === 'venues.create');
    expect(create.input.properties.name.type).toBe('string');
    expect(create.input.required).toContain('name');
    expect(create.output.properties.code.type).toBe('string');
    expect(create).toMatchObject({ kind: 'write', roles: ['clerk'] });
  });

  it('rejects a request from another origin and writes nothing', async () => {
    await signIn();
    const response = await post('venues.create', { name: 'Giả mạo' }, { Origin: 'http://evil.example' });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const list = await (await post('venues.list', {})).json();
    expect(list.value.total).toBe(0);
  });

  it('accepts its own origin', async () => {
    const response = await post('venues.list', {}, { Origin: bridge.url.replace(/\/$/, '') });
    expect(response.status).toBe(200);
  });

  it('rejects a foreign Host header (DNS rebinding)', async () => {
    const { port } = new URL(bridge.url);
    const http = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path: '/api/venues.list', method: 'POST', headers: { Host: `attacker.example:${port}`, 'Content-Type': 'application/json' } }, (res) => resolve(res.statusCode ?? 0));
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(403);
  });

  it('takes a spreadsheet at the documented 50 MB limit and refuses a body past what any file needs', async () => {
    const atLimit = { fileName: 'lon.csv', bytesBase64: Buffer.alloc(IMPORT_LIMITS.bytes).toString('base64') };
    // Nobody is signed in, so the dispatcher answers at once: that it answers shows the body got through.
    const taken = await post('imports.open', atLimit);
    expect(taken.status).toBe(200);
    expect((await taken.json()).error.code).toBe('NOT_SIGNED_IN');
    const tooBig = await post('imports.open', { fileName: 'x.csv', bytesBase64: 'A'.repeat(bodyLimitOf('imports.open')) });
    expect(tooBig.status).toBe(413);
    expect(bodyLimitOf('exchange.receive')).toBeGreaterThan((PACKAGE_LIMIT_BYTES * 4) / 3);
  }, 60_000);

  it('refuses non-JSON bodies that a cross-site form could send', async () => {
    const response = await fetch(`${bridge.url}api/venues.create`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{"name":"x"}' });
    expect(response.status).toBe(415);
  });

  it('serves the renderer with the CSP header and nothing outside its folder', async () => {
    const page = await fetch(bridge.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(await page.text()).toContain('Điểm QR');
    expect((await fetch(`${bridge.url}..%2Fsecret.txt`)).status).toBe(404);
    expect((await fetch(`${bridge.url}%2e%2e/secret.txt`)).status).toBe(404);
  });
});
