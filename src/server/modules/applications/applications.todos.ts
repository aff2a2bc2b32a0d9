import { sql } from 'kysely';
import { inScope } from '../../auth/scope.js';
import type { TodoSource } from '../../todos.js';

/** 待审核: applications waiting for a decision in the caller's unions (partial index of migration 0025). */
export const pendingApplications: TodoSource = {
  key: 'applications.pending',
  action: 'member.write',
  count: async (db, scope, cap) => {
    const waiting = db
      .selectFrom('member_application as a')
      .select(sql`1`.as('one'))
      .where('a.status', '=', 'pending')
      .where(inScope(scope, sql.ref('a.org_path'), sql.ref('a.region_id')))
      .limit(cap);
    const row = await db
      .selectFrom(waiting.as('w'))
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    return row.n;
  },
};
