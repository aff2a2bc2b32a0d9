import { createPrivateKey, createPublicKey, hkdfSync, sign, verify, type KeyObject } from 'node:crypto';
import type { VoucherClaims, VoucherKey } from '../../../common/welfare.js';

/**
 * Voucher QR codes: "WV1." base64url(JSON claims) "." base64url(Ed25519 signature). Asymmetric so that a shop's page
 * holding only the public key (served publicly, cached) checks a code offline; only the server can mint one. The key
 * pair derives (HKDF) from the master secret, so every server of a deployment signs alike. One spelling per token, as
 * for card tokens: base64url without padding that re-encodes to what was given.
 */
export type VoucherSigner = {
  sign(claims: VoucherClaims): string;
  verify(token: string): VoucherClaims | null;
  publicJwk: VoucherKey;
};

const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const PREFIX = 'WV1';

export function createVoucherSigner(master: Buffer): VoucherSigner {
  const seed = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'gonghui welfare voucher ed25519 v1', 32));
  const privateKey: KeyObject = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey);
  const jwk = publicKey.export({ format: 'jwk' });
  return {
    publicJwk: { alg: 'EdDSA', crv: 'Ed25519', kty: 'OKP', x: String(jwk.x) },
    sign(claims) {
      const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
      const signature = sign(null, Buffer.from(`${PREFIX}.${body}`), privateKey).toString('base64url');
      return `${PREFIX}.${body}.${signature}`;
    },
    verify(token) {
      const parts = token.split('.');
      if (parts.length !== 3 || parts[0] !== PREFIX) return null;
      const [, body, signature] = parts as [string, string, string];
      const sig = Buffer.from(signature, 'base64url');
      if (sig.length !== 64 || sig.toString('base64url') !== signature || Buffer.from(body, 'base64url').toString('base64url') !== body)
        return null;
      if (!verify(null, Buffer.from(`${PREFIX}.${body}`), publicKey, sig)) return null;
      try {
        const c = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<VoucherClaims>;
        const ints = [c.v, c.r, c.c, c.i, c.f, c.t];
        if (!ints.every((n) => Number.isSafeInteger(n)) || typeof c.s !== 'string' || !Array.isArray(c.m)) return null;
        return c as VoucherClaims;
      } catch {
        return null;
      }
    },
  };
}
