/**
 * The renderer's Content-Security-Policy, sent by the Electron protocol handler and the
 * browser bridge alike: our own scripts only, no remote content of any kind.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  // 'wasm-unsafe-eval': compiling WebAssembly (the QR decoder that reads codes from photos, renderer/scan).
  // It permits WebAssembly compilation only, not eval() or new Function().
  "script-src 'self' 'wasm-unsafe-eval'",
  // The hash of an empty stylesheet: react-to-print always adds an (empty) <style> to its print frame.
  "style-src 'self' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
