import { z } from 'zod';
import { MEMBER_LIMITS } from './members.js';
import { BodyId, Id, queryCount } from './paging.js';

export const TransferRequestBody = z.object({ idNumber: z.string().trim().min(1).max(40), toOrgId: BodyId });
export type TransferRequestBody = z.infer<typeof TransferRequestBody>;
export const transferStatuses = ['pending', 'confirmed', 'rejected', 'cancelled'] as const;
export type TransferStatus = (typeof transferStatuses)[number];
export const Transfer = z.object({
  id: z.number(),
  memberId: z.number(),
  maskedName: z.string(),
  fromOrgId: z.number(),
  fromOrgName: z.string(),
  toOrgId: z.number(),
  toOrgName: z.string(),
  status: z.enum(transferStatuses),
  /** The member's consent: a one-time code to the phone on record, or a signed paper form the releasing union recorded. */
  consent: z.enum(['code', 'paper']).nullable(),
  consentedAt: z.string().nullable(),
  /** When the releasing union confirmed; the member moves once both this and the consent are there. */
  releasedAt: z.string().nullable(),
  requestedVia: z.enum(['union', 'member', 'application', 'roster']),
  requestedAt: z.string(),
  autoConfirmAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type Transfer = z.infer<typeof Transfer>;
export const TransferListQuery = z.object({
  orgId: Id,
  direction: z.enum(['incoming', 'outgoing']),
  status: z.enum(transferStatuses).default('pending'),
  cursor: z.string().max(200).optional(),
  limit: queryCount(1, 200).default(50),
});
export type TransferListQuery = z.infer<typeof TransferListQuery>;
export const TransferDecisionBody = z.object({
  decision: z.enum(['confirm', 'reject']),
  note: z.string().trim().max(MEMBER_LIMITS.reasonMax).optional(),
  /** The reference of the member's signed paper consent form, when the releasing union holds one (e.g. its file number). */
  paperConsentRef: z.string().trim().min(1).max(100).optional(),
});
export type TransferDecisionBody = z.infer<typeof TransferDecisionBody>;
