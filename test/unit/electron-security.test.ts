import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowsPermission, APP_ENTRY_URL, isAppUrl, readAppFile } from '../../main/electron/app-url';

describe('isAppUrl', () => {
  it.each([APP_ENTRY_URL, 'app://diem-qr/index.html#/venues?q=cho', 'app://diem-qr/assets/index.js'])('accepts %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each([
    'app://evil/',
    'app://evil/index.html',
    'app://diem-qr.evil.com/index.html',
    'app://diem-qr@evil/index.html',
    'app://evil@diem-qr/index.html',
    'app://diem-qr:8080/index.html',
    'file:///index.html',
    'file:///etc/passwd',
    'https://example.com/',
    'http://diem-qr/index.html',
    'javascript:alert(1)',
    'data:text/html,<h1>x</h1>',
    'about:blank',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('readAppFile', () => {
  let base: string;
  let rendererDir: string;

  beforeAll(() => {
    // A secret next to the renderer folder: what a traversal would try to read.
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'diemqr-app-url-'));
    rendererDir = path.join(base, 'renderer');
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Điểm QR</title>');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'export {};');
    fs.writeFileSync(path.join(base, 'secret.txt'), 'secret');
    fs.mkdirSync(path.join(base, 'renderer-evil'));
    fs.writeFileSync(path.join(base, 'renderer-evil', 'x.js'), 'secret');
  });

  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  it('serves the entry page and its assets with their content type', () => {
    expect(readAppFile(rendererDir, APP_ENTRY_URL)?.contentType).toBe('text/html; charset=utf-8');
    expect(readAppFile(rendererDir, 'app://diem-qr/')?.body.toString()).toContain('Điểm QR');
    expect(readAppFile(rendererDir, 'app://diem-qr/assets/app.js?v=1#x')?.contentType).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    'app://diem-qr/../secret.txt',
    'app://diem-qr/%2e%2e/secret.txt',
    'app://diem-qr/..%2fsecret.txt',
    'app://diem-qr/assets/..%2f..%2fsecret.txt',
    'app://diem-qr/..%5csecret.txt',
    'app://diem-qr/..%2frenderer-evil%2fx.js',
    'app://diem-qr/%2fetc%2fpasswd',
    'app://diem-qr/assets',
    'app://diem-qr/missing.js',
    'app://diem-qr/%E0%A4%A',
    'app://evil/index.html',
    'file:///index.html',
  ])('serves nothing for %s', (url) => {
    expect(readAppFile(rendererDir, url)).toBeNull();
  });
});

describe('allowsPermission: the camera, video only, on a visit view of our own page', () => {
  const visit = 'app://diem-qr/index.html#/inspections/r1/visit/v1';

  it('grants video on a visit view', () => {
    expect(allowsPermission({ permission: 'media', url: visit, mediaTypes: ['video'] })).toBe(true);
    expect(allowsPermission({ permission: 'media', url: 'app://diem-qr/#/inspections/r1/visit/v1?point=2', mediaTypes: ['video'] })).toBe(true);
  });

  it.each([
    ['the microphone', { permission: 'media', url: visit, mediaTypes: ['audio'] }],
    ['camera and microphone', { permission: 'media', url: visit, mediaTypes: ['video', 'audio'] }],
    ['an unknown media kind', { permission: 'media', url: visit, mediaTypes: ['unknown'] }],
    ['no media kind', { permission: 'media', url: visit, mediaTypes: [] }],
    ['another permission', { permission: 'geolocation', url: visit, mediaTypes: ['video'] }],
    ['screen capture', { permission: 'display-capture', url: visit, mediaTypes: ['video'] }],
    ['another view of the app', { permission: 'media', url: 'app://diem-qr/index.html#/venues', mediaTypes: ['video'] }],
    ['a round, not a visit', { permission: 'media', url: 'app://diem-qr/index.html#/inspections/r1', mediaTypes: ['video'] }],
    ['"/visit/" outside the hash', { permission: 'media', url: 'app://diem-qr/inspections/r1/visit/v1#/venues', mediaTypes: ['video'] }],
    ['"/visit/" in a query of another view', { permission: 'media', url: 'app://diem-qr/#/venues?q=/visit/x', mediaTypes: ['video'] }],
    ['another origin', { permission: 'media', url: 'https://evil.example/#/inspections/r1/visit/v1', mediaTypes: ['video'] }],
    ['a look-alike host', { permission: 'media', url: 'app://diem-qr.evil.com/#/inspections/r1/visit/v1', mediaTypes: ['video'] }],
    ['no URL', { permission: 'media', url: '', mediaTypes: ['video'] }],
  ])('refuses %s', (_name, ask) => {
    expect(allowsPermission(ask)).toBe(false);
  });
});
