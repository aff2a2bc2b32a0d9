import { z } from 'zod';
import { BodyId, Id, PageQuery, queryCount } from './paging.js';
import { CalendarDate } from './inputs.js';
import { EarnRules, MAX_TRANSFER_POINTS, TransferKey, expiryRules, programmeStatuses, transferKinds, transferOps } from './points.js';
import { defineAuditActions } from './audit.actions.js';

/** Limits of programmes and awards (积分项目、积分奖励). */
export const PROGRAMME_LIMITS = {
  nameMax: 100,
  descriptionMax: 2000,
  reasonMax: 500,
  /** Rows of one bulk award (a list or an uploaded file). */
  bulkRows: 10_000,
  /** Rows awarded per transaction of a bulk award. */
  bulkBatchRows: 500,
  /** Hours a cadre verifies in one award of volunteer service. */
  maxHours: 24,
  rankingMax: 200,
} as const;

/** The earning activities a cadre awards from the console (events and trainings award through the events module). */
export const consoleAwardSources = ['manual', 'volunteer_hours'] as const;
export type ConsoleAwardSource = (typeof consoleAwardSources)[number];

/** The windows of the caps per member, in Beijing time. */
export const capWindows = ['day', 'month', 'year'] as const;
export type CapWindow = (typeof capWindows)[number];

const ProgrammeFields = z.object({
  name: z.string().trim().min(1).max(PROGRAMME_LIMITS.nameMax),
  description: z.string().trim().max(PROGRAMME_LIMITS.descriptionMax).default(''),
  earnRules: EarnRules,
  capDay: z.number().int().positive().max(MAX_TRANSFER_POINTS).nullable().default(null),
  capMonth: z.number().int().positive().max(MAX_TRANSFER_POINTS).nullable().default(null),
  capYear: z.number().int().positive().max(MAX_TRANSFER_POINTS).nullable().default(null),
  expiryRule: z.enum(expiryRules),
  expiryMonths: z.number().int().min(1).max(120).nullable().default(null),
});

const expiryMonthsMatch = (p: { expiryRule: string; expiryMonths: number | null }) =>
  (p.expiryRule === 'months') === (p.expiryMonths !== null);
const expiryMessage = {
  message: '按月失效须填写月数（1–120），其他规则不填 / months expiry needs 1–120 months, other rules none',
  path: ['expiryMonths'],
};

export const CreateProgrammeBody = ProgrammeFields.extend({ orgId: BodyId }).refine(expiryMonthsMatch, expiryMessage);
export type CreateProgrammeBody = z.infer<typeof CreateProgrammeBody>;

export const UpdateProgrammeBody = ProgrammeFields.extend({ status: z.enum(programmeStatuses) }).refine(expiryMonthsMatch, expiryMessage);
export type UpdateProgrammeBody = z.infer<typeof UpdateProgrammeBody>;

export const Programme = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  name: z.string(),
  description: z.string(),
  earnRules: EarnRules,
  capDay: z.number().nullable(),
  capMonth: z.number().nullable(),
  capYear: z.number().nullable(),
  expiryRule: z.enum(expiryRules),
  expiryMonths: z.number().nullable(),
  status: z.enum(programmeStatuses),
  createdAt: z.string(),
});
export type Programme = z.infer<typeof Programme>;

export const ProgrammeListQuery = PageQuery.extend({ orgId: Id, status: z.enum(programmeStatuses).optional() });
export type ProgrammeListQuery = z.infer<typeof ProgrammeListQuery>;

/**
 * The cadre's figures (per programme, or over a subtree's programmes). Issued = awards − award reversals; spent =
 * spends − refunds (points at merchants, settled or not); outstanding liability = the members' balances, holds
 * included. Issued − spent − expired + owed = liability, where `owed` is what claw-backs booked against members.
 */
export const ProgrammeFigures = z.object({
  funded: z.number(),
  issued: z.number(),
  spent: z.number(),
  expired: z.number(),
  liability: z.number(),
  /** Points reversed after they were spent: owed back by members (the claw-back account). */
  owed: z.number(),
  budgetLeft: z.number(),
  membersHolding: z.number(),
  programmes: z.number(),
});
export type ProgrammeFigures = z.infer<typeof ProgrammeFigures>;

export const ProgrammeDetail = Programme.extend({ figures: ProgrammeFigures, canWrite: z.boolean() });
export type ProgrammeDetail = z.infer<typeof ProgrammeDetail>;

export const FiguresQuery = z.object({ orgId: Id });

export const FundBody = z.object({
  key: TransferKey,
  amount: z.number().int().positive().max(MAX_TRANSFER_POINTS),
  reason: z.string().trim().max(PROGRAMME_LIMITS.reasonMax).optional(),
});
export type FundBody = z.infer<typeof FundBody>;

/** One award from the console: a manual award with its reason, or volunteer hours a cadre verified (hours × rule). */
export const AwardBody = z.discriminatedUnion('source', [
  z.object({
    source: z.literal('manual'),
    key: TransferKey,
    memberId: BodyId,
    points: z.number().int().positive().max(MAX_TRANSFER_POINTS),
    reason: z.string().trim().min(1).max(PROGRAMME_LIMITS.reasonMax),
  }),
  z.object({
    source: z.literal('volunteer_hours'),
    key: TransferKey,
    memberId: BodyId,
    hours: z.number().int().positive().max(PROGRAMME_LIMITS.maxHours),
    /** What the service was (the activity's reference). */
    reason: z.string().trim().min(1).max(PROGRAMME_LIMITS.reasonMax),
  }),
]);
export type AwardBody = z.infer<typeof AwardBody>;

export const PointsTransfer = z.object({
  id: z.number(),
  key: z.string(),
  kind: z.enum(transferKinds),
  op: z.enum(transferOps),
  amount: z.number(),
  memberId: z.number().nullable(),
  memberName: z.string().nullable(),
  merchantId: z.number().nullable(),
  source: z.string().nullable(),
  sourceRef: z.string().nullable(),
  reason: z.string().nullable(),
  reversalOf: z.number().nullable(),
  /** An award or spend already reversed (by the transfer of this id). */
  reversedBy: z.number().nullable(),
  createdAt: z.string(),
});
export type PointsTransfer = z.infer<typeof PointsTransfer>;

export const AwardResult = z.object({
  transfer: PointsTransfer,
  /** The key had been used with the same fields: this is the first result, nothing new was booked. */
  replayed: z.boolean(),
  expiresAt: z.string().nullable(),
});
export type AwardResult = z.infer<typeof AwardResult>;

/** A bulk award from a list of member ids: row i gets the key `award:<batchKey>:<i>`. */
export const BulkAwardBody = z.object({
  batchKey: z
    .string()
    .trim()
    .min(1)
    .max(80)
    .regex(/^[\x21-\x7e]+$/u),
  rows: z
    .array(
      z.object({
        memberId: BodyId,
        points: z.number().int().positive().max(MAX_TRANSFER_POINTS),
        reason: z.string().trim().min(1).max(PROGRAMME_LIMITS.reasonMax),
      }),
    )
    .min(1)
    .max(PROGRAMME_LIMITS.bulkRows),
});
export type BulkAwardBody = z.infer<typeof BulkAwardBody>;

export const BulkFileQuery = z.object({ batchKey: BulkAwardBody.shape.batchKey });

export const bulkOutcomes = ['awarded', 'replayed', 'refused'] as const;
export type BulkOutcome = (typeof bulkOutcomes)[number];

export const BulkAwardRow = z.object({
  /** 1-based row of the list (of the file: its data row, the header not counted). */
  row: z.number(),
  outcome: z.enum(bulkOutcomes),
  memberId: z.number().nullable(),
  /** The member's name as the file named it, masked in the answer. */
  name: z.string().nullable(),
  points: z.number().nullable(),
  transferId: z.number().nullable(),
  /** Why a row was refused (the message in the caller's language). */
  reason: z.string().nullable(),
  code: z.string().nullable(),
});
export type BulkAwardRow = z.infer<typeof BulkAwardRow>;

export const BulkAwardResult = z.object({
  batchKey: z.string(),
  awarded: z.number(),
  replayed: z.number(),
  refused: z.number(),
  points: z.number(),
  rows: z.array(BulkAwardRow),
});
export type BulkAwardResult = z.infer<typeof BulkAwardResult>;

export const awardJobStatuses = ['queued', 'running', 'done', 'failed'] as const;
export type AwardJobStatus = (typeof awardJobStatuses)[number];

/** A bulk award running in the background: POST answers it, GET shows its progress. */
export const BulkAwardJob = z.object({
  id: z.number(),
  programmeId: z.number(),
  batchKey: z.string(),
  source: z.enum(['list', 'file']),
  status: z.enum(awardJobStatuses),
  totalRows: z.number(),
  rowsDone: z.number(),
  awarded: z.number(),
  replayed: z.number(),
  refused: z.number(),
  points: z.number(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type BulkAwardJob = z.infer<typeof BulkAwardJob>;

export const AwardJobParams = z.object({ id: Id, jobId: Id });
export const AwardJobRowsQuery = z.object({
  /** Rows after this row number (paging). */
  after: z.coerce.number().int().min(0).default(0),
  limit: queryCount(1, 500).default(100),
  outcome: z.enum(bulkOutcomes).optional(),
});
export type AwardJobRowsQuery = z.infer<typeof AwardJobRowsQuery>;
export const AwardJobRows = z.object({ items: z.array(BulkAwardRow), next: z.number().nullable() });
export type AwardJobRows = z.infer<typeof AwardJobRows>;

export const reversalModes = ['refuse', 'clawback'] as const;
export type ReversalMode = (typeof reversalModes)[number];

export const ReversalBody = z.object({
  transferId: BodyId,
  mode: z.enum(reversalModes),
  reason: z.string().trim().min(1).max(PROGRAMME_LIMITS.reasonMax),
});
export type ReversalBody = z.infer<typeof ReversalBody>;

export const ReversalResult = z.object({
  /** reversed: the whole award was taken back; clawedBack: what was left taken back, the rest booked as owed. */
  outcome: z.enum(['reversed', 'clawedBack']),
  reversal: PointsTransfer,
  clawback: PointsTransfer.nullable(),
  /** Points of the award already spent or expired when it was reversed. */
  alreadySpent: z.number(),
  replayed: z.boolean(),
});
export type ReversalResult = z.infer<typeof ReversalResult>;

export const TransferListQuery = PageQuery.extend({
  kind: z.enum(transferKinds).optional(),
  memberId: Id.optional(),
  from: CalendarDate.optional(),
  to: CalendarDate.optional(),
});
export type TransferListQuery = z.infer<typeof TransferListQuery>;

export const RankingQuery = z.object({
  from: CalendarDate,
  to: CalendarDate,
  limit: queryCount(1, PROGRAMME_LIMITS.rankingMax).default(20),
});
export type RankingQuery = z.infer<typeof RankingQuery>;

export const RankingRow = z.object({ rank: z.number(), memberId: z.number(), name: z.string(), orgName: z.string(), earned: z.number() });
export type RankingRow = z.infer<typeof RankingRow>;

const plain = (value: unknown) => (value === null || value === undefined ? '' : String(value));
const say = (zh: string, en: string, zhSentence: string, enSentence: string, params?: Record<string, (v: unknown) => string>) => ({
  label: { 'zh-CN': zh, en },
  sentence: { 'zh-CN': zhSentence, en: enSentence },
  ...(params ? { params } : {}),
});

defineAuditActions({
  'points.programme.create': say('新建积分项目', 'Create points programme', '新建积分项目 {target}', 'Created points programme {target}'),
  'points.programme.update': say('修改积分项目', 'Edit points programme', '修改积分项目 {target}', 'Edited points programme {target}'),
  'points.programme.fund': say(
    '积分预算入账',
    'Fund points budget',
    '积分项目 {target} 预算入账 {amount} 分',
    'Funded {amount} points to {target}',
    {
      amount: plain,
    },
  ),
  'points.award': say('奖励积分', 'Award points', '积分项目 {target} 奖励 {amount} 分', 'Awarded {amount} points in {target}', {
    amount: plain,
  }),
  'points.award.bulk': say(
    '批量奖励积分',
    'Bulk award points',
    '积分项目 {target} 批量奖励 {awarded} 笔',
    'Bulk award of {awarded} in {target}',
    {
      awarded: plain,
    },
  ),
  'points.award.job': say(
    '批量奖励任务',
    'Bulk award job',
    '积分项目 {target} 批量奖励 {rows} 行',
    'Bulk award of {rows} rows in {target}',
    {
      rows: plain,
    },
  ),
  'points.award.job.retry': say(
    '重试批量奖励任务',
    'Retry bulk award job',
    '积分项目 {target} 重试批量奖励任务，从第 {from} 行起',
    'Retried a bulk award in {target} from row {from}',
    { from: plain },
  ),
  'points.reverse': say(
    '冲正积分奖励',
    'Reverse points award',
    '积分项目 {target} 冲正第 {transferId} 笔',
    'Reversed transfer {transferId} in {target}',
    {
      transferId: plain,
    },
  ),
});

const beijingParts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
const pad = (n: number) => String(n).padStart(2, '0');
/** The instant of 00:00 in Beijing of a calendar day (China keeps no summer time). */
const beijingMidnight = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d) - 8 * 3600 * 1000);

function beijingDate(at: Date): { y: number; m: number; d: number } {
  const [y, m, d] = beijingParts.format(at).split('-').map(Number) as [number, number, number];
  return { y, m, d };
}

/**
 * When points awarded at `at` expire: 'end_of_next_year' at 24:00 on 31 December of the next year in Beijing (an
 * award on 2026-07-01 expires at 2027-12-31T16:00:00Z); 'months' at the end of the Beijing day `months` later (the
 * last day of a shorter month when the day is missing); 'never': null.
 */
export function awardExpiresAt(rule: ExpiryRuleName, months: number | null, at: Date): string | null {
  const { y, m, d } = beijingDate(at);
  if (rule === 'never') return null;
  if (rule === 'end_of_next_year') return beijingMidnight(y + 2, 1, 1).toISOString();
  const total = m - 1 + (months ?? 0);
  const ty = y + Math.floor(total / 12);
  const tm = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  return beijingMidnight(ty, tm, Math.min(d, lastDay) + 1).toISOString();
}
type ExpiryRuleName = (typeof expiryRules)[number];

/** The start (inclusive) of the Beijing day, month and year holding `at`: the windows of the caps. */
export function capWindowStarts(at: Date): Record<CapWindow, Date> {
  const { y, m, d } = beijingDate(at);
  return { day: beijingMidnight(y, m, d), month: beijingMidnight(y, m, 1), year: beijingMidnight(y, 1, 1) };
}

/** A Beijing calendar day's first instant (`from`) and the next day's (`to` inclusive of its day). */
export function beijingDayStart(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return beijingMidnight(y, m, d);
}
export const beijingDayLabel = (at: Date): string => {
  const { y, m, d } = beijingDate(at);
  return `${y}-${pad(m)}-${pad(d)}`;
};
