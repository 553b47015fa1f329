import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { base32nopad } from '@scure/base';
import { AppError } from '../../shared/api/result';
import { writeFileDurably } from '../core/durable-file';

/**
 * The office's Ed25519 signing key: made on first run, kept in the data folder (backed
 * up with it), never leaves it. Its public half is shared with other offices and the
 * district so they can tell a genuine poster offline.
 */
export interface OfficeKey {
  keyId: string;
  privateKey: crypto.KeyObject;
  /** The 32 raw bytes of the public key. */
  publicKey: Buffer;
}

const KEY_FILE = path.join('keys', 'office-ed25519.pem');

/** The raw 32-byte public key of an Ed25519 KeyObject (the last 32 bytes of its SPKI DER). */
const rawPublicKey = (key: crypto.KeyObject) => key.export({ type: 'spki', format: 'der' }).subarray(-32);

/** A short name for a public key, carried in every minted code: 6 base32 characters of its SHA-256. */
export const keyIdOf = (publicKey: Buffer) => base32nopad.encode(crypto.createHash('sha256').update(publicKey).digest()).slice(0, 6);

const keyLost = (detail: string) =>
  new AppError(
    'KEY_MISSING',
    `Khoá ký của văn phòng (${KEY_FILE}) ${detail}. Mọi áp phích đã in đều ký bằng khoá đó: hãy chép lại thư mục keys ` +
      'từ bản sao lưu dữ liệu rồi mở lại ứng dụng. Không tạo khoá mới để áp phích cũ vẫn kiểm tra được.',
  );

/**
 * Loads the office key, or makes it on a new install. The database remembers the public
 * half (`recorded`): a key file lost or replaced later is refused with a clear message
 * instead of silently making every printed poster unverifiable.
 */
export function loadOrCreateOfficeKey(dataDir: string, recorded: string | null): OfficeKey {
  const file = path.join(dataDir, KEY_FILE);
  if (!fs.existsSync(file)) {
    if (recorded !== null) throw keyLost('không còn trong thư mục dữ liệu');
    const { privateKey } = crypto.generateKeyPairSync('ed25519');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // A crash or power cut never leaves a half key file, nor a database that records a key the disk lost.
    writeFileDurably(file, privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
  }
  let privateKey: crypto.KeyObject;
  try {
    privateKey = crypto.createPrivateKey(fs.readFileSync(file));
  } catch {
    throw keyLost('bị hỏng');
  }
  const publicKey = rawPublicKey(crypto.createPublicKey(privateKey));
  if (recorded !== null && recorded !== publicKey.toString('base64')) throw keyLost('không phải khoá đã dùng để ký');
  return { keyId: keyIdOf(publicKey), privateKey, publicKey };
}
