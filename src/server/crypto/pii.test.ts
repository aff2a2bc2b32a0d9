import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPiiCipher, loadMasterSecret } from './pii.js';

describe('personal data encryption', () => {
  const cipher = createPiiCipher(Buffer.alloc(32, 7));

  it('round-trips, with a fresh nonce every time and no plaintext in the ciphertext', () => {
    const a = cipher.encrypt('11010519491231002X');
    const b = cipher.encrypt('11010519491231002X');
    expect(a).not.toBe(b);
    expect(a).not.toContain('19491231');
    expect(cipher.decrypt(a)).toBe('11010519491231002X');
  });

  it('never hands out the same nonce twice, across many refills of its pool, and every ciphertext still opens', () => {
    const sealed = Array.from({ length: 5000 }, (_, i) => cipher.encrypt(`1381234${String(i).padStart(4, '0')}`));
    const nonces = new Set(sealed.map((c) => Buffer.from(c.slice(3), 'base64').subarray(0, 12).toString('hex')));
    expect(nonces.size).toBe(sealed.length);
    expect(sealed.map((c) => cipher.decrypt(c))[4321]).toBe('13812344321');
  });

  it('refuses a tampered ciphertext', () => {
    const c = cipher.encrypt('13812345678');
    const raw = Buffer.from(c.slice(3), 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(() => cipher.decrypt(`v1:${raw.toString('base64')}`)).toThrow();
  });

  it('gives a stable blind index per kind and key, different across kinds and keys', () => {
    const other = createPiiCipher(Buffer.alloc(32, 8));
    expect(cipher.blindIndex('phone', '13812345678')).toBe(cipher.blindIndex('phone', '13812345678'));
    expect(cipher.blindIndex('phone', '13812345678')).not.toBe(cipher.blindIndex('id_number', '13812345678'));
    expect(cipher.blindIndex('phone', '13812345678')).not.toBe(other.blindIndex('phone', '13812345678'));
  });

  it('generates a key file readable by the owner only, and reuses it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-key-'));
    try {
      const first = loadMasterSecret({ secret: undefined, dataDir: dir });
      expect(fs.statSync(path.join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
      expect(loadMasterSecret({ secret: undefined, dataDir: dir }).equals(first)).toBe(true);
      expect(first.length).toBe(32);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a short GONGHUI_SECRET', () => {
    expect(() => loadMasterSecret({ secret: 'short', dataDir: '/nonexistent' })).toThrow(/32 bytes/);
  });
});
