import { z } from 'zod';
import { BodyId, Id, pageOf, queryCount } from './paging.js';
import { CalendarDate, localizedCheck } from './inputs.js';
import { defineAuditActions } from './audit.actions.js';

/**
 * The work ledger (工作台账, issue #15): one entry per piece of work of a node — what, when, where, with whom, for how
 * many people — entered by hand, added by a module when its work closes, or confirmed from a news report.
 */
export const ledgerKinds = [
  'outreach', // 双沟通 / 建会宣传
  'welfare', // 普惠 / 送温暖 / 送清凉
  'training', // 培训
  'event', // 文体活动
  'contest', // 劳动和技能竞赛
  'tournament', // 赛事
  'legal', // 法律服务
  'membership', // 入会 / 会员发展
  'congress', // 职代会 / 会员代表大会
  'honours', // 评先评优
  'innovation', // 职工创新
  'funds', // 经费
  'workplan', // 工作部署 / 会议
  'site', // 服务站点 (驿站、职工之家)
  'other',
] as const;
export type LedgerKind = (typeof ledgerKinds)[number];

/** How `peopleReached` was counted: distinct members from a module's records of people, or a figure as reported. */
export const peopleBases = ['members', 'reported'] as const;
export type PeopleBasis = (typeof peopleBases)[number];

/** Where an entry came from: typed by a cadre, added by a module when its work closed, confirmed from a report. */
export const ledgerSources = ['manual', 'module', 'report'] as const;
export type LedgerSource = (typeof ledgerSources)[number];

/** Modules that add their own entries (the link is unique: one entry per module record). */
export const ledgerModules = ['events', 'welfare', 'training', 'outreach'] as const;
export type LedgerModule = (typeof ledgerModules)[number];

/** Named limits. */
export const LEDGER_LIMITS = {
  title: 200,
  summary: 4000,
  place: 200,
  coOrganisers: 20,
  /** Organisers printed in a report that are not nodes of the tree (kept as names). */
  otherOrganisers: 20,
  organiserName: 200,
  figures: 50,
  figureUnit: 20,
  figureCounts: 100,
  snippet: 1000,
  sourceRef: 500,
  /** The source article's text (a news item, a page of the union paper). */
  sourceText: 100_000,
  peopleReached: 100_000_000,
  figureValue: 1e12,
  /** Rows an Excel export writes at most (a node's year). */
  exportRows: 50_000,
} as const;

const text = (max: number) => z.string().trim().min(1).max(max);

/** One figure of an entry: a value, its unit and what it counts (17.9万余人 → 179000, 人, 会员, approximate). */
export const LedgerFigureInput = z.object({
  value: z.number().finite().min(0).max(LEDGER_LIMITS.figureValue),
  /** 人, 家, 个, 场, 次, 万元, 斤 … */
  unit: z.string().trim().max(LEDGER_LIMITS.figureUnit).default(''),
  /** What is counted: 会员, 企业, 基层工会, 申请 … */
  counts: text(LEDGER_LIMITS.figureCounts),
  /** 余 / 近 / 多 / 约: the value is not exact. */
  approximate: z.boolean().default(false),
  /** The words of the source the value came from. */
  snippet: z.string().trim().max(LEDGER_LIMITS.snippet).optional(),
});
export type LedgerFigureInput = z.infer<typeof LedgerFigureInput>;

/** The fields of an entry a cadre enters or corrects (everything but the organising node). */
export const LedgerEntryFields = z.object({
  kind: z.enum(ledgerKinds),
  title: text(LEDGER_LIMITS.title),
  summary: z.string().trim().max(LEDGER_LIMITS.summary).optional(),
  /** The day, or the first day of a period. */
  dateFrom: CalendarDate,
  /** The last day of a period (6月18日至19日); absent for one day. */
  dateTo: CalendarDate.optional(),
  place: z.string().trim().max(LEDGER_LIMITS.place).optional(),
  /** People reached as reported (basis 'reported'); module entries count their members instead. */
  peopleReached: z.number().int().min(0).max(LEDGER_LIMITS.peopleReached).nullable().optional(),
  /** Co-organising nodes (协办单位): in the tree and visible to the caller. */
  coOrgIds: z.array(BodyId).max(LEDGER_LIMITS.coOrganisers).default([]),
  /** Organisers named in the source that are not nodes of the tree (kept as printed). */
  otherOrganisers: z.array(text(LEDGER_LIMITS.organiserName)).max(LEDGER_LIMITS.otherOrganisers).default([]),
  figures: z.array(LedgerFigureInput).max(LEDGER_LIMITS.figures).default([]),
  /** The words of the source the entry was taken from. */
  sourceSnippet: z.string().trim().max(LEDGER_LIMITS.snippet).optional(),
  /** Where the source is: 《北京工人报》2025-06-20 第3版, a web address … */
  sourceRef: z.string().trim().max(LEDGER_LIMITS.sourceRef).optional(),
  /** The source article's whole text (the attachment a report-imported entry keeps). */
  sourceText: z.string().max(LEDGER_LIMITS.sourceText).optional(),
});

const periodInOrder = (entry: { dateFrom?: string | undefined; dateTo?: string | undefined }) =>
  !entry.dateFrom || !entry.dateTo || entry.dateTo >= entry.dateFrom;
const periodCheck = localizedCheck('结束日期不能早于开始日期', 'the last day cannot be before the first day');

export const CreateLedgerEntryBody = LedgerEntryFields.extend({ orgId: BodyId }).refine(periodInOrder, {
  ...periodCheck,
  path: ['dateTo'],
});
export type CreateLedgerEntryBody = z.infer<typeof CreateLedgerEntryBody>;

/**
 * A correction: the fields given replace the entry's (figures and co-organisers as whole lists); `null` clears an
 * optional field. `version` is the entry's version as read (409 when it changed meanwhile).
 */
export const UpdateLedgerEntryBody = z
  .object({
    version: z.number().int().positive(),
    kind: z.enum(ledgerKinds).optional(),
    title: text(LEDGER_LIMITS.title).optional(),
    summary: z.string().trim().max(LEDGER_LIMITS.summary).nullable().optional(),
    dateFrom: CalendarDate.optional(),
    dateTo: CalendarDate.nullable().optional(),
    place: z.string().trim().max(LEDGER_LIMITS.place).nullable().optional(),
    peopleReached: z.number().int().min(0).max(LEDGER_LIMITS.peopleReached).nullable().optional(),
    coOrgIds: z.array(BodyId).max(LEDGER_LIMITS.coOrganisers).optional(),
    otherOrganisers: z.array(text(LEDGER_LIMITS.organiserName)).max(LEDGER_LIMITS.otherOrganisers).optional(),
    figures: z.array(LedgerFigureInput).max(LEDGER_LIMITS.figures).optional(),
    sourceSnippet: z.string().trim().max(LEDGER_LIMITS.snippet).nullable().optional(),
    sourceRef: z.string().trim().max(LEDGER_LIMITS.sourceRef).nullable().optional(),
  })
  .refine((body) => periodInOrder({ dateFrom: body.dateFrom, dateTo: body.dateTo ?? undefined }), { ...periodCheck, path: ['dateTo'] });
export type UpdateLedgerEntryBody = z.infer<typeof UpdateLedgerEntryBody>;

export const DeleteLedgerEntryQuery = z.object({ version: queryCount(1, 999_999_999) });
export type DeleteLedgerEntryQuery = z.infer<typeof DeleteLedgerEntryQuery>;

export const LedgerFigure = z.object({
  id: z.number(),
  value: z.number(),
  unit: z.string(),
  counts: z.string(),
  approximate: z.boolean(),
  snippet: z.string().nullable(),
});
export type LedgerFigure = z.infer<typeof LedgerFigure>;

export const LedgerOrgRef = z.object({ orgId: z.number(), name: z.string() });
export type LedgerOrgRef = z.infer<typeof LedgerOrgRef>;

export const LedgerModuleLink = z.object({ module: z.enum(ledgerModules), recordId: z.number() });
export type LedgerModuleLink = z.infer<typeof LedgerModuleLink>;

export const LedgerEntry = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  coOrganisers: z.array(LedgerOrgRef),
  otherOrganisers: z.array(z.string()),
  kind: z.enum(ledgerKinds),
  title: z.string(),
  summary: z.string().nullable(),
  dateFrom: z.string(),
  dateTo: z.string().nullable(),
  place: z.string().nullable(),
  peopleReached: z.number().nullable(),
  peopleBasis: z.enum(peopleBases).nullable(),
  source: z.enum(ledgerSources),
  moduleLink: LedgerModuleLink.nullable(),
  sourceSnippet: z.string().nullable(),
  sourceRef: z.string().nullable(),
  /** The source article's text is kept (fetch it with the entry's page). */
  hasSourceText: z.boolean(),
  figures: z.array(LedgerFigure),
  createdBy: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

/** One entry's page: the entry and its source text. */
export const LedgerEntryDetail = LedgerEntry.extend({ sourceText: z.string().nullable() });
export type LedgerEntryDetail = z.infer<typeof LedgerEntryDetail>;

/** 'node': the node's own entries (organised or co-organised); 'subtree': the node and every node under it. */
export const ledgerReaches = ['node', 'subtree'] as const;
export type LedgerReach = (typeof ledgerReaches)[number];

export const LedgerYear = queryCount(1900, 2100);

export const LedgerListQuery = z.object({
  orgId: Id,
  year: LedgerYear,
  kind: z.enum(ledgerKinds).optional(),
  reach: z.enum(ledgerReaches).default('node'),
  cursor: z.string().max(200).optional(),
  limit: queryCount(1, 200).default(50),
});
export type LedgerListQuery = z.infer<typeof LedgerListQuery>;

export const LedgerEntryPage = pageOf(LedgerEntry);
export type LedgerEntryPage = z.infer<typeof LedgerEntryPage>;

export const LedgerRollupQuery = z.object({ orgId: Id, year: LedgerYear });
export type LedgerRollupQuery = z.infer<typeof LedgerRollupQuery>;

/**
 * People reached, each figure with its basis: `members` — distinct members over the entries whose module knows the
 * people (each person once, however many of them they attended); `reported` — the sum of the reported figures of the
 * other entries (a person may be counted more than once); `entriesWithoutFigure` — entries that give no number.
 */
export const LedgerPeople = z.object({
  members: z.number(),
  membersEntries: z.number(),
  reported: z.number(),
  reportedEntries: z.number(),
  entriesWithoutFigure: z.number(),
});
export type LedgerPeople = z.infer<typeof LedgerPeople>;

export const LedgerRollupKind = z.object({ kind: z.enum(ledgerKinds), activities: z.number(), people: LedgerPeople });
export type LedgerRollupKind = z.infer<typeof LedgerRollupKind>;

/** A reported figure summed over the subtree's entries, by unit and what it counts. */
export const LedgerRollupFigure = z.object({
  unit: z.string(),
  counts: z.string(),
  total: z.number(),
  entries: z.number(),
  /** At least one of the summed values was approximate (余 / 近 / 多). */
  approximate: z.boolean(),
});
export type LedgerRollupFigure = z.infer<typeof LedgerRollupFigure>;

/** Direct sub-nodes a roll-up carries, most active first (a street's hundreds of unions are read on their own page). */
export const LEDGER_ROLLUP_CHILDREN = 50;

/**
 * A direct sub-node's share of a roll-up: the same numbers as the sub-node's own roll-up. An entry co-organised by two
 * sub-nodes counts in each of them and once in the parent, and a member reached under two sub-nodes counts once in
 * each and once in the parent, so the rows may add up to more than the parent; the parent's own entries are in no row.
 */
export const LedgerRollupChild = z.object({
  orgId: z.number(),
  orgName: z.string(),
  activities: z.number(),
  people: LedgerPeople,
});
export type LedgerRollupChild = z.infer<typeof LedgerRollupChild>;

/** A node's subtree for a year: activities by kind and the people reached, each number labelled with its basis. */
export const LedgerRollup = z.object({
  orgId: z.number(),
  orgName: z.string(),
  year: z.number(),
  activities: z.number(),
  people: LedgerPeople,
  byKind: z.array(LedgerRollupKind),
  figures: z.array(LedgerRollupFigure),
  /** The first LEDGER_ROLLUP_CHILDREN direct sub-nodes in sight, most activities first, then by name. */
  children: z.array(LedgerRollupChild),
  /** More direct sub-nodes than `children` holds. */
  hasMoreChildren: z.boolean(),
});
export type LedgerRollup = z.infer<typeof LedgerRollup>;

export const LedgerExportQuery = z.object({
  orgId: Id,
  year: LedgerYear,
  kind: z.enum(ledgerKinds).optional(),
  reach: z.enum(ledgerReaches).default('subtree'),
});
export type LedgerExportQuery = z.infer<typeof LedgerExportQuery>;

/** The columns of the Excel 工作台账, in order. */
export const LEDGER_EXPORT_COLUMNS = [
  '序号',
  '日期',
  '类别',
  '工作内容',
  '主办单位',
  '协办单位',
  '地点',
  '参与人数',
  '主要数据',
  '来源',
] as const;

/**
 * What the report import hands to `createEntryFromProposal` once a cadre confirmed it: an entry (organised by a node
 * of the tree) with its figures and snippets. A company union not in the tree comes as `proposedOrg`; no node is
 * created here — the entry is kept on `orgId` (the proposed node's parent) with the printed name as an organiser.
 */
export const LedgerProposal = LedgerEntryFields.extend({
  orgId: BodyId,
  proposedOrg: z.object({ name: text(LEDGER_LIMITS.organiserName), parentOrgId: BodyId }).optional(),
}).refine(periodInOrder, { ...periodCheck, path: ['dateTo'] });
export type LedgerProposal = z.infer<typeof LedgerProposal>;

defineAuditActions({
  'ledger.entry.create': {
    label: { 'zh-CN': '新增台账条目', en: 'Ledger entry added' },
    sentence: { 'zh-CN': '新增工作台账条目 {target}', en: 'Added the ledger entry {target}' },
  },
  'ledger.entry.update': {
    label: { 'zh-CN': '修改台账条目', en: 'Ledger entry corrected' },
    sentence: { 'zh-CN': '修改工作台账条目 {target}', en: 'Corrected the ledger entry {target}' },
  },
  'ledger.entry.delete': {
    label: { 'zh-CN': '删除台账条目', en: 'Ledger entry deleted' },
    sentence: { 'zh-CN': '删除工作台账条目 {target}', en: 'Deleted the ledger entry {target}' },
  },
  'ledger.entry.module': {
    label: { 'zh-CN': '模块记入台账', en: 'Ledger entry added by a module' },
    sentence: { 'zh-CN': '工作完成，自动记入台账 {target}', en: 'Work closed; added to the ledger as {target}' },
  },
  'ledger.entry.report': {
    label: { 'zh-CN': '由报道记入台账', en: 'Ledger entry from a report' },
    sentence: { 'zh-CN': '由新闻报道确认记入台账 {target}', en: 'Confirmed from a news report into the ledger as {target}' },
  },
});
