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
  /** Secondary affiliations (a rider's joint union), named: a union outside the caller's view is still named. */
  secondaryOrgs: z.array(z.object({ id: z.number(), name: z.string() })),
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

export const memberSorts = ['newest', 'name', 'joinDateAsc', 'joinDateDesc'] as const;
export type MemberSort = (typeof memberSorts)[number];

export const MemberListQuery = z.object({
  orgId: Id,
  /** Name, pinyin or initials prefix; an 11-digit phone (or its last 4 digits), an 18-character ID number or a card number match exactly. */
  q: z.string().trim().max(50).optional(),
  status: z.enum(memberStatuses).optional(),
  employmentForm: z.enum(employmentForms).optional(),
  /** 排序: newest record first (default), by name (pinyin), by join date either way. */
  sort: z.enum(memberSorts).default('newest'),
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

export const MemberExportQuery = z.object({
  orgId: Id,
  /** The list's filters: the file holds what the list shows. */
  q: MemberListQuery.shape.q,
  status: MemberListQuery.shape.status,
  employmentForm: MemberListQuery.shape.employmentForm,
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
