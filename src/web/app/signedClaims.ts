/**
 * Checks, without the network, a code signed by the server's claims signer (server/crypto/ed25519.ts):
 * `<prefix>.` base64url(JSON claims) `.` base64url(Ed25519 signature over `<prefix>.<body>`), against the public key
 * the page downloaded. Answers the claims object, or null for anything forged, altered or malformed. Welfare vouchers
 * and event tickets both check their codes here.
 */
export type Ed25519Jwk = { kty: string; crv: string; x: string };

export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/u.test(text)) return null;
  const padded = text.replace(/-/gu, '+').replace(/_/gu, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  try {
    const binary = atob(padded);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

export async function verifySignedClaims(token: string, prefix: string, key: Ed25519Jwk): Promise<Record<string, unknown> | null> {
  const parts = token.trim().split('.');
  if (parts.length !== 3 || parts[0] !== prefix) return null;
  const [, body, signature] = parts as [string, string, string];
  const sig = fromBase64Url(signature);
  const claimsBytes = fromBase64Url(body);
  if (!sig || sig.length !== 64 || !claimsBytes) return null;
  try {
    const publicKey = await crypto.subtle.importKey('jwk', { kty: key.kty, crv: key.crv, x: key.x }, { name: 'Ed25519' }, false, [
      'verify',
    ]);
    const isValid = await crypto.subtle.verify({ name: 'Ed25519' }, publicKey, sig, new TextEncoder().encode(`${prefix}.${body}`));
    if (!isValid) return null;
    const claims: unknown = JSON.parse(new TextDecoder().decode(claimsBytes));
    return claims !== null && typeof claims === 'object' && !Array.isArray(claims) ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
