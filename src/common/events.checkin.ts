import { z } from 'zod';
import { defineAuditActions } from './audit.actions.js';

/** Check-in (签到, issue #13): signed tickets, the scanner's offline pack, synced scans and their outcomes. */

/** What a ticket's QR code signs: region, registration, session, ticket version. No personal data. */
export type TicketClaims = { r: number; i: number; s: number; v: number };
export const TICKET_PREFIX = 'ET1';

export const CHECKIN_LIMITS = { scansPerSync: 2000, deviceId: 100, token: 400 } as const;

export const TicketKey = z.object({ alg: z.literal('EdDSA'), crv: z.literal('Ed25519'), kty: z.literal('OKP'), x: z.string() });
export type TicketKey = z.infer<typeof TicketKey>;

/** The member's ticket for a confirmed registration: the signed code to show at the door. */
export const Ticket = z.object({
  registrationId: z.number(),
  sessionId: z.number(),
  token: z.string(),
  eventTitle: z.string(),
  startsAt: z.string(),
  place: z.string(),
});
export type Ticket = z.infer<typeof Ticket>;

/** What a scanner downloads before going offline: the key, the valid tickets (masked names), the cancelled ones. */
export const CheckinPack = z.object({
  eventId: z.number(),
  sessionId: z.number(),
  eventTitle: z.string(),
  startsAt: z.string(),
  place: z.string(),
  key: TicketKey,
  generatedAt: z.string(),
  tickets: z.array(z.object({ registrationId: z.number(), version: z.number(), maskedName: z.string(), isCheckedIn: z.boolean() })),
  cancelled: z.array(z.object({ registrationId: z.number(), version: z.number() })),
});
export type CheckinPack = z.infer<typeof CheckinPack>;

export const ScanInput = z.object({
  /** Made by the scanner (crypto.randomUUID()): the same scan synced again changes nothing. */
  scanId: z.string().uuid(),
  token: z.string().trim().min(1).max(CHECKIN_LIMITS.token),
  scannedAt: z.string().datetime({ offset: true }),
  deviceId: z.string().trim().min(1).max(CHECKIN_LIMITS.deviceId),
});
export type ScanInput = z.infer<typeof ScanInput>;

export const SyncBody = z.object({ scans: z.array(ScanInput).min(1).max(CHECKIN_LIMITS.scansPerSync) });
export type SyncBody = z.infer<typeof SyncBody>;

/**
 * accepted: checked in by this scan; duplicate: the ticket was already checked in (flagged, never counted twice);
 * cancelled_while_offline: the ticket was cancelled (or released) before the scan was synced (flagged); invalid: not
 * a ticket of this session.
 */
export const scanOutcomes = ['accepted', 'duplicate', 'cancelled_while_offline', 'invalid'] as const;
export type ScanOutcome = (typeof scanOutcomes)[number];

export const ScanResult = z.object({
  scanId: z.string(),
  outcome: z.enum(scanOutcomes),
  registrationId: z.number().nullable(),
  maskedName: z.string().nullable(),
});
export type ScanResult = z.infer<typeof ScanResult>;

export const SyncResult = z.object({ items: z.array(ScanResult) });
export type SyncResult = z.infer<typeof SyncResult>;

const say = (zh: string, en: string, zhS: string, enS: string) => ({
  label: { 'zh-CN': zh, en },
  sentence: { 'zh-CN': zhS, en: enS },
});
defineAuditActions({
  'event.checkin.sync': say('同步签到', 'Sync check-ins', '同步活动 {target} 的离线签到', 'Synced offline check-ins of {target}'),
  'event.checkin.manual': say('手工签到', 'Manual check-in', '为活动 {target} 手工签到', 'Checked a person in by hand at {target}'),
});
