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
});
export type Coverage = z.infer<typeof Coverage>;

export const CoverageBreakdown = z.object({ total: Coverage, children: z.array(Coverage) });
export type CoverageBreakdown = z.infer<typeof CoverageBreakdown>;

export function rate(numerator: number, denominator: number): number | null {
  return denominator > 0 ? Math.round((numerator / denominator) * 10000) / 10000 : null;
}
