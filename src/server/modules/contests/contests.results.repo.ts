import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import { inScope, type InScope, type OrgScope } from '../../auth/scope.js';

/** Results of contests: frozen snapshots, awards, appeals and the roll-up (SQL only). */

type ContestRef = InScope<{ id: number; org_path: string }>;

export async function insertResult(
  tx: Executor,
  c: ContestRef,
  r: { result: string; sha256: string; rule: string; noticeEndsAt: string; userId: number },
): Promise<number> {
  const row = await tx
    .insertInto('contest_result')
    .values({ contest_id: c.id, result: r.result, sha256: r.sha256, rule: r.rule, notice_ends_at: r.noticeEndsAt, published_by: r.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertAwards(
  tx: Executor,
  resultId: number,
  awards: readonly { tierId: number; entryId: number | null; orgId: number; orgPath: string }[],
) {
  if (awards.length === 0) return;
  await tx
    .insertInto('contest_award')
    .values(awards.map((a) => ({ result_id: resultId, tier_id: a.tierId, entry_id: a.entryId, org_id: a.orgId, org_path: a.orgPath })))
    .execute();
}

export function resultOf(db: Executor, c: ContestRef) {
  return db
    .selectFrom('contest_result')
    .select(['id', 'result', 'sha256', 'rule', 'published_at', 'notice_ends_at'])
    .where('contest_id', '=', c.id)
    .executeTakeFirst();
}

export async function insertAppeal(
  tx: Executor,
  e: InScope<{ id: number; contest_id: number; org_path: string }>,
  text: string,
  userId: number,
) {
  const row = await tx
    .insertInto('contest_appeal')
    .values({ contest_id: e.contest_id, entry_id: e.id, org_path: e.org_path, text, status: 'open', filed_by: userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function appealsOf(db: Executor, c: ContestRef) {
  return db
    .selectFrom('contest_appeal')
    .select(['id', 'contest_id', 'entry_id', 'text', 'status', 'answer', 'created_at'])
    .where('contest_id', '=', c.id)
    .orderBy('id')
    .execute();
}

/** Answers an open appeal of the contest; false when there is none such (answered already, or another contest's). */
export async function answerAppeal(tx: Executor, c: ContestRef, appealId: number, answer: string, userId: number): Promise<boolean> {
  const r = await tx
    .updateTable('contest_appeal')
    .set({ status: 'answered', answer, answered_by: userId, answered_at: sql`now()` })
    .where('id', '=', appealId)
    .where('contest_id', '=', c.id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function appealExists(db: Executor, c: ContestRef, appealId: number) {
  return db
    .selectFrom('contest_appeal')
    .select('id')
    .where('id', '=', appealId)
    .where('contest_id', '=', c.id)
    .executeTakeFirst()
    .then((r) => r !== undefined);
}

export async function openAppeals(db: Executor, c: ContestRef): Promise<number> {
  const row = await db
    .selectFrom('contest_appeal')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('contest_id', '=', c.id)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Awards counted by the child nodes of `under` (a district, a street…) for every award whose unit lies in the
 * caller's scope and below `under`: one scoped query.
 */
export async function rollup(db: Executor, scope: OrgScope, under: InScope<{ path: string }>) {
  const { rows } = await sql<{ org_id: number; org_name: string; awards: number; entries_awarded: number }>`
    SELECT o.id AS org_id, o.name AS org_name, count(*)::int AS awards, count(DISTINCT a.entry_id)::int AS entries_awarded
      FROM contest_award a
      JOIN org_unit o ON o.path = subltree(a.org_path, 0, nlevel(${under.path}::ltree) + 1)
     WHERE a.org_path <@ ${under.path}::ltree AND nlevel(a.org_path) > nlevel(${under.path}::ltree)
       AND ${inScope(scope, sql.ref('a.org_path'))}
     GROUP BY o.id, o.name
     ORDER BY awards DESC, o.id`.execute(db);
  return rows;
}
