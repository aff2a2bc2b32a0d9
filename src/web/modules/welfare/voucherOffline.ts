import type { VoucherClaims, VoucherKey } from '../../../common/welfare.js';
import { verifySignedClaims } from '../../app/signedClaims.js';

/**
 * A shop's phone checks voucher QR codes without the network: the Ed25519 signature against the public key (fetched
 * once, kept in localStorage), the period; scans made offline wait in localStorage until they are synced. The server
 * decides at sync whether each was the first redemption (a voucher scanned twice is flagged, never counted twice).
 */
const KEY_STORE = 'gonghui.welfare.voucherKey';
const QUEUE_STORE = 'gonghui.welfare.offlineScans';
const SEEN_STORE = 'gonghui.welfare.seenSerials';

export type OfflineCheck = { ok: true; claims: VoucherClaims } | { ok: false; reason: 'invalid' | 'expired' };
export type QueuedScan = { token: string; scannedAt: string };

function parseClaims(c: Record<string, unknown>): VoucherClaims | null {
  const ints = [c.v, c.r, c.c, c.i, c.f, c.t];
  if (!ints.every((n) => Number.isSafeInteger(n)) || typeof c.s !== 'string' || !Array.isArray(c.m)) return null;
  return c as VoucherClaims;
}

/** Checks a voucher code ("WV1." body "." signature) against the public key, and its period at `at`. */
export async function checkVoucherOffline(token: string, key: VoucherKey, at = new Date()): Promise<OfflineCheck> {
  const raw = await verifySignedClaims(token, 'WV1', key);
  const claims = raw && parseClaims(raw);
  if (!claims) return { ok: false, reason: 'invalid' };
  const seconds = at.getTime() / 1000;
  if (seconds < claims.f || seconds >= claims.t) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}

function read<T>(store: string, fallback: T): T {
  try {
    const text = localStorage.getItem(store);
    return text ? (JSON.parse(text) as T) : fallback;
  } catch {
    return fallback;
  }
}

export const offlineStore = {
  key: (): VoucherKey | null => read<VoucherKey | null>(KEY_STORE, null),
  saveKey: (key: VoucherKey) => localStorage.setItem(KEY_STORE, JSON.stringify(key)),
  queue: (): QueuedScan[] => read<QueuedScan[]>(QUEUE_STORE, []),
  enqueue: (scan: QueuedScan) => localStorage.setItem(QUEUE_STORE, JSON.stringify([...offlineStore.queue(), scan])),
  /** Drops the first `count` scans (the ones a sync answered). */
  dequeue: (count: number) => localStorage.setItem(QUEUE_STORE, JSON.stringify(offlineStore.queue().slice(count))),
  /** Serials this phone already took (online or queued): a second scan here says 重复 at once, even offline. */
  hasSeen: (serial: string): boolean => read<string[]>(SEEN_STORE, []).includes(serial),
  markSeen: (serial: string) => {
    const seen = read<string[]>(SEEN_STORE, []);
    if (!seen.includes(serial)) localStorage.setItem(SEEN_STORE, JSON.stringify([...seen.slice(-4999), serial]));
  },
};
