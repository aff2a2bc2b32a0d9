import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Executor } from '../../db/executor.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/tournaments.errors.js';
import { CorrectionBody, ResultBody, type Match } from '../../../common/tournaments.js';
import type { Actor } from '../../auth/scope.js';
import { recordWrite } from '../../audit/audit.js';
import { knockoutWinner } from './standings.js';
import { asMatchResult, downstreamOf, leagueState, presentMatch, type LeagueState, type ResolvedMatch } from './tournaments.view.js';
import { findMatchTournamentFor, isReferee, type TournamentInScope } from './tournaments.service.js';
import * as repo from './tournaments.repo.js';

/*
 * Results of a match (issue #14): the referee enters, the organiser confirms; a confirmed result is corrected by the
 * organiser only. Every step is a new immutable row (version n + 1, unique per match): the latest row says what counts.
 * The match row is locked first, so two confirmations or corrections of one match queue and the second finds the
 * first's row; the unique (match, version) key refuses whatever would still slip through.
 */

type Located = { t: TournamentInScope; state: LeagueState; match: ResolvedMatch; latest: repo.ResultRow | undefined };

async function locate(tx: Executor, t: TournamentInScope, matchId: number): Promise<Located> {
  const latest = await repo.latestResultOf(tx, t, matchId);
  const state = await leagueState(tx, t);
  const match = state.matches.find((m) => m.row.id === matchId);
  if (!match) throw new AppError('NOT_FOUND');
  return { t, state, match, latest };
}

function sidesOf(match: ResolvedMatch): { home: number; away: number } {
  if (typeof match.home !== 'number' || typeof match.away !== 'number') throw new AppError('TOURNAMENT_MATCH_NOT_READY');
  return { home: match.home, away: match.away };
}

function scoreColumns(match: ResolvedMatch, body: ResultBody) {
  const sides = sidesOf(match);
  const row = {
    home_team_id: sides.home,
    away_team_id: sides.away,
    home_goals: body.regular.home,
    away_goals: body.regular.away,
    et_home: body.extraTime?.home ?? null,
    et_away: body.extraTime?.away ?? null,
    pen_home: body.penalties?.home ?? null,
    pen_away: body.penalties?.away ?? null,
    fair_play_home: body.fairPlay?.home ?? 0,
    fair_play_away: body.fairPlay?.away ?? 0,
  };
  if (
    match.row.stage === 'knockout' &&
    knockoutWinner(asMatchResult({ ...row, match_id: 0, version: 0, status: 'entered' } as repo.ResultRow)) === null
  )
    throw new AppError('TOURNAMENT_KNOCKOUT_UNDECIDED');
  return row;
}

async function answer(db: Executor, t: TournamentInScope, matchId: number): Promise<Match> {
  const state = await leagueState(db, t);
  return presentMatch(
    state,
    state.matches.find((m) => m.row.id === matchId)!,
  );
}

/** The referee (or a cadre allowed to referee) enters a match's result; it counts once the organiser confirms it. */
export async function enterResult(db: Kysely<DB>, actor: Actor, matchId: number, input: ResultBody): Promise<Match> {
  const body = ResultBody.parse(input);
  const t = await db.transaction().execute(async (tx) => {
    const t = await findMatchTournamentFor(tx, actor, 'tournament.referee', matchId);
    if (isReferee(actor) && !(await repo.refereeMayEnter(tx, t, actor.userId, matchId))) throw new AppError('NOT_FOUND');
    const { match, latest } = await locate(tx, t, matchId);
    if (latest?.status === 'confirmed') throw new AppError('TOURNAMENT_RESULT_CONFIRMED');
    await repo.insertResult(tx, {
      match_id: matchId,
      version: (latest?.version ?? 0) + 1,
      status: 'entered',
      user_id: actor.userId,
      is_override: false,
      ...scoreColumns(match, body),
    });
    await recordWrite(tx, actor, 'tournament.result.enter', { type: 'tournament_match', id: matchId, orgPath: t.org_path }, { ...body });
    return t;
  });
  return answer(db, t, matchId);
}

/** The organiser confirms the entered result of a match: from now on it counts. */
export async function confirmResult(db: Kysely<DB>, actor: Actor, matchId: number): Promise<Match> {
  const t = await db.transaction().execute(async (tx) => {
    const t = await findMatchTournamentFor(tx, actor, 'tournament.write', matchId);
    const { latest } = await locate(tx, t, matchId);
    if (latest?.status !== 'entered') throw new AppError('TOURNAMENT_NOTHING_TO_CONFIRM');
    const { id: _id, created_at: _at, version, ...copy } = latest;
    await repo.insertResult(tx, {
      ...copy,
      version: version + 1,
      status: 'confirmed',
      user_id: actor.userId,
      reason: null,
      is_override: false,
    });
    await recordWrite(
      tx,
      actor,
      'tournament.result.confirm',
      { type: 'tournament_match', id: matchId, orgPath: t.org_path },
      { version: version + 1 },
    );
    return t;
  });
  return answer(db, t, matchId);
}

/**
 * The organiser corrects a confirmed result. Standings and the knockout sides follow by themselves (computed on
 * read). Refused while a match that depends on this one has a result, unless `override`: then, with the reason in
 * the audit, those results are voided and must be entered again.
 */
export async function correctResult(db: Kysely<DB>, actor: Actor, matchId: number, input: CorrectionBody): Promise<Match> {
  const body = CorrectionBody.parse(input);
  const t = await db.transaction().execute(async (tx) => {
    const t = await findMatchTournamentFor(tx, actor, 'tournament.write', matchId);
    const { state, match, latest } = await locate(tx, t, matchId);
    if (latest?.status !== 'confirmed') throw new AppError('TOURNAMENT_NOTHING_TO_CORRECT');
    if (latest.version !== body.version) throw new AppError('TOURNAMENT_RESULT_CHANGED');
    const played = downstreamOf(state, match.row).filter((m) => m.latest !== null && m.latest.status !== 'voided');
    if (played.length > 0 && !body.override)
      throw new AppError('TOURNAMENT_DEPENDENT_PLAYED', { match: played[0]!.row.bracket_no ?? played[0]!.row.id });
    for (const m of played) {
      const voided = await repo.latestResultOf(tx, t, m.row.id);
      const { id: _id, created_at: _at, version, ...copy } = voided!;
      await repo.insertResult(tx, {
        ...copy,
        version: version + 1,
        status: 'voided',
        user_id: actor.userId,
        reason: body.reason,
        is_override: true,
      });
    }
    const { reason, override, version: _version, ...score } = body;
    await repo.insertResult(tx, {
      match_id: matchId,
      version: latest.version + 1,
      status: 'confirmed',
      user_id: actor.userId,
      reason,
      is_override: played.length > 0,
      ...scoreColumns(match, score),
    });
    await recordWrite(
      tx,
      actor,
      played.length > 0 ? 'tournament.result.override' : 'tournament.result.correct',
      { type: 'tournament_match', id: matchId, orgPath: t.org_path },
      { ...score, reason, override, voided: played.map((m) => m.row.id) },
    );
    return t;
  });
  return answer(db, t, matchId);
}
