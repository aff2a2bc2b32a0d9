import type { Executor } from '../../db/executor.js';
import type { InScope } from '../../auth/scope.js';
import './training.tables.js';

/** Links the session to the event session taking its sign-ups, once: false when it was linked meanwhile. */
export async function linkEventSession(tx: Executor, session: InScope<{ id: number }>, eventSessionId: number): Promise<boolean> {
  const r = await tx
    .updateTable('training_session')
    .set({ event_session_id: eventSessionId })
    .where('id', '=', session.id)
    .where('event_session_id', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The training session (not cancelled) whose sign-ups an event session takes, if any. */
export async function sessionOfEventSession(db: Executor, eventSessionId: number) {
  return db
    .selectFrom('training_session')
    .select(['id', 'org_path'])
    .where('event_session_id', '=', eventSessionId)
    .where('status', '<>', 'cancelled')
    .executeTakeFirst();
}

/** A member's union now, by the key an event registration names (the region comes with it). */
export async function memberUnion(db: Executor, key: { regionId: number; memberId: number }) {
  return db
    .selectFrom('member')
    .select(['region_id', 'id', 'org_id', 'org_path'])
    .where('region_id', '=', key.regionId)
    .where('id', '=', key.memberId)
    .executeTakeFirst();
}
