// The decoder's WebAssembly, emitted by Vite as its own asset (assetsInlineLimit: 0) and
// addressed relative to this chunk, so the same build finds it under app://diem-qr/ and
// under the bridge's http://127.0.0.1:<port>/. Never zxing-wasm's default CDN: offline offices.
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

/** Phone photos are shrunk to this longest side first: a poster's QR code reads faster and as well. */
const FIRST_TRY_SIDE = 2000;
/**
 * The second try, for a small code in a big photo, reads the photo at full size, up to this
 * (a 12-megapixel phone photo). Larger ones are shrunk to it: a 48-megapixel photo would take
 * ~200 MB for the pixels and as much again inside the decoder, too much for an old office PC.
 */
const FULL_SIZE_SIDE = 4096;

type ZxingReader = typeof import('zxing-wasm/reader');
let reader: Promise<ZxingReader> | null = null;

/** zxing-wasm's JavaScript in its own chunk, loaded with the first photo, pointed at our copy of the .wasm. */
function loadReader(): Promise<ZxingReader> {
  reader ??= import('zxing-wasm/reader').then((zxing) => {
    zxing.prepareZXingModule({
      overrides: {
        locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path),
      },
    });
    return zxing;
  });
  reader.catch(() => {
    reader = null; // a failed load is tried again with the next photo
  });
  return reader;
}

/** The photo's pixels with the longest side at most `side`, upright as the camera's EXIF orientation says. */
function pixels(bitmap: ImageBitmap, side: number): ImageData {
  const scale = Math.min(1, side / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('decodeQrFromFile: no 2D canvas');
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, width, height);
  return context.getImageData(0, 0, width, height);
}

/**
 * The text of the QR code in a photo (a poster on a wall, a screenshot), or null when the
 * file is not an image the browser can open or no code can be read in it. Throws only when
 * the decoder itself cannot be loaded.
 */
export async function decodeQrFromFile(file: Blob): Promise<string | null> {
  const zxing = await loadReader();
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return null; // not an image, or a format this browser cannot open (e.g. HEIC)
  }
  try {
    const longest = Math.max(bitmap.width, bitmap.height);
    const sides = longest > FIRST_TRY_SIDE ? [FIRST_TRY_SIDE, FULL_SIZE_SIDE] : [longest];
    for (const side of sides) {
      const results = await zxing.readBarcodes(pixels(bitmap, side), {
        formats: ['QRCode'],
        tryHarder: true,
        tryRotate: true,
        // A code shown light-on-dark (a phone screen in dark mode) costs a second pass only when the first finds nothing.
        tryInvert: true,
        maxNumberOfSymbols: 1,
      });
      const found = results.find((result) => result.isValid && result.text !== '');
      if (found) return found.text;
    }
    return null;
  } finally {
    bitmap.close();
  }
}

/**
 * The text of the QR code in one frame of the camera, or null. A single quick pass (no
 * shrinking, no second try): the next frame comes ~300 ms later anyway.
 */
export async function decodeQrFromImageData(frame: ImageData): Promise<string | null> {
  const zxing = await loadReader();
  const results = await zxing.readBarcodes(frame, { formats: ['QRCode'], tryHarder: true, tryRotate: true, maxNumberOfSymbols: 1 });
  return results.find((result) => result.isValid && result.text !== '')?.text ?? null;
}
