import { CHECKIN_CODE_PATTERN } from '../../../common/training.js';

/** The room screen's QR text `GHTR1:<session>:<8-digit code>` (training.portal.ts), as the check-in body, or null. */
export function parseCheckinQr(text: string): { sessionId: number; code: string } | null {
  const match = /^GHTR1:([1-9][0-9]{0,9}):([0-9]+)$/u.exec(text.trim());
  if (!match || !CHECKIN_CODE_PATTERN.test(match[2]!)) return null;
  return { sessionId: Number(match[1]), code: match[2]! };
}
