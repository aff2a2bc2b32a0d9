import { z } from 'zod';
import { rate } from './coverage.js';
import { defineAuditActions } from './audit.actions.js';

/** Months a trend may span, and the default (two years: 同比 needs twelve months back). */
export const TREND_MAX_MONTHS = 60;
export const TREND_DEFAULT_MONTHS = 24;
/** Rows one report may hold (a city report: 16 districts and their ~330 streets). */
export const REPORT_MAX_ROWS = 5000;

/** Figures of one subtree at one time: what the dashboard shows, live or from a snapshot. */
export const CoverageFigures = z.object({
  grassrootsUnions: z.number(), // 基层工会组织数
  employers: z.number(), // 单位数
  employersCovered: z.number(), // 建会单位数
  employees: z.number(), // 职工数
  employeesCovered: z.number(), // 建会单位职工数
  employers100plus: z.number(),
  employers100plusCovered: z.number(),
  members: z.number(), // 会员数
  membershipRate: z.number().nullable(), // 入会率
  unionisationRate: z.number().nullable(), // 建会率
});
export type CoverageFigures = z.infer<typeof CoverageFigures>;

export const snapshotSources = ['month_end', 'on_demand', 'reconstructed', 'live'] as const;
export type SnapshotSource = (typeof snapshotSources)[number];

export const TrendPoint = CoverageFigures.extend({
  /** YYYY-MM */
  month: z.string(),
  /** Where the figures come from: a snapshot (taken at month end, on demand, or reconstructed), or the live roll-up. */
  source: z.enum(snapshotSources),
});
export type TrendPoint = z.infer<typeof TrendPoint>;

export const CoverageTrend = z.object({ orgId: z.number(), points: z.array(TrendPoint) });
export type CoverageTrend = z.infer<typeof CoverageTrend>;

export const TrendQuery = z.object({ months: z.coerce.number().int().min(2).max(TREND_MAX_MONTHS).default(TREND_DEFAULT_MONTHS) });

export const DistrictCoverage = CoverageFigures.extend({
  id: z.number(),
  name: z.string(),
  /** The administrative-division code (110101 东城 …): the key of the map's feature. */
  regionCode: z.string().nullable(),
});
export type DistrictCoverage = z.infer<typeof DistrictCoverage>;
export const DistrictList = z.object({ items: z.array(DistrictCoverage) });
export type DistrictList = z.infer<typeof DistrictList>;

export const SnapshotBody = z
  .object({
    /** Also reconstruct this many past months that have no snapshot yet (from members' join and lapse dates). */
    reconstructMonths: z.number().int().min(0).max(TREND_MAX_MONTHS).default(0),
  })
  .default({ reconstructMonths: 0 });
export const SnapshotResult = z.object({ month: z.string(), orgs: z.number(), reconstructed: z.number() });
export type SnapshotResult = z.infer<typeof SnapshotResult>;

export const ReportQuery = z.object({
  orgId: z.coerce.number().int().positive(),
  /** Any day of the month reported on (YYYY-MM-DD or YYYY-MM); today's month reads the live roll-up. */
  date: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$/)
    .optional(),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

/** The rates of a set of counted figures (a row, a 小计 or a 合计 is summed first, then divided). */
export function withRates(f: Omit<CoverageFigures, 'membershipRate' | 'unionisationRate'>): CoverageFigures {
  return {
    ...f,
    membershipRate: rate(f.members, f.employeesCovered),
    unionisationRate: rate(f.employers100plusCovered, f.employers100plus),
  };
}

export type Change = { previous: number; delta: number; ratio: number | null } | null;

/** How a figure moved since another point: 环比 against the month before, 同比 against the same month a year before. */
export function changeSince(points: readonly TrendPoint[], monthsBack: number, pick: (p: TrendPoint) => number | null): Change {
  const last = points[points.length - 1];
  if (!last) return null;
  const target = shiftMonth(last.month, -monthsBack);
  const before = points.find((p) => p.month === target);
  const now = pick(last);
  const then = before ? pick(before) : null;
  if (now === null || then === null) return null;
  return { previous: then, delta: now - then, ratio: then === 0 ? null : (now - then) / then };
}

/** 'YYYY-MM' moved by n months. */
export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

defineAuditActions({
  'coverage.snapshot': {
    label: { 'zh-CN': '覆盖情况快照', en: 'Coverage snapshot' },
    sentence: { 'zh-CN': '记录 {month} 覆盖情况快照', en: 'Took the coverage snapshot of {month}' },
    params: { month: (value) => (typeof value === 'string' ? value : '') },
  },
});
