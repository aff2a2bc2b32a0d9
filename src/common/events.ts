import { z } from 'zod';
import { BodyId, Id, PageQuery } from './paging.js';
import { defineAuditActions } from './audit.actions.js';
import { QuotaList, SessionQuota, quotaSum } from './events.quota.js';

/** Kinds of events (活动). */
export const eventKinds = ['culture', 'sports', 'care', 'matchmaking', 'training', 'outing', 'other'] as const;
export type EventKind = (typeof eventKinds)[number];

/** How an event chooses among those who sign up: first come, a lottery, a points ranking, preferences across sessions. */
export const selectionModes = ['first_come', 'lottery', 'points_ranking', 'preferences'] as const;
export type SelectionMode = (typeof selectionModes)[number];

/** How a freed place reaches the waitlist: confirmed at once, or offered for a number of hours. */
export const promotionModes = ['auto', 'offer'] as const;
export type PromotionMode = (typeof promotionModes)[number];

export const eventStatuses = ['draft', 'open', 'closed', 'cancelled'] as const;
export type EventStatus = (typeof eventStatuses)[number];

export const registrationStatuses = [
  'waitlisted',
  'offered',
  'confirmed',
  'cancelled',
  'expired',
  'attended',
  'no_show',
  /** An entry of a lottery, ranking or preferences, before the draw (events.draw.service.ts). */
  'entered',
] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

/** Statuses that hold a place or a spot on the waitlist: one such registration per person and session. */
export const activeStatuses = ['waitlisted', 'offered', 'confirmed'] as const satisfies readonly RegistrationStatus[];

export const cancelReasons = ['self', 'cadre', 'ineligible', 'event_cancelled'] as const;
export type CancelReason = (typeof cancelReasons)[number];

/** Named limits. */
export const EVENT_LIMITS = {
  sessions: 200,
  audience: 50,
  coOrganisers: 20,
  capacity: 100_000,
  bulkMembers: 500,
  offerHoursMax: 168,
} as const;

/** An instant with its offset, e.g. 2026-06-01T00:00:00+08:00 (Beijing midnight). */
const Instant = z.string().datetime({ offset: true });
const after = (a: string, b: string) => Date.parse(a) > Date.parse(b);

/** A caller's id of a write (an Idempotency-Key): printable, no spaces. */
export const EventKey = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .regex(/^[\x21-\x7e]+$/u);

export const SessionInput = z
  .object({
    startsAt: Instant,
    endsAt: Instant,
    place: z.string().trim().min(1).max(200),
    capacity: z.number().int().min(1).max(EVENT_LIMITS.capacity),
    opensAt: Instant,
    closesAt: Instant,
    /** Places reserved for members of units (first come only; events.quota.ts): Σ places ≤ capacity. */
    quotas: QuotaList.optional(),
  })
  .refine((s) => after(s.endsAt, s.startsAt), { message: '结束时间须晚于开始时间 / the end must follow the start', path: ['endsAt'] })
  .refine((s) => after(s.closesAt, s.opensAt), {
    message: '报名截止须晚于报名开始 / sign-up must close after it opens',
    path: ['closesAt'],
  })
  .refine((s) => quotaSum(s.quotas) <= s.capacity, {
    message: '各单位名额之和不能超过班次名额 / the quotas cannot add up to more than the capacity',
    path: ['quotas'],
  });
export type SessionInput = z.infer<typeof SessionInput>;

export const CreateEventBody = z
  .object({
    orgId: BodyId,
    kind: z.enum(eventKinds),
    title: z.string().trim().min(1).max(100),
    description: z.string().trim().max(5000).default(''),
    selection: z.enum(selectionModes).default('first_come'),
    promotion: z.enum(promotionModes).default('auto'),
    offerHours: z.number().int().min(1).max(EVENT_LIMITS.offerHoursMax).optional(),
    /** The subtrees whose members may sign up (default: the owner's subtree). */
    audienceOrgIds: z.array(BodyId).max(EVENT_LIMITS.audience).default([]),
    /** Co-organising nodes (协办): each signs up, sees and checks in the members of its own subtree. */
    coOrganiserIds: z.array(BodyId).max(EVENT_LIMITS.coOrganisers).default([]),
    sessions: z.array(SessionInput).min(1).max(EVENT_LIMITS.sessions),
    /** A points programme whose event-attendance rule awards points at check-in (issue #13). */
    pointsProgrammeId: BodyId.optional(),
  })
  .refine((b) => (b.promotion === 'offer') === (b.offerHours !== undefined), {
    message: '候补递补为“限时确认”时须给出确认时限（小时） / an offer needs its hours, and only an offer',
    path: ['offerHours'],
  });
export type CreateEventBody = z.infer<typeof CreateEventBody>;

export const EventSession = z.object({
  id: z.number(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  capacity: z.number(),
  confirmed: z.number(),
  waitlisted: z.number(),
  opensAt: z.string(),
  closesAt: z.string(),
  /** The window is open now (server clock): [opensAt, closesAt). */
  isOpenNow: z.boolean(),
  /** Places reserved per unit (first come), with how many are taken; the rest of the capacity is open. */
  quotas: z.array(SessionQuota),
});
export type EventSession = z.infer<typeof EventSession>;

export const EventSummary = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  kind: z.enum(eventKinds),
  title: z.string(),
  description: z.string(),
  selection: z.enum(selectionModes),
  promotion: z.enum(promotionModes),
  offerHours: z.number().nullable(),
  status: z.enum(eventStatuses),
  createdAt: z.string(),
});
export type EventSummary = z.infer<typeof EventSummary>;

/** A line of the console's events list: the event and its sessions' figures, counted by the server. */
export const EventListItem = EventSummary.extend({
  sessionCount: z.number(),
  /** The places of all its sessions together, and how many of them are confirmed. */
  capacity: z.number(),
  confirmed: z.number(),
});
export type EventListItem = z.infer<typeof EventListItem>;

export const EventDetail = EventSummary.extend({
  audience: z.array(z.object({ orgId: z.number(), orgName: z.string() })),
  coOrganisers: z.array(z.object({ orgId: z.number(), orgName: z.string() })),
  sessions: z.array(EventSession),
});
export type EventDetail = z.infer<typeof EventDetail>;

export const EventListQuery = PageQuery.extend({ orgId: Id });
export type EventListQuery = z.infer<typeof EventListQuery>;

export const SessionParams = z.object({ id: Id, sessionId: Id });
export const CapacityBody = z.object({ capacity: z.number().int().min(1).max(EVENT_LIMITS.capacity) });
export type CapacityBody = z.infer<typeof CapacityBody>;

export const Registration = z.object({
  id: z.number(),
  eventId: z.number(),
  sessionId: z.number(),
  /** A member's registration, or a named non-member's (非会员, events.guests.ts): exactly one of memberId, guestId. */
  kind: z.enum(['member', 'guest']),
  memberId: z.number().nullable(),
  guestId: z.number().nullable(),
  /** The member's or the guest's name. */
  memberName: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  status: z.enum(registrationStatuses),
  /** 1-based place on the waitlist while waitlisted, else null. */
  waitlistPosition: z.number().nullable(),
  offerExpiresAt: z.string().nullable(),
  cancelReason: z.enum(cancelReasons).nullable(),
  createdAt: z.string(),
});
export type Registration = z.infer<typeof Registration>;

export const RegistrationListQuery = PageQuery.extend({
  /** The unit whose members' registrations to list (its subtree). */
  orgId: Id,
  sessionId: Id.optional(),
  status: z.enum(registrationStatuses).optional(),
});
export type RegistrationListQuery = z.infer<typeof RegistrationListQuery>;

export const RegistrationParams = z.object({ id: Id, registrationId: Id });

export const BulkSignUpBody = z.object({
  sessionId: BodyId,
  /** Idempotency key of the batch: each member's registration keys on it. */
  key: EventKey,
  memberIds: z.array(BodyId).min(1).max(EVENT_LIMITS.bulkMembers),
});
export type BulkSignUpBody = z.infer<typeof BulkSignUpBody>;

export const BulkSignUpResult = z.object({
  items: z.array(
    z.object({
      memberId: z.number(),
      outcome: z.enum(['confirmed', 'waitlisted', 'already', 'not_in_audience', 'not_found']),
      registrationId: z.number().nullable(),
    }),
  ),
});
export type BulkSignUpResult = z.infer<typeof BulkSignUpResult>;

export const SignUpBody = z.object({ sessionId: BodyId, key: EventKey });
export type SignUpBody = z.infer<typeof SignUpBody>;

/** An event as a member sees it on the phone pages. */
export const MemberEvent = EventSummary.omit({ orgId: true }).extend({
  /** A cover photo was uploaded (GET /api/portal/events/:id/cover answers it). */
  hasCover: z.boolean(),
  sessions: z.array(EventSession),
});
export type MemberEvent = z.infer<typeof MemberEvent>;

export const MemberRegistration = Registration.omit({
  kind: true,
  memberId: true,
  guestId: true,
  memberName: true,
  orgId: true,
  orgName: true,
}).extend({
  eventTitle: z.string(),
  startsAt: z.string(),
  place: z.string(),
  /** My group (1-based) in the session's latest random grouping; null when it was not grouped with me in it. */
  groupNo: z.number().int().positive().nullable(),
});
export type MemberRegistration = z.infer<typeof MemberRegistration>;

const say = (zh: string, en: string, zhS: string, enS: string) => ({
  label: { 'zh-CN': zh, en },
  sentence: { 'zh-CN': zhS, en: enS },
});
defineAuditActions({
  'event.create': say('新建活动', 'Create event', '新建活动 {target}', 'Created event {target}'),
  'event.capacity': say(
    '调整班次名额',
    'Change session capacity',
    '调整活动 {target} 的班次名额',
    'Changed a session capacity of {target}',
  ),
  'event.registration.cancel': say(
    '取消报名',
    'Cancel registration',
    '取消活动 {target} 的一条报名',
    'Cancelled a registration of {target}',
  ),
  'event.registration.bulk': say('批量报名', 'Bulk sign-up', '为活动 {target} 批量报名', 'Signed members up for {target}'),
  'event.registration.no_show': say(
    '释放缺席名额',
    'Release no-show',
    '释放活动 {target} 的缺席名额',
    'Released a no-show place of {target}',
  ),
});

/** The events open to a member with the server's clock: the phone page tells 未开始 / 报名中 / 已截止 by it, not by the phone's. */
export const MemberEventList = z.object({ items: z.array(MemberEvent), now: z.string() });
export type MemberEventList = z.infer<typeof MemberEventList>;
// ---- The cadres' console (issue #13): close, cancel, copy, sign-ups by unit, export. ----

/** Attendance of an event, counted from its registrations in SQL (each registration once). */
export const AttendanceFigures = z.object({
  signedUp: z.number(),
  confirmed: z.number(),
  waitlisted: z.number(),
  attended: z.number(),
  noShow: z.number(),
  cancelled: z.number(),
  /** attended / (attended + no-show + still confirmed), 0..1; null when nobody held a place. */
  attendanceRate: z.number().nullable(),
});
export type AttendanceFigures = z.infer<typeof AttendanceFigures>;

export const CloseEventBody = z.object({ summary: z.string().trim().min(1).max(5000) });
export type CloseEventBody = z.infer<typeof CloseEventBody>;

/** The report of an event: its figures (within the caller's scope) and, once closed, the summary. */
export const EventReport = z.object({
  eventId: z.number(),
  status: z.enum(eventStatuses),
  figures: AttendanceFigures,
  closing: z.object({ summary: z.string(), closedAt: z.string() }).nullable(),
});
export type EventReport = z.infer<typeof EventReport>;

export const CancelEventResult = z.object({ eventId: z.number(), cancelledRegistrations: z.number() });
export type CancelEventResult = z.infer<typeof CancelEventResult>;

/** A Beijing calendar day, YYYY-MM-DD, in 2000–2099 (a copy's sessions move by whole days and must stay plannable). */
const BeijingDay = z
  .string()
  .regex(/^20\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/u, {
    message: '日期须为 2000–2099 年的 YYYY-MM-DD / a YYYY-MM-DD day of 2000–2099',
  })
  .refine(
    (d) => {
      // Runs even when the pattern failed (month 00): Date.parse then gives NaN, which must not throw (a 500 the fuzzing
      // found); a day that rolls over (02-30 → 03-02) is refused by the comparison.
      const ms = Date.parse(`${d}T00:00:00Z`);
      return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(d);
    },
    { message: '日期不存在 / no such day' },
  );

export const CopyEventBody = z.object({
  /** The Beijing day the copy's first session falls on; every session (and its sign-up window) moves by the same days. */
  firstDate: BeijingDay,
  title: z.string().trim().min(1).max(100).optional(),
});
export type CopyEventBody = z.infer<typeof CopyEventBody>;

export const UnitSignUps = z.object({
  orgId: z.number(),
  orgName: z.string(),
  confirmed: z.number(),
  waitlisted: z.number(),
  attended: z.number(),
});
export type UnitSignUps = z.infer<typeof UnitSignUps>;
/** The unit (its subtree) whose sign-ups to count, within the caller's reach. */
export const SignUpsByUnitQuery = z.object({ orgId: Id });
export const SignUpsByUnit = z.object({ items: z.array(UnitSignUps) });
export type SignUpsByUnit = z.infer<typeof SignUpsByUnit>;

export const RegistrationExportQuery = z.object({
  orgId: Id,
  sessionId: Id.optional(),
  status: z.enum(registrationStatuses).optional(),
});
export type RegistrationExportQuery = z.infer<typeof RegistrationExportQuery>;

defineAuditActions({
  'event.close': say('结束活动', 'Close event', '结束活动 {target} 并填写总结', 'Closed event {target} with a summary'),
  'event.cancel': say(
    '取消活动',
    'Cancel event',
    '取消活动 {target}（全部报名随之取消）',
    'Cancelled event {target} and its registrations',
  ),
  'event.copy': say('复制活动', 'Copy event', '复制活动为草稿 {target}', 'Copied an event into the draft {target}'),
  'event.open': say('发布活动', 'Publish event', '发布活动 {target}', 'Published event {target}'),
  'event.export': say('导出报名名单', 'Export registrations', '导出活动 {target} 的报名名单', 'Exported the registrations of {target}'),
  'event.registration.self': say('会员报名', 'Member sign-up', '会员报名活动 {target}', 'A member signed up for {target}'),
  'event.registration.self_cancel': say(
    '会员取消报名',
    'Member cancels',
    '会员取消活动 {target} 的报名',
    'A member cancelled a registration of {target}',
  ),
  'event.registration.accept': say(
    '会员确认递补',
    'Member accepts offer',
    '会员确认活动 {target} 的递补名额',
    'A member accepted an offered place of {target}',
  ),
});
