import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

// Relative asset paths: the same build is served by app:// in Electron and by the bridge.
export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: path.resolve(here, '../out/renderer'),
    emptyOutDir: true,
    // Old office PCs: no inline scripts (CSP) and no module preload polyfill needed.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    target: 'chrome120',
  },
});
