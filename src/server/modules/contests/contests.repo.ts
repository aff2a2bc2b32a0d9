import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import { inScope, provenInScope, type InScope, type OrgScope } from '../../auth/scope.js';
import type { ContestStatus, CriterionInput, TierInput } from '../../../common/contests.js';
import type { ListTotal } from '../../../common/paging.js';
import { boundedTotal } from '../../http/list-total.js';

function selectContests(db: Executor) {
  return db
    .selectFrom('contest as c')
    .innerJoin('org_unit as o', 'o.id', 'c.org_id')
    .select([
      'c.id',
      'c.org_id',
      'o.name as org_name',
      'c.org_path',
      'c.event_id',
      'c.name',
      'c.status',
      'c.normalisation',
      'c.panel_size',
      'c.showcase_size',
      'c.notice_days',
      'c.notice_ends_at',
      'c.balanced_design',
    ]);
}
export type ContestRow = Awaited<ReturnType<ReturnType<typeof selectContests>['executeTakeFirstOrThrow']>>;
type ContestRef = InScope<{ id: number; org_path: string }>;

export async function findContestInScope(
  db: Executor,
  scope: OrgScope,
  id: number,
  forUpdate = false,
): Promise<InScope<ContestRow> | undefined> {
  let q = selectContests(db)
    .where('c.id', '=', id)
    .where(inScope(scope, sql.ref('c.org_path')));
  if (forUpdate) q = q.forUpdate('c');
  const row = await q.executeTakeFirst();
  return row && provenInScope(row);
}

/** A contest the caller judges: named by its contest_judge row, inside the node its judge role was granted on. */
export async function findJudgedContest(
  db: Executor,
  scope: OrgScope,
  userId: number,
  id: number,
): Promise<InScope<ContestRow & { judge_id: number; is_chief: boolean }> | undefined> {
  const row = await selectContests(db)
    .innerJoin('contest_judge as j', 'j.contest_id', 'c.id')
    .select(['j.id as judge_id', 'j.is_chief'])
    .where('c.id', '=', id)
    .where('j.user_id', '=', userId)
    .where(inScope(scope, sql.ref('c.org_path')))
    .executeTakeFirst();
  return row && provenInScope(row);
}

function listQuery(db: Executor, scope: OrgScope, f: { underPath: string }) {
  return selectContests(db)
    .where(inScope(scope, sql.ref('c.org_path')))
    .where(sql<boolean>`c.org_path <@ ${f.underPath}::ltree`);
}

export async function listContests(
  db: Executor,
  scope: OrgScope,
  f: { underPath: string; afterId: number | undefined; limit: number },
): Promise<InScope<ContestRow>[]> {
  let q = listQuery(db, scope, f)
    .orderBy('c.id', 'desc')
    .limit(f.limit + 1);
  if (f.afterId !== undefined) q = q.where('c.id', '<', f.afterId);
  return (await q.execute()).map(provenInScope);
}

export function countContests(db: Executor, scope: OrgScope, f: { underPath: string }): Promise<ListTotal> {
  return boundedTotal(db, listQuery(db, scope, f).clearSelect().select('c.id'));
}

export async function insertContest(
  tx: Executor,
  c: {
    orgId: number;
    orgPath: string;
    eventId: number | null;
    name: string;
    normalisation: 'none' | 'robust-z';
    panelSize: number;
    showcaseSize: number | null;
    noticeDays: number;
  },
): Promise<number> {
  const row = await tx
    .insertInto('contest')
    .values({
      org_id: c.orgId,
      org_path: c.orgPath,
      event_id: c.eventId,
      name: c.name,
      status: 'draft',
      normalisation: c.normalisation,
      panel_size: c.panelSize,
      showcase_size: c.showcaseSize,
      notice_days: c.noticeDays,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateRules(
  tx: Executor,
  c: ContestRef,
  r: { name: string; normalisation: 'none' | 'robust-z'; panelSize: number; showcaseSize: number | null; noticeDays: number },
): Promise<void> {
  await tx
    .updateTable('contest')
    .set({
      name: r.name,
      normalisation: r.normalisation,
      panel_size: r.panelSize,
      showcase_size: r.showcaseSize,
      notice_days: r.noticeDays,
      updated_at: sql`now()`,
    })
    .where('id', '=', c.id)
    .execute();
}

/** Replaces the criteria and tiers of a draft contest (nothing refers to them yet). */
export async function replaceCriteriaAndTiers(
  tx: Executor,
  c: ContestRef,
  criteria: readonly CriterionInput[],
  tiers: readonly TierInput[],
): Promise<void> {
  await tx.deleteFrom('contest_tier').where('contest_id', '=', c.id).execute();
  await tx.deleteFrom('contest_criterion').where('contest_id', '=', c.id).execute();
  const ids: number[] = [];
  for (const [position, k] of criteria.entries()) {
    const row = await tx
      .insertInto('contest_criterion')
      .values({
        contest_id: c.id,
        position,
        name: k.name,
        weight: k.weight,
        max_score: k.maxScore,
        decimals: k.decimals,
        tie_break_rank: k.tieBreakRank ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  for (const [position, t] of tiers.entries()) {
    await tx
      .insertInto('contest_tier')
      .values({
        contest_id: c.id,
        position,
        kind: t.kind,
        name: t.name,
        quota: t.quota,
        criterion_id: t.kind === 'criterion' ? ids[t.criterionIndex ?? -1]! : null,
        unit_rule: t.kind === 'unit' ? (t.unitRule ?? 'best-entry-rank') : null,
      })
      .execute();
  }
}

/** Declares (or withdraws, null) the balanced design of a contest. */
export async function updateDesign(tx: Executor, c: ContestRef, design: string | null): Promise<void> {
  await tx
    .updateTable('contest')
    .set({ balanced_design: design, updated_at: sql`now()` })
    .where('id', '=', c.id)
    .execute();
}

export function setStatus(tx: Executor, c: ContestRef, from: readonly ContestStatus[], to: ContestStatus, noticeEndsAt?: string) {
  return tx
    .updateTable('contest')
    .set({ status: to, updated_at: sql`now()`, ...(noticeEndsAt ? { notice_ends_at: noticeEndsAt } : {}) })
    .where('id', '=', c.id)
    .where('status', 'in', [...from])
    .executeTakeFirst()
    .then((r) => Number(r.numUpdatedRows) === 1);
}

export function criteriaOf(db: Executor, c: ContestRef) {
  return db
    .selectFrom('contest_criterion')
    .select(['id', 'name', 'decimals', 'tie_break_rank'])
    .select([sql<number>`weight::float8`.as('weight'), sql<number>`max_score::float8`.as('max_score')])
    .where('contest_id', '=', c.id)
    .orderBy('position')
    .execute();
}

export function tiersOf(db: Executor, c: ContestRef) {
  return db
    .selectFrom('contest_tier')
    .select(['id', 'kind', 'name', 'quota', 'criterion_id', 'unit_rule'])
    .where('contest_id', '=', c.id)
    .orderBy('position')
    .execute();
}

export async function countsOf(db: Executor, c: ContestRef) {
  const { rows } = await sql<{ entries: number; judges: number; assignments: number; submitted: number }>`
    SELECT (SELECT count(*) FROM contest_entry WHERE contest_id = ${c.id})::int AS entries,
           (SELECT count(*) FROM contest_judge WHERE contest_id = ${c.id})::int AS judges,
           (SELECT count(*) FROM contest_assignment WHERE contest_id = ${c.id})::int AS assignments,
           (SELECT count(*) FROM contest_sheet s JOIN contest_assignment a ON a.id = s.assignment_id
             WHERE a.contest_id = ${c.id} AND s.status = 'submitted')::int AS submitted`.execute(db);
  return rows[0]!;
}

/**
 * The unit that may send an entry: a node of the caller's scope (`scope` in the WHERE) at or below the organising
 * node of the contest; undefined otherwise.
 */
export async function findEntrantUnit(
  db: Executor,
  scope: OrgScope,
  c: ContestRef,
  orgId: number,
): Promise<InScope<{ id: number; path: string }> | undefined> {
  const row = await db
    .selectFrom('org_unit as o')
    .select(['o.id', 'o.path'])
    .where('o.id', '=', orgId)
    .where(inScope(scope, sql.ref('o.path')))
    .where(sql<boolean>`o.path <@ ${c.org_path}::ltree`)
    .executeTakeFirst();
  return row && provenInScope(row);
}

export async function insertEntry(
  tx: Executor,
  c: ContestRef,
  e: { orgId: number; orgPath: string; title: string; performers: unknown; attachments: unknown },
): Promise<number> {
  const row = await tx
    .insertInto('contest_entry')
    .values({
      contest_id: c.id,
      org_id: e.orgId,
      org_path: e.orgPath,
      title: e.title,
      performers: JSON.stringify(e.performers),
      attachments: JSON.stringify(e.attachments),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function entriesOf(db: Executor, c: ContestRef) {
  return db
    .selectFrom('contest_entry as e')
    .innerJoin('org_unit as o', 'o.id', 'e.org_id')
    .select(['e.id', 'e.org_id', 'o.name as org_name', 'e.org_path', 'e.title', 'e.performers', 'e.attachments'])
    .where('e.contest_id', '=', c.id)
    .orderBy('e.id')
    .execute();
}

/** An entry of a unit in the caller's scope (the entry's own unit path in the WHERE), with its contest. */
export async function findEntryInScope(db: Executor, scope: OrgScope, id: number) {
  const row = await db
    .selectFrom('contest_entry as e')
    .innerJoin('contest as c', 'c.id', 'e.contest_id')
    .select(['e.id', 'e.org_path', 'e.contest_id', 'c.status', 'c.notice_ends_at', 'c.org_path as contest_path'])
    .where('e.id', '=', id)
    .where(inScope(scope, sql.ref('e.org_path')))
    .executeTakeFirst();
  return row && provenInScope(row);
}

export async function deleteEntry(tx: Executor, c: ContestRef, entryId: number): Promise<boolean> {
  await tx.deleteFrom('contest_conflict').where('entry_id', '=', entryId).execute();
  const r = await tx.deleteFrom('contest_entry').where('id', '=', entryId).where('contest_id', '=', c.id).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** The contest_judge row naming an account (already made by the users module) as a judge of the contest. */
export async function insertJudge(
  tx: Executor,
  c: ContestRef,
  j: { userId: number; unitId: number; unitPath: string; isChief: boolean },
): Promise<number> {
  const judge = await tx
    .insertInto('contest_judge')
    .values({ contest_id: c.id, user_id: j.userId, org_id: j.unitId, org_path: j.unitPath, is_chief: j.isChief })
    .returning('id')
    .executeTakeFirstOrThrow();
  return judge.id;
}

export function judgesOf(db: Executor, c: ContestRef) {
  return db
    .selectFrom('contest_judge as j')
    .innerJoin('app_user as u', 'u.id', 'j.user_id')
    .innerJoin('org_unit as o', 'o.id', 'j.org_id')
    .select(['j.id', 'j.user_id', 'u.username', 'u.display_name', 'j.org_id', 'o.name as org_name', 'j.org_path', 'j.is_chief'])
    .where('j.contest_id', '=', c.id)
    .orderBy('j.id')
    .execute();
}

export async function insertConflict(
  tx: Executor,
  c: ContestRef,
  d: { judgeId: number; entryId: number; reason: string; userId: number },
): Promise<boolean> {
  const { rows } = await sql<{ judge_id: number }>`
    INSERT INTO contest_conflict (judge_id, entry_id, reason, declared_by)
    SELECT j.id, e.id, ${d.reason}, ${d.userId}::bigint FROM contest_judge j, contest_entry e
     WHERE j.id = ${d.judgeId} AND e.id = ${d.entryId} AND j.contest_id = ${c.id} AND e.contest_id = ${c.id}
    ON CONFLICT DO NOTHING RETURNING judge_id`.execute(tx);
  return rows.length === 1;
}

export function conflictsOf(db: Executor, c: ContestRef) {
  return db
    .selectFrom('contest_conflict as d')
    .innerJoin('contest_judge as j', 'j.id', 'd.judge_id')
    .select(['d.judge_id', 'd.entry_id'])
    .where('j.contest_id', '=', c.id)
    .execute();
}

/** The declared conflicts of a contest in words: judge and unit, entry and unit, the reason, who recorded it and when. */
export function declaredConflictsOf(db: Executor, c: ContestRef) {
  return db
    .selectFrom('contest_conflict as d')
    .innerJoin('contest_judge as j', 'j.id', 'd.judge_id')
    .innerJoin('app_user as ju', 'ju.id', 'j.user_id')
    .innerJoin('org_unit as jo', 'jo.id', 'j.org_id')
    .innerJoin('contest_entry as e', 'e.id', 'd.entry_id')
    .innerJoin('org_unit as eo', 'eo.id', 'e.org_id')
    .leftJoin('app_user as by', 'by.id', 'd.declared_by')
    .select([
      'd.judge_id',
      'ju.display_name as judge_name',
      'jo.name as judge_unit',
      'd.entry_id',
      'e.title as entry_title',
      'eo.name as entry_unit',
      'd.reason',
      'by.display_name as declared_by',
      'd.created_at',
    ])
    .where('j.contest_id', '=', c.id)
    .orderBy('d.created_at')
    .orderBy('d.judge_id')
    .execute();
}

/**
 * The conflicts the tree makes by itself (回避, enforced by the database): every judge × entry of the contest where
 * the entry's unit is the judge's own unit ('same'), below it ('below') or above it ('above').
 */
export async function treeConflictsOf(db: Executor, c: ContestRef) {
  const { rows } = await sql<{
    judge_id: number;
    judge_name: string;
    judge_unit: string;
    entry_id: number;
    entry_title: string;
    entry_unit: string;
    relation: 'same' | 'below' | 'above';
  }>`
    SELECT j.id AS judge_id, u.display_name AS judge_name, jo.name AS judge_unit,
           e.id AS entry_id, e.title AS entry_title, eo.name AS entry_unit,
           CASE WHEN e.org_path = j.org_path THEN 'same' WHEN e.org_path <@ j.org_path THEN 'below' ELSE 'above' END AS relation
      FROM contest_judge j
      JOIN app_user u ON u.id = j.user_id
      JOIN org_unit jo ON jo.id = j.org_id
      JOIN contest_entry e ON e.contest_id = j.contest_id AND (e.org_path <@ j.org_path OR e.org_path @> j.org_path)
      JOIN org_unit eo ON eo.id = e.org_id
     WHERE j.contest_id = ${c.id}
     ORDER BY j.id, e.id`.execute(db);
  return rows;
}

/** Drops the assignments of a contest none of whose sheets exist yet (a new assignment replaces them). */
export async function clearAssignments(tx: Executor, c: ContestRef): Promise<void> {
  await tx.deleteFrom('contest_assignment').where('contest_id', '=', c.id).execute();
}

export async function insertAssignments(
  tx: Executor,
  c: ContestRef,
  pairs: readonly { judgeId: number; entryId: number }[],
): Promise<void> {
  for (let i = 0; i < pairs.length; i += 500) {
    await tx
      .insertInto('contest_assignment')
      .values(pairs.slice(i, i + 500).map((p) => ({ contest_id: c.id, judge_id: p.judgeId, entry_id: p.entryId })))
      .execute();
  }
}

export function assignmentsOf(db: Executor, c: ContestRef) {
  return db
    .selectFrom('contest_assignment as a')
    .leftJoin('contest_sheet as s', 's.assignment_id', 'a.id')
    .select(['a.id', 'a.judge_id', 'a.entry_id', 's.status as sheet_status', 's.scores'])
    .where('a.contest_id', '=', c.id)
    .orderBy('a.id')
    .execute();
}

export function hasSheets(db: Executor, c: ContestRef) {
  return db
    .selectFrom('contest_sheet as s')
    .innerJoin('contest_assignment as a', 'a.id', 's.assignment_id')
    .select('s.id')
    .where('a.contest_id', '=', c.id)
    .executeTakeFirst()
    .then((r) => r !== undefined);
}
