import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../../common/errors.js';
import { minuteOf } from '../../../common/beijing-time.js';
import '../../../common/events.errors.js';
import '../../../common/portal.errors.js';
import type { MemberRegistration } from '../../../common/events.js';
import type { PreferencesBody } from '../../../common/events.draw.js';
import type { MemberPrincipal } from '../../auth/member-session.js';
import * as repo from './events.repo.js';
import * as drawRepo from './events.draw.repo.js';
import { enterIn } from './events.draw.entry.js';
import { toMine } from './events.portal.service.js';

/**
 * The member ranks sessions of a preferences event (志愿), best first: one entry per person and event, held on the
 * first choice with the ranking beside it, until the allocation (events.draw.service.ts) gives at most one of them.
 * Every chosen session must belong to the event and be inside its window; a retry with the same key answers the first.
 */
export async function enterPreferences(db: Kysely<DB>, member: MemberPrincipal, body: PreferencesBody): Promise<MemberRegistration> {
  const me = await repo.memberOf(db, member);
  if (!me) throw new AppError('MEMBER_UNAUTHENTICATED');
  const id = await db.transaction().execute(async (tx) => {
    const prior = await repo.findRegistrationByKey(tx, me.region_id, { memberId: me.id }, body.key);
    if (prior) return prior.id;
    if (new Set(body.sessionIds).size !== body.sessionIds.length) throw new AppError('EVENT_PREFERENCES_INVALID');
    const sessions = [];
    for (const sessionId of body.sessionIds) {
      const s = await repo.sessionForMember(tx, sessionId, me.org_path);
      if (!s || s.event_id !== body.eventId) throw new AppError('EVENT_PREFERENCES_INVALID');
      sessions.push(s);
    }
    const first = sessions[0]!;
    if (!first.in_audience || me.status !== 'member') throw new AppError('EVENT_NOT_IN_AUDIENCE');
    if (first.status !== 'open') throw new AppError('EVENT_NOT_OPEN');
    if (first.selection !== 'preferences') throw new AppError('EVENT_SELECTION_UNSUPPORTED');
    const closed = sessions.find((s) => !s.in_window);
    if (closed)
      throw new AppError('EVENT_WINDOW_CLOSED', {
        opens: minuteOf(new Date(closed.opens_at)),
        closes: minuteOf(new Date(closed.closes_at)),
      });
    if (await drawRepo.hasEntryInEvent(tx, me.region_id, body.eventId, me.id)) throw new AppError('EVENT_ALREADY_REGISTERED');
    return enterIn(tx, me, first, body.key, null, body.sessionIds);
  });
  const row = await repo.registrationsOfMember(db, member).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return toMine(row);
}
