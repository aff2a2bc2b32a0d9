import { z } from 'zod';
import { BodyId, Id, PageQuery } from './paging.js';
import { defineAuditActions } from './audit.actions.js';

export const contestStatuses = ['draft', 'open', 'judging', 'scored', 'notice', 'final'] as const; // 草稿/报名/评审/已计分/公示/最终
export type ContestStatus = (typeof contestStatuses)[number];
export const normalisations = ['none', 'robust-z'] as const;
export const tierKinds = ['ladder', 'criterion', 'unit'] as const;
export const unitRules = ['best-entry-rank', 'award-rate'] as const;
export const sheetStatuses = ['draft', 'submitted'] as const;
export const appealStatuses = ['open', 'answered'] as const;

export const CONTEST_LIMITS = { criteria: 20, tiers: 20, performers: 500, attachments: 20, entries: 2000, judges: 200 } as const;

/** The rules in plain words, for the results page ("which rule ran") and the contest's published rules. */
export const contestRuleTexts = {
  aggregation: {
    'zh-CN':
      '每位评委对作品的总分 = 各评分项得分 × 权重之和；评委不少于 5 人时去掉一个最高分和一个最低分后取平均，少于 5 人时取全部评委总分的平均。',
    en: "Each judge's total for an entry is the sum of score × weight over the criteria; with 5 or more judges the highest and the lowest total are dropped and the rest averaged, with fewer all totals are averaged.",
  },
  normalisation: {
    'zh-CN': '可选的评委标准化（中位数/绝对中位差）只在分配平衡时进行：每位评委评了全部作品，或事先声明的平衡设计。',
    en: 'Optional per-judge normalisation (median/MAD) runs only when the assignment is balanced: every judge scored every entry, or a balanced design declared in advance.',
  },
  missing: {
    'zh-CN': '缺少任何一份评分时不计算结果，缺失的分数不按零分处理。',
    en: 'A missing score blocks the result; it is never counted as zero.',
  },
  ties: {
    'zh-CN': '获奖线上同分时，依次比较事先声明的评分项平均分；仍并列的由评委会主任记录裁定；名额不会被悄悄增加，名额不足时注明空缺。',
    en: 'Equal scores at a prize boundary are broken by the declared criteria in order; entries still equal are ordered by the recorded decision of the chief judge; quotas are never expanded, and a tier short of entries states its shortfall.',
  },
  conflicts: {
    'zh-CN': '评委不评本单位、上级单位或下级单位的作品，也不评已申报回避的作品；此规则由数据库强制执行。分配时各评委的评审量尽量均衡。',
    en: 'A judge never scores an entry of their own unit, a unit above or below it, or one they declared a conflict with; the database enforces it. Assignment balances the judges’ loads.',
  },
  notice: {
    'zh-CN': '结果冻结并记录哈希值后公示；公示期内参赛单位可书面申诉，由主办单位答复；公示期满且申诉均已答复后结果才能确定为最终结果。',
    en: 'The result is frozen with a hash and put on notice; during the notice the entry’s unit may appeal in writing and the organiser answers; the result becomes final only after the notice and once every appeal is answered.',
  },
} as const;

export const CriterionInput = z.object({
  name: z.string().trim().min(1).max(100),
  weight: z.number().positive().max(1000),
  maxScore: z.number().positive().max(10000),
  decimals: z.number().int().min(0).max(2).default(2),
  /** Place in the declared tie-break chain (1 first); absent: not in the chain. */
  tieBreakRank: z.number().int().min(1).max(20).optional(),
});
export type CriterionInput = z.infer<typeof CriterionInput>;

export const TierInput = z.object({
  kind: z.enum(tierKinds),
  name: z.string().trim().min(1).max(100),
  quota: z.number().int().min(0).max(10000),
  /** For a 'criterion' prize: the position (0-based) of its criterion in `criteria`. */
  criterionIndex: z.number().int().min(0).max(CONTEST_LIMITS.criteria).optional(),
  unitRule: z.enum(unitRules).optional(),
});
export type TierInput = z.infer<typeof TierInput>;

const RulesFields = {
  name: z.string().trim().min(1).max(200),
  normalisation: z.enum(normalisations).default('none'),
  panelSize: z.number().int().min(1).max(50).default(5),
  showcaseSize: z.number().int().min(0).max(10000).optional(),
  noticeDays: z.number().int().min(0).max(60).default(7),
  criteria: z.array(CriterionInput).min(1).max(CONTEST_LIMITS.criteria),
  tiers: z.array(TierInput).max(CONTEST_LIMITS.tiers).default([]),
};

export const CreateContestBody = z.object({ orgId: BodyId, eventId: BodyId.optional(), ...RulesFields });
export type CreateContestBody = z.infer<typeof CreateContestBody>;
/** The rules, criteria and tiers replaced as a whole, while the contest is a draft. */
export const UpdateContestBody = z.object(RulesFields);
export type UpdateContestBody = z.infer<typeof UpdateContestBody>;

export const ContestListQuery = PageQuery.extend({ orgId: Id });
export type ContestListQuery = z.infer<typeof ContestListQuery>;

export const Criterion = z.object({
  id: z.number(),
  name: z.string(),
  weight: z.number(),
  maxScore: z.number(),
  decimals: z.number(),
  tieBreakRank: z.number().nullable(),
});
export type Criterion = z.infer<typeof Criterion>;
export const Tier = z.object({
  id: z.number(),
  kind: z.enum(tierKinds),
  name: z.string(),
  quota: z.number(),
  criterionId: z.number().nullable(),
  unitRule: z.enum(unitRules).nullable(),
});
export type Tier = z.infer<typeof Tier>;

export const Contest = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  eventId: z.number().nullable(),
  name: z.string(),
  status: z.enum(contestStatuses),
  normalisation: z.enum(normalisations),
  panelSize: z.number(),
  showcaseSize: z.number().nullable(),
  noticeDays: z.number(),
  noticeEndsAt: z.string().nullable(),
  /** The balanced design declared before scoring, in the organiser's words (null: none declared). */
  balancedDesign: z.string().nullable(),
});
export type Contest = z.infer<typeof Contest>;
export const ContestDetail = Contest.extend({
  criteria: z.array(Criterion),
  tiers: z.array(Tier),
  entries: z.number(),
  judges: z.number(),
  assignments: z.number(),
  submittedSheets: z.number(),
});
export type ContestDetail = z.infer<typeof ContestDetail>;

export const Performer = z.object({ name: z.string().trim().min(1).max(50), memberId: BodyId.optional() });
export const CreateEntryBody = z.object({
  orgId: BodyId,
  title: z.string().trim().min(1).max(200),
  performers: z.array(Performer).max(CONTEST_LIMITS.performers).default([]),
  attachments: z.array(z.string().trim().url().max(1000)).max(CONTEST_LIMITS.attachments).default([]),
});
export type CreateEntryBody = z.infer<typeof CreateEntryBody>;
export const Entry = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  title: z.string(),
  performers: z.array(z.object({ name: z.string(), memberId: z.number().optional() })),
  attachments: z.array(z.string()),
});
export type Entry = z.infer<typeof Entry>;

export const CreateJudgeBody = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_.-]{2,39}$/),
  displayName: z.string().trim().min(1).max(50),
  /** The judge's own unit (回避: never scores entries of it, above or below it). */
  orgId: BodyId,
  isChief: z.boolean().default(false),
});
export type CreateJudgeBody = z.infer<typeof CreateJudgeBody>;
export const Judge = z.object({
  id: z.number(),
  userId: z.number(),
  username: z.string(),
  displayName: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  isChief: z.boolean(),
});
export type Judge = z.infer<typeof Judge>;
export const CreatedJudge = Judge.extend({ firstPassword: z.string() });
export type CreatedJudge = z.infer<typeof CreatedJudge>;

/**
 * A balanced design (平衡设计) declared before scoring: every judge scores the same number of entries and every entry
 * gets the same number of judges. Per-judge normalisation runs on a partial assignment only when it holds; null
 * withdraws the declaration.
 */
export const DeclareDesignBody = z.object({ design: z.string().trim().min(1).max(500).nullable() });
export type DeclareDesignBody = z.infer<typeof DeclareDesignBody>;

export const DeclareConflictBody = z.object({ judgeId: BodyId, entryId: BodyId, reason: z.string().trim().min(1).max(500) });
export type DeclareConflictBody = z.infer<typeof DeclareConflictBody>;

const ConflictPair = z.object({
  judgeId: z.number(),
  judgeName: z.string(),
  judgeUnit: z.string(),
  entryId: z.number(),
  entryTitle: z.string(),
  entryUnit: z.string(),
});
export const conflictRelations = ['same', 'below', 'above'] as const; // 本单位 / 下级单位 / 上级单位
/** The conflicts of a contest: declared ones (who recorded them, when, why) and those the tree makes by itself. */
export const Conflicts = z.object({
  declared: z.array(ConflictPair.extend({ reason: z.string(), declaredBy: z.string().nullable(), declaredAt: z.string() })),
  automatic: z.array(ConflictPair.extend({ relation: z.enum(conflictRelations) })),
});
export type Conflicts = z.infer<typeof Conflicts>;

export const Assignment = z.object({
  id: z.number(),
  judgeId: z.number(),
  entryId: z.number(),
  sheetStatus: z.enum(sheetStatuses).nullable(),
});
export const Assignments = z.object({ items: z.array(Assignment), loads: z.record(z.string(), z.number()) });
export type Assignments = z.infer<typeof Assignments>;

/** The judge's own view: contests they serve and the entries assigned to them (never other judges' scores). */
export const MyContest = z.object({
  contestId: z.number(),
  name: z.string(),
  status: z.enum(contestStatuses),
  isChief: z.boolean(),
  assignments: z.array(
    z.object({ assignmentId: z.number(), entryId: z.number(), title: z.string(), sheetStatus: z.enum(sheetStatuses).nullable() }),
  ),
});
export const MyContests = z.object({ items: z.array(MyContest) });
export type MyContests = z.infer<typeof MyContests>;

export const Scores = z.record(z.string().regex(/^[1-9][0-9]{0,15}$/), z.number().min(0).max(10000));
export const SaveSheetBody = z.object({ scores: Scores });
export type SaveSheetBody = z.infer<typeof SaveSheetBody>;
export const AmendBody = z.object({ criterionId: BodyId, score: z.number().min(0).max(10000), reason: z.string().trim().min(2).max(500) });
export type AmendBody = z.infer<typeof AmendBody>;
export const Amendment = z.object({
  id: z.number(),
  sheetId: z.number(),
  judgeId: z.number(),
  entryId: z.number(),
  criterionId: z.number(),
  oldScore: z.number(),
  newScore: z.number(),
  reason: z.string(),
  byUsername: z.string(),
  at: z.string(),
});
export type Amendment = z.infer<typeof Amendment>;
export const Sheet = z.object({
  assignmentId: z.number(),
  contestId: z.number(),
  entryId: z.number(),
  title: z.string(),
  status: z.enum(sheetStatuses),
  criteria: z.array(Criterion),
  scores: z.record(z.string(), z.number()),
  amendments: z.array(Amendment),
});
export type Sheet = z.infer<typeof Sheet>;

export const ChiefDecisionBody = z.object({
  context: z.string().trim().min(1).max(100),
  order: z.array(z.string().max(40)).min(2).max(1000),
});
export type ChiefDecisionBody = z.infer<typeof ChiefDecisionBody>;

/**
 * 盲评并列: what the chief judge sees of the ties still open at a prize boundary — each tied entry by its code (the
 * entry's number, never its unit or title) with its aggregate and its means on the tie-break criteria in order; for a
 * unit award, the units by their number and the ranks that tied them. The chief orders the codes (ChiefDecisionBody).
 */
export const ChiefTie = z.object({
  context: z.string(),
  /** The award the tie blocks ('overall' for the ladder and showcase). */
  award: z.string(),
  kind: z.enum(['entry', 'unit']),
  /** Places above the boundary. */
  boundary: z.number(),
  criteria: z.array(z.string()),
  tied: z.array(z.object({ code: z.string(), aggregate: z.string().nullable(), scores: z.array(z.string()) })),
});
export type ChiefTie = z.infer<typeof ChiefTie>;
export const ChiefTies = z.object({ items: z.array(ChiefTie) });
export type ChiefTies = z.infer<typeof ChiefTies>;

const Filled = z.object({
  tierId: z.number(),
  name: z.string(),
  quota: z.number(),
  winners: z.array(z.number()),
  shortfall: z.number(),
});
/** The computed result of a contest: what is frozen (canonical JSON) and hashed. */
export const ContestResult = z.object({
  contestId: z.number(),
  rule: z.object({
    normalisation: z.enum(normalisations),
    /** 'complete' (every judge scored every entry), 'declared' (the declared design held) or 'unbalanced'. */
    balance: z.string(),
    /** The declared design's words when it is what allowed the normalisation. */
    balancedDesign: z.string().nullable().optional(),
    trimmedEntries: z.number(),
    plainMeanEntries: z.number(),
  }),
  summary: z.object({ 'zh-CN': z.string(), en: z.string() }),
  ranking: z.array(z.object({ entryId: z.number(), rank: z.number(), score: z.string(), decidedByChief: z.boolean() })),
  ladder: z.array(Filled),
  criterionPrizes: z.array(Filled),
  unitAward: Filled.nullable(),
  showcase: z.array(z.number()),
});
export type ContestResult = z.infer<typeof ContestResult>;
export const ResultSnapshot = z.object({
  id: z.number(),
  sha256: z.string(),
  rule: z.string(),
  publishedAt: z.string(),
  noticeEndsAt: z.string(),
  result: ContestResult,
});
export type ResultSnapshot = z.infer<typeof ResultSnapshot>;
export const ResultPreview = z.object({ sha256: z.string(), result: ContestResult });
export type ResultPreview = z.infer<typeof ResultPreview>;

/** A written appeal (申诉) and its answer: the appeal states facts and grounds, so a few characters at least. */
export const APPEAL_LIMITS = { textMin: 5, textMax: 5000, answerMax: 5000 } as const;
export const FileAppealBody = z.object({ text: z.string().trim().min(APPEAL_LIMITS.textMin).max(APPEAL_LIMITS.textMax) });
export const AnswerAppealBody = z.object({ answer: z.string().trim().min(1).max(APPEAL_LIMITS.answerMax) });
export const Appeal = z.object({
  id: z.number(),
  contestId: z.number(),
  entryId: z.number(),
  text: z.string(),
  status: z.enum(appealStatuses),
  answer: z.string().nullable(),
  createdAt: z.string(),
});
export type Appeal = z.infer<typeof Appeal>;
export const AppealParams = z.object({ id: Id, appealId: Id });

export const RollupQuery = z.object({ orgId: Id });
export const Rollup = z.object({
  items: z.array(z.object({ orgId: z.number(), orgName: z.string(), awards: z.number(), entriesAwarded: z.number() })),
});
export type Rollup = z.infer<typeof Rollup>;

defineAuditActions({
  'contest.create': {
    label: { 'zh-CN': '新建竞赛', en: 'Create contest' },
    sentence: { 'zh-CN': '新建了竞赛 {target}', en: 'created the contest {target}' },
  },
  'contest.update': {
    label: { 'zh-CN': '修改竞赛规则', en: 'Update contest rules' },
    sentence: { 'zh-CN': '修改了竞赛 {target} 的规则', en: 'changed the rules of the contest {target}' },
  },
  'contest.open': {
    label: { 'zh-CN': '开始报名', en: 'Open contest' },
    sentence: { 'zh-CN': '开始了竞赛 {target} 的报名', en: 'opened the contest {target}' },
  },
  'contest.entry.create': {
    label: { 'zh-CN': '新增参赛作品', en: 'Add entry' },
    sentence: { 'zh-CN': '为竞赛 {target} 新增了参赛作品', en: 'added an entry to the contest {target}' },
  },
  'contest.entry.remove': {
    label: { 'zh-CN': '撤回参赛作品', en: 'Remove entry' },
    sentence: { 'zh-CN': '从竞赛 {target} 撤回了参赛作品', en: 'removed an entry from the contest {target}' },
  },
  'contest.judge.create': {
    label: { 'zh-CN': '新建评委账号', en: 'Create judge' },
    sentence: { 'zh-CN': '为竞赛 {target} 新建了评委账号', en: 'created a judge account for the contest {target}' },
  },
  'contest.design.declare': {
    label: { 'zh-CN': '声明平衡设计', en: 'Declare balanced design' },
    sentence: { 'zh-CN': '为竞赛 {target} 声明了评委分配的平衡设计', en: 'declared the balanced design of the contest {target}' },
  },
  'contest.conflict.declare': {
    label: { 'zh-CN': '申报回避', en: 'Declare conflict' },
    sentence: { 'zh-CN': '为竞赛 {target} 记录了评委回避', en: 'recorded a judge conflict in the contest {target}' },
  },
  'contest.assign': {
    label: { 'zh-CN': '分配评委', en: 'Assign judges' },
    sentence: { 'zh-CN': '为竞赛 {target} 分配了评委', en: 'assigned the judges of the contest {target}' },
  },
  'contest.judging': {
    label: { 'zh-CN': '开始评审', en: 'Start judging' },
    sentence: { 'zh-CN': '开始了竞赛 {target} 的评审', en: 'started the judging of the contest {target}' },
  },
  'contest.sheet.save': {
    label: { 'zh-CN': '保存评分草稿', en: 'Save score sheet' },
    sentence: { 'zh-CN': '保存了评分表 {target} 的草稿', en: 'saved the draft of score sheet {target}' },
  },
  'contest.sheet.submit': {
    label: { 'zh-CN': '提交评分', en: 'Submit score sheet' },
    sentence: { 'zh-CN': '提交了评分表 {target}', en: 'submitted score sheet {target}' },
  },
  'contest.sheet.amend': {
    label: { 'zh-CN': '更正评分', en: 'Amend score' },
    sentence: { 'zh-CN': '更正了评分表 {target} 的分数', en: 'amended a score of score sheet {target}' },
  },
  'contest.chief_decision': {
    label: { 'zh-CN': '评委会主任裁定', en: 'Chief judge decision' },
    sentence: { 'zh-CN': '记录了竞赛 {target} 的并列裁定', en: 'recorded a tie decision in the contest {target}' },
  },
  'contest.scored': {
    label: { 'zh-CN': '结束评审', en: 'Close judging' },
    sentence: { 'zh-CN': '结束了竞赛 {target} 的评审', en: 'closed the judging of the contest {target}' },
  },
  'contest.publish': {
    label: { 'zh-CN': '公示结果', en: 'Publish result' },
    sentence: { 'zh-CN': '冻结并公示了竞赛 {target} 的结果', en: 'froze and published the result of the contest {target}' },
  },
  'contest.final': {
    label: { 'zh-CN': '确定最终结果', en: 'Finalise result' },
    sentence: { 'zh-CN': '确定了竞赛 {target} 的最终结果', en: 'made the result of the contest {target} final' },
  },
  'contest.appeal.file': {
    label: { 'zh-CN': '提出申诉', en: 'File appeal' },
    sentence: { 'zh-CN': '对参赛作品 {target} 提出了申诉', en: 'appealed about entry {target}' },
  },
  'contest.appeal.answer': {
    label: { 'zh-CN': '答复申诉', en: 'Answer appeal' },
    sentence: { 'zh-CN': '答复了竞赛 {target} 的申诉', en: 'answered an appeal of the contest {target}' },
  },
});
