import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CheckinPack, ScanResult, TicketClaims } from '../../../common/events.checkin.js';
import { checkTicket, mergeResults, newScan, sessionStore, tally, type QueuedScan } from './checkinOffline.js';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const pack: CheckinPack = {
  eventId: 1,
  sessionId: 9,
  eventTitle: '职工观影',
  startsAt: '2027-01-01T01:00:00.000Z',
  place: '工人文化宫',
  key: { alg: 'EdDSA', crv: 'Ed25519', kty: 'OKP', x: String(publicKey.export({ format: 'jwk' }).x) },
  generatedAt: '2026-12-01T00:00:00.000Z',
  tickets: [
    { registrationId: 100, version: 1, maskedName: '张*', isCheckedIn: false },
    { registrationId: 101, version: 1, maskedName: '李*', isCheckedIn: true },
  ],
  cancelled: [{ registrationId: 102, version: 1 }],
};

/** A ticket as the server mints it: "ET1." base64url(claims) "." base64url(Ed25519 signature). */
function ticket(c: TicketClaims, signer = privateKey): string {
  const body = Buffer.from(JSON.stringify(c)).toString('base64url');
  return `ET1.${body}.${sign(null, Buffer.from(`ET1.${body}`), signer).toString('base64url')}`;
}

describe('checking tickets offline against the downloaded pack', () => {
  it('shows green for a listed ticket, then flags it once it is in the queue', async () => {
    const token = ticket({ r: 1, i: 100, s: 9, v: 1 });
    const first = await checkTicket(token, pack, []);
    expect(first).toEqual({ kind: 'ok', registrationId: 100, maskedName: '张*' });
    const queued = [newScan(token, first, 'phone-1', new Date('2026-12-01T02:00:00Z'), '6f1c1b7e-1f43-4c3a-9a62-0d7e1c7f0a01')];
    expect(queued[0]).toMatchObject({ registrationId: 100, deviceId: 'phone-1', scannedAt: '2026-12-01T02:00:00.000Z' });
    expect((await checkTicket(token, pack, queued)).kind).toBe('duplicate');
    expect((await checkTicket(ticket({ r: 1, i: 101, s: 9, v: 1 }), pack, [])).kind).toBe('duplicate');
  });

  it('flags a cancelled ticket and refuses forged, other-session and old-version codes', async () => {
    expect(await checkTicket(ticket({ r: 1, i: 102, s: 9, v: 1 }), pack, [])).toEqual({ kind: 'cancelled', registrationId: 102 });
    const good = ticket({ r: 1, i: 100, s: 9, v: 1 });
    const [, , signature] = good.split('.');
    const forged = `ET1.${Buffer.from(JSON.stringify({ r: 1, i: 101, s: 9, v: 1 })).toString('base64url')}.${signature}`;
    expect(await checkTicket(forged, pack, [])).toEqual({ kind: 'invalid' });
    expect(await checkTicket(ticket({ r: 1, i: 100, s: 9, v: 1 }, generateKeyPairSync('ed25519').privateKey), pack, [])).toEqual({
      kind: 'invalid',
    });
    expect(await checkTicket(ticket({ r: 1, i: 100, s: 8, v: 1 }), pack, [])).toEqual({ kind: 'invalid' });
    expect(await checkTicket(ticket({ r: 1, i: 100, s: 9, v: 2 }), pack, [])).toEqual({ kind: 'invalid' });
    expect(await checkTicket('hello', pack, [])).toEqual({ kind: 'invalid' });
  });

  it('merges a sync: answered scans leave the queue, answers are shown newest first, a re-sync replaces its line', () => {
    const q = (id: string): QueuedScan => ({
      scanId: id,
      token: 't',
      scannedAt: '2026-12-01T02:00:00.000Z',
      deviceId: 'p',
      registrationId: 1,
    });
    const answer = (id: string, outcome: ScanResult['outcome']): ScanResult => ({
      scanId: id,
      outcome,
      registrationId: 1,
      maskedName: '张*',
    });
    const first = mergeResults([q('a'), q('b'), q('c')], [answer('a', 'accepted'), answer('b', 'duplicate')], []);
    expect(first.queue.map((s) => s.scanId)).toEqual(['c']);
    const second = mergeResults(first.queue, [answer('c', 'cancelled_while_offline'), answer('a', 'accepted')], first.shown);
    expect(second.queue).toEqual([]);
    expect(second.shown.map((s) => s.scanId)).toEqual(['c', 'a', 'b']);
    expect(tally(second.shown)).toEqual({ accepted: 1, duplicate: 1, cancelled_while_offline: 1, invalid: 0 });
  });

  it('keeps the pack and the queue per session in storage', () => {
    const data = new Map<string, string>();
    const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
    const store = sessionStore(9, storage);
    expect(store.pack()).toBeNull();
    store.savePack(pack);
    store.saveQueue([{ scanId: 'x', token: 't', scannedAt: 'now', deviceId: 'p', registrationId: null }]);
    expect(sessionStore(9, storage).pack()?.sessionId).toBe(9);
    expect(sessionStore(9, storage).queue()).toHaveLength(1);
    expect(sessionStore(8, storage).queue()).toEqual([]);
  });
});
