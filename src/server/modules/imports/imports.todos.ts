import { sql, type SqlBool } from 'kysely';
import { inScope } from '../../auth/scope.js';
import type { TodoSource } from '../../todos.js';

/** A failed import waits for someone to look at it this long; older ones are history. */
export const FAILED_IMPORT_DAYS = 30;

/** Roster imports of the caller's unions that failed within the last FAILED_IMPORT_DAYS days (partial index of migration 0025). */
export const failedImports: TodoSource = {
  key: 'imports.failed',
  action: 'member.write',
  count: async (db, scope, cap) => {
    const waiting = db
      .selectFrom('import_job as j')
      .select(sql`1`.as('one'))
      .where('j.status', '=', 'failed')
      .where(sql<SqlBool>`j.created_at > now() - make_interval(days => ${FAILED_IMPORT_DAYS})`)
      .where(inScope(scope, sql.ref('j.org_path'), sql.ref('j.region_id')))
      .limit(cap);
    const row = await db
      .selectFrom(waiting.as('w'))
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    return row.n;
  },
};
