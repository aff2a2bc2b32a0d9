import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { VoucherClaims, VoucherKey } from '../../../common/welfare.js';
import { checkVoucherOffline } from './voucherOffline.js';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const key: VoucherKey = { alg: 'EdDSA', crv: 'Ed25519', kty: 'OKP', x: String(publicKey.export({ format: 'jwk' }).x) };
const now = Math.floor(Date.now() / 1000);
const claims: VoucherClaims = { v: 7, r: 1, s: 'WV-000007', c: 3, i: 4, f: now - 3600, t: now + 3600, m: [2] };

/** A voucher code as the server mints it: "WV1." base64url(claims) "." base64url(Ed25519 signature). */
function token(c: VoucherClaims, signer = privateKey): string {
  const body = Buffer.from(JSON.stringify(c)).toString('base64url');
  return `WV1.${body}.${sign(null, Buffer.from(`WV1.${body}`), signer).toString('base64url')}`;
}

describe('checking a voucher code offline (WebCrypto Ed25519)', () => {
  it('accepts a code signed by the server key, within its period', async () => {
    const check = await checkVoucherOffline(token(claims), key);
    expect(check).toEqual({ ok: true, claims });
  });

  it('refuses a changed body, another key, a malformed code, and a code outside its period', async () => {
    const good = token(claims);
    const [, , signature] = good.split('.');
    const forged = `WV1.${Buffer.from(JSON.stringify({ ...claims, s: 'WV-999999' })).toString('base64url')}.${signature}`;
    expect(await checkVoucherOffline(forged, key)).toEqual({ ok: false, reason: 'invalid' });
    expect(await checkVoucherOffline(token(claims, generateKeyPairSync('ed25519').privateKey), key)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await checkVoucherOffline('WV1.abc', key)).toEqual({ ok: false, reason: 'invalid' });
    expect(await checkVoucherOffline(token({ ...claims, t: now - 60 }), key)).toEqual({ ok: false, reason: 'expired' });
  });
});
