import { z } from 'zod';
import { orgKinds } from './orgs.js';

export const Coverage = z.object({
  orgId: z.number(),
  name: z.string(),
  kind: z.enum(orgKinds),
  grassrootsUnions: z.number(), // 基层工会组织数
  branches: z.number(),
  employers: z.number(),
  employersCovered: z.number(), // 覆盖企业数
  employees: z.number(),
  employeesCovered: z.number(),
  employers100plus: z.number(),
  employers100plusCovered: z.number(),
  members: z.number(), // 会员数
  /** 入会率: members ÷ employees of unionised units; null when there are none. */
  membershipRate: z.number().nullable(),
  /** 建会率: unionised ÷ all units with ≥ 100 staff; null when there are none. */
  unionisationRate: z.number().nullable(),
  /** Data quality (数据质量): members with an incomplete record, ID numbers submitted by rosters, invalid, repeated. */
  membersIncomplete: z.number(),
  idRowsSubmitted: z.number(),
  idsInvalid: z.number(),
  idsDuplicate: z.number(),
  /** 0–100, see qualityScore(); null when the unit has neither members nor submitted rosters. */
  qualityScore: z.number().nullable(),
});
export type Coverage = z.infer<typeof Coverage>;

export const CoverageBreakdown = z.object({
  total: Coverage,
  /** The largest children (by grassroots unions, then employers), at most the requested limit… */
  children: z.array(Coverage),
  /** …of this many children in all, so a page can say when it shows only the largest. */
  childrenTotal: z.number(),
  /**
   * Organisations of the subtree, the node included, whose 入会率 is over 100 %: more members than staff in the units
   * they cover. Never true of real figures, so a data-quality problem (members of other firms on a union's roster,
   * headcounts not kept up); the highest rates first, at most OVER_RATE_LIMIT.
   */
  overRate: z.array(Coverage),
});
export type CoverageBreakdown = z.infer<typeof CoverageBreakdown>;

export const OVER_RATE_LIMIT = 50;

export function rate(numerator: number, denominator: number): number | null {
  return denominator > 0 ? Math.round((numerator / denominator) * 10000) / 10000 : null;
}

/** Weights of the data-quality score: complete records matter most, then valid IDs, then no repeats. */
export const QUALITY_WEIGHTS = { completeness: 0.6, validIds: 0.25, uniqueIds: 0.15 } as const;

/**
 * The data-quality score a unit is assessed on (0–100, one decimal): the weighted share of complete member
 * records, of valid ID numbers among those its rosters submitted, and of ID numbers not repeated in a file.
 */
export function qualityScore(q: {
  members: number;
  membersIncomplete: number;
  idRowsSubmitted: number;
  idsInvalid: number;
  idsDuplicate: number;
}): number | null {
  if (q.members === 0 && q.idRowsSubmitted === 0) return null;
  const completeness = q.members > 0 ? 1 - q.membersIncomplete / q.members : 1;
  const valid = q.idRowsSubmitted > 0 ? 1 - q.idsInvalid / q.idRowsSubmitted : 1;
  const unique = q.idRowsSubmitted > 0 ? 1 - q.idsDuplicate / q.idRowsSubmitted : 1;
  const score = 100 * (QUALITY_WEIGHTS.completeness * completeness + QUALITY_WEIGHTS.validIds * valid + QUALITY_WEIGHTS.uniqueIds * unique);
  return Math.round(score * 10) / 10;
}
