import type { CheckinPack, ScanInput, ScanResult, TicketClaims } from '../../../common/events.checkin.js';
import { TICKET_PREFIX } from '../../../common/events.checkin.js';
import { verifySignedClaims } from '../../app/signedClaims.js';

/**
 * The cadre's scanner offline: a ticket is checked against the downloaded pack (Ed25519 signature with the pack's
 * public key, this session, a ticket of the list at its version), scans wait in a queue each with its own uuid, and a
 * sync's answers are merged back. The server decides at sync (a second scan is flagged, never counted twice; a ticket
 * cancelled while the phone was offline is flagged); the phone's own verdict is only the first colour shown.
 */
export type LocalVerdict =
  | { kind: 'ok'; registrationId: number; maskedName: string }
  | { kind: 'duplicate'; registrationId: number; maskedName: string }
  | { kind: 'cancelled'; registrationId: number }
  | { kind: 'invalid' };

export type QueuedScan = ScanInput & { registrationId: number | null };

function claimsOf(raw: Record<string, unknown> | null): TicketClaims | null {
  if (!raw) return null;
  const { r, i, s, v } = raw;
  if (![r, i, s, v].every((n) => Number.isSafeInteger(n))) return null;
  return { r: r as number, i: i as number, s: s as number, v: v as number };
}

/** The phone's verdict on a scanned code, given the pack and the scans already taken on this phone. */
export async function checkTicket(token: string, pack: CheckinPack, taken: readonly QueuedScan[]): Promise<LocalVerdict> {
  const claims = claimsOf(await verifySignedClaims(token, TICKET_PREFIX, pack.key));
  if (!claims || claims.s !== pack.sessionId) return { kind: 'invalid' };
  if (pack.cancelled.some((c) => c.registrationId === claims.i)) return { kind: 'cancelled', registrationId: claims.i };
  const ticket = pack.tickets.find((t) => t.registrationId === claims.i && t.version === claims.v);
  if (!ticket) return { kind: 'invalid' };
  const seen = ticket.isCheckedIn || taken.some((q) => q.registrationId === claims.i);
  return { kind: seen ? 'duplicate' : 'ok', registrationId: ticket.registrationId, maskedName: ticket.maskedName };
}

/** A scan to queue: its own uuid (a re-sync of it changes nothing on the server), when and on which phone. */
export function newScan(token: string, verdict: LocalVerdict, deviceId: string, now = new Date(), uuid = crypto.randomUUID()): QueuedScan {
  return {
    scanId: uuid,
    token: token.trim(),
    scannedAt: now.toISOString(),
    deviceId,
    registrationId: verdict.kind === 'invalid' ? null : verdict.registrationId,
  };
}

/** After a sync: the scans the server answered leave the queue; the answers are kept (newest first) to show. */
export function mergeResults(
  queue: readonly QueuedScan[],
  answered: readonly ScanResult[],
  shown: readonly ScanResult[],
): { queue: QueuedScan[]; shown: ScanResult[] } {
  const ids = new Set(answered.map((a) => a.scanId));
  const earlier = shown.filter((s) => !ids.has(s.scanId));
  return { queue: queue.filter((q) => !ids.has(q.scanId)), shown: [...answered, ...earlier].slice(0, 500) };
}

/** Counts of answers by outcome, for the sync summary. */
export function tally(answers: readonly ScanResult[]): Record<ScanResult['outcome'], number> {
  const out = { accepted: 0, duplicate: 0, cancelled_while_offline: 0, invalid: 0 };
  for (const a of answers) out[a.outcome] += 1;
  return out;
}

/** The pack and the queue of one session, kept in localStorage so a reload offline loses nothing. */
export function sessionStore(sessionId: number, storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage) {
  const packKey = `gonghui.checkin.${sessionId}.pack`;
  const queueKey = `gonghui.checkin.${sessionId}.queue`;
  const read = <T>(key: string, fallback: T): T => {
    try {
      const text = storage.getItem(key);
      return text ? (JSON.parse(text) as T) : fallback;
    } catch {
      return fallback;
    }
  };
  return {
    pack: (): CheckinPack | null => read<CheckinPack | null>(packKey, null),
    savePack: (pack: CheckinPack) => storage.setItem(packKey, JSON.stringify(pack)),
    queue: (): QueuedScan[] => read<QueuedScan[]>(queueKey, []),
    saveQueue: (queue: readonly QueuedScan[]) => storage.setItem(queueKey, JSON.stringify(queue)),
  };
}
