function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Hands a file made in main to the browser's download (Chromium, or Electron's save
 * dialog): the page never names a path. A blob: URL on an <a download> is a download,
 * not a navigation, so neither the CSP nor the navigation lock stands in the way.
 */
export function saveFile(fileName: string, mimeType: string, base64: string): void {
  const url = URL.createObjectURL(new Blob([bytesOf(base64)], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started reading the blob by the next task; a minute is ample.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
