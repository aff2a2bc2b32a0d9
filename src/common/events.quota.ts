import { z } from 'zod';
import { BodyId } from './paging.js';
import { defineAuditActions } from './audit.actions.js';

/**
 * Quotas per unit of a first-come session (分单位名额, issue #13): `places` of the session's capacity reserved for the
 * members of the unit's subtree (a member counts for the deepest quota unit holding their union). Their sum never
 * exceeds the capacity; the rest are open places. Semantics in src/server/modules/events/0044_event_session_quotas.sql.
 */
export const QUOTA_LIMITS = { perSession: 50, places: 100_000 } as const;

export const QuotaInput = z.object({ orgId: BodyId, places: z.number().int().min(1).max(QUOTA_LIMITS.places) });
export type QuotaInput = z.infer<typeof QuotaInput>;

/** A session's quotas: one per unit. */
export const QuotaList = z
  .array(QuotaInput)
  .max(QUOTA_LIMITS.perSession)
  .refine((qs) => new Set(qs.map((q) => q.orgId)).size === qs.length, {
    message: '同一单位只能设一个名额 / one quota per unit',
  });

/** Σ places of the quotas (checked against the capacity). */
export const quotaSum = (qs: readonly QuotaInput[] | undefined): number => (qs ?? []).reduce((sum, q) => sum + q.places, 0);

/** PUT /api/events/:id/sessions/:sessionId/quotas: the session's whole set of quotas (an omitted unit is removed). */
export const QuotasBody = z.object({ quotas: QuotaList });
export type QuotasBody = z.infer<typeof QuotasBody>;

/** A quota as shown with its session: the unit, its places and how many of them are taken. */
export const SessionQuota = z.object({ orgId: z.number(), orgName: z.string(), places: z.number(), taken: z.number() });
export type SessionQuota = z.infer<typeof SessionQuota>;

defineAuditActions({
  'event.quotas': {
    label: { 'zh-CN': '设置单位名额', en: 'Set unit quotas' },
    sentence: { 'zh-CN': '设置活动 {target} 一个班次的单位名额', en: 'Set the unit quotas of a session of {target}' },
  },
});
