import fs from 'node:fs';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

function decodePath(urlPath: string): string | null {
  try {
    return decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath);
  } catch {
    return null; // a malformed %-escape names no file
  }
}

/**
 * A file of the built renderer, or null; never anything outside its folder. Shared by
 * the Electron app:// handler and the browser bridge, so both refuse the same paths.
 */
export function readStaticFile(root: string, urlPath: string): StaticFile | null {
  const relative = decodePath(urlPath);
  if (relative === null) return null;
  const file = path.resolve(root, `.${relative}`);
  if (!file.startsWith(path.resolve(root) + path.sep)) return null;
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return null;
  return {
    body: fs.readFileSync(file),
    contentType: CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
  };
}
