import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { CHECKIN_STEP_SECONDS } from '../../../common/training.js';

/**
 * The rotating check-in code of a session (现场签到码): 8 digits from an HMAC of the session id and the 30-second time
 * step, keyed by a key derived (HKDF) from the server's master secret, so every server of a deployment shows and
 * accepts the same code and nobody without the secret can compute the next one. A photo of the screen sent out of
 * the room works for at most two steps: the current one and the one before (a member who scanned just before it
 * rotated).
 */
export type CheckinCodes = {
  /** The code of the step holding `at`, and when the next step begins. */
  current(sessionId: number, at: Date): { code: string; rotatesAt: Date };
  /** True when `code` is the code of `at`'s step or of the step before. */
  accepts(sessionId: number, code: string, at: Date): boolean;
};

const stepOf = (at: Date) => Math.floor(at.getTime() / 1000 / CHECKIN_STEP_SECONDS);

export function createCheckinCodes(master: Buffer): CheckinCodes {
  const key = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'gonghui training check-in v1', 32));
  const codeAt = (sessionId: number, step: number) => {
    const mac = createHmac('sha256', key).update(`${sessionId}:${step}`).digest();
    // Dynamic truncation as in HOTP (RFC 4226), to 8 decimal digits.
    const offset = mac[mac.length - 1]! & 0x0f;
    return String((mac.readUInt32BE(offset) & 0x7fffffff) % 100_000_000).padStart(8, '0');
  };
  return {
    current(sessionId, at) {
      const step = stepOf(at);
      return { code: codeAt(sessionId, step), rotatesAt: new Date((step + 1) * CHECKIN_STEP_SECONDS * 1000) };
    },
    accepts(sessionId, code, at) {
      const given = Buffer.from(code);
      const step = stepOf(at);
      let ok = false;
      for (const s of [step, step - 1]) {
        const expected = Buffer.from(codeAt(sessionId, s));
        if (expected.length === given.length && timingSafeEqual(expected, given)) ok = true;
      }
      return ok;
    },
  };
}
