import { z } from 'zod';
import { defineAuditActions } from './audit.actions.js';
import { BodyId, queryCount } from './paging.js';

/**
 * Matchmaking for single workers (联谊, issue #14; seed 003 燕缘际会). An opt-in profile per event with field-by-field
 * visibility, sensitive fields only with their own consent, interests invisible until mutual, silent two-way blocks,
 * contact exchanged only after both confirm, online tasks earning points in the event's programme.
 */
export const MATCHMAKING_LIMITS = {
  retentionDays: 365,
  dailyInterestLimit: 100,
  browsePage: 50,
  rankingMax: 2000,
  reasonMin: 5,
  reasonMax: 500,
} as const;

export const educations = ['secondary', 'college', 'bachelor', 'master', 'doctorate'] as const;
export type Education = (typeof educations)[number];

/** The sensitive fields (PIPL Art. 28): stored only with an explicit consent row each, sealed at rest. */
export const consentFields = ['maritalHistory', 'incomeRange'] as const;
export type ConsentField = (typeof consentFields)[number];

export const maritalHistories = ['never', 'divorced', 'widowed'] as const;
export const incomeRanges = ['below5k', '5k-10k', '10k-20k', 'above20k'] as const;

/** The fields a person may show to the others of the event (the nickname is always shown). */
export const visibleFields = [
  'birthYear',
  'heightCm',
  'education',
  'hometown',
  'hobbies',
  'selfIntro',
  'photoUrl',
  'maritalHistory',
  'incomeRange',
] as const;
export type VisibleField = (typeof visibleFields)[number];

/**
 * The registrations that make a member a participant of an event's matchmaking: an entry waiting for the points
 * ranking takes part in the online tasks that rank it (the online part is open to everyone who signed up), and keeps
 * taking part whether the ranking gave a place or a waitlist spot; a cancelled, expired or no-show registration does not.
 */
export const participantStatuses = ['entered', 'waitlisted', 'offered', 'confirmed', 'attended'] as const;
export const isParticipant = (status: string): boolean => (participantStatuses as readonly string[]).includes(status);

export const matchTasks = ['checkin', 'question'] as const;
export type MatchTask = (typeof matchTasks)[number];
/** Units of the programme's per-activity points a task earns (a check-in 1, the day's question 2). */
export const TASK_UNITS: Record<MatchTask, number> = { checkin: 1, question: 2 };

/** A profile as others name it: `<region>-<id>`, never the member. */
export const ProfileRef = z.string().regex(/^[1-9][0-9]{0,15}-[1-9][0-9]{0,15}$/);

export const MatchSettingsBody = z.object({
  enabled: z.boolean(),
  retentionDays: z.number().int().min(0).max(MATCHMAKING_LIMITS.retentionDays),
  dailyInterestLimit: z.number().int().min(1).max(MATCHMAKING_LIMITS.dailyInterestLimit),
});
export type MatchSettingsBody = z.infer<typeof MatchSettingsBody>;
export const MatchSettings = MatchSettingsBody.extend({ eventId: z.number(), configured: z.boolean() });
export type MatchSettings = z.infer<typeof MatchSettings>;

const text = (max: number) => z.string().trim().max(max).nullable().optional();
export const ProfileFields = z.object({
  nickname: z.string().trim().min(1).max(30),
  birthYear: z.number().int().min(1940).max(2010).nullable().optional(),
  heightCm: z.number().int().min(120).max(230).nullable().optional(),
  education: z.enum(educations).nullable().optional(),
  hometown: text(50),
  hobbies: text(200),
  selfIntro: text(1000),
  photoUrl: z.string().url().startsWith('https://').max(500).nullable().optional(),
  maritalHistory: z.enum(maritalHistories).nullable().optional(),
  incomeRange: z.enum(incomeRanges).nullable().optional(),
});
export type ProfileFields = z.infer<typeof ProfileFields>;

export const ConsentGiven = z.object({ field: z.enum(consentFields), textVersion: z.string().trim().min(1).max(40) });

/** PUT my profile: the fields, which of them others see, and the consents to the sensitive fields given. */
export const ProfileBody = ProfileFields.extend({
  visible: z.array(z.enum(visibleFields)).max(visibleFields.length).default([]),
  consents: z.array(ConsentGiven).max(consentFields.length).default([]),
});
export type ProfileBody = z.input<typeof ProfileBody>;

export const MyProfile = ProfileFields.extend({
  profileRef: z.string(),
  eventId: z.number(),
  visible: z.array(z.enum(visibleFields)),
  consents: z.array(ConsentGiven.extend({ consentedAt: z.string() })),
});
export type MyProfile = z.infer<typeof MyProfile>;
/**
 * How long the event's matchmaking data is kept, as members are told: `retentionDays` after the end of the event's last
 * session (`lastSessionEndsAt`), then the hourly purge deletes it on `deleteOn` (a Beijing day; null without sessions).
 */
export const MatchRetention = z.object({
  retentionDays: z.number().int(),
  lastSessionEndsAt: z.string().nullable(),
  deleteOn: z.string().nullable(),
});
export type MatchRetention = z.infer<typeof MatchRetention>;
export const MyProfileAnswer = z.object({ profile: MyProfile.nullable(), retention: MatchRetention });
export type MyProfileAnswer = z.infer<typeof MyProfileAnswer>;
export const WithdrawResult = z.object({ withdrawn: z.boolean() });
export type WithdrawResult = z.infer<typeof WithdrawResult>;

/** Another person's profile as a member sees it: only what they made visible; `interested`: my own interest. */
export const SeenProfile = ProfileFields.partial().extend({
  profileRef: z.string(),
  nickname: z.string(),
  interested: z.boolean(),
});
export type SeenProfile = z.infer<typeof SeenProfile>;

export const BrowseQuery = z.object({ after: ProfileRef.optional(), limit: queryCount(1, MATCHMAKING_LIMITS.browsePage).optional() });
export const BrowseList = z.object({ items: z.array(SeenProfile), next: z.string().nullable() });
export type BrowseList = z.infer<typeof BrowseList>;

export const ProfileRefBody = z.object({ profileRef: ProfileRef });
export type ProfileRefBody = z.infer<typeof ProfileRefBody>;

/** The answer to an interest: the same shape whoever the target is (a block is never told). */
export const InterestResult = z.object({
  profileRef: z.string(),
  interested: z.boolean(),
  mutual: z.boolean(),
  remainingToday: z.number().int(),
});
export type InterestResult = z.infer<typeof InterestResult>;
export const Done = z.object({ profileRef: z.string(), done: z.literal(true) });
export type Done = z.infer<typeof Done>;

/** A profile I blocked, as my list of blocks shows it (to lift the block): its ref and nickname, nothing else. */
export const BlockedProfile = z.object({ profileRef: z.string(), nickname: z.string() });
export type BlockedProfile = z.infer<typeof BlockedProfile>;
export const BlockList = z.object({ items: z.array(BlockedProfile) });
export type BlockList = z.infer<typeof BlockList>;

export const Contact = z.object({ name: z.string(), phone: z.string() });
export const Match = SeenProfile.omit({ interested: true }).extend({ confirmedByMe: z.boolean(), contact: Contact.nullable() });
export type Match = z.infer<typeof Match>;
export const MatchList = z.object({ items: z.array(Match) });
export type MatchList = z.infer<typeof MatchList>;

/** An online task: the daily check-in, or the day's question answered (the answer is not kept). */
export const TaskBody = z.discriminatedUnion('task', [
  z.object({ task: z.literal('checkin') }),
  z.object({ task: z.literal('question'), answer: z.string().trim().min(1).max(500) }),
]);
export type TaskBody = z.infer<typeof TaskBody>;
export const TaskResult = z.object({ task: z.enum(matchTasks), day: z.string(), points: z.number().int(), replayed: z.boolean() });
export type TaskResult = z.infer<typeof TaskResult>;

/** Counts without identities: no per-person interest data anywhere. */
export const MatchStats = z.object({
  eventId: z.number(),
  participants: z.number().int(),
  profiles: z.number().int(),
  mutualMatches: z.number().int(),
  withdrawals: z.number().int(),
});
export type MatchStats = z.infer<typeof MatchStats>;

/** How many of the ranking the offline session takes (积分排行 selects the first `places`). */
export const RankingQuery = z.object({ places: queryCount(0, MATCHMAKING_LIMITS.rankingMax).optional() });
export const RankedParticipant = z.object({
  rank: z.number().int(),
  registrationId: z.number(),
  maskedName: z.string(),
  orgName: z.string(),
  earned: z.number().int(),
  selected: z.boolean(),
});
export const MatchRanking = z.object({ eventId: z.number(), places: z.number().int(), items: z.array(RankedParticipant) });
export type MatchRanking = z.infer<typeof MatchRanking>;

/** Staff look at one profile only with a written reason, which the audit log keeps. */
export const StaffViewBody = z.object({
  registrationId: BodyId,
  reason: z.string().trim().min(MATCHMAKING_LIMITS.reasonMin).max(MATCHMAKING_LIMITS.reasonMax),
});
export type StaffViewBody = z.infer<typeof StaffViewBody>;
export const StaffProfile = ProfileFields.extend({ eventId: z.number(), visible: z.array(z.enum(visibleFields)) });
export type StaffProfile = z.infer<typeof StaffProfile>;

defineAuditActions({
  'matchmaking.settings': {
    label: { 'zh-CN': '联谊设置', en: 'Matchmaking settings' },
    sentence: { 'zh-CN': '修改活动 {target} 的联谊设置', en: 'Changed the matchmaking settings of {target}' },
  },
  'matchmaking.profile.save': {
    label: { 'zh-CN': '保存联谊资料', en: 'Matchmaking profile saved' },
    sentence: { 'zh-CN': '会员保存了活动 {target} 的联谊资料', en: 'A member saved their matchmaking profile for {target}' },
  },
  'matchmaking.profile.withdraw': {
    label: { 'zh-CN': '退出联谊', en: 'Matchmaking withdrawal' },
    sentence: {
      'zh-CN': '会员退出了活动 {target} 的联谊并删除资料',
      en: 'A member withdrew from matchmaking of {target}, deleting their profile',
    },
  },
  'matchmaking.task': {
    label: { 'zh-CN': '联谊互动任务', en: 'Matchmaking task' },
    sentence: { 'zh-CN': '会员完成活动 {target} 的互动任务', en: 'A member did an online task of {target}' },
  },
  'matchmaking.profile.staff_view': {
    label: { 'zh-CN': '查看联谊资料', en: 'Matchmaking profile viewed' },
    sentence: { 'zh-CN': '工作人员查看活动 {target} 的一份联谊资料', en: 'Staff viewed one matchmaking profile of {target}' },
  },
});
