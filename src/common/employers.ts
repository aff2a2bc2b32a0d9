import { z } from 'zod';
import { BodyId, Id, queryCount } from './paging.js';

/** GB/T 4754 industry sections (国民经济行业分类门类). */
export const industrySections = [
  'A',
  'B',
  'C',
  'D',
  'E',
  'F',
  'G',
  'H',
  'I',
  'J',
  'K',
  'L',
  'M',
  'N',
  'O',
  'P',
  'Q',
  'R',
  'S',
  'T',
] as const;
export type IndustrySection = (typeof industrySections)[number];

export const Employer = z.object({
  id: z.number(),
  name: z.string(),
  uscc: z.string().nullable(),
  headcount: z.number(),
  industry: z.enum(industrySections),
  address: z.string().nullable(),
  streetOrgId: z.number(),
  streetName: z.string(),
  unionOrgId: z.number().nullable(),
  unionName: z.string().nullable(),
  /** 建会进度 along the outreach pipeline. */
  unionisationStage: z.enum(['none', 'contacted', 'persuaded', 'preparing', 'established']),
  /** The enterprise meeting (企业沟通会) credited with its stage. */
  unionisationMeetingId: z.number().nullable(),
  version: z.number(),
});
export type Employer = z.infer<typeof Employer>;

const usccInput = z.string().trim().min(1).max(40);

export const CreateEmployerBody = z.object({
  name: z.string().trim().min(1).max(200),
  uscc: usccInput.optional(),
  headcount: z.number().int().min(0).max(2_000_000),
  industry: z.enum(industrySections),
  address: z.string().trim().max(200).optional(),
  streetOrgId: BodyId,
  unionOrgId: BodyId.nullable().optional(),
});
export type CreateEmployerBody = z.infer<typeof CreateEmployerBody>;

export const UpdateEmployerBody = CreateEmployerBody.partial().extend({ version: z.number().int().positive() });
export type UpdateEmployerBody = z.infer<typeof UpdateEmployerBody>;

export const EmployerListQuery = z.object({
  orgId: Id,
  q: z.string().trim().max(50).optional(),
  covered: z.enum(['yes', 'no']).optional(),
  minHeadcount: queryCount(0, 2_000_000).optional(),
  industry: z.enum(industrySections).optional(),
  cursor: z.string().max(200).optional(),
  limit: queryCount(1, 200).default(50),
});
export type EmployerListQuery = z.infer<typeof EmployerListQuery>;
