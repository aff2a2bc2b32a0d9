import type { VoucherClaims, VoucherKey } from '../../../common/welfare.js';
import { createClaimsSigner } from '../../crypto/ed25519.js';

/**
 * Voucher QR codes: "WV1." base64url(JSON claims) "." base64url(Ed25519 signature), through the platform's claims
 * signer (crypto/ed25519.ts): a shop's page holding only the public key (served publicly, cached) checks a code
 * offline; only the server can mint one.
 */
export type VoucherSigner = {
  sign(claims: VoucherClaims): string;
  verify(token: string): VoucherClaims | null;
  publicJwk: VoucherKey;
};

export function createVoucherSigner(master: Buffer): VoucherSigner {
  return createClaimsSigner<VoucherClaims>(master, {
    info: 'gonghui welfare voucher ed25519 v1',
    prefix: 'WV1',
    parse(c) {
      const ints = [c.v, c.r, c.c, c.i, c.f, c.t];
      if (!ints.every((n) => Number.isSafeInteger(n)) || typeof c.s !== 'string' || !Array.isArray(c.m)) return null;
      return c as VoucherClaims;
    },
  });
}
