import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * Short signed tokens (card QR codes): base64url(JSON payload) "." base64url(HMAC-SHA256, 128 bits). Each token has
 * one spelling: base64url without padding whose unused low bits are zero. Node's decoder forgives padding, stray
 * characters and altered low bits, so a token is accepted only when it re-encodes to exactly what was given.
 */
export type Signer = {
  sign(payload: Record<string, number | string>): string;
  verify(token: string): Record<string, number | string> | null;
};

export function createSigner(master: Buffer, purpose: string): Signer {
  const key = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `gonghui token ${purpose} v1`, 32));
  const mac = (body: string) => createHmac('sha256', key).update(body).digest().subarray(0, 16);
  return {
    sign(payload) {
      const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
      return `${body}.${mac(body).toString('base64url')}`;
    },
    verify(token) {
      const [body, signature] = token.split('.');
      if (!body || !signature || token.split('.').length !== 2) return null;
      const given = Buffer.from(signature, 'base64url');
      if (given.toString('base64url') !== signature || Buffer.from(body, 'base64url').toString('base64url') !== body) return null;
      const expected = mac(body);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      try {
        const payload: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
        return payload !== null && typeof payload === 'object' && !Array.isArray(payload)
          ? (payload as Record<string, number | string>)
          : null;
      } catch {
        return null;
      }
    },
  };
}
