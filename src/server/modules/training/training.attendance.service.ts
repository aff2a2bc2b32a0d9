import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Page } from '../../../common/paging.js';
import type { Attendee, AttendeeListQuery } from '../../../common/training.attendance.js';
import { scopeFor, type Actor } from '../../auth/scope.js';
import { listPage } from '../../http/list-page.js';
import { boundedTotal } from '../../http/list-total.js';
import * as repo from './training.attendance.repo.js';
import { findSessionFor } from './training.service.js';

/** The attendance list of a session (the cadre's marking sheet), people of the caller's subtree only, by member. */
export async function listAttendees(db: Kysely<DB>, actor: Actor, sessionId: number, query: AttendeeListQuery): Promise<Page<Attendee>> {
  const session = await findSessionFor(db, actor, sessionId);
  const filtered = repo.attendeesQuery(db, scopeFor(actor, 'training.read'), session);
  return listPage(query, {
    cursor: 'number',
    read: (after) => {
      let q = filtered.orderBy('a.member_id').limit(query.limit + 1);
      if (after !== undefined) q = q.where('a.member_id', '>', after);
      return q.execute();
    },
    present: (rows) =>
      rows.map((r) => ({
        memberId: r.member_id,
        memberName: r.member_name,
        orgId: r.org_id,
        orgName: r.org_name,
        how: r.how,
        markedAt: new Date(r.marked_at).toISOString(),
      })),
    sortKey: (last) => last.memberId,
    total: () => boundedTotal(db, filtered),
  });
}
