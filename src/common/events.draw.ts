import { z } from 'zod';
import { defineAuditActions } from './audit.actions.js';

/**
 * The published exports of fair selection (issue #13): a lottery (抽签) and an allocation across sessions by
 * preference. Each export holds everything a stranger needs to recompute it — `npm run cli -- verify-draw <file>`
 * does so from the file alone (src/server/modules/events/draw.ts).
 */
export const DRAW_FORMAT = 'gonghui.draw/1';
export const ALLOCATION_FORMAT = 'gonghui.allocation/1';

export const DRAW_LIMITS = {
  entries: 200_000,
  places: 200_000,
  sessions: 1_000,
  choices: 50,
  text: 200,
  seed: 500,
} as const;

/**
 * How the frozen hash and the keys are computed, written into every export for the reader (not checked).
 * `draw.keys.ts` and `draw.ts` implement exactly this text.
 */
export const DRAW_METHOD =
  'frozenHash = hex(SHA-256(UTF-8 text)), the text being one line per item, each ending "\\n", fields separated by a tab: ' +
  '"gonghui.draw/1", "title\\t<title>", "seedSource\\t<seedSource>", "frozenAt\\t<frozenAt>", "places\\t<places>", ' +
  'then "quota\\t<stratum>\\t<quota>" per quota sorted by stratum, then "entry\\t<entryId>\\t<stratum or empty>\\t<maskedName>" ' +
  'per entry sorted by entryId (both sorts by UTF-8 bytes). key(entry) = hex(HMAC-SHA256(key = UTF-8(seed), ' +
  "message = UTF-8(frozenHash + entryId))); seedCheck = the same HMAC of frozenHash alone. Each quota is filled first by its stratum's lowest keys (strata in sorted order), " +
  'then the remaining places by the lowest keys of everyone left; the rest form the waitlist in key order ' +
  '(keys compared as lowercase hex; ties by entryId).';

export const ALLOCATION_METHOD =
  'frozenHash = hex(SHA-256(UTF-8 text)), one line per item, each ending "\\n", fields separated by a tab: ' +
  '"gonghui.allocation/1", "title\\t<title>", "seedSource\\t<seedSource>", "frozenAt\\t<frozenAt>", ' +
  'then "session\\t<sessionId>\\t<capacity>" per session sorted by sessionId, then ' +
  '"entry\\t<entryId>\\t<sessionIds of its choices, best first, joined by ",">\\t<maskedName>" per entry sorted by entryId. ' +
  'key(entry) = hex(HMAC-SHA256(key = UTF-8(seed), message = UTF-8(frozenHash + entryId))); seedCheck = the same HMAC of ' +
  'frozenHash alone. In ascending key order each ' +
  'person gets the best-ranked of their choices that still has room, else nothing and joins the waitlist of their first ' +
  'choice (in key order).';

/** Text of one line of the frozen form: no control characters (no tab, no line break), at most DRAW_LIMITS.text. */
const LineText = z
  .string()
  .min(1)
  .max(DRAW_LIMITS.text)
  .regex(/^[^\p{Cc}]+$/u, 'no control characters (tab, line break)');

/** An opaque id of an entry or a session: never personal data (a registration id, not an ID number). */
export const OpaqueId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, "_" or "-", at most 64');

/** Time of freezing as `Date.prototype.toISOString()` writes it (UTC, milliseconds). */
export const FrozenAt = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'YYYY-MM-DDTHH:mm:ss.sssZ');

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/, '64 lowercase hex digits');
const Seed = z.string().min(1).max(DRAW_LIMITS.seed);

export const DrawEntry = z.object({
  entryId: OpaqueId,
  /** For display only (张*明); committed to by the hash so a name cannot be swapped after freezing. */
  maskedName: LineText,
  /** The unit or quota group (分层); null when the draw has no strata or the entry belongs to none. */
  stratum: LineText.nullable(),
});
export type DrawEntry = z.infer<typeof DrawEntry>;

export const DrawQuota = z.object({ stratum: LineText, quota: z.number().int().min(1).max(DRAW_LIMITS.places) });
export type DrawQuota = z.infer<typeof DrawQuota>;

/** What is fixed, hashed and published when the sign-up window closes — before anyone knows the seed. */
export const DrawFreeze = z.object({
  title: LineText,
  /** The public source of the seed, named before the draw: '中国福利彩票双色球 2026-12-01 开奖号码（红球升序，空格分隔，+ 蓝球）'. */
  seedSource: LineText,
  frozenAt: FrozenAt,
  places: z.number().int().min(0).max(DRAW_LIMITS.places),
  quotas: z.array(DrawQuota).max(DRAW_LIMITS.entries),
  entries: z.array(DrawEntry).max(DRAW_LIMITS.entries),
});
export type DrawFreeze = z.infer<typeof DrawFreeze>;

export const DrawWinner = z.object({ entryId: OpaqueId, key: Hex64, basis: z.enum(['quota', 'open']) });
export type DrawWinner = z.infer<typeof DrawWinner>;
export const DrawWaiting = z.object({ entryId: OpaqueId, key: Hex64 });
export type DrawWaiting = z.infer<typeof DrawWaiting>;

/** The published draw: the frozen data in canonical order, its hash, the seed, and the result with every key. */
export const DrawExport = DrawFreeze.extend({
  format: z.literal(DRAW_FORMAT),
  method: z.string(),
  frozenHash: Hex64,
  seed: Seed,
  result: z.object({
    /** hex(HMAC-SHA256(key = UTF-8(seed), message = UTF-8(frozenHash))): binds the seed even to a draw without entries. */
    seedCheck: Hex64,
    /** Quota winners first (strata in sorted order, each in key order), then the open places in key order. */
    winners: z.array(DrawWinner),
    /** Everyone else in key order: the order of promotion when a place frees. */
    waitlist: z.array(DrawWaiting),
  }),
});
export type DrawExport = z.infer<typeof DrawExport>;

export const AllocationSession = z.object({ sessionId: OpaqueId, capacity: z.number().int().min(0).max(DRAW_LIMITS.places) });
export type AllocationSession = z.infer<typeof AllocationSession>;

export const AllocationEntry = z.object({
  entryId: OpaqueId,
  maskedName: LineText,
  /** Session ids the person can take, best first; distinct, at least one. */
  choices: z.array(OpaqueId).min(1).max(DRAW_LIMITS.choices),
});
export type AllocationEntry = z.infer<typeof AllocationEntry>;

export const AllocationFreeze = z.object({
  title: LineText,
  seedSource: LineText,
  frozenAt: FrozenAt,
  sessions: z.array(AllocationSession).min(1).max(DRAW_LIMITS.sessions),
  entries: z.array(AllocationEntry).max(DRAW_LIMITS.entries),
});
export type AllocationFreeze = z.infer<typeof AllocationFreeze>;

export const AllocationTurn = z.object({
  entryId: OpaqueId,
  key: Hex64,
  /** The session given, or null (every choice was full when this person's turn came). */
  sessionId: OpaqueId.nullable(),
});
export type AllocationTurn = z.infer<typeof AllocationTurn>;

export const AllocationExport = AllocationFreeze.extend({
  format: z.literal(ALLOCATION_FORMAT),
  method: z.string(),
  frozenHash: Hex64,
  seed: Seed,
  result: z.object({
    /** hex(HMAC-SHA256(key = UTF-8(seed), message = UTF-8(frozenHash))). */
    seedCheck: Hex64,
    /** Everyone in ascending key order: the order of turns. */
    turns: z.array(AllocationTurn),
    /** Per session (sorted by id), the people left without a place whose first choice it is, in key order. */
    waitlists: z.array(z.object({ sessionId: OpaqueId, entryIds: z.array(OpaqueId) })),
  }),
});
export type AllocationExport = z.infer<typeof AllocationExport>;

/* ---- The draw wired to the database (console routes and public page, events.draw.routes.ts) ---- */

/** The export of a points ranking (积分排行): the frozen draw, the earned points read at the run, the declared rule. */
export const RANKING_FORMAT = 'gonghui.ranking/1';
export const RANKING_RULE =
  'Entries ordered by points earned in [earnedFrom, earnedTo) descending, then earlier sign-up, then the draw key ' +
  '(HMAC-SHA256 of the seed, as in the lottery); quotas filled first by that order, then the open places; the rest wait in that order.';

const Id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const BodyId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const DrawParams = z.object({ id: Id, drawId: Id });

/** Declared before freezing: the public seed source, quotas per unit and session, a ranking's points window. */
export const DrawPlanBody = z.object({
  seedSource: LineText,
  quotas: z
    .array(z.object({ sessionId: BodyId, orgId: BodyId, quota: z.number().int().min(1).max(DRAW_LIMITS.places) }))
    .max(1000)
    .default([]),
  /** Points ranking only: the programme and the Beijing days (both included) whose earned points count. */
  ranking: z.object({ programmeId: BodyId, from: Day, to: Day }).optional(),
});
export type DrawPlanBody = z.infer<typeof DrawPlanBody>;

export const DrawSeedBody = z.object({ seed: z.string().trim().min(1).max(DRAW_LIMITS.seed) });
export type DrawSeedBody = z.infer<typeof DrawSeedBody>;

/** A member's ranked sessions of a preferences event (best first). */
export const PreferencesBody = z.object({
  eventId: BodyId,
  sessionIds: z.array(BodyId).min(1).max(DRAW_LIMITS.choices),
  key: z
    .string()
    .trim()
    .min(1)
    .max(120)
    .regex(/^[\x21-\x7e]+$/u),
});
export type PreferencesBody = z.infer<typeof PreferencesBody>;

export const drawModes = ['lottery', 'points_ranking', 'preferences'] as const;
export type DrawMode = (typeof drawModes)[number];

export const DrawSummary = z.object({
  id: z.number(),
  /** The session drawn; null for preferences (one allocation across the event's sessions). */
  sessionId: z.number().nullable(),
  mode: z.enum(drawModes),
  entries: z.number(),
  frozenHash: z.string(),
  frozenAt: z.string(),
  seed: z.string().nullable(),
  resultHash: z.string().nullable(),
  drawnAt: z.string().nullable(),
  /** After the draw: how many were given a place, how many wait. */
  confirmed: z.number().nullable(),
  waitlisted: z.number().nullable(),
});
export type DrawSummary = z.infer<typeof DrawSummary>;

/** The console's view of an event's draws (cadre, scoped). */
export const EventDraws = z.object({
  eventId: z.number(),
  plan: z
    .object({
      seedSource: z.string(),
      quotas: z.array(z.object({ sessionId: z.number(), orgId: z.number(), quota: z.number() })),
      ranking: z.object({ programmeId: z.number(), from: z.string(), to: z.string() }).nullable(),
      declaredAt: z.string(),
    })
    .nullable(),
  draws: z.array(DrawSummary),
});
export type EventDraws = z.infer<typeof EventDraws>;

/** One line of the public result page: a masked name, never more. */
export const PublicDrawRow = z.object({
  entryId: z.string(),
  maskedName: z.string(),
  stratum: z.string().nullable(),
  key: z.string(),
  outcome: z.enum(['won', 'waiting']),
  position: z.number(),
  /** The session given (preferences), else null. */
  sessionId: z.string().nullable(),
  /** Points earned in the window (ranking), else null. */
  earned: z.number().nullable(),
});
export type PublicDrawRow = z.infer<typeof PublicDrawRow>;

/** The public result page of an event's draws: seed source, frozen hash, seed and every row; frozen draws without result too. */
export const PublicEventDraws = z.object({
  eventId: z.number(),
  title: z.string(),
  /** The event's sessions, when and where, so each draw's results read beside their session. */
  sessions: z.array(z.object({ id: z.number(), startsAt: z.string(), endsAt: z.string(), place: z.string() })),
  draws: z.array(
    z.object({
      id: z.number(),
      sessionId: z.number().nullable(),
      mode: z.enum(drawModes),
      seedSource: z.string(),
      frozenHash: z.string(),
      frozenAt: z.string(),
      entries: z.number(),
      seed: z.string().nullable(),
      resultHash: z.string().nullable(),
      rows: z.array(PublicDrawRow),
    }),
  ),
});
export type PublicEventDraws = z.infer<typeof PublicEventDraws>;

export const RankingExport = DrawFreeze.extend({
  format: z.literal(RANKING_FORMAT),
  rule: z.string(),
  frozenHash: Hex64,
  seed: Seed,
  earnedFrom: z.string(),
  earnedTo: z.string(),
  result: z.object({
    ranked: z.array(z.object({ entryId: OpaqueId, key: Hex64, earned: z.number(), signedUpAt: z.string() })),
    winners: z.array(DrawWinner),
    waitlist: z.array(DrawWaiting),
  }),
});
export type RankingExport = z.infer<typeof RankingExport>;

/** Any published export of an event's draw. */
export const AnyDrawExport = z.union([DrawExport, AllocationExport, RankingExport]);
export type AnyDrawExport = z.infer<typeof AnyDrawExport>;

const say = (zh: string, en: string, zhS: string, enS: string) => ({
  label: { 'zh-CN': zh, en },
  sentence: { 'zh-CN': zhS, en: enS },
});
defineAuditActions({
  'event.draw.plan': say(
    '公布抽签规则',
    'Declare draw plan',
    '公布活动 {target} 的种子来源与名额分配',
    'Declared the draw plan of {target}',
  ),
  'event.draw.freeze': say('冻结报名名单', 'Freeze entries', '冻结活动 {target} 的报名名单', 'Froze the entries of {target}'),
  'event.draw.seed': say(
    '录入种子并抽签',
    'Enter seed and draw',
    '录入活动 {target} 的种子并完成抽签',
    'Entered the seed and drew {target}',
  ),
});
