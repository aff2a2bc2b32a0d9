import { z } from 'zod';
import { BodyId, Id, queryCount } from './paging.js';
import { CalendarDate } from './inputs.js';

export const meetingKinds = ['worker', 'enterprise'] as const; // 职工沟通会 / 企业沟通会
export type MeetingKind = (typeof meetingKinds)[number];
export const unionisationStages = ['none', 'contacted', 'persuaded', 'preparing', 'established'] as const; // 建会进度
export type UnionisationStage = (typeof unionisationStages)[number];

export const CreateMeetingBody = z.object({
  orgId: BodyId,
  kind: z.enum(meetingKinds),
  title: z.string().trim().min(1).max(200),
  heldOn: CalendarDate,
  venue: z.string().trim().max(200).optional(),
  isOnline: z.boolean().default(false),
  /** A sub-venue (分会场) names its main venue (主会场). */
  parentMeetingId: BodyId.optional(),
});
export type CreateMeetingBody = z.infer<typeof CreateMeetingBody>;

export const Meeting = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  kind: z.enum(meetingKinds),
  title: z.string(),
  heldOn: z.string(),
  venue: z.string().nullable(),
  isOnline: z.boolean(),
  parentMeetingId: z.number().nullable(),
  /** The main venue's title, for a sub-venue. */
  parentTitle: z.string().nullable(),
  applications: z.number(),
  approved: z.number(),
  employersEngaged: z.number(),
});
export type Meeting = z.infer<typeof Meeting>;

/** An employer contacted at an enterprise meeting, with its 建会 stage. */
export const MeetingEmployer = z.object({
  id: z.number(),
  name: z.string(),
  headcount: z.number(),
  streetName: z.string(),
  unionName: z.string().nullable(),
  stage: z.enum(unionisationStages),
});
export type MeetingEmployer = z.infer<typeof MeetingEmployer>;

/** One meeting's page: its facts and the employers contacted at it (sign-ups are the applications carrying its id). */
export const MeetingDetail = Meeting.extend({
  employers: z.array(MeetingEmployer),
  /** More employers than `employers` holds were contacted at it. */
  hasMoreEmployers: z.boolean(),
});
export type MeetingDetail = z.infer<typeof MeetingDetail>;
export const MEETING_EMPLOYERS_SHOWN = 200;

/** What the venue's sign-up QR code tells a worker's phone: the meeting's public facts, nothing personal. */
export const PublicMeeting = z.object({
  id: z.number(),
  title: z.string(),
  heldOn: z.string(),
  venue: z.string().nullable(),
  unionName: z.string(),
});
export type PublicMeeting = z.infer<typeof PublicMeeting>;

export const MeetingListQuery = z.object({
  orgId: Id,
  kind: z.enum(meetingKinds).optional(),
  from: CalendarDate.optional(),
  to: CalendarDate.optional(),
  cursor: z.string().max(200).optional(),
  limit: queryCount(1, 200).default(50),
});
export type MeetingListQuery = z.infer<typeof MeetingListQuery>;

export const OutreachStatsQuery = z.object({ orgId: Id, from: CalendarDate, to: CalendarDate });
export type OutreachStatsQuery = z.infer<typeof OutreachStatsQuery>;
export const OutreachStats = z.object({
  workerMeetings: z.number(),
  enterpriseMeetings: z.number(),
  applications: z.number(),
  approved: z.number(),
  employersByStage: z.record(z.enum(unionisationStages), z.number()),
});
export type OutreachStats = z.infer<typeof OutreachStats>;

export const UnionisationBody = z.object({
  version: z.number().int().positive(),
  stage: z.enum(unionisationStages),
  meetingId: BodyId.nullable().optional(),
});
export type UnionisationBody = z.infer<typeof UnionisationBody>;
