import { z } from 'zod';
import { Id, PageQuery } from './paging.js';
import { Appeal, contestStatuses } from './contests.js';

/**
 * 本单位参赛: the entries sent by the units of the caller's subtree, whoever organises their contest — the page a
 * unit's cadre appeals from during the notice (公示), since the contest itself lies outside what it may read.
 */
export const EnteredQuery = PageQuery.extend({ orgId: Id });
export type EnteredQuery = z.infer<typeof EnteredQuery>;

/** The entry's place in the frozen result (on notice or final): rank of `total`, the prizes it won, the showcase. */
export const EnteredResult = z.object({
  rank: z.number(),
  total: z.number(),
  awards: z.array(z.string()),
  isShowcase: z.boolean(),
});
export type EnteredResult = z.infer<typeof EnteredResult>;

export const EnteredEntry = z.object({
  id: z.number(),
  title: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  contest: z.object({
    id: z.number(),
    name: z.string(),
    status: z.enum(contestStatuses),
    organiserName: z.string(),
    noticeEndsAt: z.string().nullable(),
  }),
  /** Null until the result is frozen and put on notice. */
  result: EnteredResult.nullable(),
  appeals: z.array(Appeal),
});
export type EnteredEntry = z.infer<typeof EnteredEntry>;
