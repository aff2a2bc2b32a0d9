import type { Executor } from '../../db/executor.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/events.quota.errors.js';
import type { QuotaInput, SessionQuota } from '../../../common/events.quota.js';
import type { Actor, InScope } from '../../auth/scope.js';
import { findOrgFor } from '../orgs/orgs.service.js';
import type { EventRow } from './events.repo.js';
import * as quotaRepo from './events.quota.repo.js';
import { promoteWaitlist } from './events.promotion.js';

/** The quotas of each session, shown with the session (EventSession.quotas). */
export async function quotasBySession(db: Executor, sessionIds: readonly number[]): Promise<Map<number, SessionQuota[]>> {
  const bySession = new Map<number, SessionQuota[]>();
  for (const q of await quotaRepo.quotasOf(db, sessionIds))
    bySession.set(q.session_id, [
      ...(bySession.get(q.session_id) ?? []),
      { orgId: q.org_id, orgName: q.org_name, places: q.places, taken: q.taken },
    ]);
  return bySession;
}

/**
 * Sets a session's whole set of quotas inside the caller's transaction (lock order: session row, then its quota
 * rows). Guarantees: first come only; Σ places ≤ capacity, and no more than the places not already held through
 * open sign-ups (confirmed − quota_taken), so a quota never promises a place someone else holds; no unit below its
 * taken places (an omitted unit counts as 0). Places a change frees — a unit's raised quota, open places grown by a
 * lowered one — go to the waitlist through the one promotion function.
 */
export async function setQuotasIn(
  tx: Executor,
  actor: Actor,
  event: InScope<EventRow>,
  sessionId: number,
  quotas: readonly QuotaInput[],
): Promise<void> {
  if (quotas.length > 0 && event.selection !== 'first_come') throw new AppError('EVENT_QUOTA_FIRST_COME_ONLY');
  const session = await quotaRepo.lockSession(tx, event.id, sessionId);
  if (!session) throw new AppError('NOT_FOUND');
  const before = await quotaRepo.lockQuotas(tx, sessionId);
  const reserved = quotas.reduce((sum, q) => sum + q.places, 0);
  if (reserved > session.capacity) throw new AppError('EVENT_QUOTAS_EXCEED_CAPACITY', { reserved, capacity: session.capacity });
  const free = session.capacity - session.confirmed + session.quota_taken;
  if (reserved > free) throw new AppError('EVENT_QUOTAS_EXCEED_FREE', { free });
  const wanted = new Map(quotas.map((q) => [q.orgId, q.places]));
  for (const old of before) {
    const places = wanted.get(old.org_id) ?? 0;
    if (places < old.taken) throw new AppError('EVENT_QUOTA_BELOW_TAKEN', { orgName: old.org_name, taken: old.taken });
  }
  // A quota unit is a node the caller sees (like a co-organiser, it may lie anywhere in the event's audience).
  const resolved = [];
  for (const q of quotas) resolved.push({ org: await findOrgFor(tx, actor, 'org.read', q.orgId), places: q.places });
  await quotaRepo.writeQuotas(tx, sessionId, resolved);

  const promotion = { sessionId, promotion: event.promotion, offerHours: event.offer_hours };
  const was = new Map(before.map((q) => [q.org_id, q.places]));
  if (event.status === 'open') {
    for (const q of [...quotas].sort((a, b) => a.orgId - b.orgId)) {
      const grown = q.places - (was.get(q.orgId) ?? 0);
      if (grown > 0) await promoteWaitlist(tx, promotion, grown, q.orgId);
    }
    const openGrown = session.quota_places - reserved;
    if (openGrown > 0) await promoteWaitlist(tx, promotion, openGrown);
  }
}
