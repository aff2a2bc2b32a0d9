import { z } from 'zod';
import { employmentForms, MEMBER_LIMITS } from './members.js';
import { BodyId, Id, queryCount } from './paging.js';

const personFields = {
  name: z.string().trim().min(1).max(MEMBER_LIMITS.nameMax),
  idNumber: z.string().trim().min(1).max(40),
  phone: z.string().trim().min(1).max(30),
  employerName: z.string().trim().max(200).optional(),
  employerId: BodyId.optional(),
  employmentForm: z.enum(employmentForms),
};

/** The self-service page: a worker applies without an account. */
export const PublicApplicationBody = z.object({
  ...personFields,
  orgId: BodyId,
  /** The outreach meeting whose sign-up QR code the worker scanned. */
  meetingId: BodyId.optional(),
});
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
  /** The outreach meeting's title (职工沟通会), when the application came from one. */
  meetingTitle: z.string().nullable(),
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
