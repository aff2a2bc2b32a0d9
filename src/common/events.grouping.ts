import { z } from 'zod';
import { defineAuditActions } from './audit.actions.js';
import { DRAW_LIMITS } from './events.draw.js';

/**
 * Random grouping of a session (随机分组, issue #13): the session's present people (confirmed or attended) dealt into
 * `groups` groups whose sizes differ by at most one, reproducible from the seed and the stored list
 * (src/server/modules/events/grouping.ts). A session may be grouped again; the latest grouping is the one shown.
 */
export const GROUPING_BOUNDS = { groups: 1_000, seed: DRAW_LIMITS.seed } as const;

export const groupingSeedSources = ['random', 'given'] as const;
export type GroupingSeedSource = (typeof groupingSeedSources)[number];

/** POST /api/events/:id/sessions/:sessionId/groupings: how many groups, and a seed (else a random one is made). */
export const GroupingBody = z.object({
  groups: z.number().int().min(1).max(GROUPING_BOUNDS.groups),
  seed: z
    .string()
    .max(GROUPING_BOUNDS.seed)
    .optional()
    .transform((s) => (s === undefined || s.trim() === '' ? undefined : s)),
});
export type GroupingBody = z.input<typeof GroupingBody>;

/** One person of a grouping as shown: masked name, union, group (1-based) and the key that placed them. */
export const GroupedPerson = z.object({
  registrationId: z.number(),
  maskedName: z.string(),
  orgName: z.string(),
  groupNo: z.number().int(),
  key: z.string(),
});
export type GroupedPerson = z.infer<typeof GroupedPerson>;

export const EventGrouping = z.object({
  id: z.number(),
  eventId: z.number(),
  sessionId: z.number(),
  groups: z.number().int(),
  people: z.number().int(),
  seed: z.string(),
  seedSource: z.enum(groupingSeedSources),
  listHash: z.string(),
  createdAt: z.string(),
  /** Group 1 first; inside a group, ascending key (the order of the deal). */
  members: z.array(z.array(GroupedPerson)),
});
export type EventGrouping = z.infer<typeof EventGrouping>;

defineAuditActions({
  'event.grouping': {
    label: { 'zh-CN': '随机分组', en: 'Random grouping' },
    sentence: { 'zh-CN': '将活动 {target} 一个班次的人员随机分组', en: 'Split the people of a session of {target} into groups at random' },
  },
  'event.grouping.export': {
    label: { 'zh-CN': '导出分组名单', en: 'Export groups' },
    sentence: { 'zh-CN': '导出活动 {target} 一个班次的分组名单', en: 'Exported the groups of a session of {target}' },
  },
});
