import { describe, expect, it } from 'vitest';
import { parseCheckinQr } from './checkinText.js';
import { nextBoundary, windowState } from './signupWindow.js';

const june = { opensAt: '2026-06-01T00:00:00+08:00', closesAt: '2026-06-08T00:00:00+08:00' };
const at = (iso: string) => Date.parse(iso);

describe('the sign-up window is half-open [opensAt, closesAt), Beijing midnights', () => {
  it('is not open a millisecond before Beijing midnight, open at it, closed at the closing midnight', () => {
    expect(windowState(june, at('2026-05-31T15:59:59.999Z'))).toBe('notYet');
    expect(windowState(june, at('2026-05-31T16:00:00.000Z'))).toBe('open');
    expect(windowState(june, at('2026-06-07T23:59:59.999+08:00'))).toBe('open');
    expect(windowState(june, at('2026-06-07T16:00:00.000Z'))).toBe('closed');
  });

  it('names the next opening or closing instant, and none once all have passed', () => {
    expect(nextBoundary([june], at('2026-05-01T00:00:00Z'))).toBe(at(june.opensAt));
    expect(nextBoundary([june], at(june.opensAt))).toBe(at(june.closesAt));
    expect(nextBoundary([june], at(june.closesAt))).toBeUndefined();
  });
});

describe('the room screen QR of a training check-in', () => {
  it('reads the session and the 8 digits, and nothing else', () => {
    expect(parseCheckinQr(' GHTR1:42:01234567 ')).toEqual({ sessionId: 42, code: '01234567' });
    expect(parseCheckinQr('GHTR1:42:1234567')).toBeNull();
    expect(parseCheckinQr('GHTR1:0:01234567')).toBeNull();
    expect(parseCheckinQr('01234567')).toBeNull();
  });
});
