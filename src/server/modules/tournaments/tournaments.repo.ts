import { sql, type Insertable } from 'kysely';
import type { Executor } from '../../db/executor.js';
import { inScope, provenInScope, type InScope, type OrgScope } from '../../auth/scope.js';
import type {
  TournamentHeatResultTable,
  TournamentMatchTable,
  TournamentResultTable,
  TournamentTable,
  TournamentTeamTable,
} from './tournaments.tables.js';
import './tournaments.tables.js';

declare const linkedBrand: unique symbol;
/** A tournament reached through its signed public link (the token is the proof, as the scope is for a cadre). */
export type Linked<T> = T & { readonly [linkedBrand]: true };
/** A tournament a follow-up may read: proven in the caller's scope, or reached by its public link. */
export type Reachable = InScope<{ id: number }> | Linked<{ id: number }>;

function selectTournaments(db: Executor) {
  return db
    .selectFrom('tournament as t')
    .innerJoin('org_unit as o', 'o.id', 't.org_id')
    .select([
      't.id',
      't.org_id',
      'o.name as org_name',
      't.org_path',
      't.event_id',
      't.name',
      't.kind',
      't.tie_breaks',
      't.points_win',
      't.points_draw',
      't.points_loss',
      't.qualifiers',
      't.lanes',
      't.finalists',
      't.by_place',
      't.heat_tie_rule',
      't.prizes',
      't.merits',
      't.lots_seed',
      't.created_at',
    ]);
}
export type TournamentRow = Awaited<ReturnType<ReturnType<typeof selectTournaments>['executeTakeFirstOrThrow']>>;

export async function findTournamentInScope(
  db: Executor,
  scope: OrgScope,
  id: number,
  forUpdate = false,
): Promise<InScope<TournamentRow> | undefined> {
  let q = selectTournaments(db)
    .where('t.id', '=', id)
    .where(inScope(scope, sql.ref('t.org_path')));
  if (forUpdate) q = q.forUpdate('t');
  const row = await q.executeTakeFirst();
  return row && provenInScope(row);
}

/** A tournament a referee account serves (named by its referee row), inside the node its role was granted on. */
export async function findRefereeTournament(
  db: Executor,
  scope: OrgScope,
  userId: number,
  id: number,
  forUpdate = false,
): Promise<InScope<TournamentRow> | undefined> {
  let q = selectTournaments(db)
    .innerJoin('tournament_referee as r', 'r.tournament_id', 't.id')
    .where('r.user_id', '=', userId)
    .where('t.id', '=', id)
    .where(inScope(scope, sql.ref('t.org_path')));
  if (forUpdate) q = q.forUpdate('t');
  const row = await q.executeTakeFirst();
  return row && provenInScope(row);
}

/** The tournament a public link names (the link's signature was checked by the caller). */
export async function findLinkedTournament(db: Executor, id: number): Promise<Linked<TournamentRow> | undefined> {
  const row = await selectTournaments(db).where('t.id', '=', id).executeTakeFirst();
  return row as Linked<TournamentRow> | undefined;
}

export async function listTournaments(db: Executor, scope: OrgScope, underPath: string): Promise<InScope<TournamentRow>[]> {
  const rows = await selectTournaments(db)
    .where(inScope(scope, sql.ref('t.org_path')))
    .where(sql<boolean>`t.org_path <@ ${underPath}::ltree`)
    .orderBy('t.id', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => provenInScope(r));
}

/** The tournaments of a referee account, with the matches it is limited to (none: all). */
export async function refereeAssignments(db: Executor, scope: OrgScope, userId: number) {
  const rows = await selectTournaments(db)
    .innerJoin('tournament_referee as r', 'r.tournament_id', 't.id')
    .where('r.user_id', '=', userId)
    .where(inScope(scope, sql.ref('t.org_path')))
    .orderBy('t.id')
    .execute();
  const matches = await db
    .selectFrom('tournament_referee_match')
    .select('match_id')
    .where('user_id', '=', userId)
    .orderBy('match_id')
    .execute();
  return { tournaments: rows, matchIds: matches.map((m) => m.match_id) };
}

export async function refereeMayEnter(db: Executor, t: InScope<{ id: number }>, userId: number, matchId: number | null): Promise<boolean> {
  const named = await db.selectFrom('tournament_referee_match').select('match_id').where('user_id', '=', userId).execute();
  if (named.length === 0 || matchId === null) return true;
  return named.some((m) => m.match_id === matchId);
}

export async function insertTournament(tx: Executor, values: Insertable<TournamentTable>): Promise<number> {
  return (await tx.insertInto('tournament').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function teamsOf(db: Executor, t: Reachable) {
  return db
    .selectFrom('tournament_team')
    .select(['id', 'name', 'org_id', 'org_path', 'category', 'seed', 'group_no', 'draw_no'])
    .where('tournament_id', '=', t.id)
    .orderBy('id')
    .execute();
}
export type TeamRow = Awaited<ReturnType<typeof teamsOf>>[number];

export async function insertTeam(
  tx: Executor,
  t: InScope<{ id: number }>,
  team: Omit<Insertable<TournamentTeamTable>, 'tournament_id'>,
): Promise<number> {
  return (
    await tx
      .insertInto('tournament_team')
      .values({ ...team, tournament_id: t.id })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function setTeamGroup(tx: Executor, t: InScope<{ id: number }>, teamId: number, group: number, draw: number): Promise<void> {
  await tx
    .updateTable('tournament_team')
    .set({ group_no: group, draw_no: draw })
    .where('tournament_id', '=', t.id)
    .where('id', '=', teamId)
    .execute();
}

export async function matchesOf(db: Executor, t: Reachable) {
  return db
    .selectFrom('tournament_match')
    .selectAll()
    .where('tournament_id', '=', t.id)
    .orderBy('stage')
    .orderBy('group_no')
    .orderBy('round')
    .orderBy('bracket_no')
    .orderBy('id')
    .execute();
}
export type MatchRow = Awaited<ReturnType<typeof matchesOf>>[number];

export async function insertMatch(
  tx: Executor,
  t: InScope<{ id: number }>,
  m: Omit<Insertable<TournamentMatchTable>, 'tournament_id'>,
): Promise<number> {
  return (
    await tx
      .insertInto('tournament_match')
      .values({ ...m, tournament_id: t.id })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

/** The latest result row of every match of the tournament (what counts, what waits, what was voided). */
export async function latestResults(db: Executor, t: Reachable) {
  const { rows } = await sql<ResultRow>`
    SELECT DISTINCT ON (r.match_id) r.*
      FROM tournament_result r JOIN tournament_match m ON m.id = r.match_id
     WHERE m.tournament_id = ${t.id}
     ORDER BY r.match_id, r.version DESC`.execute(db);
  return rows;
}
export type ResultRow = Omit<TournamentResultTable, 'id' | 'created_at'> & { id: number; created_at: string };

/** The latest result of one match, locked with its match row (two writers on one match queue here). */
export async function latestResultOf(tx: Executor, t: InScope<{ id: number }>, matchId: number): Promise<ResultRow | undefined> {
  await tx.selectFrom('tournament_match').select('id').where('id', '=', matchId).where('tournament_id', '=', t.id).forUpdate().execute();
  const row = await tx
    .selectFrom('tournament_result')
    .selectAll()
    .where('match_id', '=', matchId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row;
}

export async function insertResult(tx: Executor, r: Omit<Insertable<TournamentResultTable>, 'id' | 'created_at'>): Promise<void> {
  await tx.insertInto('tournament_result').values(r).execute();
}

export async function lanesOf(db: Executor, t: Reachable) {
  return db
    .selectFrom('tournament_lane as l')
    .innerJoin('tournament_team as tm', 'tm.id', 'l.team_id')
    .select(['l.id', 'l.stage', 'l.heat_no', 'l.lane', 'l.team_id', 'tm.name'])
    .where('l.tournament_id', '=', t.id)
    .where('l.withdrawn_at', 'is', null)
    .orderBy('l.stage', 'desc')
    .orderBy('l.heat_no')
    .orderBy('l.lane')
    .execute();
}
export type LaneRow = Awaited<ReturnType<typeof lanesOf>>[number];

export async function insertLane(
  tx: Executor,
  t: InScope<{ id: number }>,
  l: { stage: 'heat' | 'final'; heat_no: number; lane: number; team_id: number },
) {
  await tx
    .insertInto('tournament_lane')
    .values({ ...l, tournament_id: t.id })
    .execute();
}

export async function latestHeatResults(db: Executor, t: Reachable) {
  const { rows } = await sql<HeatResultRow>`
    SELECT DISTINCT ON (h.lane_id) h.lane_id, h.version, h.status, h.outcome, h.time_ms
      FROM tournament_heat_result h JOIN tournament_lane l ON l.id = h.lane_id
     WHERE l.tournament_id = ${t.id} AND l.withdrawn_at IS NULL
     ORDER BY h.lane_id, h.version DESC`.execute(db);
  return rows;
}
export type HeatResultRow = Pick<TournamentHeatResultTable, 'lane_id' | 'version' | 'status' | 'outcome' | 'time_ms'>;

export async function insertHeatResult(tx: Executor, r: Omit<Insertable<TournamentHeatResultTable>, 'id' | 'created_at'>): Promise<void> {
  await tx.insertInto('tournament_heat_result').values(r).execute();
}

/** A referee account: the user, its 'referee' role on the organising node, the tournament and matches it serves. */
export async function usernameExists(db: Executor, username: string): Promise<boolean> {
  return (await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst()) !== undefined;
}

export async function insertReferee(
  tx: Executor,
  t: InScope<{ id: number }>,
  c: { userId: number; matchIds: readonly number[] },
): Promise<void> {
  await tx.insertInto('tournament_referee').values({ user_id: c.userId, tournament_id: t.id }).execute();
  for (const matchId of c.matchIds)
    await tx.insertInto('tournament_referee_match').values({ user_id: c.userId, match_id: matchId }).execute();
}

/** Which of `ids` are matches of the tournament. */
export async function matchIdsOf(db: Executor, t: InScope<{ id: number }>, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('tournament_match')
    .select('id')
    .where('tournament_id', '=', t.id)
    .where('id', 'in', [...ids])
    .execute();
  return rows.map((r) => r.id);
}

/** Which of `ids` are nodes inside `scope`. */
export async function orgsInScope(db: Executor, scope: OrgScope, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('org_unit')
    .select(['id', 'path'])
    .where('id', 'in', [...ids])
    .where(inScope(scope, sql.ref('path')))
    .execute();
}

/** The tournament of a match, for a request naming only the match. */
export async function tournamentOfMatch(db: Executor, matchId: number): Promise<number | undefined> {
  return (await db.selectFrom('tournament_match').select('tournament_id').where('id', '=', matchId).executeTakeFirst())?.tournament_id;
}

/** Whether the event lies inside `scope` (a tournament may belong to an event of the caller's reach). */
export async function eventInScope(db: Executor, scope: OrgScope, eventId: number): Promise<boolean> {
  const row = await db
    .selectFrom('event')
    .select('id')
    .where('id', '=', eventId)
    .where(inScope(scope, sql.ref('org_path')))
    .executeTakeFirst();
  return row !== undefined;
}

/** Sets when and where a match is played (the match is a match of the tournament proven in scope). */
export async function setMatchSlot(
  tx: Executor,
  t: InScope<{ id: number }>,
  matchId: number,
  slot: { kickoff: string | null; venue: string | null },
): Promise<void> {
  await tx.updateTable('tournament_match').set(slot).where('tournament_id', '=', t.id).where('id', '=', matchId).execute();
}

/** The matches of a tournament whose latest result has `status`, in match order (the query of a page, uncursored). */
export function resultMatchesQuery(db: Executor, t: InScope<{ id: number }>, status: 'entered' | 'confirmed') {
  return db
    .selectFrom('tournament_match as m')
    .select('m.id')
    .where('m.tournament_id', '=', t.id)
    .where(sql<string>`(SELECT r.status FROM tournament_result r WHERE r.match_id = m.id ORDER BY r.version DESC LIMIT 1)`, '=', status)
    .orderBy('m.id');
}

/** The orders decided by re-rows, oldest first (a later order naming the same crews supersedes an earlier one). */
export async function reRowsOf(db: Executor, t: Reachable): Promise<number[][]> {
  const rows = await db.selectFrom('tournament_rerow').select('team_ids').where('tournament_id', '=', t.id).orderBy('id').execute();
  return rows.map((r) => r.team_ids.map(Number));
}

export async function insertReRow(tx: Executor, t: InScope<{ id: number }>, teamIds: readonly number[], userId: number): Promise<void> {
  await tx
    .insertInto('tournament_rerow')
    .values({ tournament_id: t.id, team_ids: [...teamIds], user_id: userId })
    .execute();
}

/** Withdraws the final's draw (its lanes and any results in them stay for the record); answers how many lanes. */
export async function withdrawFinal(tx: Executor, t: InScope<{ id: number }>): Promise<number> {
  const rows = await tx
    .updateTable('tournament_lane')
    .set({ withdrawn_at: sql<string>`now()` })
    .where('tournament_id', '=', t.id)
    .where('stage', '=', 'final')
    .where('withdrawn_at', 'is', null)
    .returning('id')
    .execute();
  return rows.length;
}

/** The public link's state: its generation (signed into the token) and whether it is revoked. */
export async function linkStateOf(db: Executor, t: Reachable): Promise<{ generation: number; isRevoked: boolean }> {
  const row = await db
    .selectFrom('tournament')
    .select(['link_generation', 'link_revoked'])
    .where('id', '=', t.id)
    .executeTakeFirstOrThrow();
  return { generation: row.link_generation, isRevoked: row.link_revoked };
}

/** Issues the link again after a revocation (the generation moved on when it was revoked). */
export async function restoreLink(tx: Executor, t: InScope<{ id: number }>): Promise<void> {
  await tx.updateTable('tournament').set({ link_revoked: false }).where('id', '=', t.id).execute();
}

/** Revokes every link given out so far. */
export async function revokeLink(tx: Executor, t: InScope<{ id: number }>): Promise<number> {
  const row = await tx
    .updateTable('tournament')
    .set({ link_revoked: true, link_generation: sql<number>`link_generation + 1` })
    .where('id', '=', t.id)
    .returning('link_generation')
    .executeTakeFirstOrThrow();
  return row.link_generation;
}
