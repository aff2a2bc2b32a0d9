import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import { inScope, type InScope, type OrgScope } from '../../auth/scope.js';
import './training.tables.js';

/** The attendance of a session read in the scope, each member's union (then) in the caller's reach (the filtered query). */
export function attendeesQuery(db: Executor, scope: OrgScope, session: InScope<{ id: number }>) {
  return db
    .selectFrom('training_attendance as a')
    .innerJoin('member as m', (j) => j.onRef('m.region_id', '=', 'a.region_id').onRef('m.id', '=', 'a.member_id'))
    .innerJoin('org_unit as o', 'o.id', 'a.org_id')
    .select(['a.member_id', 'm.name as member_name', 'a.org_id', 'o.name as org_name', 'a.how', sql<string>`a.created_at`.as('marked_at')])
    .where('a.training_session_id', '=', session.id)
    .where(inScope(scope, sql.ref('a.org_path'), sql.ref('a.region_id')));
}
