/** A chosen file's bytes as base64: the renderer never sees a path, only what the user picked. */
export function readFileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    // A data URL is "data:<type>;base64,<bytes>"; the browser encodes it natively, fast even at 20 MB.
    reader.onload = () => {
      const dataUrl = String(reader.result);
      resolve(dataUrl.slice(dataUrl.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('readFileAsBase64: could not read the file'));
    reader.readAsDataURL(file);
  });
}
