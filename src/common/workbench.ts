import { z } from 'zod';
import { orgKinds } from './orgs.js';
import { AuditRecord } from './audit.js';
import { Id } from './paging.js';

/** A to-do count stops at this many (the badge shows "999+"): counting further would cost without telling more. */
export const TODO_CAP = 999;

/** How many items of one kind wait (`capped`: at least `count`). */
export const TodoCount = z.object({ key: z.string(), count: z.number(), capped: z.boolean() });
export type TodoCount = z.infer<typeof TodoCount>;

export const WorkbenchCountsQuery = z.object({
  /** Only what waits inside this organisation (an organisation page's tabs); the caller's whole scope without. */
  orgId: Id.optional(),
});
export type WorkbenchCountsQuery = z.infer<typeof WorkbenchCountsQuery>;

/** The badges: what waits for the caller in their whole scope, one count per registered source they may act on. */
export const WorkbenchCounts = z.object({ todos: z.array(TodoCount) });
export type WorkbenchCounts = z.infer<typeof WorkbenchCounts>;

/** One of the caller's nodes on the 工作台: its key figures (the coverage roll-up) and what waits inside it. */
export const WorkbenchNode = z.object({
  orgId: z.number(),
  name: z.string(),
  kind: z.enum(orgKinds),
  members: z.number(), // 会员数
  grassrootsUnions: z.number(),
  employers: z.number(),
  membershipRate: z.number().nullable(), // 入会率
  unionisationRate: z.number().nullable(), // 建会率
  todos: z.array(TodoCount),
});
export type WorkbenchNode = z.infer<typeof WorkbenchNode>;

/** Nodes listed on the 工作台 (a caller holding roles on more sees the first ones). */
export const WORKBENCH_MAX_NODES = 10;
/** Entries of recent activity. */
export const WORKBENCH_ACTIVITY = 10;

export const Workbench = z.object({
  nodes: z.array(WorkbenchNode),
  /** Newest entries of the audit log in the caller's subtree, or (without audit.read) the caller's own actions. */
  activity: z.array(AuditRecord),
  activityIsOwn: z.boolean(),
});
export type Workbench = z.infer<typeof Workbench>;
