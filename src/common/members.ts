import { z } from 'zod';
import { maskPersonalNumbers } from './identity.js';
import { BodyId, Id, queryCount } from './paging.js';

export const employmentForms = ['standard', 'courier', 'delivery_rider', 'ride_hailing', 'truck_driver', 'other_gig'] as const;
export type EmploymentForm = (typeof employmentForms)[number];
/** 新就业形态: the gig forms, who may join through a joint union or service station rather than an employer. */
export const gigForms: readonly EmploymentForm[] = ['courier', 'delivery_rider', 'ride_hailing', 'truck_driver', 'other_gig'];

export const memberStatuses = ['member', 'lapsed'] as const;
export type MemberStatus = (typeof memberStatuses)[number];

/** Limits on what one request may carry. */
export const MEMBER_LIMITS = { batchDecision: 1000, nameMax: 50, reasonMax: 200 } as const;

const personFields = {
  name: z.string().trim().min(1).max(MEMBER_LIMITS.nameMax),
  idNumber: z.string().trim().min(1).max(40),
  phone: z.string().trim().min(1).max(30),
  employerName: z.string().trim().max(200).optional(),
  employerId: BodyId.optional(),
  employmentForm: z.enum(employmentForms),
};

/** The self-service page: a worker applies without an account. */
export const PublicApplicationBody = z.object({ ...personFields, orgId: BodyId });
export type PublicApplicationBody = z.infer<typeof PublicApplicationBody>;

/** Keyboard intake by a cadre (outreach meeting or paper form). */
export const IntakeApplicationBody = PublicApplicationBody.extend({
  source: z.enum(['meeting', 'cadre']).default('cadre'),
  meetingId: BodyId.optional(),
});
export type IntakeApplicationBody = z.infer<typeof IntakeApplicationBody>;

export const applicationStatuses = ['pending', 'approved', 'rejected', 'transfer_requested', 'withdrawn'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

export const applicantFlags = ['new', 'member_here', 'member_elsewhere', 'lapsed', 'duplicate'] as const;
export type ApplicantFlag = (typeof applicantFlags)[number];

export const Application = z.object({
  id: z.number(),
  trackingCode: z.string(),
  source: z.enum(['self', 'meeting', 'roster', 'cadre']),
  meetingId: z.number().nullable(),
  name: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string(),
  gender: z.enum(['male', 'female']),
  birthDate: z.string(),
  employerName: z.string().nullable(),
  employmentForm: z.enum(employmentForms),
  orgId: z.number(),
  orgName: z.string(),
  status: z.enum(applicationStatuses),
  rejectReason: z.string().nullable(),
  memberId: z.number().nullable(),
  /**
   * What the reviewing cadre should know of the applicant (and only they: the public answer is the same for all):
   * new, already a member here, a member of another union (approving asks for a transfer, which needs the member's
   * consent), a lapsed member (approving re-admits), or a later duplicate of another pending application.
   */
  flag: z.enum(applicantFlags),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type Application = z.infer<typeof Application>;

export const ApplicationReceipt = z.object({ trackingCode: z.string(), status: z.enum(applicationStatuses) });
export type ApplicationReceipt = z.infer<typeof ApplicationReceipt>;

/** What the tracking code reveals: nothing personal beyond the masked name. */
export const ApplicationStatusView = z.object({
  trackingCode: z.string(),
  maskedName: z.string(),
  orgName: z.string(),
  status: z.enum(applicationStatuses),
  rejectReason: z.string().nullable(),
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type ApplicationStatusView = z.infer<typeof ApplicationStatusView>;

export const ApplicationListQuery = z.object({
  orgId: Id,
  status: z.enum(applicationStatuses).default('pending'),
  meetingId: Id.optional(),
  cursor: z.string().max(200).optional(),
  limit: queryCount(1, 500).default(50),
});
export type ApplicationListQuery = z.infer<typeof ApplicationListQuery>;

export const DecideApplicationsBody = z.object({
  ids: z.array(BodyId).min(1).max(MEMBER_LIMITS.batchDecision),
  decision: z.enum(['approve', 'reject']),
  reason: z.string().trim().min(1).max(MEMBER_LIMITS.reasonMax).optional(),
});
export type DecideApplicationsBody = z.infer<typeof DecideApplicationsBody>;
export const DecisionResult = z.object({
  approved: z.number(),
  rejected: z.number(),
  transfersRequested: z.number(),
  /** Approved applications of people who are members here already, or repeated in the batch: closed, not admitted twice. */
  duplicates: z.number(),
});
export type DecisionResult = z.infer<typeof DecisionResult>;

export const Member = z.object({
  id: z.number(),
  name: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string().nullable(),
  gender: z.enum(['male', 'female']),
  birthDate: z.string(),
  employerId: z.number().nullable(),
  employerName: z.string().nullable(),
  employmentForm: z.enum(employmentForms),
  status: z.enum(memberStatuses),
  orgId: z.number(),
  orgName: z.string(),
  joinDate: z.string(),
  cardNo: z.string().nullable(),
  cardStatus: z.enum(['none', 'active', 'revoked']),
  secondaryOrgIds: z.array(z.number()),
  version: z.number(),
});
export type Member = z.infer<typeof Member>;

export const MemberHistoryEntry = z.object({
  at: z.string(),
  event: z.enum(['joined', 'transferred', 'lapsed', 'rejoined', 'updated']),
  orgId: z.number(),
  orgName: z.string(),
  fromOrgId: z.number().nullable(),
  fromOrgName: z.string().nullable(),
  reason: z.string().nullable(),
});
export const MemberDetail = Member.extend({ history: z.array(MemberHistoryEntry) });
export type MemberDetail = z.infer<typeof MemberDetail>;

export const MemberListQuery = z.object({
  orgId: Id,
  /** Name, pinyin or initials prefix; an 11-digit phone, an 18-character ID number or a card number match exactly. */
  q: z.string().trim().max(50).optional(),
  status: z.enum(memberStatuses).optional(),
  employmentForm: z.enum(employmentForms).optional(),
  cursor: z.string().max(200).optional(),
  limit: queryCount(1, 200).default(50),
});
export type MemberListQuery = z.infer<typeof MemberListQuery>;

/** Why a full value is needed: shown to auditors beside each reveal and full export. */
export const REVEAL_REASON = { min: 2, max: 200 } as const;
/** A reason never carries a full ID number or phone into the audit log: any typed in are masked. */
export const RevealReason = z.string().trim().min(REVEAL_REASON.min).max(REVEAL_REASON.max).transform(maskPersonalNumbers);
export const RevealBody = z.object({ field: z.enum(['idNumber', 'phone']), reason: RevealReason });
export const RevealResult = z.object({ field: z.enum(['idNumber', 'phone']), value: z.string().nullable() });

export const LapseBody = z.object({ reason: z.string().trim().min(1).max(MEMBER_LIMITS.reasonMax) });

export const TransferRequestBody = z.object({ idNumber: z.string().trim().min(1).max(40), toOrgId: BodyId });
export type TransferRequestBody = z.infer<typeof TransferRequestBody>;
export const transferStatuses = ['pending', 'confirmed', 'rejected', 'cancelled'] as const;
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

export const CardToken = z.object({ token: z.string(), expiresAt: z.string(), cardNo: z.string() });
export type CardToken = z.infer<typeof CardToken>;
export const CardVerifyBody = z.object({ token: z.string().min(1).max(500) });
export const CardVerifyResult = z.object({ valid: z.boolean(), maskedName: z.string().optional() });
export type CardVerifyResult = z.infer<typeof CardVerifyResult>;

export const MemberExportQuery = z.object({
  orgId: Id,
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  /** Full ID numbers and phones: only for roles that may reveal them, and audited. */
  reveal: z.enum(['0', '1']).default('0'),
  /** Required with reveal=1 (checked by the export, which answers EXPORT_REASON_REQUIRED). */
  reason: z.string().trim().max(REVEAL_REASON.max).transform(maskPersonalNumbers).optional(),
});

/** A new phone on record, after the member's union checked the person in person: audited, ends the member's sessions. */
export const PhoneChangeBody = z.object({
  phone: z.string().trim().min(1).max(30),
  reason: z.string().trim().min(2).max(MEMBER_LIMITS.reasonMax),
});

/** A secondary affiliation (a rider in a joint union and in the platform company's union). */
export const AffiliationBody = z.object({ orgId: BodyId });
