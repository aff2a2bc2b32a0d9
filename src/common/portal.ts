import { z } from 'zod';
import { memberStatuses } from './members.js';
import { applicationStatuses } from './applications.js';
import { transferStatuses } from './transfers.js';

/** The member's own pages (phone): signed in by a one-time code sent to the phone on the member's record. */
export const OTP_LENGTH = 6;

/** Asks for a sign-in code: the ID number and the phone the worker says is theirs; the code goes to the phone on record. */
export const MemberCodeBody = z.object({ idNumber: z.string().trim().min(1).max(40), phone: z.string().trim().min(1).max(30) });
export type MemberCodeBody = z.infer<typeof MemberCodeBody>;

/** The same answer whoever asks: it says nothing about whether the ID number belongs to a member. */
export const CodeChallenge = z.object({ challengeId: z.string(), expiresAt: z.string() });
export type CodeChallenge = z.infer<typeof CodeChallenge>;

export const CodeAnswer = z.object({
  challengeId: z.string().min(1).max(80),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
});
export type CodeAnswer = z.infer<typeof CodeAnswer>;

export const consentKinds = ['code', 'paper'] as const;

export const PortalTransfer = z.object({
  id: z.number(),
  fromOrgName: z.string(),
  toOrgName: z.string(),
  status: z.enum(transferStatuses),
  consent: z.enum(consentKinds).nullable(),
  releasedAt: z.string().nullable(),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type PortalTransfer = z.infer<typeof PortalTransfer>;

export const PortalApplication = z.object({
  trackingCode: z.string(),
  orgName: z.string(),
  status: z.enum(applicationStatuses),
  submittedAt: z.string(),
});

/** What a signed-in member sees of themselves: their own name in full, numbers masked. */
export const PortalMe = z.object({
  name: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string().nullable(),
  orgName: z.string(),
  status: z.enum(memberStatuses),
  joinDate: z.string(),
  cardNo: z.string().nullable(),
  cardStatus: z.enum(['none', 'active', 'revoked']),
  transfers: z.array(PortalTransfer),
  applications: z.array(PortalApplication),
});
export type PortalMe = z.infer<typeof PortalMe>;
