import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import { inScope, provenInScope, type InScope, type OrgScope } from '../../auth/scope.js';

/** The judge's side of contests: assignments, sheets, amendments, the chief judge's decisions (SQL only). */

type ContestRef = InScope<{ id: number; org_path: string }>;

/** The contests the caller judges, in its judge scope, with its own assignments (nothing of other judges). */
export function myAssignments(db: Executor, scope: OrgScope, userId: number) {
  return db
    .selectFrom('contest_judge as j')
    .innerJoin('contest as c', 'c.id', 'j.contest_id')
    .leftJoin('contest_assignment as a', 'a.judge_id', 'j.id')
    .leftJoin('contest_entry as e', 'e.id', 'a.entry_id')
    .leftJoin('contest_sheet as s', 's.assignment_id', 'a.id')
    .select([
      'c.id as contest_id',
      'c.name',
      'c.status',
      'j.is_chief',
      'a.id as assignment_id',
      'e.id as entry_id',
      'e.title',
      's.status as sheet_status',
    ])
    .where('j.user_id', '=', userId)
    .where(inScope(scope, sql.ref('c.org_path')))
    .orderBy('c.id')
    .orderBy('e.id')
    .execute();
}

/** One assignment of the caller (named by its own judge row) in a contest of its judge scope; locked when asked. */
export async function findMyAssignment(db: Executor, scope: OrgScope, userId: number, assignmentId: number, forUpdate = false) {
  let q = db
    .selectFrom('contest_assignment as a')
    .innerJoin('contest_judge as j', 'j.id', 'a.judge_id')
    .innerJoin('contest as c', 'c.id', 'a.contest_id')
    .innerJoin('contest_entry as e', 'e.id', 'a.entry_id')
    .select(['a.id', 'a.judge_id', 'a.entry_id', 'a.contest_id', 'c.status as contest_status', 'c.org_path', 'e.title'])
    .where('a.id', '=', assignmentId)
    .where('j.user_id', '=', userId)
    .where(inScope(scope, sql.ref('c.org_path')));
  if (forUpdate) q = q.forUpdate('a');
  const row = await q.executeTakeFirst();
  return row && provenInScope(row);
}

export function sheetOf(db: Executor, a: InScope<{ id: number }>) {
  return db.selectFrom('contest_sheet').select(['id', 'status', 'scores']).where('assignment_id', '=', a.id).executeTakeFirst();
}

/** Saves a draft: creates the sheet or changes its scores while it is a draft. False: it was submitted. */
export async function saveDraft(tx: Executor, a: InScope<{ id: number }>, scores: Record<string, number>): Promise<boolean> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO contest_sheet (assignment_id, scores) VALUES (${a.id}, ${JSON.stringify(scores)}::jsonb)
    ON CONFLICT (assignment_id) DO UPDATE SET scores = EXCLUDED.scores, updated_at = now()
      WHERE contest_sheet.status = 'draft'
    RETURNING id`.execute(tx);
  return rows.length === 1;
}

/** The guarded submission: draft → submitted exactly once. */
export async function submitSheet(tx: Executor, a: InScope<{ id: number }>): Promise<boolean> {
  const r = await tx
    .updateTable('contest_sheet')
    .set({ status: 'submitted', submitted_at: sql`now()`, updated_at: sql`now()` })
    .where('assignment_id', '=', a.id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function amendSheet(
  tx: Executor,
  sheetId: number,
  m: { criterionId: number; oldScore: number; newScore: number; reason: string; userId: number; scores: Record<string, number> },
): Promise<void> {
  await tx
    .insertInto('contest_amendment')
    .values({
      sheet_id: sheetId,
      criterion_id: m.criterionId,
      old_score: m.oldScore,
      new_score: m.newScore,
      reason: m.reason,
      user_id: m.userId,
    })
    .execute();
  await tx
    .updateTable('contest_sheet')
    .set({ scores: JSON.stringify(m.scores), updated_at: sql`now()` })
    .where('id', '=', sheetId)
    .execute();
}

/** The amendment trail of a contest, or of one sheet. */
export function amendmentsOf(db: Executor, c: InScope<{ id: number }>, sheetId?: number) {
  let q = db
    .selectFrom('contest_amendment as m')
    .innerJoin('contest_sheet as s', 's.id', 'm.sheet_id')
    .innerJoin('contest_assignment as a', 'a.id', 's.assignment_id')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select(['m.id', 'm.sheet_id', 'a.judge_id', 'a.entry_id', 'm.criterion_id', 'm.reason', 'u.username', 'm.created_at'])
    .select([sql<number>`m.old_score::float8`.as('old_score'), sql<number>`m.new_score::float8`.as('new_score')]);
  q = sheetId === undefined ? q.where('a.contest_id', '=', c.id) : q.where('m.sheet_id', '=', sheetId);
  return q.orderBy('m.id').execute();
}

export function chiefDecisionsOf(db: Executor, c: ContestRef) {
  return db.selectFrom('contest_chief_decision').select(['context', 'ordered_ids']).where('contest_id', '=', c.id).execute();
}

export async function recordChiefDecision(
  tx: Executor,
  c: InScope<{ id: number }>,
  d: { context: string; order: readonly string[]; userId: number },
) {
  await sql`
    INSERT INTO contest_chief_decision (contest_id, context, ordered_ids, user_id)
    VALUES (${c.id}, ${d.context}, ${JSON.stringify(d.order)}::jsonb, ${d.userId})
    ON CONFLICT (contest_id, context) DO UPDATE SET ordered_ids = EXCLUDED.ordered_ids, user_id = EXCLUDED.user_id, created_at = now()`.execute(
    tx,
  );
}
