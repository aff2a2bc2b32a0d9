import { sql } from 'kysely';
import { inScope } from '../../auth/scope.js';
import type { TodoSource } from '../../todos.js';

/**
 * 待确认: pending transfers out of the caller's unions that the releasing union has not yet confirmed or rejected (a
 * confirmed one waits for the member's consent, not for the cadre). A pending transfer still lives in the releasing region (partial index of migration 0025).
 */
export const transfersToConfirm: TodoSource = {
  key: 'transfers.toConfirm',
  action: 'member.write',
  count: async (db, scope, cap) => {
    const waiting = db
      .selectFrom('member_transfer as t')
      .select(sql`1`.as('one'))
      .where('t.status', '=', 'pending')
      .where('t.released_at', 'is', null)
      .where(inScope(scope, sql.ref('t.from_org_path'), sql.ref('t.region_id')))
      .limit(cap);
    const row = await db
      .selectFrom(waiting.as('w'))
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    return row.n;
  },
};
