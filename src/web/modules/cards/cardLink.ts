import type { CardToken } from '../../../common/cards.js';

/**
 * What a member card's QR code holds: the address of the verify page with the signed token in the fragment,
 * so any phone camera opens the check directly, and the token never reaches a server log as part of a URL.
 */
export function verifyLink(token: string, origin = window.location.origin): string {
  return `${origin}/verify#t=${token}`;
}

/** The token in whatever was scanned or pasted: a verify link, or the bare token. */
export function tokenFromScan(text: string): string {
  const trimmed = text.trim();
  const match = /[#?&]t=([A-Za-z0-9_\-.]+)/.exec(trimmed);
  return match?.[1] ?? trimmed;
}

/** GH000000000123 → GH 0000 0000 0123, easier to read aloud. */
export function formatCardNo(cardNo: string): string {
  const match = /^([A-Z]+)(\d+)$/.exec(cardNo);
  if (!match?.[1] || !match[2]) return cardNo;
  return `${match[1]} ${match[2].replace(/(\d{4})(?=\d)/g, '$1 ')}`;
}

/** Seconds as m:ss, for the refresh countdown. */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Ask for a fresh token this long before the current one expires (at most a quarter of its life). */
const REFRESH_AHEAD_MS = 30_000;
/** Never refresh more often than this, whatever the clocks say. */
const MIN_CYCLE_MS = 15_000;

/** When to renew a token just received, on this device's clock (which may differ from the server's). */
export function renewalTime(card: CardToken, receivedAt: number): number {
  const life = new Date(card.expiresAt).getTime() - receivedAt;
  return receivedAt + Math.max(MIN_CYCLE_MS, life - Math.min(REFRESH_AHEAD_MS, life / 4));
}
