import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomFillSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Personal data at rest: AES-256-GCM for values (ID numbers, phones) and a keyed HMAC-SHA256 "blind index"
 * for exact look-up and de-duplication without decrypting. Both keys derive (HKDF) from one master secret:
 * GONGHUI_SECRET, or a key file generated with 0600 permissions in the data directory.
 */
export type PiiKind = 'id_number' | 'phone';

export type PiiCipher = {
  encrypt(plaintext: string): string;
  decrypt(ciphertext: string): string;
  /** Deterministic per kind and value; never reversible without the key. */
  blindIndex(kind: PiiKind, normalised: string): string;
  /** Identifies the key without revealing it: stored in the database to catch a server started with another key. */
  fingerprint(): string;
};

const VERSION = 'v1';
const IV_BYTES = 12;
const KEY_FILE = 'secret.key';

export function loadMasterSecret(options: { secret: string | undefined; dataDir: string }): Buffer {
  if (options.secret) {
    const decoded = /^[0-9a-f]{64,}$/i.test(options.secret) ? Buffer.from(options.secret, 'hex') : Buffer.from(options.secret, 'base64');
    if (decoded.length < 32) throw new Error('GONGHUI_SECRET must hold at least 32 bytes (64 hex characters or 44 base64 characters)');
    return decoded;
  }
  const file = path.join(options.dataDir, KEY_FILE);
  if (fs.existsSync(file)) {
    const mode = fs.statSync(file).mode & 0o777;
    if (mode & 0o077) fs.chmodSync(file, 0o600);
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  }
  fs.mkdirSync(options.dataDir, { recursive: true });
  const secret = randomBytes(32);
  fs.writeFileSync(file, `${secret.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}

export function createPiiCipher(master: Buffer): PiiCipher {
  const encKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'gonghui pii encryption v1', 32));
  const macKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'gonghui pii blind index v1', 32));
  // IVs come from a pool refilled by one randomFillSync per 1,024 of them (an import seals two values per row): every
  // IV is still 12 fresh random bytes, handed out once and never again.
  const ivPool = Buffer.allocUnsafe(IV_BYTES * 1024);
  let ivNext = ivPool.length;
  const nextIv = (): Buffer => {
    if (ivNext === ivPool.length) {
      randomFillSync(ivPool);
      ivNext = 0;
    }
    // A copy: the pool's bytes are overwritten at the next refill.
    const iv = Buffer.from(ivPool.subarray(ivNext, ivNext + IV_BYTES));
    ivNext += IV_BYTES;
    return iv;
  };
  return {
    encrypt(plaintext) {
      const iv = nextIv();
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(ciphertext) {
      const [version, payload] = ciphertext.split(':');
      if (version !== VERSION || !payload) throw new Error('unknown ciphertext version');
      const raw = Buffer.from(payload, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    blindIndex(kind, normalised) {
      return createHmac('sha256', macKey).update(`${kind}\u0000${normalised}`).digest('base64url');
    },
    fingerprint() {
      return createHmac('sha256', macKey).update('gonghui key check').digest('base64url').slice(0, 22);
    },
  };
}

/** A keyed HMAC-SHA256 for one purpose (one-time codes, …), derived from the master secret. */
export function createKeyedHash(master: Buffer, purpose: string): (value: string) => string {
  const key = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `gonghui keyed hash ${purpose} v1`, 32));
  return (value) => createHmac('sha256', key).update(value).digest('base64url');
}
