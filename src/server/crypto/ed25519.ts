import { createPrivateKey, createPublicKey, hkdfSync, sign, verify, type KeyObject } from 'node:crypto';

/** The public half of an Ed25519 key as a JWK, served to pages that check codes offline (WebCrypto imports it). */
export type Ed25519PublicJwk = { alg: 'EdDSA'; crv: 'Ed25519'; kty: 'OKP'; x: string };

/**
 * Claims signed for offline checking: `<prefix>.` base64url(JSON claims) `.` base64url(Ed25519 signature over
 * `<prefix>.<body>`). Asymmetric so that a phone holding only the public key checks a code without the network; only
 * the server can mint one. The key pair derives (HKDF, `info` naming its purpose) from the master secret, so every
 * server of a deployment signs alike. One spelling per token: base64url without padding that re-encodes to what was
 * given. Used by welfare vouchers and event tickets, each with its own prefix, key and claim check.
 */
export type ClaimsSigner<T> = {
  sign(claims: T): string;
  verify(token: string): T | null;
  publicJwk: Ed25519PublicJwk;
};

const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export function createClaimsSigner<T>(
  master: Buffer,
  o: { info: string; prefix: string; parse: (claims: Record<string, unknown>) => T | null },
): ClaimsSigner<T> {
  const seed = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), o.info, 32));
  const privateKey: KeyObject = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey);
  const jwk = publicKey.export({ format: 'jwk' });
  return {
    publicJwk: { alg: 'EdDSA', crv: 'Ed25519', kty: 'OKP', x: String(jwk.x) },
    sign(claims) {
      const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
      const signature = sign(null, Buffer.from(`${o.prefix}.${body}`), privateKey).toString('base64url');
      return `${o.prefix}.${body}.${signature}`;
    },
    verify(token) {
      const parts = token.split('.');
      if (parts.length !== 3 || parts[0] !== o.prefix) return null;
      const [, body, signature] = parts as [string, string, string];
      const sig = Buffer.from(signature, 'base64url');
      if (sig.length !== 64 || sig.toString('base64url') !== signature || Buffer.from(body, 'base64url').toString('base64url') !== body)
        return null;
      if (!verify(null, Buffer.from(`${o.prefix}.${body}`), publicKey, sig)) return null;
      try {
        const claims: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
        if (claims === null || typeof claims !== 'object' || Array.isArray(claims)) return null;
        return o.parse(claims as Record<string, unknown>);
      } catch {
        return null;
      }
    },
  };
}
