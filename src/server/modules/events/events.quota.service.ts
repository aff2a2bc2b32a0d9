import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { EventDetail } from '../../../common/events.js';
import type { QuotaInput } from '../../../common/events.quota.js';
import type { Actor } from '../../auth/scope.js';
import { recordWrite } from '../../audit/audit.js';
import { assertOwner, findEventFor, getEvent } from './events.service.js';
import { setQuotasIn } from './events.quota.js';

/** PUT /api/events/:id/sessions/:sessionId/quotas: the owner sets a session's quotas (audited), in one transaction. */
export async function setQuotas(
  db: Kysely<DB>,
  actor: Actor,
  eventId: number,
  sessionId: number,
  quotas: readonly QuotaInput[],
): Promise<EventDetail> {
  await db.transaction().execute(async (tx) => {
    const event = await findEventFor(tx, actor, eventId);
    assertOwner(actor, event);
    await setQuotasIn(tx, actor, event, sessionId, quotas);
    await recordWrite(
      tx,
      actor,
      'event.quotas',
      { type: 'event', id: event.id, orgPath: event.org_path },
      { sessionId, quotas: quotas.map((q) => ({ orgId: q.orgId, places: q.places })) },
    );
  });
  return getEvent(db, actor, eventId);
}
