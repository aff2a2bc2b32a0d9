import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Executor } from '../../db/executor.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/tournaments.errors.js';
import '../../../common/users.errors.js';
import type { Action } from '../../../common/auth.js';
import {
  AddTeamsBody,
  CreateTournamentBody,
  type Bracket,
  type CreatedReferee,
  type CreateRefereeBody,
  type DrawGroupsBody,
  type RefereeAssignments,
  type Schedule,
  type Standings,
  type Tournament,
  type TournamentDetail,
} from '../../../common/tournaments.js';
import { scopeFor, type Actor, type InScope } from '../../auth/scope.js';
import { recordWrite } from '../../audit/audit.js';
import { findOrgFor, findOrgPathInScope } from '../orgs/orgs.service.js';
import { createNarrowAccount, firstPasswordOf } from '../users/narrow-accounts.js';
import { groupRoundRobins } from './fixtures.js';
import { groupKnockout } from './bracket.js';
import { computeStandings } from './standings.js';
import { domain, leagueState, presentMatch, presentStandings } from './tournaments.view.js';
import * as repo from './tournaments.repo.js';

export type TournamentInScope = InScope<repo.TournamentRow>;

export function toTournament(r: repo.TournamentRow): Tournament {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    eventId: r.event_id,
    name: r.name,
    kind: r.kind,
    tieBreaks: r.tie_breaks as Tournament['tieBreaks'],
    points: { win: r.points_win, draw: r.points_draw, loss: r.points_loss },
    qualifiers: r.qualifiers,
    lanes: r.lanes,
    finalists: r.finalists,
    byPlace: r.by_place,
    heatTieRule: r.heat_tie_rule,
    prizes: r.prizes,
    merits: r.merits,
    lotsSeed: r.lots_seed,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/** Whether the caller signs in as a tournament's referee (and then reaches the tournaments it is named on only). */
export function isReferee(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === 'referee');
}

/**
 * A tournament the caller may act on with `action`: NOT_FOUND outside what it may read, FORBIDDEN when it may read it
 * but not do this (the pattern of findOrgFor). A referee account reaches only the tournaments its referee row names.
 */
export async function findTournamentFor(
  db: Executor,
  actor: Actor,
  action: Action,
  id: number,
  forUpdate = false,
): Promise<TournamentInScope> {
  if (action === 'tournament.referee' && isReferee(actor)) {
    const own = await repo.findRefereeTournament(db, scopeFor(actor, action), actor.userId, id, forUpdate);
    if (!own) throw new AppError('NOT_FOUND');
    return own;
  }
  const row = await repo.findTournamentInScope(db, scopeFor(actor, action), id, forUpdate);
  if (row) return row;
  if (action !== 'tournament.read' && (await repo.findTournamentInScope(db, scopeFor(actor, 'tournament.read'), id)))
    throw new AppError('FORBIDDEN');
  throw new AppError('NOT_FOUND');
}

/** The tournament of a match, looked up as findTournamentFor does. */
export async function findMatchTournamentFor(db: Executor, actor: Actor, action: Action, matchId: number): Promise<TournamentInScope> {
  const tournamentId = await repo.tournamentOfMatch(db, matchId);
  if (tournamentId === undefined) throw new AppError('NOT_FOUND');
  return findTournamentFor(db, actor, action, tournamentId, true);
}

/** Creates a tournament at a node with its declared rules (the lots seed recorded now if not given). */
export async function createTournament(db: Kysely<DB>, actor: Actor, input: CreateTournamentBody): Promise<TournamentDetail> {
  const body = CreateTournamentBody.parse(input);
  const lotsSeed = body.lotsSeed ?? randomBytes(16).toString('hex');
  domain(() => computeStandings([], [], { points: body.points, tieBreaks: body.tieBreaks, lotsSeed }));
  if (body.kind === 'heats' && (body.lanes === undefined || body.finalists === undefined))
    throw new AppError('TOURNAMENT_INPUT_INVALID', { zh: '分组预赛须设定航道数和决赛名额', en: 'heats need lanes and finalists' });
  if (body.finalists !== undefined && body.lanes !== undefined && body.finalists > body.lanes)
    throw new AppError('TOURNAMENT_INPUT_INVALID', { zh: '决赛名额不能多于航道数', en: 'more finalists than lanes' });
  const id = await db.transaction().execute(async (tx) => {
    const org = await findOrgFor(tx, actor, 'tournament.write', body.orgId);
    if (body.eventId !== undefined && !(await repo.eventInScope(tx, scopeFor(actor, 'event.read'), body.eventId)))
      throw new AppError('NOT_FOUND');
    const id = await repo.insertTournament(tx, {
      org_id: org.id,
      org_path: org.path,
      event_id: body.eventId ?? null,
      name: body.name,
      kind: body.kind,
      tie_breaks: body.tieBreaks,
      points_win: body.points.win,
      points_draw: body.points.draw,
      points_loss: body.points.loss,
      qualifiers: body.qualifiers ?? null,
      lanes: body.lanes ?? null,
      finalists: body.finalists ?? null,
      by_place: body.byPlace ?? null,
      heat_tie_rule: body.heatTieRule,
      prizes: body.prizes,
      merits: body.merits,
      lots_seed: lotsSeed,
    });
    await recordWrite(tx, actor, 'tournament.create', { type: 'tournament', id, orgPath: org.path }, { name: body.name, kind: body.kind });
    return id;
  });
  return getTournament(db, actor, id);
}

export async function listTournaments(db: Kysely<DB>, actor: Actor, orgId: number): Promise<{ items: Tournament[] }> {
  const scope = scopeFor(actor, 'tournament.read');
  if (scope.paths.length === 0) throw new AppError('FORBIDDEN');
  const underPath = await findOrgPathInScope(db, scopeFor(actor, 'org.read'), orgId);
  return { items: (await repo.listTournaments(db, scope, underPath)).map(toTournament) };
}

async function detailOf(db: Executor, t: TournamentInScope): Promise<TournamentDetail> {
  const teams = await repo.teamsOf(db, t);
  return {
    ...toTournament(t),
    teams: teams.map((tm) => ({ id: tm.id, name: tm.name, orgId: tm.org_id, category: tm.category, seed: tm.seed, group: tm.group_no })),
  };
}

export async function getTournament(db: Kysely<DB>, actor: Actor, id: number): Promise<TournamentDetail> {
  return detailOf(db, await findTournamentFor(db, actor, 'tournament.read', id));
}

async function assertNotDrawn(db: Executor, t: TournamentInScope): Promise<void> {
  const [matches, lanes] = await Promise.all([repo.matchesOf(db, t), repo.lanesOf(db, t)]);
  if (matches.length > 0 || lanes.length > 0) throw new AppError('TOURNAMENT_DRAWN');
}

/** Adds teams (crews) before the draw; a sending unit must be a node the caller may read. */
export async function addTeams(db: Kysely<DB>, actor: Actor, id: number, input: AddTeamsBody): Promise<TournamentDetail> {
  const body = AddTeamsBody.parse(input);
  await db.transaction().execute(async (tx) => {
    const t = await findTournamentFor(tx, actor, 'tournament.write', id, true);
    await assertNotDrawn(tx, t);
    const orgIds = [...new Set(body.teams.flatMap((team) => (team.orgId === undefined ? [] : [team.orgId])))];
    const orgs = new Map((await repo.orgsInScope(tx, scopeFor(actor, 'org.read'), orgIds)).map((o) => [o.id, o.path]));
    if (orgs.size !== orgIds.length) throw new AppError('NOT_FOUND');
    const existing = new Set((await repo.teamsOf(tx, t)).map((tm) => tm.name));
    for (const team of body.teams) {
      if (existing.has(team.name))
        throw new AppError('TOURNAMENT_INPUT_INVALID', { zh: `队伍重复：${team.name}`, en: `team listed twice: ${team.name}` });
      existing.add(team.name);
      await repo.insertTeam(tx, t, {
        name: team.name,
        org_id: team.orgId ?? null,
        org_path: team.orgId === undefined ? null : orgs.get(team.orgId)!,
        category: team.category ?? null,
        seed: team.seed ?? null,
      });
    }
    await recordWrite(tx, actor, 'tournament.teams.add', { type: 'tournament', id, orgPath: t.org_path }, { teams: body.teams.length });
  });
  return getTournament(db, actor, id);
}

const bySeed = (a: repo.TeamRow, b: repo.TeamRow) => (a.seed ?? Infinity) - (b.seed ?? Infinity) || a.id - b.id;

/**
 * Draws the groups and generates their fixtures: one group per category (in the order given), or `groups` groups
 * dealt in snake order of seeding; within a group the draw order is the seeding (then the order of entry), and the
 * round-robin (circle method) is generated from it. Groups may be of unequal size.
 */
export async function drawGroups(db: Kysely<DB>, actor: Actor, id: number, body: DrawGroupsBody): Promise<Schedule> {
  await db.transaction().execute(async (tx) => {
    const t = await findTournamentFor(tx, actor, 'tournament.write', id, true);
    if (t.kind !== 'league_knockout') throw new AppError('TOURNAMENT_WRONG_KIND');
    await assertNotDrawn(tx, t);
    const teams = (await repo.teamsOf(tx, t)).sort(bySeed);
    let groups: repo.TeamRow[][];
    if ('categories' in body) {
      groups = body.categories.map((c) => teams.filter((tm) => tm.category === c));
      const placed = groups.flat().length;
      if (placed !== teams.length)
        throw new AppError('TOURNAMENT_INPUT_INVALID', {
          zh: `有${teams.length - placed}支队伍的组别不在所列组别中`,
          en: `${teams.length - placed} teams have a category not listed`,
        });
    } else {
      groups = Array.from({ length: body.groups }, () => []);
      teams.forEach((tm, i) => {
        const lap = Math.floor(i / body.groups);
        const at = i % body.groups;
        groups[lap % 2 === 0 ? at : body.groups - 1 - at]!.push(tm);
      });
    }
    const fixtures = domain(() =>
      groupRoundRobins(groups.map((g, i) => ({ groupId: String(i + 1), teamIds: g.map((tm) => String(tm.id)) }))),
    );
    for (const [g, members] of groups.entries())
      for (const [k, tm] of members.entries()) await repo.setTeamGroup(tx, t, tm.id, g + 1, k + 1);
    for (const group of fixtures)
      for (const round of group.rounds)
        for (const m of round.matches)
          await repo.insertMatch(tx, t, {
            stage: 'group',
            group_no: Number(group.groupId),
            round: round.round,
            home_team_id: Number(m.home),
            away_team_id: Number(m.away),
          });
    await recordWrite(
      tx,
      actor,
      'tournament.groups.draw',
      { type: 'tournament', id, orgPath: t.org_path },
      { groups: groups.map((g) => g.length) },
    );
  });
  return getSchedule(db, actor, id);
}

/**
 * Generates the knockout once every group match has a confirmed result: the top `qualifiers` of each group on a
 * bracket with byes to the best ranks (groupKnockout), sides named by their sources and resolved on read.
 */
export async function drawKnockout(db: Kysely<DB>, actor: Actor, id: number): Promise<Bracket> {
  await db.transaction().execute(async (tx) => {
    const t = await findTournamentFor(tx, actor, 'tournament.write', id, true);
    if (t.kind !== 'league_knockout') throw new AppError('TOURNAMENT_WRONG_KIND');
    const state = await leagueState(tx, t);
    if (state.matches.some((m) => m.row.stage === 'knockout')) throw new AppError('TOURNAMENT_DRAWN');
    if (state.groups.length === 0 || state.groups.some((g) => !g.complete)) throw new AppError('TOURNAMENT_GROUP_STAGE_INCOMPLETE');
    const qualifiers = t.qualifiers ?? 1;
    if (state.groups.some((g) => g.table.length < qualifiers))
      throw new AppError('TOURNAMENT_INPUT_INVALID', { zh: '出线名额多于小组队伍数', en: 'more qualifiers than teams in a group' });
    const bracket = domain(() => groupKnockout({ groups: state.groups.length, qualifiers }));
    const source = (s: (typeof bracket.matches)[number]['home']): string => {
      if (s.kind === 'bye') return 'bye';
      if (s.kind === 'winner') return `winner:${s.match}`;
      if (s.kind === 'groupRank') return `rank:${state.groups[s.group - 1]!.group}:${s.rank}`;
      throw new AppError('TOURNAMENT_WRONG_KIND');
    };
    for (const m of bracket.matches)
      await repo.insertMatch(tx, t, {
        stage: 'knockout',
        round: m.round,
        bracket_no: m.match,
        home_source: source(m.home),
        away_source: source(m.away),
      });
    await recordWrite(tx, actor, 'tournament.knockout.draw', { type: 'tournament', id, orgPath: t.org_path }, { size: bracket.size });
  });
  return getBracket(db, actor, id);
}

export async function scheduleOf(db: Executor, t: repo.Reachable & repo.TournamentRow): Promise<Schedule> {
  const state = await leagueState(db, t);
  return { tournamentId: t.id, name: t.name, matches: state.matches.map((m) => presentMatch(state, m)) };
}

/**
 * What a read of the schedule or the heats looks the tournament up with: a referee account (no tournament.read) reads
 * the tournaments it is named on — it must see the matches to enter their results; everyone else reads in scope.
 */
export function readActionOf(actor: Actor): Action {
  return isReferee(actor) ? 'tournament.referee' : 'tournament.read';
}

export async function getSchedule(db: Kysely<DB>, actor: Actor, id: number): Promise<Schedule> {
  return scheduleOf(db, await findTournamentFor(db, actor, readActionOf(actor), id));
}

export async function getStandings(db: Kysely<DB>, actor: Actor, id: number): Promise<Standings> {
  const t = await findTournamentFor(db, actor, 'tournament.read', id);
  return { tournamentId: t.id, groups: presentStandings(await leagueState(db, t)) };
}

export async function bracketOf(db: Executor, t: repo.Reachable & repo.TournamentRow): Promise<Bracket> {
  const state = await leagueState(db, t);
  const knockout = state.matches.filter((m) => m.row.stage === 'knockout');
  return {
    tournamentId: t.id,
    rounds: Math.max(0, ...knockout.map((m) => m.row.round)),
    matches: knockout.map((m) => presentMatch(state, m)),
  };
}

export async function getBracket(db: Kysely<DB>, actor: Actor, id: number): Promise<Bracket> {
  return bracketOf(db, await findTournamentFor(db, actor, 'tournament.read', id));
}

/**
 * Creates a referee account for a tournament (the cashier pattern): a user holding the role 'referee' on the
 * organising node, named on the tournament (and, if listed, limited to some matches), with a generated first password
 * shown once and changed at first sign-in.
 */
export async function createReferee(db: Kysely<DB>, actor: Actor, id: number, body: CreateRefereeBody): Promise<CreatedReferee> {
  const { firstPassword, passwordHash } = await firstPasswordOf(body.username);
  return db.transaction().execute(async (tx) => {
    const t = await findTournamentFor(tx, actor, 'tournament.write', id, true);
    const matchIds = [...new Set(body.matchIds)];
    const known = await repo.matchIdsOf(tx, t, matchIds);
    const unknown = matchIds.find((m) => !known.includes(m));
    if (unknown !== undefined) throw new AppError('NOT_FOUND');
    const userId = await createNarrowAccount(
      tx,
      actor,
      { username: body.username, displayName: body.displayName, passwordHash, role: 'referee', node: t },
      { action: 'tournament.referee.create', target: { type: 'tournament', id, orgPath: t.org_path }, detail: { matchIds } },
    );
    await repo.insertReferee(tx, t, { userId, matchIds });
    return { userId, username: body.username, firstPassword };
  });
}

/** The tournaments the caller referees (an empty list for anyone without a referee row). */
export async function refereeAssignments(db: Kysely<DB>, actor: Actor): Promise<RefereeAssignments> {
  const scope = scopeFor(actor, 'tournament.referee');
  if (scope.paths.length === 0) return { items: [] };
  const { tournaments, matchIds } = await repo.refereeAssignments(db, scope, actor.userId);
  return {
    items: tournaments.map((t) => ({ tournamentId: t.id, name: t.name, kind: t.kind, matchIds: matchIds.length > 0 ? matchIds : null })),
  };
}
